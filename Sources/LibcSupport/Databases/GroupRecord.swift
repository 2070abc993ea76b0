/// A line of `/etc/group`: `name:password:gid:member,member,...`.
///
/// As the C library parses it (observed): the member field may be missing;
/// members lose leading white space and empty ones are dropped; NIS lines
/// may stop after the name or leave the gid empty and are written with an
/// empty gid. A member list holding `:` cannot be written.
public struct GroupRecord: IdentifiedAccountRecord {
    public static let path: StaticString = "/etc/group"
    public static let kind: StaticString = "group"

    public var name: ByteString
    public var password: ByteString
    public var gid: UInt32
    /// The raw member field (split by `appendList` / `listContains`).
    public var members: ByteString
    /// Member fields of the same group from later sources, appended after
    /// `[SUCCESS=merge]`.
    public var mergedMembers: [ByteString] = []

    public var id: UInt32 { gid }

    public static func parse(_ content: ByteString) -> GroupRecord? {
        var fields = FieldReader(content)
        var record = GroupRecord(name: fields.next(), password: .empty, gid: 0, members: .empty)
        let nis = RecordLine.isNISName(record.name)
        if fields.atEnd || (nis && fields.atLineEndAfterColon) { return nis ? record : nil }
        record.password = fields.next()
        if fields.atEnd { return nil }
        let gid = fields.next()
        if gid.isEmpty {
            if fields.atEnd || !nis { return nil }
        } else {
            guard let value = NumericField.parse32(gid) else { return nil }
            record.gid = value
        }
        if !fields.atEnd { record.members = fields.remainder() }
        return record
    }

    /// Whether `user` is listed as a member.
    @inlinable
    public func hasMember(_ user: ByteString) -> Bool { listContains(members, user) }

    public func write(to output: inout OutputBuffer) -> Bool {
        if !listIsWritable(members) { return false }
        for extra in mergedMembers where !listIsWritable(extra) { return false }
        output.append(name)
        output.append(UInt8(ascii: ":"))
        output.append(password)
        output.append(UInt8(ascii: ":"))
        if !RecordLine.isNISName(name) { output.append(decimal: gid) }
        output.append(UInt8(ascii: ":"))
        var any = appendList(members, to: &output, after: false)
        for extra in mergedMembers { any = appendList(extra, to: &output, after: any) }
        output.append(UInt8(ascii: "\n"))
        return true
    }
}
