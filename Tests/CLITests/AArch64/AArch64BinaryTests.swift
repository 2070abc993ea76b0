import Foundation
import Testing

/// The aarch64 release binaries are what `make aarch64` promises: AArch64
/// ELF, fully static (no program interpreter, no shared library), stripped;
/// getent position-independent, getconf not (as on x86_64).
@Suite("aarch64 release binaries: ELF", .enabled(if: AArch64Emulator.available, AArch64Emulator.skipReason))
struct AArch64BinaryTests {
    static let machineAArch64: UInt16 = 183 // EM_AARCH64
    static let executable: UInt16 = 2       // ET_EXEC
    static let shared: UInt16 = 3           // ET_DYN (static-pie)

    static func header(_ path: String) throws -> (machine: UInt16, type: UInt16) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try #require(data.count > 64 && data.prefix(4) == Data([0x7F, 0x45, 0x4C, 0x46]), "\(path) is not ELF")
        try #require(data[4] == 2 && data[5] == 1, "\(path) is not 64-bit little-endian ELF")
        func half(_ offset: Int) -> UInt16 { UInt16(data[offset]) | UInt16(data[offset + 1]) << 8 }
        return (half(0x12), half(0x10))
    }

    @Test("AArch64 machine, static, no interpreter, no shared library", arguments: [
        ("getconf", executable), ("getent", shared),
    ] as [(String, UInt16)])
    func elf(name: String, type: UInt16) throws {
        let path = AArch64Emulator.tool(name)
        let header = try Self.header(path)
        #expect(header.machine == Self.machineAArch64, "\(name): e_machine \(header.machine)")
        #expect(header.type == type, "\(name): e_type \(header.type)")
        let segments = try GetconfStaticBinaryTests.segmentTypes(path)
        #expect(!segments.contains(GetconfStaticBinaryTests.interpreter), "\(name) asks for a program interpreter")
        #expect(try GetconfStaticBinaryTests.neededLibraries(path) == 0, "\(name) needs shared libraries")
    }

    @Test("file(1) agrees: ARM aarch64, statically linked, stripped", arguments: ["getconf", "getent"])
    func file(name: String) throws {
        let result = Sandbox.run("/usr/bin/env", ["file", "-b", AArch64Emulator.tool(name)])
        try #require(result.status == 0, "no file(1) here: \(result)")
        let text = result.stdoutText
        #expect(text.contains("ARM aarch64"), "\(text)")
        #expect(text.contains("statically linked") || text.contains("static-pie linked"), "\(text)")
        #expect(text.contains(", stripped"), "\(text)")
        #expect(!text.contains("interpreter"), "\(text)")
    }
}
