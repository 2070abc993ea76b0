import CLibc

/// What `stat(2)` says about a path (following symbolic links), reduced to
/// the file type and the device that holds it.
public struct FileStatus: Equatable, Sendable {
    /// Whether the path names a regular file (after symbolic links).
    public var isRegularFile: Bool
    /// Whether the path names a block device.
    public var isBlockDevice: Bool
    /// The major and minor numbers of the device holding the file (`st_dev`).
    public var deviceMajor: UInt32
    public var deviceMinor: UInt32

    /// A status with the given facts (for tests).
    public init(isRegularFile: Bool, isBlockDevice: Bool, deviceMajor: UInt32, deviceMinor: UInt32) {
        self.isRegularFile = isRegularFile
        self.isBlockDevice = isBlockDevice
        self.deviceMajor = deviceMajor
        self.deviceMinor = deviceMinor
    }

    /// Stats `path` (NUL-terminated).
    public init(path: UnsafePointer<CChar>) throws(Errno) {
        var info = clibc_file_status()
        while clibc_stat(path, &info) != 0 {
            let error = Errno.current
            if error != .interrupted { throw error }
        }
        self.init(isRegularFile: info.is_regular != 0, isBlockDevice: info.is_block_device != 0,
                  deviceMajor: info.device_major, deviceMinor: info.device_minor)
    }

    /// Whether both live on the same device.
    public func isOnSameDevice(as other: FileStatus) -> Bool {
        deviceMajor == other.deviceMajor && deviceMinor == other.deviceMinor
    }
}
