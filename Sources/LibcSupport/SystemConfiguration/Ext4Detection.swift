import CLibc

/// Tells ext4 from ext2 and ext3, which share one `statfs` magic number but
/// differ in `LINK_MAX` (65000 against 32000).
///
/// The kernel lists every file system mounted with its ext4 driver (which
/// also mounts ext2 and ext3 volumes) under `/sys/fs/ext4/<device>`; the
/// device name comes from `/sys/dev/block/<major>:<minor>`. Without `/sys`
/// (a chroot, a container), the mount table says which driver mounted the
/// device. Same procedure and answers as glibc.
public enum Ext4Detection {
    /// Whether `path` (on an ext2/3/4 file system) is served by the ext4
    /// driver.
    public static func isExt4(path: UnsafePointer<CChar>) -> Bool {
        guard let status = try? FileStatus(path: path) else { return false }
        return isExt4(status)
    }

    /// Whether the file `status` describes (on an ext2/3/4 file system) is
    /// served by the ext4 driver: for callers that already have its status.
    public static func isExt4(_ status: FileStatus) -> Bool {
        // Device links are short (`../../devices/.../block/sda/sda1`).
        return withUnsafeTemporaryAllocation(byteCount: 1024, alignment: 1) { raw in
            let buffer = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let sysfsAnswer = isListedAsExt4(status, buffer: buffer, capacity: raw.count)
            if let sysfsAnswer { return sysfsAnswer }
            return isMountedAsExt4(status)
        }
    }

    /// Looks the device up in sysfs; nil when sysfs does not know the device.
    static func isListedAsExt4(_ status: FileStatus, buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Bool? {
        var path = PathBuilder(buffer, capacity: 64)
        path.append("/sys/dev/block/")
        path.append(decimal: status.deviceMajor)
        path.append(UInt8(ascii: ":"))
        path.append(decimal: status.deviceMinor)
        guard let linkPath = path.cString else { return nil }
        let target = buffer + 64
        let room = capacity - 64 - 1
        let length = readlink(linkPath, UnsafeMutableRawPointer(target).assumingMemoryBound(to: CChar.self), room)
        // A link that filled the buffer may be cut short: no answer from it.
        if length <= 0 || length >= room { return nil }
        // The link ends in the device's name (`.../block/sda/sda1`).
        let link = ByteString(start: target, count: length)
        var nameStart = length
        while nameStart > 0 && link[nameStart - 1] != UInt8(ascii: "/") { nameStart -= 1 }
        let name = link.dropFirst(nameStart)
        // Reuses the buffer from its start: the name lies further on, so
        // copying it forward never overwrites bytes still to be copied.
        var ext4Path = PathBuilder(buffer, capacity: capacity)
        ext4Path.append("/sys/fs/ext4/")
        ext4Path.append(name)
        guard let ext4 = ext4Path.cString else { return false }
        return access(ext4, F_OK) == 0
    }

    /// Finds the device in the mount table (`/proc/mounts`, else `/etc/mtab`):
    /// the first ext2, ext3 or ext4 entry mounted from the same device says
    /// which driver serves it.
    static func isMountedAsExt4(_ status: FileStatus) -> Bool {
        let table: MappedFile
        if let mounts = try? MappedFile(path: "/proc/mounts") {
            table = mounts
        } else if let mtab = try? MappedFile(path: "/etc/mtab") {
            table = mtab
        } else {
            return false
        }
        for line in table.lines {
            guard let entry = MountEntry(line) else { continue }
            let type = entry.type
            let isExt4 = type == ByteString("ext4")
            guard isExt4 || type == ByteString("ext3") || type == ByteString("ext2") else { continue }
            let sameDevice: Bool = entry.withDirectoryPath { directory in
                guard let mounted = try? FileStatus(path: directory) else { return false }
                return mounted.isOnSameDevice(as: status)
            }
            if sameDevice { return isExt4 }
        }
        return false
    }
}
