import CLibc

/// What `statfs(2)` says about the file system holding a path: the facts
/// pathconf answers (`LINK_MAX`, `NAME_MAX`, `FILESIZEBITS`, ...) come from.
public struct FileSystemStatus: Equatable, Sendable {
    /// The file system's magic number (`f_type`), e.g. `0xEF53` for ext2/3/4.
    public var magic: Int64
    /// The preferred transfer size (`f_bsize`).
    public var blockSize: Int64
    /// The longest file name (`f_namelen`).
    public var nameMax: Int64
    /// The allocation unit (`f_frsize`; 0 on kernels that do not report it).
    public var fragmentSize: Int64

    /// A status with the given facts (for tests).
    public init(magic: Int64, blockSize: Int64, nameMax: Int64, fragmentSize: Int64) {
        self.magic = magic
        self.blockSize = blockSize
        self.nameMax = nameMax
        self.fragmentSize = fragmentSize
    }

    /// Asks the kernel about the file system holding `path` (NUL-terminated).
    public init(path: UnsafePointer<CChar>) throws(Errno) {
        var info = clibc_file_system()
        while clibc_statfs(path, &info) != 0 {
            let error = Errno.current
            if error != .interrupted { throw error }
        }
        self.init(magic: info.type, blockSize: info.block_size, nameMax: info.name_max,
                  fragmentSize: info.fragment_size)
    }
}
