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

    public var id: UInt32 { uid }

    public static func parse(_ content: ByteString) -> PasswdRecord? {
        var fields = FieldReader(content)
        var record = PasswdRecord(name: fields.next(), password: .empty, uid: 0, gid: 0,
                                  gecos: .empty, directory: .empty, shell: .empty)
        let nis = RecordLine.isNISName(record.name)
        if fields.atEnd || (nis && fields.atLineEndAfterColon) { return nis ? record : nil }
        record.password = fields.next()
        if fields.atEnd { return nil }
        let uid = fields.next()
        if fields.atEnd { return nil }
        if uid.isEmpty {
            if !nis { return nil }
        } else {
            guard let value = NumericField.parse32(uid) else { return nil }
            record.uid = value
        }
        let gid = fields.next()
        if gid.isEmpty {
            if fields.atEnd || !nis { return nil }
        } else {
            guard let value = NumericField.parse32(gid) else { return nil }
            record.gid = value
        }
        if fields.atEnd { return record }
        record.gecos = fields.next()
        if fields.atEnd { return record }
        record.directory = fields.next()
        if fields.atEnd { return record }
        record.shell = fields.remainder()
        return record
    }

    public func write(to output: inout OutputBuffer) -> Bool {
        if shell.firstIndex(of: UInt8(ascii: ":")) != nil { return false }
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
