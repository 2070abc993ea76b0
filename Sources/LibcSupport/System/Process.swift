import CLibc

/// Process-level operations the entry points need.
public enum Process {
    /// Ends the process with `status`, without running atexit handlers
    /// (our output is already flushed explicitly).
    public static func exit(_ status: Int32) -> Never {
        _exit(status)
    }
}
