/// A line of `/etc/passwd`: `name:password:uid:gid:gecos:directory:shell`.
///
/// Parsing follows the C library (observed): the uid must be followed by a
/// `:`; the fields after the gid may be missing; the shell is the rest of
/// the line, `:` included (such an entry is found but cannot be written).
/// NIS lines (`+name`, `-name`, `+`, `+@netgroup`) may stop after the name,
/// may leave uid and gid empty, and are written with empty ids.
public struct PasswdRecord: IdentifiedAccountRecord {
    public static let path: StaticString = "/etc/passwd"
    public static let kind: StaticString = "passwd"

    public var name: ByteString
    public var password: ByteString
    public var uid: UInt32
    public var gid: UInt32
    public var gecos: ByteString
    public var directory: ByteString
    public var shell: ByteString
    /// The line's content when writing the entry gives it back unchanged
    /// (all seven fields, ids in plain decimal): enumeration copies it.
    public var verbatim: ByteString?

    public var id: UInt32 { uid }

    public static func parse(_ content: ByteString) -> PasswdRecord? {
        // One pass finds every ':'; the fields are the runs between them.
        let colons = ColonPositions(content)
        let end = content.count
        func field(_ index: Int) -> ByteString {
            let lower = index == 0 ? 0 : colons[index - 1] + 1
            let upper = index < colons.count ? colons[index] : end
            return content.slice(lower, upper)
        }
        var record = PasswdRecord(name: field(0), password: .empty, uid: 0, gid: 0,
                                  gecos: .empty, directory: .empty, shell: .empty, verbatim: nil)
        let nis = RecordLine.isNISName(record.name)
        if colons.count == 0 || (nis && colons[0] == end - 1) { return nis ? record : nil }
        // The password and the uid must each be followed by a ':'.
        if colons.count < 3 { return nil }
        record.password = field(1)
        let uid = field(2)
        if uid.isEmpty {
            if !nis { return nil }
        } else {
            guard let value = NumericField.parse32(uid) else { return nil }
            record.uid = value
        }
        let gid = field(3)
        if gid.isEmpty {
            if colons.count == 3 || !nis { return nil }
        } else {
            guard let value = NumericField.parse32(gid) else { return nil }
            record.gid = value
        }
        if colons.count == 3 { return record }
        record.gecos = field(4)
        if colons.count == 4 { return record }
        record.directory = field(5)
        if colons.count == 5 { return record }
        // The shell is the rest of the line, ':' included.
        record.shell = content.dropFirst(colons[5] + 1)
        if colons.count == 6 && !nis && FieldReader.isCanonicalNumber(uid) && FieldReader.isCanonicalNumber(gid) {
            record.verbatim = content
        }
        return record
    }

    /// A plain line (seven fields, ids in plain decimal that fit 32 bits,
    /// no NIS name) is written back exactly as it is.
    public static func isVerbatim(_ content: ByteString) -> Bool {
        let first = content[0]
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { return false }
        let colons = ColonPositions(content)
        return colons.count == 6
            && ByteScan.isPlainID(content, from: colons[1] + 1, to: colons[2])
            && ByteScan.isPlainID(content, from: colons[2] + 1, to: colons[3])
    }

    public func write(to output: inout OutputBuffer) -> Bool {
        if let verbatim {
            output.append(verbatim)
            output.append(UInt8(ascii: "\n"))
            return true
        }
        if shell.containsByte(UInt8(ascii: ":")) { return false }
        let nis = RecordLine.isNISName(name)
        output.append(name)
        output.append(UInt8(ascii: ":"))
        output.append(password)
        output.append(UInt8(ascii: ":"))
        if !nis { output.append(decimal: uid) }
        output.append(UInt8(ascii: ":"))
        if !nis { output.append(decimal: gid) }
        output.append(UInt8(ascii: ":"))
        output.append(gecos)
        output.append(UInt8(ascii: ":"))
        output.append(directory)
        output.append(UInt8(ascii: ":"))
        output.append(shell)
        output.append(UInt8(ascii: "\n"))
        return true
    }
}
