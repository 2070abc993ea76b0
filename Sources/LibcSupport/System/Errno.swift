import CLibc

/// A C `errno` value, thrown by the system layer.
public struct Errno: Error, Equatable, Sendable {
    /// The raw `errno` number, e.g. `ENOENT`.
    public var rawValue: Int32

    @inlinable
    public init(_ rawValue: Int32) { self.rawValue = rawValue }

    /// The calling thread's current `errno`.
    @inlinable
    public static var current: Errno { Errno(clibc_errno()) }

    public static var noSuchFile: Errno { Errno(ENOENT) }
    public static var permissionDenied: Errno { Errno(EACCES) }
    public static var interrupted: Errno { Errno(EINTR) }
    public static var isDirectory: Errno { Errno(EISDIR) }
    public static var invalidArgument: Errno { Errno(EINVAL) }
    public static var outOfRange: Errno { Errno(ERANGE) }
    public static var tooBig: Errno { Errno(EFBIG) }

    /// The C library's text for this error (`strerror`), as bytes.
    public var message: UnsafeRawBufferPointer {
        let text = strerror(rawValue)!
        return UnsafeRawBufferPointer(start: text, count: strlen(text))
    }
}
