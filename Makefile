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
# Swift SDK bundle in sdk/ (its sysroot points at Debian's musl-dev). For
# size, its toolset adds to -Osize: no SIL closure specialization (a copy of
# a function per closure passed), LLVM's machine outliner (repeated
# instruction sequences become calls) and identical code folding in the
# linker; the linker script drops sections nothing reads at run time.
DISCARD_SCRIPT := $(CURDIR)/sdk/musl.artifactbundle/x86_64-linux-musl/discard.ld
RELEASE_FLAGS := -c release --swift-sdks-path sdk --swift-sdk $(SDK) \
	--scratch-path $(SCRATCH) -Xlinker $(UNICODE_TABLES) \
	-Xlinker -T -Xlinker $(DISCARD_SCRIPT)
# getent is a static position-independent executable (ASLR for all of it):
# measured with bench/runner it costs getent's start-up under 2%. getconf
# stays a plain static executable: as a PIE its tables of pointers need
# relocating at every start, 6-10% of its start-up (getconf PAGESIZE 143 ->
# 157 us). Different link flags, so getent builds in its own scratch path.
SCRATCH_PIE := .build-musl-pie
RELEASE_FLAGS_PIE := -c release --swift-sdks-path sdk --swift-sdk $(SDK) \
	--scratch-path $(SCRATCH_PIE) -Xlinker $(UNICODE_TABLES) \
	-Xlinker -T -Xlinker $(DISCARD_SCRIPT) \
	-Xswiftc -Xclang-linker -Xswiftc -static-pie

.PHONY: all release check test unit-test sanitizers sanitizer-address sanitizer-undefined lint install bench fuzz fuzz-smoke clean

all: release

release:
	$(SWIFT) build $(RELEASE_FLAGS) --product getconf
	$(SWIFT) build $(RELEASE_FLAGS_PIE) --product getent
	mkdir -p build
	$(STRIP) -o build/getconf $(SCRATCH)/release/getconf
	$(STRIP) -o build/getent $(SCRATCH_PIE)/release/getent

# Every test: unit and CLI tests (the CLI tests run build/*), the same under
# AddressSanitizer and UndefinedBehaviorSanitizer, the man page lint, and a
# short fuzzing run of every target.
check: release lint test sanitizers fuzz-smoke

test:
	LIBC_SUPPORT_BUILD=$(CURDIR)/build $(SWIFT) test

# The unit tests and the CLI tests with AddressSanitizer (and LeakSanitizer)
# and with UndefinedBehaviorSanitizer: the library, the tests and getent and
# getconf themselves are built in normal (glibc) mode with the sanitizer, and
# the CLI tests run those tools (LIBC_SUPPORT_BUILD) instead of build/. A
# sanitizer report in a tool exits 86, a status no test expects.
# swiftc has no -sanitize=undefined on Linux: UBSan instruments the C code
# (CLibc.c and the inline wrappers of CLibc.h, which are compiled into the
# Swift modules that call them); Swift code traps on its own undefined
# operations (overflow, bounds, exclusivity) in these debug builds.
SANITIZER_ENV := \
	ASAN_OPTIONS=exitcode=86:detect_leaks=1:detect_stack_use_after_return=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions \
	UBSAN_OPTIONS=halt_on_error=1:exitcode=86:print_stacktrace=1 \
	SWIFT_BACKTRACE=enable=no
SANITIZE_address := --sanitize=address
SANITIZE_undefined := -Xcc -fsanitize=undefined -Xcc -fno-sanitize-recover=undefined \
	-Xswiftc -Xclang-linker -Xswiftc -fsanitize=undefined

# Suites about the release binaries themselves (ELF layout, static tables,
# the files and system calls of a static binary, a faked kernel under
# ptrace) do not apply to the sanitized glibc-linked builds.
SANITIZER_SKIP := GetconfStaticBinaryTests|GetconfStaticTableTests|HardeningTests|SecurityTests|GetconfKernelTests

sanitizers: sanitizer-address sanitizer-undefined

sanitizer-address sanitizer-undefined: sanitizer-%:
	$(SWIFT) build $(SANITIZE_$*) --scratch-path .build-$*
	$(SANITIZER_ENV) LIBC_SUPPORT_BUILD=$(CURDIR)/.build-$*/debug \
		$(SWIFT) test $(SANITIZE_$*) --scratch-path .build-$* --skip '$(SANITIZER_SKIP)'

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
	rm -rf build $(SCRATCH) $(SCRATCH_PIE) .build .build-address .build-undefined .build-fuzz
