import Foundation
import Testing

/// getconf built for aarch64, run under qemu, answers as the x86_64 build
/// does, name by name, except where the architecture itself differs.
@Suite("aarch64 getconf under qemu vs the x86_64 build",
       .enabled(if: AArch64Emulator.available, AArch64Emulator.skipReason))
struct AArch64GetconfTests {
    /// The values that legitimately differ on AArch64, as glibc's own
    /// getconf for AArch64 reports them (run under qemu with Debian's
    /// libc6:arm64), with the reason.
    static let architectureValues: [String: (value: String, reason: String)] = [
        "CHAR_MAX": ("255", "plain char is unsigned in the AArch64 C ABI"),
        "CHAR_MIN": ("0", "plain char is unsigned in the AArch64 C ABI"),
        "PTHREAD_STACK_MIN": ("131072", "glibc's minimum thread stack on AArch64, where pages may be 64 KiB"),
        "XBS5_LP64_OFF64_CFLAGS": ("", "no -m64: LP64 is AArch64's only environment"),
        "XBS5_LP64_OFF64_LDFLAGS": ("", "no -m64: LP64 is AArch64's only environment"),
        "POSIX_V6_LP64_OFF64_CFLAGS": ("", "no -m64: LP64 is AArch64's only environment"),
        "POSIX_V6_LP64_OFF64_LDFLAGS": ("", "no -m64: LP64 is AArch64's only environment"),
        "POSIX_V7_LP64_OFF64_CFLAGS": ("", "no -m64: LP64 is AArch64's only environment"),
        "POSIX_V7_LP64_OFF64_LDFLAGS": ("", "no -m64: LP64 is AArch64's only environment"),
    ]

    /// The cache names: the x86_64 build asks the processor (CPUID, as
    /// glibc does on x86), the aarch64 build reads sysfs, which the emulator
    /// passes through from the host. So the aarch64 values are compared
    /// with the host's /sys/devices/system/cpu/cpu0/cache directly: a level
    /// sysfs does not describe has no value (`undefined` alone, empty in
    /// `-a`).
    static let sysfsCaches: [String: String] = {
        var values: [String: String] = [:]
        let base = "/sys/devices/system/cpu/cpu0/cache"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        func read(_ path: String) -> String? {
            (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for entry in entries where entry.hasPrefix("index") {
            let directory = base + "/" + entry
            guard let level = read(directory + "/level"), let type = read(directory + "/type") else { continue }
            let prefix: String
            switch type {
            case "Data": prefix = "LEVEL\(level)_DCACHE_"
            case "Instruction": prefix = "LEVEL\(level)_ICACHE_"
            case "Unified": prefix = "LEVEL\(level)_CACHE_"
            default: continue
            }
            if let size = read(directory + "/size"), size.hasSuffix("K"), let kib = Int(size.dropLast()) {
                values[prefix + "SIZE"] = String(kib * 1024)
            }
            values[prefix + "ASSOC"] = read(directory + "/ways_of_associativity")
            values[prefix + "LINESIZE"] = read(directory + "/coherency_line_size")
        }
        return values
    }()

    /// The value the aarch64 build should print for a cache name, or nil
    /// for other names. `single`: the name asked alone (no value prints
    /// `undefined`) rather than in `-a` (no value prints nothing).
    static func sysfsCacheValue(_ name: String, single: Bool) -> String? {
        guard name.hasPrefix("LEVEL"), name.contains("CACHE_") else { return nil }
        return sysfsCaches[name] ?? (single ? "undefined" : "")
    }

    /// Free memory moves between two runs: compared within a tolerance.
    /// (Everything else the emulator passes through from the host kernel:
    /// limits, processors, file systems.)
    static let liveNames: Set<String> = GetconfHarness.liveNames

    /// The x86_64 build's `getconf -a`.
    static let nativeListing = GetconfHarness.listing(AArch64Emulator.runNative("getconf", ["-a"]).stdoutText)

    /// Expects `value` (aarch64) to be what x86_64's `expected` is on AArch64.
    static func expectMatching(_ name: String, aarch64 value: String, x86_64 expected: String, context: String,
                               single: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
        if let cache = sysfsCacheValue(name, single: single) {
            #expect(value == cache, "\(context) \(name): aarch64 \(value), host sysfs \(cache)",
                    sourceLocation: sourceLocation)
        } else if let difference = architectureValues[name] {
            #expect(value == difference.value, "\(context) \(name): \(value), expected \(difference.value) (\(difference.reason))",
                    sourceLocation: sourceLocation)
        } else if liveNames.contains(name) {
            #expect(GetconfHarness.closeEnough(value, expected), "\(context) \(name): \(value) vs \(expected)",
                    sourceLocation: sourceLocation)
        } else {
            #expect(value == expected, "\(context) \(name): aarch64 \(value), x86_64 \(expected)",
                    sourceLocation: sourceLocation)
        }
    }

    /// Compares two `-a` listings line by line: the same names in the same
    /// order, the same padding, the values as `compare` says.
    static func compareListings(_ aarch64: ToolResult, _ reference: ToolResult, context: String,
                                compare: (String, String, String) -> Void) {
        #expect(aarch64.status == reference.status && !aarch64.stdout.isEmpty, "\(context)\n\(aarch64)\n\(reference)")
        let emulated = GetconfHarness.listing(aarch64.stdoutText)
        let native = GetconfHarness.listing(reference.stdoutText)
        #expect(emulated.map(\.name) == native.map(\.name), "\(context): the names differ")
        for (ours, theirs) in zip(emulated, native) where ours.name == theirs.name {
            compare(ours.name, ours.value, theirs.value)
        }
        // The padding: each line is the name padded to 35 columns, then the value.
        for line in aarch64.stdoutText.split(separator: "\n") where line.count > 35 {
            #expect(line.prefix(35).last == " ", "\(context): \(line)")
        }
    }

    @Test("every name of getconf -a, one at a time")
    func everyName() {
        #expect(Self.nativeListing.count > 300)
        for (name, _) in Self.nativeListing {
            var arguments = [name]
            var native = AArch64Emulator.runNative("getconf", arguments)
            if native.status != 0 { // a file system name: it needs a path
                arguments.append("/")
                native = AArch64Emulator.runNative("getconf", arguments)
            }
            let emulated = AArch64Emulator.run("getconf", arguments)
            #expect(emulated.status == native.status, "getconf \(arguments): \(emulated) vs \(native)")
            #expect(emulated.stderr == native.stderr, "getconf \(arguments): \(emulated) vs \(native)")
            #expect(emulated.stdoutText.hasSuffix("\n"), "getconf \(arguments): \(emulated)")
            Self.expectMatching(name, aarch64: String(emulated.stdoutText.dropLast()),
                                x86_64: String(native.stdoutText.dropLast()), context: "getconf \(name)",
                                single: true)
        }
    }

    @Test("getconf -a, line by line, for the root, a missing path and a file", arguments: [
        [], ["/"], ["/nonexistent"], ["/etc/passwd"],
    ] as [[String]])
    func listing(path: [String]) {
        let emulated = AArch64Emulator.run("getconf", ["-a"] + path)
        let native = AArch64Emulator.runNative("getconf", ["-a"] + path)
        #expect(emulated.stderr == native.stderr, "getconf -a \(path): \(emulated.stderrText) vs \(native.stderrText)")
        Self.compareListings(emulated, native, context: "getconf -a \(path)") { name, value, expected in
            Self.expectMatching(name, aarch64: value, x86_64: expected, context: "getconf -a \(path)")
        }
    }

    @Test("64 KiB pages: PAGESIZE 65536, memory counted in those pages")
    func largePages() throws {
        let pageSize = AArch64Emulator.run("getconf", ["PAGESIZE"], qemuOptions: ["-p", "65536"])
        #expect(pageSize.stdoutText == "65536\n" && pageSize.status == 0, "\(pageSize)")
        let large = AArch64Emulator.run("getconf", ["-a"], qemuOptions: ["-p", "65536"])
        let small = AArch64Emulator.run("getconf", ["-a"])
        let smallPage = try #require(Int(AArch64Emulator.run("getconf", ["PAGESIZE"]).stdoutText.dropLast()))
        Self.compareListings(large, small, context: "qemu -p 65536 getconf -a") { name, value, expected in
            switch name {
            case "PAGESIZE", "PAGE_SIZE":
                #expect(value == "65536", "\(name): \(value)")
            case "_PHYS_PAGES":
                // The same memory in larger pages, rounded down as before.
                #expect(Int(value) == Int(expected).map { $0 * smallPage / 65536 }, "\(name): \(value) vs \(expected)")
            case "_AVPHYS_PAGES":
                let bytes = Int(value).map { String($0 * 65536) } ?? value
                let expectedBytes = Int(expected).map { String($0 * smallPage) } ?? expected
                #expect(GetconfHarness.closeEnough(bytes, expectedBytes), "\(name): \(value) vs \(expected)")
            default:
                #expect(value == expected, "\(name): 64 KiB pages \(value), 4 KiB \(expected)")
            }
        }
    }

    @Test("an older CPU (cortex-a53) changes nothing")
    func cortexA53() {
        let older = AArch64Emulator.run("getconf", ["-a"], qemuOptions: ["-cpu", "cortex-a53"])
        let current = AArch64Emulator.run("getconf", ["-a"])
        Self.compareListings(older, current, context: "qemu -cpu cortex-a53 getconf -a") { name, value, expected in
            if Self.liveNames.contains(name) {
                #expect(GetconfHarness.closeEnough(value, expected), "\(name): \(value) vs \(expected)")
            } else {
                #expect(value == expected, "\(name): cortex-a53 \(value), default CPU \(expected)")
            }
        }
    }

    @Test("usage errors, unknown names and paths: same messages and exit codes", arguments: [
        [], ["NOSUCH"], ["LONG_BIT", "/", "extra"], ["-v"],
        ["-v", "POSIX_V7_LP64_OFF64", "LONG_BIT"], ["-v", "POSIX_V7_ILP32_OFF32", "LONG_BIT"], ["-v", "NOSUCH", "LONG_BIT"],
        ["NAME_MAX"], ["NAME_MAX", "/nonexistent"], ["PATH"], ["-x"], ["--", "LONG_BIT"], ["_POSIX_AIO_MAX"],
        ["GNU_LIBC_VERSION"],
    ] as [[String]])
    func errors(arguments: [String]) {
        let emulated = AArch64Emulator.run("getconf", arguments)
        let native = AArch64Emulator.runNative("getconf", arguments)
        #expect(emulated == native, "getconf \(arguments)\n--- aarch64 ---\n\(emulated)\n--- x86_64 ---\n\(native)")
    }
}
