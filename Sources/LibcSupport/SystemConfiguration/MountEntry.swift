/// One line of a mount table (`/proc/mounts`, `/etc/mtab`, `fstab` format):
/// fields separated by blanks, where the kernel writes a space, tab, newline
/// or backslash inside a field as `\040`, `\011`, `\012` or `\134`.
public struct MountEntry {
    /// The mount point, still escaped.
    public let directory: ByteString
    /// The file system type (`ext4`, `proc`, ...).
    public let type: ByteString

    /// Parses a line; nil for comments, blank lines and lines with fewer than
    /// three fields.
    public init?(_ line: ByteString) {
        var fields: (ByteString, ByteString, ByteString) = (.empty, .empty, .empty)
        var found = 0
        var i = 0
        while found < 3 {
            while i < line.count && ASCII.isBlank(line[i]) { i += 1 }
            if i == line.count { break }
            if found == 0 && line[i] == UInt8(ascii: "#") { return nil }
            let start = i
            while i < line.count && !ASCII.isBlank(line[i]) { i += 1 }
            let field = line.slice(start, i)
            switch found {
            case 0: fields.0 = field
            case 1: fields.1 = field
            default: fields.2 = field
            }
            found += 1
        }
        if found < 3 { return nil }
        directory = fields.1
        type = fields.2
    }

    /// Calls `body` with the mount point unescaped and NUL-terminated.
    public func withDirectoryPath<R>(_ body: (UnsafePointer<CChar>) -> R) -> R {
        withUnsafeTemporaryAllocation(byteCount: directory.count + 1, alignment: 1) { raw in
            let out = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var length = 0
            var i = 0
            while i < directory.count {
                if directory[i] == UInt8(ascii: "\\"), i + 3 < directory.count,
                   let byte = MountEntry.escapedByte(directory.slice(i + 1, i + 4)) {
                    out[length] = byte
                    i += 4
                } else {
                    out[length] = directory[i]
                    i += 1
                }
                length += 1
            }
            out[length] = 0
            return body(UnsafeRawPointer(out).assumingMemoryBound(to: CChar.self))
        }
    }

    /// The byte a three-digit escape stands for, if it is one the kernel writes.
    static func escapedByte(_ digits: ByteString) -> UInt8? {
        if digits == ByteString("040") { return 0x20 }
        if digits == ByteString("011") { return 0x09 }
        if digits == ByteString("012") { return 0x0A }
        if digits == ByteString("134") { return 0x5C }
        return nil
    }
}
