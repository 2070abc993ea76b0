/// Soft resource limits read once each: `getconf -a` lists several names per
/// limit (`OPEN_MAX` and `_POSIX_OPEN_MAX`, `ARG_MAX` and `_POSIX_ARG_MAX`,
/// ...), and a limit does not change while getconf runs.
struct ResourceLimitCache {
    // Outer nil: not read yet; inner nil: unlimited (or unreadable).
    private var stack: UInt64??
    private var openFiles: UInt64??
    private var processes: UInt64??
    private var pendingSignals: UInt64??

    /// `limit`'s soft limit, from the kernel the first time.
    mutating func softLimit(_ limit: ResourceLimit) -> UInt64? {
        switch limit {
        case .stack: return Self.remembered(&stack, limit)
        case .openFiles: return Self.remembered(&openFiles, limit)
        case .processes: return Self.remembered(&processes, limit)
        case .pendingSignals: return Self.remembered(&pendingSignals, limit)
        }
    }

    private static func remembered(_ slot: inout UInt64??, _ limit: ResourceLimit) -> UInt64? {
        if let known = slot { return known }
        let value = limit.softLimit
        slot = .some(value)
        return value
    }
}
