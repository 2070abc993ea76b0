import Foundation
import Testing

/// The release binaries are fully static: no program interpreter, nothing
/// to load, so they run where there is nothing else (an empty chroot, an
/// initramfs, a broken system).
@Suite("static release binaries")
struct GetconfStaticBinaryTests {
    /// The ELF program header types of `path`'s segments (64-bit, little
    /// endian, as built here).
    static func segmentTypes(_ path: String) throws -> [UInt32] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try #require(data.count > 64 && data.prefix(4) == Data([0x7F, 0x45, 0x4C, 0x46]), "\(path) is not ELF")
        try #require(data[4] == 2 && data[5] == 1, "\(path) is not 64-bit little-endian ELF")
        func integer<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
            data.subdata(in: offset..<offset + MemoryLayout<T>.size).withUnsafeBytes { $0.loadUnaligned(as: T.self) }
        }
        let tableOffset = Int(integer(0x20, UInt64.self))
        let entrySize = Int(integer(0x36, UInt16.self))
        let count = Int(integer(0x38, UInt16.self))
        return (0..<count).map { integer(tableOffset + $0 * entrySize, UInt32.self) }
    }

    static let interpreter: UInt32 = 3 // PT_INTERP
    static let dynamic: UInt32 = 2     // PT_DYNAMIC

    /// The number of shared libraries `path` needs: the DT_NEEDED entries
    /// of its dynamic section (a static-pie binary has a dynamic section,
    /// for relocating itself, but needs nothing).
    static func neededLibraries(_ path: String) throws -> Int {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        func integer<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
            data.subdata(in: offset..<offset + MemoryLayout<T>.size).withUnsafeBytes { $0.loadUnaligned(as: T.self) }
        }
        let tableOffset = Int(integer(0x20, UInt64.self))
        let entrySize = Int(integer(0x36, UInt16.self))
        var needed = 0
        for index in 0..<Int(integer(0x38, UInt16.self)) {
            let header = tableOffset + index * entrySize
            guard integer(header, UInt32.self) == dynamic else { continue }
            let offset = Int(integer(header + 8, UInt64.self)), size = Int(integer(header + 32, UInt64.self))
            for entry in stride(from: offset, to: min(offset + size, data.count - 16), by: 16) {
                let tag = integer(entry, Int64.self)
                if tag == 0 { break }          // DT_NULL
                if tag == 1 { needed += 1 }    // DT_NEEDED
            }
        }
        return needed
    }

    @Test("no program interpreter, no shared libraries", arguments: ["getconf", "getent"])
    func isStatic(tool: String) throws {
        try #require(Sandbox.toolExists(tool), "build/\(tool) is missing: run make first")
        let types = try Self.segmentTypes(Sandbox.tool(tool))
        #expect(!types.isEmpty)
        #expect(!types.contains(Self.interpreter), "build/\(tool) asks for a program interpreter")
        #expect(try Self.neededLibraries(Sandbox.tool(tool)) == 0, "build/\(tool) needs shared libraries")
        // The check itself sees glibc's tool as dynamic.
        #expect(try Self.segmentTypes(GetconfHarness.glibc).contains(Self.interpreter))
        #expect(try Self.neededLibraries(GetconfHarness.glibc) > 0)
    }

    /// The issues' size budgets for the stripped binaries: getconf under
    /// 150 KB, getent under 250 KB, on both architectures (the aarch64
    /// build is checked when it is there).
    @Test("the stripped binaries are within their size budgets",
          arguments: [("getconf", 150_000), ("getent", 250_000)])
    func sizeBudget(tool: String, limit: Int) throws {
        try #require(Sandbox.toolExists(tool), "build/\(tool) is missing: run make first")
        for path in [Sandbox.tool(tool), AArch64Emulator.tool(tool)] where FileManager.default.fileExists(atPath: path) {
            let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            #expect(size < limit, "\(path) is \(size) bytes, over \(limit)")
        }
    }

    /// The release binaries allocate through CLibc's heap (Heap.c), which
    /// serves small needs from .bss: a lookup or `getconf -a` moves no
    /// program break and maps no memory. musl's allocator would call brk
    /// and mmap on the first allocation, so this also shows it is not
    /// linked in its place.
    @Test("the release binaries' own allocator: no brk or mmap of memory for a small lookup",
          .enabled(if: FaultSandbox.straceAvailable, FaultSandbox.straceSkipReason),
          arguments: [["getent", "passwd", "root"], ["getent", "ahosts", "localhost"], ["getent", "services", "http"],
                      ["getconf", "-a"]])
    func ownAllocator(command: [String]) throws {
        try #require(Sandbox.toolExists(command[0]), "build/\(command[0]) is missing: run make first")
        let result = Sandbox.run("/usr/bin/env", ["strace", "-qq", "-e", "trace=brk,mmap,munmap,mremap",
                                                  Sandbox.tool(command[0])] + command.dropFirst())
        // Mappings of files (a large /etc/services) are fine; memory is not.
        let calls = result.stderrText.split(separator: "\n").filter { line in
            line.hasPrefix("brk(") || line.hasPrefix("mremap(") || (line.hasPrefix("mmap(") && line.contains("MAP_ANONYMOUS"))
        }
        #expect(result.status == 0, "\(command.joined(separator: " ")): \(result.stderrText)")
        #expect(calls.isEmpty, "\(command.joined(separator: " ")): \(calls)")
    }

    /// A directory holding only the tool.
    static func chroot(with tool: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chroot-\(tool)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Sandbox.tool(tool), toPath: directory.appendingPathComponent(tool).path)
        return directory.path
    }

    @Test("getconf runs in an otherwise empty chroot", .enabled(if: getuid() == 0, "chroot needs root"))
    func getconfInChroot() throws {
        try #require(Sandbox.toolExists("getconf"), "build/getconf is missing: run make first")
        let root = try Self.chroot(with: "getconf")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let pageSize = Sandbox.run("/usr/sbin/chroot", [root, "/getconf", "PAGESIZE"])
        #expect(pageSize == ToolResult(stdout: Sandbox.run(GetconfHarness.glibc, ["PAGESIZE"]).stdout, stderr: Data(), status: 0))
        // No /proc, no /sys: every name still has an answer, from the fallbacks.
        let all = Sandbox.run("/usr/sbin/chroot", [root, "/getconf", "-a"])
        #expect(all.status == 0 && all.stderr.isEmpty)
        #expect(all.stdoutText.split(separator: "\n").count == 318)
        let online = Sandbox.run("/usr/sbin/chroot", [root, "/getconf", "_NPROCESSORS_ONLN"])
        #expect(online.stdoutText == "\(ProcessInfo.processInfo.activeProcessorCount)\n")
        let missing = Sandbox.run("/usr/sbin/chroot", [root, "/getconf", "NAME_MAX", "/proc"])
        #expect(missing.status == 3 && missing.stderrText == "/getconf: pathconf: /proc: No such file or directory\n")
    }

    @Test("getent runs in an otherwise empty chroot", .enabled(if: getuid() == 0, "chroot needs root"))
    func getentInChroot() throws {
        try #require(Sandbox.toolExists("getent"), "build/getent is missing: run make first")
        let root = try Self.chroot(with: "getent")
        defer { try? FileManager.default.removeItem(atPath: root) }
        // No /etc at all: whatever getent answers, it must start and end by itself.
        let result = Sandbox.run("/usr/sbin/chroot", [root, "/getent", "passwd", "root"])
        #expect(result.status >= 0 && result.status < 126, "\(result)")
    }
}

/// getconf starts without building anything: its tables are constant data in
/// the Embedded release binary, not arrays built at start-up.
@Suite("static tables in the release build")
struct GetconfStaticTableTests {
    /// The unstripped release binary SwiftPM leaves in the musl scratch
    /// directory (the Makefile's SCRATCH).
    static let unstripped = Sandbox.buildDirectory.deletingLastPathComponent()
        .appendingPathComponent(".build-musl/release/getconf").path

    /// `nm` output: symbol name -> type letter.
    static func symbols() -> [String: String]? {
        for tool in ["nm", "llvm-nm"] {
            let result = Sandbox.run("/usr/bin/env", [tool, unstripped])
            guard result.status == 0 else { continue }
            var table: [String: String] = [:]
            for line in result.stdoutText.split(separator: "\n") {
                let fields = line.split(separator: " ")
                if fields.count == 3 { table[String(fields[2])] = String(fields[1]) }
            }
            return table
        }
        return nil
    }

    @Test("the variable table, the file system table and the error texts are constant data",
          arguments: ["GetconfVariableV3all", "FileSystemLimitsV5table", "ErrnoV5texts"])
    func constantTables(table: String) throws {
        try #require(FileManager.default.fileExists(atPath: Self.unstripped), "no release build: run make first")
        let symbols = try #require(Self.symbols(), "no nm here")
        // Embedded Swift mangles with $e; a global array built at run time
        // has a one-time initializer function (..._WZ), a constant one only
        // its statically initialized storage (..._WZTv_r) in a data section.
        let storage = symbols.filter { $0.key.contains(table) && $0.key.hasSuffix("_WZTv_r") }
        #expect(storage.count == 1, "\(table) has no static storage: it is built at start-up")
        // Initialized data, or read-only data where link-time optimization
        // has seen that nothing writes it.
        #expect(storage.values.allSatisfy { "dDrR".contains($0) }, "\(storage)")
        #expect(!symbols.keys.contains { $0.contains(table) && $0.hasSuffix("_WZ") }, "\(table) has an initializer function")
    }

    @Test("start-up calls no one-time initializer")
    func noLazyGlobals() throws {
        try #require(FileManager.default.fileExists(atPath: Self.unstripped), "no release build: run make first")
        let symbols = try #require(Self.symbols(), "no nm here")
        let initializers = symbols.keys.filter { $0.hasPrefix("$e") && $0.hasSuffix("_WZ") }
        #expect(initializers.isEmpty, "lazily built globals: \(initializers)")
    }
}
