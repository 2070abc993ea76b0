import CLibc

/// The system's memory as `sysinfo(2)` reports it.
public struct MemoryStatus: Equatable, Sendable {
    /// Usable main memory, in units of `unitSize` bytes.
    public var total: UInt64
    /// Memory not in use, in units of `unitSize` bytes.
    public var available: UInt64
    /// The size of the units above in bytes.
    public var unitSize: UInt64

    /// A status with the given figures (for tests).
    public init(total: UInt64, available: UInt64, unitSize: UInt64) {
        self.total = total
        self.available = available
        self.unitSize = unitSize
    }

    /// The current figures; nil if the kernel refuses.
    public static func current() -> MemoryStatus? {
        var total: UInt64 = 0, available: UInt64 = 0, unit: UInt64 = 0
        if clibc_memory(&total, &available, &unit) != 0 { return nil }
        return MemoryStatus(total: total, available: available, unitSize: unit)
    }

    /// `units` of `unitSize` bytes expressed in pages of `pageSize` bytes
    /// (rounded down), computed without overflow.
    public static func pages(_ units: UInt64, unitSize: UInt64, pageSize: Int) -> Int {
        if pageSize <= 0 { return 0 }
        let bytes = units.multipliedFullWidth(by: unitSize)
        let divisor = UInt64(pageSize)
        if bytes.high >= divisor { return Int.max }
        let pages = divisor.dividingFullWidth((high: bytes.high, low: bytes.low)).quotient
        return pages > UInt64(Int.max) ? Int.max : Int(pages)
    }
}
