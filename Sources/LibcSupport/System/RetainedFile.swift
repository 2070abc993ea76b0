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
        // The descriptor is closed only when the file is read: a mapping
        // needs none, and the process is short-lived.
        var mapped = false
        defer { if !mapped { fd.close() } }
        let info = try fd.status()
        if clibc_is_directory(info.st_mode) != 0 { throw Errno.isDirectory }
        if clibc_is_regular_file(info.st_mode) != 0 && info.st_size > 0 {
            if let base = clibc_map_readonly(fd.rawValue, Int(info.st_size)) {
                mapped = true
                return ByteString(start: base.assumingMemoryBound(to: UInt8.self), count: Int(info.st_size))
            }
        }
        // Not mappable (empty, special, or mmap refused): read it all.
        var capacity = 16 * 1024
        var storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        var used = 0
        while true {
            if used == capacity {
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                bigger.copyMemory(from: storage, byteCount: used)
                storage.deallocate()
                storage = bigger
                capacity *= 2
            }
            let n: Int
            do {
                n = try fd.read(into: UnsafeMutableRawBufferPointer(start: storage + used, count: capacity - used))
            } catch {
                storage.deallocate()
                throw error
            }
            if n == 0 { break }
            used += n
        }
        return ByteString(start: storage.assumingMemoryBound(to: UInt8.self), count: used)
    }

    public static func contents(of path: StaticString) throws(Errno) -> ByteString {
        try contents(of: UnsafeRawPointer(path.utf8Start).assumingMemoryBound(to: CChar.self))
    }
}
