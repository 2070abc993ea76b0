import CLibc

/// Process-level operations the entry points need.
public enum Process {
    /// Ends the process with `status`, without running atexit handlers
    /// (our output is already flushed explicitly).
    public static func exit(_ status: Int32) -> Never {
        _exit(status)
    }

    /// Makes sure descriptors 0, 1 and 2 are open before the tool opens
    /// anything, so that no file or socket it opens can land on one of them.
    ///
    /// Started with stdout closed (`getent passwd >&-`), the first file or
    /// socket opened would become descriptor 1, and the output would be
    /// written into it: into a varlink or DNS socket, say, and reported as
    /// success. A closed descriptor is filled with /dev/null opened in the
    /// wrong direction (write-only for stdin, read-only for stdout and
    /// stderr), so using it still fails with `EBADF`, exactly as the closed
    /// descriptor would, and the tool reports the lost output as before.
    /// One `poll` when all are open (the usual case); a descriptor it
    /// reports closed is checked again with `fcntl` before it is filled.
    public static func reserveStandardDescriptors() {
        let closed = clibc_standard_descriptors_closed()
        if closed == 0 { return }
        var fd: Int32 = 0
        while fd <= 2 {
            if (closed < 0 || closed & (1 << fd) != 0) && clibc_is_open(fd) == 0 {
                let null: StaticString = "/dev/null"
                let opened = clibc_open(UnsafeRawPointer(null.utf8Start).assumingMemoryBound(to: CChar.self),
                                        fd == 0 ? O_WRONLY : O_RDONLY)
                // The lowest free descriptor is fd itself (the ones below
                // are open by now); anything else is let go.
                if opened >= 0 && opened != fd { _ = close(opened) }
            }
            fd += 1
        }
    }
}
