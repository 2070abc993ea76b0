/// A line of `/etc/gshadow`: `name:password:admin,...:member,...`.
///
/// The C library accepts any prefix of the fields (observed): missing
/// fields are empty. Lists are split as group members are; a member list
/// holding `:` cannot be written.
public struct GshadowRecord: AccountRecord {
    public static let path: StaticString = "/etc/gshadow"
    public static let kind: StaticString = "gshadow"

    public var name: ByteString
    public var password: ByteString = .empty
    public var administrators: ByteString = .empty
    public var members: ByteString = .empty

    public static func parse(_ content: ByteString) -> GshadowRecord? {
        var fields = FieldReader(content)
        var record = GshadowRecord(name: fields.next())
        if fields.atEnd { return record }
        record.password = fields.next()
        if fields.atEnd { return record }
        record.administrators = fields.next()
        if fields.atEnd { return record }
        record.members = fields.remainder()
        return record
    }

    public func write(to output: inout OutputBuffer) -> Bool {
        if !listIsWritable(members) { return false }
        output.append(name)
        output.append(UInt8(ascii: ":"))
        output.append(password)
        output.append(UInt8(ascii: ":"))
        appendList(administrators, to: &output)
        output.append(UInt8(ascii: ":"))
        appendList(members, to: &output)
        output.append(UInt8(ascii: "\n"))
        return true
    }
}
