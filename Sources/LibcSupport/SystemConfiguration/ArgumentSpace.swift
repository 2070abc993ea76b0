/// How many bytes of arguments and environment `execve(2)` accepts
/// (`ARG_MAX`).
///
/// Linux has no fixed limit: it allows a quarter of the stack size limit
/// (`RLIMIT_STACK`), never less than 32 pages of 4 KiB and never more than
/// three quarters of its default 8 MiB stack (`_STK_LIM`), whatever the
/// limit.
public enum ArgumentSpace {
    /// The floor: the kernel's historical `ARG_MAX` of 128 KiB.
    public static let minimum = 131072
    /// The ceiling: 3/4 of 8 MiB.
    public static let maximum = 6291456

    /// The limit for a stack limit of `stackLimit` bytes (nil: unlimited).
    public static func limit(stackLimit: UInt64?) -> Int {
        guard let stackLimit else { return maximum }
        let quarter = stackLimit / 4
        if quarter >= UInt64(maximum) { return maximum }
        return Swift.max(Int(quarter), minimum)
    }

    /// The limit for this process.
    public static func current() -> Int {
        limit(stackLimit: ResourceLimit.stack.softLimit)
    }
}
