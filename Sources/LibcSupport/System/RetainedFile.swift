import CLibc

/// A file's contents mapped (or read) for the rest of the process: never
/// unmapped, so records parsed from it can be kept and compared across the
/// sources of a lookup without copying. For short-lived tools only.
public enum RetainedFile {
    /// The bytes of `path` (NUL-terminated), inside the active
    /// `FileSystemRoot` if there is one. Throws the `errno` of the failing
    /// call; a directory gives `EISDIR`.
    public static func contents(of path: UnsafePointer<CChar>) throws(Errno) -> ByteString {
        let fd: FileDescriptor
        if let root = FileSystemRoot.active {
            fd = try root.openForReading(path)
        } else {
            var raw: Int32
            repeat {
                raw = clibc_open(path, O_RDONLY)
            } while raw < 0 && Errno.current == .interrupted
            if raw < 0 { throw Errno.current }
            fd = FileDescriptor(rawValue: raw)
        }
        // The descriptor of a regular file is not closed: the bytes live as
        // long as the process, which is short-lived, and each close is a
        // system call. Other files (pipes, /proc) are read and closed.
        var kept = false
        defer { if !kept { fd.close() } }
        let info = try fd.status()
        if clibc_is_directory(info.st_mode) != 0 { throw Errno.isDirectory }
        if clibc_is_regular_file(info.st_mode) != 0 && info.st_size > 0 {
            if info.st_size <= FileDescriptor.smallFileLimit {
                let bytes = try fd.read(first: Int(info.st_size))
                // Shorter than fstat said: truncated during the lookup,
                // reported as a mapping's SIGBUS would be, if the file is
                // shorter now. (A sysfs file gives 4096 as the size of any
                // content; its size does not change.)
                if bytes.count < Int(info.st_size), let now = try? fd.status(), now.st_size < info.st_size {
                    clibc_exit_file_changed(path)
                }
                kept = true
                return bytes
            }
            if let base = clibc_map_readonly(fd.rawValue, Int(info.st_size)) {
                kept = true
                // A file truncated while mapped is reported, not a crash;
                // its pages can be let go by scans (see MappedFile).
                _ = clibc_watch_mapping(base, Int(info.st_size), path)
                return ByteString(start: base.assumingMemoryBound(to: UInt8.self), count: Int(info.st_size))
            }
        }
        // Not mappable (empty, special, or mmap refused): read it all.
        return try fd.readToEnd()
    }

    public static func contents(of path: StaticString) throws(Errno) -> ByteString {
        try contents(of: UnsafeRawPointer(path.utf8Start).assumingMemoryBound(to: CChar.self))
    }
}
