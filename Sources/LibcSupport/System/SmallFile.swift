import CLibc

/// Reads of small kernel files (`/proc`, `/sys`) into a caller's buffer.
///
/// These files are a few bytes long and generated on each read, so they are
/// neither mapped nor stat'ed: one `open`, one `read`, one `close`. The kernel
/// hands over a sysfs attribute or a short `/proc` file whole in one `read`
/// (so no second `read` is spent to see the end); a caller that sees its
/// buffer filled knows the file may be longer. Opening is the costly part of
/// a sysfs read, so a directory can be opened once and its files read
/// relative to it.
public enum SmallFile {
    /// Reads the first `buffer.count` bytes at most of `path` (relative to
    /// `directory` if given) in one `read`; returns how many bytes it got.
    public static func read(_ path: UnsafePointer<CChar>, relativeTo directory: FileDescriptor? = nil,
                            into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        let fd = try open(path, relativeTo: directory, flags: O_RDONLY)
        defer { fd.close() }
        return try fd.read(into: buffer)
    }

    /// Reads a file named by a static string literal.
    public static func read(_ path: StaticString, relativeTo directory: FileDescriptor? = nil,
                            into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        try read(cString(path), relativeTo: directory, into: buffer)
    }

    /// Opens a directory (for reads relative to it).
    public static func openDirectory(_ path: UnsafePointer<CChar>, relativeTo directory: FileDescriptor? = nil) throws(Errno) -> FileDescriptor {
        try open(path, relativeTo: directory, flags: O_RDONLY | O_DIRECTORY)
    }

    /// Opens a directory named by a static string literal.
    public static func openDirectory(_ path: StaticString, relativeTo directory: FileDescriptor? = nil) throws(Errno) -> FileDescriptor {
        try openDirectory(cString(path), relativeTo: directory)
    }

    /// A static string literal as the C string it is stored as (Swift emits
    /// literals NUL-terminated).
    @inlinable
    public static func cString(_ literal: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    static func open(_ path: UnsafePointer<CChar>, relativeTo directory: FileDescriptor?, flags: Int32) throws(Errno) -> FileDescriptor {
        while true {
            let fd = directory.map { clibc_openat($0.rawValue, path, flags) } ?? clibc_open(path, flags)
            if fd >= 0 { return FileDescriptor(rawValue: fd) }
            let error = Errno.current
            if error != .interrupted { throw error }
        }
    }
}
