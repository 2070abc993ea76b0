import Foundation
import Testing

/// The release binaries are hardened: static (no interpreter, no shared
/// libraries), a non-executable stack, stack-protector canary checks, and
/// getent a position-independent executable (ASLR for the whole program).
/// getconf is not a PIE on purpose: relocating its tables would cost 6-10%
/// of its start-up (see the Makefile). Both are linked without a separate
/// RELRO segment: two segments make exec cheaper (the toolset in sdk/).
@Suite("Security: hardened static binaries")
struct HardeningTests {
    struct ProgramHeader { var type: UInt32; var flags: UInt32 }

    /// The ELF type and program headers of a 64-bit little-endian ELF file.
    static func elf(_ data: Data) -> (type: UInt16, headers: [ProgramHeader])? {
        let bytes = [UInt8](data)
        guard bytes.count > 64, bytes[0..<4] == [0x7F, 0x45, 0x4C, 0x46], bytes[4] == 2, bytes[5] == 1 else { return nil }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) } }
        func u64(_ at: Int) -> Int { (0..<8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let type = UInt16(u16(16))
        let phoff = u64(32), phentsize = u16(54), phnum = u16(56)
        var headers: [ProgramHeader] = []
        for i in 0..<phnum {
            let at = phoff + i * phentsize
            guard at + 8 <= bytes.count else { return nil }
            headers.append(ProgramHeader(type: u32(at), flags: u32(at + 4)))
        }
        return (type, headers)
    }

    static let PT_INTERP: UInt32 = 3, PT_GNU_STACK: UInt32 = 0x6474_E551
    static let ET_DYN: UInt16 = 3, PF_X: UInt32 = 1

    static let ET_EXEC: UInt16 = 2

    @Test("static, non-executable stack, stack protector; getent position-independent",
          arguments: [("getent", true), ("getconf", false)])
    func hardened(_ tool: String, _ positionIndependent: Bool) throws {
        guard Sandbox.toolExists(tool) else {
            Issue.record("build/\(tool) is missing: run make")
            return
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: Sandbox.tool(tool)))
        let parsed = try #require(Self.elf(data), "build/\(tool) is not a 64-bit ELF file")
        #expect(parsed.type == (positionIndependent ? Self.ET_DYN : Self.ET_EXEC),
                "build/\(tool): ELF type \(parsed.type), position-independent expected: \(positionIndependent)")
        #expect(!parsed.headers.contains { $0.type == Self.PT_INTERP }, "build/\(tool) needs a dynamic loader")
        let stack = parsed.headers.first { $0.type == Self.PT_GNU_STACK }
        #expect(stack != nil && stack!.flags & Self.PF_X == 0, "build/\(tool) has an executable stack")
        // Stack protectors load the canary from the thread block, fs:0x28:
        // mov fs:[0x28], reg (64 REX.W 8B modrm 25 28 00 00 00).
        let bytes = [UInt8](data)
        var canaryLoads = 0
        if bytes.count > 9 {
            for i in 0..<(bytes.count - 9) where bytes[i] == 0x64 && (bytes[i + 1] == 0x48 || bytes[i + 1] == 0x4C)
                && bytes[i + 2] == 0x8B && bytes[i + 3] & 0xC7 == 0x04 && bytes[i + 4] == 0x25
                && bytes[i + 5] == 0x28 && bytes[i + 6] == 0 && bytes[i + 7] == 0 && bytes[i + 8] == 0 {
                canaryLoads += 1
            }
        }
        #expect(canaryLoads > 0, "build/\(tool) has no stack-protector canary checks")
    }
}
