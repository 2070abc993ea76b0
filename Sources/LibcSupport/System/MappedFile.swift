import CLibc

/// The whole contents of a file, mapped read-only (or read into memory when
/// the file cannot be mapped, such as a pipe or a `/proc` file).
///
/// Lookups scan these bytes directly and parse only the line they return,
/// so a lookup in a large file touches only the pages it reads.
public struct MappedFile: ~Copyable {
    /// The file's bytes; valid until the value is destroyed.
    public let bytes: ByteString
    @usableFromInline let isMapped: Bool

    /// Opens and maps `path` (NUL-terminated), inside the active
    /// `FileSystemRoot` if there is one. Throws the `errno` of the
    /// failing call; a directory gives `EISDIR`.
    public init(path: UnsafePointer<CChar>) throws(Errno) {
        let fd = try FileSystemRoot.open(path)
        defer { fd.close() }
        try self.init(descriptor: fd)
    }

    public init(path: StaticString) throws(Errno) {
        try self.init(path: UnsafeRawPointer(path.utf8Start).assumingMemoryBound(to: CChar.self))
    }

    /// Maps the file open on `descriptor` (which the caller still owns).
    public init(descriptor fd: FileDescriptor) throws(Errno) {
        let info = try fd.status()
        if clibc_is_directory(info.st_mode) != 0 { throw Errno.isDirectory }
        if clibc_is_regular_file(info.st_mode) != 0 && info.st_size > 0 {
            if let base = clibc_map_readonly(fd.rawValue, Int(info.st_size)) {
                bytes = ByteString(start: base.assumingMemoryBound(to: UInt8.self), count: Int(info.st_size))
                isMapped = true
                return
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
        bytes = ByteString(start: storage.assumingMemoryBound(to: UInt8.self), count: used)
        isMapped = false
    }

    deinit {
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.start!), bytes.count)
        } else {
            UnsafeMutableRawPointer(mutating: bytes.start)?.deallocate()
        }
    }

    /// Iterates the file's lines (without their `\n`; a last line without a
    /// newline counts too).
    public var lines: LineSequence { LineSequence(bytes) }
}

/// The lines of a byte buffer, split at `\n` (a `\r` stays in the line, as
/// the C library's readers keep it).
public struct LineSequence: Sequence, IteratorProtocol {
    @usableFromInline var remaining: ByteString

    @inlinable public init(_ bytes: ByteString) { remaining = bytes }

    @inlinable
    public mutating func next() -> ByteString? {
        if remaining.count == 0 { return nil }
        let base = remaining.start!
        let end: Int
        if let newline = memchr(base, 0x0A, remaining.count) {
            end = UnsafeRawPointer(newline) - UnsafeRawPointer(base)
            let line = ByteString(start: base, count: end)
            remaining = remaining.dropFirst(end + 1)
            return line
        }
        let line = remaining
        remaining = .empty
        return line
    }
}
