# libc-support: static getconf and getent.
#
#   make              static, stripped release binaries in build/
#   make aarch64      the same for ARMv8 in build/aarch64/ (or make ARCH=aarch64)
#   make check        every test (unit, CLI, aarch64 under qemu, sanitizers, fuzz smoke run)
#   make install      DESTDIR=... PREFIX=/usr (ARCH=aarch64, or make install-aarch64)
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
# size, its toolset adds to -Osize: link-time optimization of the whole
# program (Swift and C compile to LLVM bitcode, which lld optimizes and
# generates as one module), no SIL closure specialization (a copy of a
# function per closure passed), LLVM's machine outliner (repeated
# instruction sequences become calls) and identical code folding in the
# linker; the linker script drops sections nothing reads at run time. The C
# module's own allocator (Sources/CLibc/Heap.c) replaces musl's malloc.
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

.PHONY: all release aarch64 aarch64-sysroot test-aarch64 install-x86_64 install-aarch64 check test unit-test sanitizers sanitizer-address sanitizer-undefined lint install bench fuzz fuzz-smoke clean

# ARCH picks what `make` and `make install` build: x86_64 (the default) or
# aarch64.
ARCH ?= x86_64
BUILD_x86_64  := release
BUILD_aarch64 := aarch64
ifeq ($(BUILD_$(ARCH)),)
$(error ARCH=$(ARCH): only x86_64 and aarch64 are built)
endif

all: $(BUILD_$(ARCH))

release:
	$(SWIFT) build $(RELEASE_FLAGS) --product getconf
	$(SWIFT) build $(RELEASE_FLAGS_PIE) --product getent
	mkdir -p build
	$(STRIP) -o build/getconf $(SCRATCH)/release/getconf
	$(STRIP) -o build/getent $(SCRATCH_PIE)/release/getent

# ARMv8 (aarch64): the same sources through the second SDK bundle in sdk/.
# The toolchain's Embedded standard library exists for aarch64-none-none-elf
# only, so Swift compiles for that target (same ABI and data layout) while
# its C importer, the C compiler and the link see aarch64 Linux with musl
# (the unofficial flags are in the bundle's toolset.json; see README). The
# sysroot is made of links to Debian's musl-dev:arm64 and cross gcc files.
# getent static-pie, getconf plain static, as on x86_64.
AARCH64_SDK      := aarch64-linux-musl-embedded
AARCH64_SYSROOT  := sdk/musl-aarch64.artifactbundle/aarch64-linux-musl/sysroot
AARCH64_STRIP    ?= aarch64-linux-gnu-strip
AARCH64_UNICODE_TABLES := $(TOOLCHAIN)/lib/swift/embedded/aarch64-none-none-elf/libswiftUnicodeDataTables.a
AARCH64_FLAGS    := -c release --swift-sdks-path sdk --swift-sdk $(AARCH64_SDK) \
	-Xlinker $(AARCH64_UNICODE_TABLES) -Xlinker -T -Xlinker $(DISCARD_SCRIPT)

aarch64: aarch64-sysroot
	$(SWIFT) build $(AARCH64_FLAGS) --scratch-path $(SCRATCH)-aarch64 --product getconf
	$(SWIFT) build $(AARCH64_FLAGS) --scratch-path $(SCRATCH_PIE)-aarch64 \
		-Xswiftc -Xclang-linker -Xswiftc -static-pie --product getent
	mkdir -p build/aarch64
	$(AARCH64_STRIP) -o build/aarch64/getconf $(SCRATCH)-aarch64/release/getconf
	$(AARCH64_STRIP) -o build/aarch64/getent $(SCRATCH_PIE)-aarch64/release/getent

aarch64-sysroot:
	./scripts/aarch64-sysroot $(AARCH64_SYSROOT)

# The aarch64 binaries under qemu-aarch64-static against the x86_64 ones
# (Tests/CLITests/AArch64; `make test` runs them too once they are built).
test-aarch64: release aarch64
	LIBC_SUPPORT_BUILD=$(CURDIR)/build $(SWIFT) test --filter AArch64

# Every test: unit and CLI tests (the CLI tests run build/*), the same under
# AddressSanitizer and UndefinedBehaviorSanitizer, the man page lint, and a
# short fuzzing run of every target. The aarch64 binaries are built first so
# that the test run includes their suite under qemu.
check: release aarch64 lint test sanitizers fuzz-smoke

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
# ptrace) do not apply to the sanitized glibc-linked builds. The IDNA
# oracle suite compares every Unicode code point with libidn2 (minutes in a
# debug build, several times that instrumented); the sanitizers see the IDN
# code through IDNATests and the idn fuzz target instead.
SANITIZER_SKIP := IDNAOracleTests|AArch64|GetconfStaticBinaryTests|GetconfStaticTableTests|HardeningTests|SecurityTests|GetconfKernelTests

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

install: install-$(ARCH)

install-x86_64: BIN := build
install-aarch64: BIN := build/aarch64
install-x86_64: release
install-aarch64: aarch64
install-x86_64 install-aarch64:
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 0755 $(BIN)/getconf $(BIN)/getent $(DESTDIR)$(BINDIR)/
	install -m 0644 man/getconf.1 man/getent.1 $(DESTDIR)$(MANDIR)/man1/

clean:
	rm -rf build $(SCRATCH) $(SCRATCH_PIE) $(SCRATCH)-aarch64 $(SCRATCH_PIE)-aarch64 $(AARCH64_SYSROOT) .build .build-address .build-undefined .build-fuzz
