/// The CPU caches as the x86 CPUID instruction describes them, for the
/// `LEVEL*_CACHE_*` names: a handful of instructions instead of the two dozen
/// sysfs files the kernel's description takes (each open costs microseconds),
/// and the values glibc reports, which are CPUID's (on a virtual machine the
/// hypervisor's, e.g. the whole host's third-level cache).
///
/// Sources, from the vendors' public manuals:
/// - Intel (Software Developer's Manual, vol. 2A, CPUID leaf 04H,
///   "Deterministic Cache Parameters"): one sub-leaf per cache until a null
///   type; ways, partitions, line size and sets are each stored minus one and
///   their product is the size.
/// - AMD and Hygon (AMD64 Architecture Programmer's Manual, vol. 3, appendix
///   E, functions 8000_0005h and 8000_0006h): the first-level caches with
///   their size in KB and ways as a plain count, the second level with its
///   size in KB and the third in 512 KB units, both with an encoded
///   associativity (``CPUIDCacheTable/encodedWays``). glibc gives no
///   associativity for AMD's first-level instruction cache and none of the
///   fourth level (observed), so neither does this table.
///
/// Any other vendor, or a processor that lacks the leaves, gives nil: the
/// caller then reads sysfs (``CacheGeometry``), as on other architectures.
public struct CPUIDCacheTable: Sendable, Equatable {
    public var levelOneInstruction: CacheParameters?
    public var levelOneData: CacheParameters?
    public var levelTwo: CacheParameters?
    public var levelThree: CacheParameters?
    public var levelFour: CacheParameters?

    public init() {}

    /// `attribute` of the cache at `level` of `kind`; nil if there is no such
    /// cache or CPUID does not say.
    public func value(level: Int, kind: CacheGeometry.Kind, attribute: CacheGeometry.Attribute) -> Int? {
        self[level: level, kind: kind]?.value(attribute)
    }

    /// The cache at `level` of `kind`: level 1 is split into instruction and
    /// data caches, the other levels are unified (a data cache stands for its
    /// level).
    subscript(level level: Int, kind kind: CacheGeometry.Kind) -> CacheParameters? {
        get {
            switch (level, kind) {
            case (1, .instruction): return levelOneInstruction
            case (1, _): return levelOneData
            case (2, _): return levelTwo
            case (3, _): return levelThree
            case (4, _): return levelFour
            default: return nil
            }
        }
        set {
            switch (level, kind) {
            case (1, .instruction): levelOneInstruction = newValue
            case (1, _): levelOneData = newValue
            case (2, _): levelTwo = newValue
            case (3, _): levelThree = newValue
            case (4, _): levelFour = newValue
            default: break
            }
        }
    }

    /// The caches of the processor `cpuid` answers for; nil if CPUID is
    /// missing, the vendor is not one decoded here, or the processor lacks
    /// the leaves.
    public static func decode<Reader: CPUIDReading>(_ cpuid: Reader) -> CPUIDCacheTable? {
        // Each CPUID costs a trap to the hypervisor on a virtual machine
        // (microseconds), so ask as few as the decoding needs. AMD repeats
        // the vendor string in function 8000_0000h, next to the highest
        // extended function: one question answers both for AMD and Hygon.
        // Intel leaves those registers reserved (zero): leaf 0 then.
        guard let extended = cpuid.registers(leaf: 0x8000_0000, subleaf: 0) else { return nil }
        let extendedVendor = (extended.ebx, extended.edx, extended.ecx)
        if extendedVendor == amd || extendedVendor == hygon {
            return decodeExtended(cpuid, maximumExtendedLeaf: extended.eax)
        }
        // The vendor string is EBX, EDX, ECX in that order.
        guard let identity = cpuid.registers(leaf: 0, subleaf: 0) else { return nil }
        if (identity.ebx, identity.edx, identity.ecx) == intel {
            return decodeDeterministic(cpuid, maximumLeaf: identity.eax)
        }
        return nil
    }

    /// "GenuineIntel", "AuthenticAMD", "HygonGenuine" as EBX, EDX, ECX.
    static let intel: (UInt32, UInt32, UInt32) = (0x756e_6547, 0x4965_6e69, 0x6c65_746e)
    static let amd: (UInt32, UInt32, UInt32) = (0x6874_7541, 0x6974_6e65, 0x444d_4163)
    static let hygon: (UInt32, UInt32, UInt32) = (0x6f67_7948, 0x6e65_476e, 0x656e_6975)

    /// Caches enumerated: processors have four or five; the bound keeps a
    /// misbehaving hypervisor from making the loop endless.
    static let deterministicSubleafLimit: UInt32 = 16

    /// Intel leaf 4: EAX[4:0] type (0 none, 1 data, 2 instruction, 3
    /// unified), EAX[7:5] level, EBX[31:22] ways - 1, EBX[21:12] partitions
    /// - 1, EBX[11:0] line size - 1, ECX sets - 1. The first cache of a level
    /// and kind wins.
    static func decodeDeterministic<Reader: CPUIDReading>(_ cpuid: Reader, maximumLeaf: UInt32) -> CPUIDCacheTable? {
        guard maximumLeaf >= 4 else { return nil }
        var table = CPUIDCacheTable()
        var found = false
        for subleaf in 0..<deterministicSubleafLimit {
            guard let r = cpuid.registers(leaf: 4, subleaf: subleaf) else { return nil }
            let type = CPUIDRegisters.field(r.eax, from: 0, width: 5)
            guard type != 0 else { break }
            let kind: CacheGeometry.Kind
            switch type {
            case 1: kind = .data
            case 2: kind = .instruction
            case 3: kind = .unified
            default: continue // reserved types
            }
            let level = CPUIDRegisters.field(r.eax, from: 5, width: 3)
            let ways = CPUIDRegisters.field(r.ebx, from: 22, width: 10) + 1
            let partitions = CPUIDRegisters.field(r.ebx, from: 12, width: 10) + 1
            let lineSize = CPUIDRegisters.field(r.ebx, from: 0, width: 12) + 1
            let sets = Int(r.ecx) + 1
            guard table[level: level, kind: kind] == nil else { continue }
            table[level: level, kind: kind] = CacheParameters(size: ways * partitions * lineSize * sets,
                                                              associativity: ways, lineSize: lineSize)
            found = true
        }
        // A hypervisor may hide leaf 4 (all zero): sysfs knows better then.
        return found ? table : nil
    }

    /// Where AMD's functions 8000_0005h and 8000_0006h put one cache: the
    /// register (0 EAX ... 3 EDX), the size field and its unit, the
    /// associativity field and how it is written; the line size is always
    /// bits 7:0.
    struct ExtendedLayout: Sendable {
        enum Ways: Sendable {
            /// A plain count (FFh: fully associative).
            case count
            /// A 4-bit code (``CPUIDCacheTable/encodedWays``).
            case code
            /// Not reported.
            case none
        }

        let level: Int
        let kind: CacheGeometry.Kind
        let leaf: UInt32
        let register: Int
        let sizeBit: Int
        let sizeWidth: Int
        let sizeUnit: Int
        let waysBit: Int
        let waysWidth: Int
        let ways: Ways
    }

    static let extendedLayouts: [ExtendedLayout] = [
        // 8000_0005h ECX: L1 data. 31:24 size in KB, 23:16 ways.
        ExtendedLayout(level: 1, kind: .data, leaf: 0x8000_0005, register: 2, sizeBit: 24, sizeWidth: 8, sizeUnit: 1024,
                       waysBit: 16, waysWidth: 8, ways: .count),
        // 8000_0005h EDX: L1 instruction, same layout; glibc reports no ways.
        ExtendedLayout(level: 1, kind: .instruction, leaf: 0x8000_0005, register: 3, sizeBit: 24, sizeWidth: 8,
                       sizeUnit: 1024, waysBit: 16, waysWidth: 8, ways: .none),
        // 8000_0006h ECX: L2. 31:16 size in KB, 15:12 encoded ways.
        ExtendedLayout(level: 2, kind: .unified, leaf: 0x8000_0006, register: 2, sizeBit: 16, sizeWidth: 16, sizeUnit: 1024,
                       waysBit: 12, waysWidth: 4, ways: .code),
        // 8000_0006h EDX: L3. 31:18 size in 512 KB units, 15:12 encoded ways.
        ExtendedLayout(level: 3, kind: .unified, leaf: 0x8000_0006, register: 3, sizeBit: 18, sizeWidth: 14,
                       sizeUnit: 512 * 1024, waysBit: 12, waysWidth: 4, ways: .code),
    ]

    /// Ways of associativity for the 4-bit codes of function 8000_0006h:
    /// 0 disabled, 1 direct mapped, 2, 3 and 4 ways, 5 six, 6 eight, 8
    /// sixteen, A 32, B 48, C 64, D 96, E 128 ways, F fully associative
    /// (-1 here: as many ways as lines). 7 is reserved and 9 says "see
    /// function 8000_001Dh", so neither gives a count: 0, as glibc reports
    /// for 9.
    static let encodedWays: [Int] = [0, 1, 2, 3, 4, 6, 8, 0, 16, 0, 32, 48, 64, 96, 128, -1]

    /// AMD and Hygon: functions 8000_0005h and 8000_0006h.
    static func decodeExtended<Reader: CPUIDReading>(_ cpuid: Reader, maximumExtendedLeaf: UInt32) -> CPUIDCacheTable? {
        guard maximumExtendedLeaf >= 0x8000_0006, maximumExtendedLeaf <= 0x8000_FFFF,
              let levelOne = cpuid.registers(leaf: 0x8000_0005, subleaf: 0),
              let levelsTwoThree = cpuid.registers(leaf: 0x8000_0006, subleaf: 0) else { return nil }
        var table = CPUIDCacheTable()
        for layout in extendedLayouts {
            let value = (layout.leaf == 0x8000_0005 ? levelOne : levelsTwoThree)[layout.register]
            let size = CPUIDRegisters.field(value, from: layout.sizeBit, width: layout.sizeWidth) * layout.sizeUnit
            let lineSize = CPUIDRegisters.field(value, from: 0, width: 8)
            let field = CPUIDRegisters.field(value, from: layout.waysBit, width: layout.waysWidth)
            var ways: Int?
            switch layout.ways {
            case .count: ways = field == 0xFF ? -1 : field
            case .code: ways = encodedWays[field]
            case .none: ways = nil
            }
            // Fully associative: one set, so every line is a way.
            if ways == -1 { ways = lineSize > 0 ? size / lineSize : 0 }
            table[level: layout.level, kind: layout.kind] = CacheParameters(size: size, associativity: ways,
                                                                             lineSize: lineSize)
        }
        return table
    }
}
