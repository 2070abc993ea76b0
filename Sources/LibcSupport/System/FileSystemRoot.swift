import CLibc

/// A directory used as `/` for every file the tools read (`getent --root
/// DIR`): `/etc/passwd` means `DIR/etc/passwd`, and symbolic links and
/// `..` inside DIR resolve inside DIR, never outside it. No chroot, no
/// privileges.
///
/// The kernel does the resolution when it can (`openat2` with
/// `RESOLVE_IN_ROOT`, Linux 5.6); otherwise the path is walked one
/// component at a time with `O_NOFOLLOW`, each symbolic link read and
/// resolved against the root, `..` clamped at the root.
public struct FileSystemRoot: Sendable {
    /// The root directory, open with `O_PATH`.
    public let descriptor: FileDescriptor
    /// Use the component walk even where `openat2` exists (for tests).
    public var forceWalk = false

    /// The largest number of symbolic links followed in one path (Linux's limit).
    static let maximumLinks = 40

    /// The root in effect for the process (set once, from the command
    /// line, before any lookup); nil reads the real file system.
    nonisolated(unsafe) public static var active: FileSystemRoot?

    /// Opens `path` for reading inside the active root, or as it is when
    /// there is none: how the tools open every file they read.
    public static func open(_ path: UnsafePointer<CChar>) throws(Errno) -> FileDescriptor {
        if let root = active { return try root.openForReading(path) }
        return try FileDescriptor.openForReading(path)
    }

    /// Opens `path` (NUL-terminated) as the root directory.
    public init(path: UnsafePointer<CChar>) throws(Errno) {
        let fd = clibc_open(path, Int32(clibc_o_path | clibc_o_directory))
        if fd < 0 { throw Errno.current }
        descriptor = FileDescriptor(rawValue: fd)
    }

    /// Opens `path` (absolute or relative, both taken from the root) for
    /// reading, resolved inside the root.
    public func openForReading(_ path: UnsafePointer<CChar>) throws(Errno) -> FileDescriptor {
        var relative = path
        while relative.pointee == CChar(UInt8(ascii: "/")) { relative += 1 }
        if relative.pointee == 0 { relative = UnsafeRawPointer(FileSystemRoot.dot.utf8Start).assumingMemoryBound(to: CChar.self) }
        if !forceWalk {
            var races = 0
            while true {
                let fd = clibc_openat_in_root(descriptor.rawValue, relative, O_RDONLY)
                if fd >= 0 { return FileDescriptor(rawValue: fd) }
                let error = Errno.current
                if error == .interrupted { continue }
                // EAGAIN: a rename elsewhere on the file system raced with a
                // ".." step; the kernel asks to try again (then we walk).
                if error.rawValue == EAGAIN {
                    races += 1
                    if races < 8 { continue }
                    break
                }
                // ENOSYS: an older kernel; EPERM: a sandbox filtering the call.
                if error.rawValue != ENOSYS && error.rawValue != EPERM { throw error }
                break
            }
        }
        return try walk(ByteString(cString: relative))
    }

    static let dot: StaticString = "."

    /// Resolves `path` component by component from the root.
    func walk(_ path: ByteString) throws(Errno) -> FileDescriptor {
        // Directories from the root down to the current one; [0] is the root.
        var stack: [Int32] = []
        defer { for fd in stack { CLibc.close(fd) } }
        let root = FileSystemRoot.openAt(descriptor.rawValue, [UInt8(ascii: ".")], Int32(clibc_o_path | clibc_o_directory))
        if root < 0 { throw Errno.current }
        stack.append(root)
        // Components still to resolve, last first.
        var pending = FileSystemRoot.components(path).reversed().map { $0 }
        var links = 0
        while let component = pending.popLast() {
            if component == [UInt8(ascii: ".")] { continue }
            if component == [UInt8(ascii: "."), UInt8(ascii: ".")] {
                if stack.count > 1 { CLibc.close(stack.removeLast()) }
                continue
            }
            let parent = stack[stack.count - 1]
            let fd = FileSystemRoot.openAt(parent, component, Int32(clibc_o_path | clibc_o_nofollow))
            if fd < 0 { throw Errno.current }
            var info = stat()
            if fstat(fd, &info) != 0 {
                let error = Errno.current
                CLibc.close(fd)
                throw error
            }
            if clibc_is_symbolic_link(info.st_mode) != 0 {
                links += 1
                let target = FileSystemRoot.readLink(fd)
                CLibc.close(fd)
                guard let target, links <= FileSystemRoot.maximumLinks else { throw Errno(ELOOP) }
                if target.first == UInt8(ascii: "/") {
                    while stack.count > 1 { CLibc.close(stack.removeLast()) }
                }
                let parts: [[UInt8]] = target.withUnsafeBufferPointer {
                    FileSystemRoot.components(ByteString(start: $0.baseAddress, count: $0.count))
                }
                pending.append(contentsOf: parts.reversed())
                continue
            }
            if pending.isEmpty {
                CLibc.close(fd)
                // Opened by name again, for reading; O_NOFOLLOW makes a link
                // swapped in meanwhile fail instead of leading outside.
                let file = FileSystemRoot.openAt(parent, component, Int32(O_RDONLY | clibc_o_nofollow))
                if file < 0 { throw Errno.current }
                return FileDescriptor(rawValue: file)
            }
            if clibc_is_directory(info.st_mode) == 0 {
                CLibc.close(fd)
                throw Errno(ENOTDIR)
            }
            stack.append(fd)
        }
        // The path named a directory (or the root itself).
        let last = stack[stack.count - 1]
        let fd = FileSystemRoot.openAt(last, [UInt8(ascii: ".")], O_RDONLY)
        if fd < 0 { throw Errno.current }
        return FileDescriptor(rawValue: fd)
    }

    static func openAt(_ directory: Int32, _ name: [UInt8], _ flags: Int32) -> Int32 {
        var terminated = name
        terminated.append(0)
        return terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                while true {
                    let fd = clibc_openat(directory, chars.baseAddress!, flags)
                    if fd >= 0 || clibc_errno() != EINTR { return fd }
                }
            }
        }
    }

    /// The target of the symbolic link open (O_PATH) on `fd`.
    static func readLink(_ fd: Int32) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { readlinkat(fd, "", $0.baseAddress!, $0.count) }
        }
        if n <= 0 || n >= buffer.count { return nil }
        return Array(buffer[0..<n])
    }

    /// The non-empty components of a path.
    static func components(_ path: ByteString) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        for i in 0...path.count where i == path.count || path[i] == UInt8(ascii: "/") {
            if i > start { result.append(Array(path.slice(start, i).buffer)) }
            start = i + 1
        }
        return result
    }
}
