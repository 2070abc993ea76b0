import Foundation
import Testing
@testable import LibcSupport

/// CPUID answers recorded from (or built for) one processor; leaves not
/// recorded read as zero, as reserved leaves do.
struct RecordedCPUID: CPUIDReading {
    var leaves: [UInt64: CPUIDRegisters]

    init(_ leaves: [(leaf: UInt32, subleaf: UInt32, eax: UInt32, ebx: UInt32, ecx: UInt32, edx: UInt32)]) {
        var table: [UInt64: CPUIDRegisters] = [:]
        for l in leaves {
            table[UInt64(l.leaf) << 32 | UInt64(l.subleaf)] = CPUIDRegisters(eax: l.eax, ebx: l.ebx, ecx: l.ecx, edx: l.edx)
        }
        self.leaves = table
    }

    func registers(leaf: UInt32, subleaf: UInt32) -> CPUIDRegisters? {
        leaves[UInt64(leaf) << 32 | UInt64(subleaf)] ?? CPUIDRegisters(eax: 0, ebx: 0, ecx: 0, edx: 0)
    }
}

/// A processor without CPUID (another architecture).
struct NoCPUID: CPUIDReading {
    func registers(leaf: UInt32, subleaf: UInt32) -> CPUIDRegisters? { nil }
}

/// The CPUID cache decoding, fed recorded registers; the expected values are
/// worked out by hand from the vendors' manuals (Intel SDM vol. 2A, CPUID
/// leaf 04H; AMD APM vol. 3, appendix E, 8000_0005h and 8000_0006h).
@Suite("getconf cache names from CPUID")
struct CPUIDCacheTableTests {
    /// All 15 values, in the order of glibc's `getconf -a` (nil: undefined).
    static func values(_ table: CPUIDCacheTable) -> [Int?] {
        [(1, CacheGeometry.Kind.instruction), (1, .data), (2, .unified), (3, .unified), (4, .unified)].flatMap { level, kind in
            [CacheGeometry.Attribute.size, .associativity, .lineSize].map { table.value(level: level, kind: kind, attribute: $0) }
        }
    }

    // "AuthenticAMD" as EBX, EDX, ECX.
    static let amdVendor: (UInt32, UInt32, UInt32) = (0x6874_7541, 0x6974_6e65, 0x444d_4163)

    /// Recorded on the development VM (an AMD family 19h guest); glibc's
    /// getconf there prints the expected values.
    static let amdGuest = RecordedCPUID([
        (0, 0, 0x0000_001c, 0x6874_7541, 0x444d_4163, 0x6974_6e65),
        (0x8000_0000, 0, 0x8000_0021, 0x6874_7541, 0x444d_4163, 0x6974_6e65),
        (0x8000_0005, 0, 0xff48_ff40, 0xff48_ff40, 0x2008_0140, 0x2008_0140),
        (0x8000_0006, 0, 0x5c00_2200, 0x6c00_4200, 0x0400_6140, 0x0a00_9140),
        (0x8000_001d, 3, 0x0000_4163, 0x03c0_003f, 0x0000_7fff, 0x0000_0001),
    ])

    @Test("AMD: 8000_0005h and 8000_0006h, as glibc reports them")
    func amd() throws {
        let table = try #require(CPUIDCacheTable.decode(Self.amdGuest))
        // ECX 20080140h: L1D 20h = 32 KB, 08h = 8 ways, 40h = 64-byte lines.
        // EDX 20080140h: L1I the same; glibc gives no associativity for it.
        // 8000_0006h ECX 04006140h: L2 0400h = 1024 KB, code 6 = 8 ways, 64.
        // EDX 0A009140h: L3 bits 31:18 = 280h = 640 x 512 KB = 320 MB, code 9
        // (ways in 8000_001Dh) = 0, as glibc reports, 64-byte lines.
        #expect(Self.values(table) == [32768, nil, 64, 32768, 8, 64, 1_048_576, 8, 64, 335_544_320, 0, 64, nil, nil, nil])
    }

    @Test("AMD associativity codes", arguments: [
        (0x0, 0), (0x1, 1), (0x2, 2), (0x3, 3), (0x4, 4), (0x5, 6), (0x6, 8), (0x7, 0), (0x8, 16), (0x9, 0),
        (0xA, 32), (0xB, 48), (0xC, 64), (0xD, 96), (0xE, 128),
        // Fully associative: 512 KB of 64-byte lines, all of them ways.
        (0xF, 8192),
    ] as [(UInt32, Int)])
    func amdWays(code: UInt32, ways: Int) throws {
        let reader = RecordedCPUID([
            (0x8000_0000, 0, 0x8000_0008, Self.amdVendor.0, Self.amdVendor.2, Self.amdVendor.1),
            // L2 512 KB, L3 16 MB (32 x 512 KB), both with `code`, 64-byte lines.
            (0x8000_0006, 0, 0, 0, 0x0200_0040 | code << 12, 0x0080_0040 | code << 12),
        ])
        let table = try #require(CPUIDCacheTable.decode(reader))
        #expect(table.value(level: 2, kind: .unified, attribute: .associativity) == ways)
        #expect(table.value(level: 2, kind: .unified, attribute: .size) == 524_288)
        #expect(table.value(level: 3, kind: .unified, attribute: .size) == 16_777_216)
        #expect(table.value(level: 3, kind: .unified, attribute: .associativity) == (code == 0xF ? 262_144 : ways))
    }

    @Test("AMD first level: ways as a plain count, FFh fully associative")
    func amdLevelOne() throws {
        let reader = RecordedCPUID([
            (0x8000_0000, 0, 0x8000_0006, Self.amdVendor.0, Self.amdVendor.2, Self.amdVendor.1),
            // L1D 64 KB fully associative, 64-byte lines (1024 of them, so
            // 1024 ways); L1I 16 KB 2-way 32-byte.
            (0x8000_0005, 0, 0, 0, 0x40ff_0140, 0x1002_0120),
        ])
        let table = try #require(CPUIDCacheTable.decode(reader))
        #expect(Self.values(table).prefix(6) == [16384, nil, 32, 65536, 1024, 64])
        // No L2/L3 reported (zero registers): zero sizes, as the leaf says.
        #expect(Self.values(table).dropFirst(6) == [0, 0, 0, 0, 0, 0, nil, nil, nil])
    }

    @Test("Hygon decodes as AMD")
    func hygon() throws {
        let reader = RecordedCPUID([
            (0x8000_0000, 0, 0x8000_001f, 0x6f67_7948, 0x656e_6975, 0x6e65_476e),
            (0x8000_0005, 0, 0, 0, 0x2008_0140, 0x4004_0140),
            (0x8000_0006, 0, 0, 0, 0x0200_8140, 0x0100_8140),
        ])
        let table = try #require(CPUIDCacheTable.decode(reader))
        #expect(Self.values(table) == [65536, nil, 64, 32768, 8, 64, 524_288, 16, 64, 33_554_432, 16, 64, nil, nil, nil])
    }

    @Test("AMD without the leaves, or with a nonsense maximum: no answer (sysfs then)", arguments: [0x8000_0004, 0x8000_0005, 0, 0x1234_5678] as [UInt32])
    func amdTooOld(maximum: UInt32) {
        let reader = RecordedCPUID([
            (0x8000_0000, 0, maximum, Self.amdVendor.0, Self.amdVendor.2, Self.amdVendor.1),
            (0x8000_0006, 0, 0, 0, 0x0400_6140, 0x0a00_9140),
        ])
        #expect(CPUIDCacheTable.decode(reader) == nil)
    }

    /// One leaf-4 sub-leaf: `type` (1 data, 2 instruction, 3 unified) at
    /// `level`, from its geometry, each field stored minus one.
    static func leaf4(_ subleaf: UInt32, type: UInt32, level: UInt32, ways: UInt32, partitions: UInt32 = 1, line: UInt32,
                      sets: UInt32) -> (leaf: UInt32, subleaf: UInt32, eax: UInt32, ebx: UInt32, ecx: UInt32, edx: UInt32) {
        (4, subleaf, type | level << 5 | 0x100, (ways - 1) << 22 | (partitions - 1) << 12 | (line - 1), sets - 1, 0)
    }

    // "GenuineIntel" as EBX, EDX, ECX, in leaf 0 (EAX: highest leaf).
    static func intelIdentity(maximumLeaf: UInt32) -> (leaf: UInt32, subleaf: UInt32, eax: UInt32, ebx: UInt32, ecx: UInt32, edx: UInt32) {
        (0, 0, maximumLeaf, 0x756e_6547, 0x6c65_746e, 0x4965_6e69)
    }

    @Test("Intel: leaf 4, ways x partitions x line size x sets")
    func intel() throws {
        let reader = RecordedCPUID([
            Self.intelIdentity(maximumLeaf: 0x16),
            // Intel leaves 8000_0000h's EBX, ECX, EDX reserved (zero).
            (0x8000_0000, 0, 0x8000_0008, 0, 0, 0),
            Self.leaf4(0, type: 1, level: 1, ways: 12, line: 64, sets: 64),   // 48 KB L1D
            Self.leaf4(1, type: 2, level: 1, ways: 8, line: 64, sets: 64),    // 32 KB L1I
            Self.leaf4(2, type: 3, level: 2, ways: 20, line: 64, sets: 1024), // 1.25 MB L2
            Self.leaf4(3, type: 3, level: 3, ways: 12, line: 64, sets: 16384), // 12 MB L3
            Self.leaf4(4, type: 3, level: 4, ways: 16, partitions: 2, line: 128, sets: 8192), // 32 MB L4
        ])
        let table = try #require(CPUIDCacheTable.decode(reader))
        #expect(Self.values(table) == [32768, 8, 64, 49152, 12, 64, 1_310_720, 20, 64, 12_582_912, 12, 64,
                                       33_554_432, 16, 128])
    }

    @Test("Intel: absent levels are undefined, the first cache of a level counts, reserved types are skipped")
    func intelSparse() throws {
        let reader = RecordedCPUID([
            Self.intelIdentity(maximumLeaf: 0xd),
            (4, 0, 0x1F | 1 << 5, 0, 0, 0), // type 31: reserved
            Self.leaf4(1, type: 1, level: 1, ways: 8, line: 64, sets: 64),
            Self.leaf4(2, type: 1, level: 2, ways: 4, line: 64, sets: 1024), // a level-2 data cache stands for L2
            Self.leaf4(3, type: 3, level: 2, ways: 8, line: 64, sets: 4096), // a second L2: ignored
        ])
        let table = try #require(CPUIDCacheTable.decode(reader))
        #expect(Self.values(table) == [nil, nil, nil, 32768, 8, 64, 262_144, 4, 64, nil, nil, nil, nil, nil, nil])
    }

    @Test("Intel without leaf 4, or with it hidden: no answer (sysfs then)")
    func intelWithoutLeaf4() {
        #expect(CPUIDCacheTable.decode(RecordedCPUID([Self.intelIdentity(maximumLeaf: 3)])) == nil)
        #expect(CPUIDCacheTable.decode(RecordedCPUID([Self.intelIdentity(maximumLeaf: 0xd)])) == nil)
    }

    @Test("a processor that never ends leaf 4 stops after 16 caches")
    func endlessLeaf4() throws {
        var reader = RecordedCPUID([Self.intelIdentity(maximumLeaf: 0xd)])
        for subleaf in UInt32(0)..<40 {
            let l = Self.leaf4(subleaf, type: 3, level: 2, ways: 8, line: 64, sets: 512)
            reader.leaves[UInt64(4) << 32 | UInt64(subleaf)] = CPUIDRegisters(eax: l.eax, ebx: l.ebx, ecx: l.ecx, edx: l.edx)
        }
        let table = try #require(CPUIDCacheTable.decode(reader))
        #expect(table.value(level: 2, kind: .unified, attribute: .size) == 262_144)
    }

    @Test("other vendors and no CPUID: no answer (sysfs then)")
    func others() {
        // "CentaurHauls".
        let centaur = RecordedCPUID([(0, 0, 0xd, 0x746e_6543, 0x736c_7561, 0x4872_7561),
                                     Self.leaf4(0, type: 1, level: 1, ways: 8, line: 64, sets: 64)])
        #expect(CPUIDCacheTable.decode(centaur) == nil)
        #expect(CPUIDCacheTable.decode(NoCPUID()) == nil)
    }

    @Test("register fields")
    func fields() {
        #expect(CPUIDRegisters.field(0x0a00_9140, from: 18, width: 14) == 640)
        #expect(CPUIDRegisters.field(0xffff_ffff, from: 0, width: 32) == 0xffff_ffff)
        #expect(CPUIDRegisters.field(0x8000_0000, from: 31, width: 1) == 1)
    }

    #if arch(x86_64) || arch(i386)
    @Test("this processor: CPUID answers, with caches of sane sizes")
    func live() throws {
        let identity = try #require(ProcessorCPUID().registers(leaf: 0, subleaf: 0))
        #expect(identity.eax > 0)
        let vendor = [identity.ebx, identity.edx, identity.ecx].flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }
        let name = String(decoding: vendor, as: UTF8.self)
        guard ["GenuineIntel", "AuthenticAMD", "HygonGenuine"].contains(name) else { return }
        let table = try #require(CPUIDCacheTable.decode(ProcessorCPUID()), "\(name)")
        let size = try #require(table.value(level: 1, kind: .data, attribute: .size))
        #expect(size >= 4096 && size <= 1 << 20)
        #expect(table.value(level: 1, kind: .data, attribute: .lineSize).map { $0 >= 16 && $0 <= 256 } == true)
    }
    #else
    @Test("no CPUID on this architecture")
    func live() {
        #expect(ProcessorCPUID().registers(leaf: 0, subleaf: 0) == nil)
        #expect(CPUIDCacheTable.decode(ProcessorCPUID()) == nil)
    }
    #endif
}
