import Foundation
import Testing

/// Runs our static getconf and glibc's side by side and knows the deliberate
/// differences between them (see man/getconf.1, "DIFFERENCES FROM GLIBC").
enum GetconfHarness {
    static let glibc = Differential.glibcGetconf
    static var ours: String { Sandbox.tool("getconf") }

    /// A result with stderr's "PROGRAM:" prefix made independent of the path
    /// each tool was run by (both name the program as invoked).
    static func run(_ tool: String, _ arguments: [String]) -> ToolResult {
        var result = Sandbox.run(tool, arguments)
        let text = result.stderrText.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(tool + ":") ? "getconf:" + line.dropFirst(tool.count + 1) : String(line)
        }.joined(separator: "\n")
        result.stderr = Data(text.utf8)
        return result
    }

    /// Expects identical stdout, stderr (program name aside) and status.
    @discardableResult
    static func expectSame(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> (ours: ToolResult, glibc: ToolResult) {
        let ours = run(self.ours, arguments)
        let theirs = run(glibc, arguments)
        #expect(ours == theirs, "getconf \(arguments)\n--- ours ---\n\(ours)\n--- glibc ---\n\(theirs)",
                sourceLocation: sourceLocation)
        return (ours, theirs)
    }

    /// glibc's `getconf -a` as (name, value) pairs, in its order.
    static func listing(_ output: String) -> [(name: String, value: String)] {
        output.split(separator: "\n").map { line in
            let name = line.prefix { $0 != " " }
            let value = line.count > 35 ? String(line.dropFirst(35)) : ""
            return (String(name), value)
        }
    }

    static let glibcListing: [(name: String, value: String)] = listing(Sandbox.run(glibc, ["-a"]).stdoutText)

    /// Names whose value changes from one moment to the next: compared as
    /// numbers within a tolerance.
    static let liveNames: Set<String> = ["_AVPHYS_PAGES"]

    /// Names glibc has and we refuse: this is not glibc.
    static let glibcOnlyNames: Set<String> = ["GNU_LIBC_VERSION", "GNU_LIBPTHREAD_VERSION"]

    /// Our value where it deliberately differs from glibc's, else nil.
    static func deliberateValue(of name: String) -> String? {
        if name == "SSIZE_MAX" { return String(Int.max) } // glibc: 32767
        if name.hasPrefix("LEVEL") && !cachesFromCPUID { return SysfsCaches.value(of: name) ?? "undefined" }
        return nil
    }

    /// Whether the cache names come from CPUID, as glibc's do on x86: they
    /// are then compared with glibc's strictly; elsewhere ours are sysfs's.
    static var cachesFromCPUID: Bool {
        #if arch(x86_64) || arch(i386)
        return true
        #else
        return false
        #endif
    }

    /// Whether two live values are close enough (free memory moves).
    static func closeEnough(_ a: String, _ b: String) -> Bool {
        guard let x = Int(a.trimmingCharacters(in: .whitespacesAndNewlines)),
              let y = Int(b.trimmingCharacters(in: .whitespacesAndNewlines)) else { return false }
        return abs(x - y) <= max(x, y) / 20 + 1024
    }
}

/// The `LEVEL*_CACHE_*` values as sysfs states them, read independently of
/// the code under test.
enum SysfsCaches {
    static let base = "/sys/devices/system/cpu/cpu0/cache"

    static func value(of name: String) -> String? {
        // LEVEL1_ICACHE_SIZE, LEVEL1_DCACHE_ASSOC, LEVEL2_CACHE_LINESIZE, ...
        let parts = name.split(separator: "_")
        guard parts.count == 3, let level = Int(parts[0].dropFirst(5)) else { return nil }
        let type: Set<String> = switch parts[1] {
        case "ICACHE": ["Instruction"]
        case "DCACHE": ["Data"]
        default: ["Unified", "Data"]
        }
        var index = 0
        var fallback: Int? = nil
        while let found = read(index, "level") {
            if Int(found) == level, let kind = read(index, "type"), type.contains(kind) {
                if kind == "Unified" || parts[1] != "CACHE" { return attribute(String(parts[2]), index) }
                fallback = fallback ?? index
            }
            index += 1
        }
        return fallback.flatMap { attribute(String(parts[2]), $0) }
    }

    static func attribute(_ attribute: String, _ index: Int) -> String? {
        switch attribute {
        case "SIZE":
            guard let text = read(index, "size"), text.hasSuffix("K"), let kib = Int(text.dropLast()) else { return nil }
            return String(kib * 1024)
        case "ASSOC": return read(index, "ways_of_associativity")
        default: return read(index, "coherency_line_size")
        }
    }

    static func read(_ index: Int, _ file: String) -> String? {
        (try? String(contentsOfFile: "\(base)/index\(index)/\(file)", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
