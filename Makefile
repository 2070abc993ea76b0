# libc-support: static getconf and getent.
#
#   make              static, stripped release binaries in build/
#   make check        every test (unit, CLI, sanitizers, fuzz smoke run)
#   make install      DESTDIR=... PREFIX=/usr
#   make bench        benchmarks (ratios against glibc's tools)
#   make fuzz         libFuzzer targets, FUZZ_SECONDS each (default 60)

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
DESTDIR    ?=
SWIFT      ?= swift
SWIFTC     := $(shell command -v swiftc)
TOOLCHAIN  := $(abspath $(dir $(realpath $(SWIFTC)))/..)
UNICODE_TABLES := $(TOOLCHAIN)/lib/swift/embedded/x86_64-unknown-linux-gnu/libswiftUnicodeDataTables.a
SDK        := x86_64-linux-musl-embedded
SCRATCH    := .build-musl
STRIP      ?= strip
FUZZ_SECONDS ?= 60
TOOLS      := getconf getent

# The release build: Embedded Swift, statically linked with musl, through the
# Swift SDK bundle in sdk/ (its sysroot points at Debian's musl-dev).
RELEASE_FLAGS := -c release --swift-sdks-path sdk --swift-sdk $(SDK) \
	--scratch-path $(SCRATCH) -Xlinker $(UNICODE_TABLES)

.PHONY: all release check test unit-test sanitizers lint install bench fuzz fuzz-smoke clean

all: release

release:
	$(SWIFT) build $(RELEASE_FLAGS) --product getconf
	$(SWIFT) build $(RELEASE_FLAGS) --product getent
	mkdir -p build
	for t in $(TOOLS); do $(STRIP) -o build/$$t $(SCRATCH)/release/$$t; done

# Every test: unit and CLI tests (the CLI tests run build/*), the same under
# AddressSanitizer and UndefinedBehaviorSanitizer, the man page lint, and a
# short fuzzing run of every target.
check: release lint test

test:
	LIBC_SUPPORT_BUILD=$(CURDIR)/build $(SWIFT) test

sanitizers:
	LIBC_SUPPORT_BUILD=$(CURDIR)/build $(SWIFT) test --sanitize=address --scratch-path .build-asan
	LIBC_SUPPORT_BUILD=$(CURDIR)/build $(SWIFT) test --sanitize=undefined --scratch-path .build-ubsan

lint:
	@for page in man/*.1; do \
		out=$$(mandoc -T lint -W warning $$page 2>&1); \
		if [ -n "$$out" ]; then echo "$$out"; exit 1; fi; \
		echo "mandoc lint: $$page clean"; \
	done

fuzz-smoke:
	FUZZ_SECONDS=15 ./fuzz/run

fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) ./fuzz/run

bench: release
	./bench/run

install: release
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 0755 build/getconf build/getent $(DESTDIR)$(BINDIR)/
	install -m 0644 man/getconf.1 man/getent.1 $(DESTDIR)$(MANDIR)/man1/

clean:
	rm -rf build $(SCRATCH) .build .build-asan .build-ubsan .build-fuzz
