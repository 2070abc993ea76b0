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
        try self.init(descriptor: fd, name: path)
    }

    public init(path: StaticString) throws(Errno) {
        try self.init(path: UnsafeRawPointer(path.utf8Start).assumingMemoryBound(to: CChar.self))
    }

    /// Maps the file open on `descriptor` (which the caller still owns).
    public init(descriptor fd: FileDescriptor) throws(Errno) {
        try self.init(descriptor: fd, name: nil)
    }

    /// Maps the file open on `descriptor`; `name` (NUL-terminated, copied)
    /// names it in the report if the file shrinks while it is mapped.
    ///
    /// Reading a page of a mapping past the file's current end raises
    /// SIGBUS: another program truncated the file during the lookup. The
    /// system layer's handler then reports "PROGRAM: NAME: file changed
    /// while being read" and exits with status 1, instead of a crash or an
    /// answer from half a file.
    public init(descriptor fd: FileDescriptor, name: UnsafePointer<CChar>?) throws(Errno) {
        let info = try fd.status()
        if clibc_is_directory(info.st_mode) != 0 { throw Errno.isDirectory }
        if clibc_is_regular_file(info.st_mode) != 0 && info.st_size > 0 {
            if let base = clibc_map_readonly(fd.rawValue, Int(info.st_size)) {
                let unnamed: StaticString = "(mapped file)"
                _ = clibc_watch_mapping(base, Int(info.st_size), name
                    ?? UnsafeRawPointer(unnamed.utf8Start).assumingMemoryBound(to: CChar.self))
                bytes = ByteString(start: base.assumingMemoryBound(to: UInt8.self), count: Int(info.st_size))
                isMapped = true
                return
            }
        }
        // Not mappable (empty, special, or mmap refused): read it all.
        bytes = try fd.readToEnd()
        isMapped = false
    }

    deinit {
        if isMapped {
            clibc_unwatch_mapping(bytes.start!)
            munmap(UnsafeMutableRawPointer(mutating: bytes.start!), bytes.count)
        } else {
            UnsafeMutableRawPointer(mutating: bytes.start)?.deallocate()
        }
    }

    /// How much of a mapped file a scan reads before it lets go of the
    /// pages behind it (see `releasePages`): a lookup in a file of any size
    /// then stays within about this much resident file data. Measured on
    /// the 100,000-line passwd (6 MB): 1 MB windows keep a last-entry
    /// lookup at 1.4 MB peak (below glibc's 2 MB) for 1% more time than
    /// 16 MB windows (6.5 MB peak).
    public static let scanWindow = 1 << 20

    /// Lets go of the resident pages of `bytes` if they are part of a mapped
    /// file (the pages are dropped from this process, not from the page
    /// cache; reading them again maps them back, unchanged). Does nothing
    /// for bytes that were read into memory. Scans call this for the part of
    /// a large file they have passed, so that a lookup in a 1 GB file does
    /// not keep 1 GB resident.
    @inlinable
    public static func releasePages(_ bytes: ByteString) {
        if let start = bytes.start, bytes.count > 0 {
            _ = clibc_release_mapped_pages(start, bytes.count)
        }
    }

    /// Iterates the file's lines (without their `\n`; a last line without a
    /// newline counts too).
    public var lines: LineSequence { LineSequence(bytes) }
}

/// The lines of a byte buffer, split at `\n` (a `\r` stays in the line, as
/// the C library's readers keep it).
///
/// Over a large mapped file, the pages of lines already returned are let go
/// every `MappedFile.scanWindow` bytes (the lines stay readable).
public struct LineSequence: Sequence, IteratorProtocol {
    @usableFromInline var remaining: ByteString
    /// Where the pages not yet let go start.
    @usableFromInline var kept: UnsafePointer<UInt8>?

    @inlinable public init(_ bytes: ByteString) {
        remaining = bytes
        kept = bytes.start
    }

    @inlinable
    public mutating func next() -> ByteString? {
        if remaining.count == 0 { return nil }
        let base = remaining.start!
        if base - kept! >= MappedFile.scanWindow {
            MappedFile.releasePages(ByteString(start: kept, count: base - kept!))
            kept = base
        }
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
