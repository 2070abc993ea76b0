import CLibc

/// A file named by an `:include:` member of `/etc/aliases`, read only if it
/// is a regular file: a device or a FIFO could block or never end. It is
/// opened without waiting (`O_NONBLOCK`: a FIFO without a writer does not
/// hold the open), inside the `--root` directory when there is one.
enum IncludedFile {
    /// The descriptor of `path` when it names a readable regular file.
    static func open(_ path: UnsafePointer<CChar>) -> FileDescriptor? {
        let flags = O_RDONLY | O_NONBLOCK
        var fd: Int32
        if let root = FileSystemRoot.active {
            var relative = path
            while relative.pointee == CChar(UInt8(ascii: "/")) { relative += 1 }
            repeat {
                fd = clibc_openat_in_root(root.descriptor.rawValue, relative, flags)
            } while fd < 0 && clibc_errno() == EINTR
            if fd < 0 && (clibc_errno() == ENOSYS || clibc_errno() == EPERM) {
                // No openat2 here: the root's own resolution (which may wait
                // on a FIFO; such a kernel is older than Linux 5.6).
                guard let descriptor = try? root.openForReading(path) else { return nil }
                fd = descriptor.rawValue
            }
        } else {
            repeat {
                fd = clibc_open(path, flags)
            } while fd < 0 && clibc_errno() == EINTR
        }
        if fd < 0 { return nil }
        let descriptor = FileDescriptor(rawValue: fd)
        guard let info = try? descriptor.status(), clibc_is_regular_file(info.st_mode) != 0 else {
            descriptor.close()
            return nil
        }
        return descriptor
    }
}
