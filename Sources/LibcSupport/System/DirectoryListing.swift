import CLibc

/// The names in a directory (without `.` and `..`), in the order the file
/// system returns them.
public struct DirectoryListing: ~Copyable {
    let stream: OpaquePointer

    /// Opens the directory at `path` (NUL-terminated), inside the active
    /// `FileSystemRoot` if there is one.
    public init(path: UnsafePointer<CChar>) throws(Errno) {
        let fd = try FileSystemRoot.open(path)
        try self.init(descriptor: fd)
    }

    /// Opens the directory open on `descriptor`, taking ownership of it.
    public init(descriptor: FileDescriptor) throws(Errno) {
        guard let stream = fdopendir(descriptor.rawValue) else {
            let error = Errno.current
            descriptor.close()
            throw error
        }
        self.stream = stream
    }

    deinit { closedir(stream) }

    /// Calls `body` with each entry's name (valid only during the call).
    public func forEach(_ body: (ByteString) -> Void) {
        while let entry = readdir(stream) {
            let name = ByteString(cString: clibc_dirent_name(entry))
            if name == ByteString(".") || name == ByteString("..") { continue }
            body(name)
        }
    }
}
