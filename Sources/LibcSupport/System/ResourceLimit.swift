import CLibc

/// A per-process resource limit (`getrlimit(2)`) that configuration values
/// derive from.
public enum ResourceLimit: Sendable {
    /// `RLIMIT_STACK`: the stack size, which also bounds `execve` arguments.
    case stack
    /// `RLIMIT_NOFILE`: open file descriptors.
    case openFiles
    /// `RLIMIT_NPROC`: processes of the real user.
    case processes
    /// `RLIMIT_SIGPENDING`: queued signals.
    case pendingSignals

    /// The soft limit; nil when it is unlimited (or cannot be read).
    public var softLimit: UInt64? {
        var value: UInt64 = 0
        if clibc_soft_limit(resource, &value) != 0 || value == UInt64.max { return nil }
        return value
    }

    var resource: Int32 {
        switch self {
        case .stack: return clibc_rlimit_stack
        case .openFiles: return clibc_rlimit_nofile
        case .processes: return clibc_rlimit_nproc
        case .pendingSignals: return clibc_rlimit_sigpending
        }
    }
}
