import CLibc

/// An open file descriptor. Not closed automatically: the tools are short-lived
/// and close what they open explicitly where it matters.
public struct FileDescriptor: Sendable {
    public let rawValue: Int32

    @inlinable public init(rawValue: Int32) { self.rawValue = rawValue }

    public static var standardInput: FileDescriptor { FileDescriptor(rawValue: 0) }
    public static var standardOutput: FileDescriptor { FileDescriptor(rawValue: 1) }
    public static var standardError: FileDescriptor { FileDescriptor(rawValue: 2) }

    /// Opens `path` (NUL-terminated) read-only and close-on-exec.
    public static func openForReading(_ path: UnsafePointer<CChar>) throws(Errno) -> FileDescriptor {
        while true {
            let fd = clibc_open(path, O_RDONLY)
            if fd >= 0 { return FileDescriptor(rawValue: fd) }
            let error = Errno.current
            if error != .interrupted { throw error }
        }
    }

    /// Opens a path given as a static string literal.
    public static func openForReading(_ path: StaticString) throws(Errno) -> FileDescriptor {
        try openForReading(UnsafeRawPointer(path.utf8Start).assumingMemoryBound(to: CChar.self))
    }

    /// Reads up to `buffer.count` bytes; 0 at end of file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        while true {
            let n = CLibc.read(rawValue, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            let error = Errno.current
            if error != .interrupted { throw error }
        }
    }

    /// Writes all of `bytes`, retrying short writes and interruptions.
    public func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Errno) {
        var offset = 0
        while offset < bytes.count {
            let n = CLibc.write(rawValue, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                let error = Errno.current
                if error == .interrupted { continue }
                throw error
            }
            offset += n
        }
    }

    /// The file's status (`fstat`).
    public func status() throws(Errno) -> stat {
        var info = stat()
        if fstat(rawValue, &info) != 0 { throw Errno.current }
        return info
    }

    public func close() {
        _ = CLibc.close(rawValue)
    }
}
