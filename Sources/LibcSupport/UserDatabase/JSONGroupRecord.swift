/// A group from systemd's user database (a JSON group record), reduced to
/// what the group and gshadow lines show, as systemd's NSS module maps it.
public struct JSONGroupRecord {
    public var name: [UInt8]
    /// nil when the record has no valid gid (printed as 4294967295).
    public var gid: UInt32?
    /// Members in record order, then those from memberships; no duplicates.
    public var members: [[UInt8]] = []
    /// `x` for ordinary records, `!*` for the synthesized nogroup.
    public var groupPassword: StaticString = "x"
    /// The first of `privileged.hashedPassword`; nil when there is none.
    public var hashedPassword: [UInt8]?

    /// Maps a JSON group record; nil when it is not a usable group record.
    public init?(json record: JSONValue) {
        guard record.isObject, let name = record["groupName"]?.stringValue, AccountName.isValid(name) else { return nil }
        self.name = name
        if let value = record["gid"] {
            guard value.unsignedValue != nil else { return nil }
            gid = AccountName.id(value)
        }
        if let list = record["members"] {
            guard let elements = list.arrayValue else { return nil }
            for element in elements {
                guard let member = element.stringValue else { return nil }
                addMember(member)
            }
        }
        if let privileged = record["privileged"], let list = privileged["hashedPassword"]?.arrayValue {
            hashedPassword = list.first?.stringValue
        }
    }

    /// A record made of fixed fields (the synthesized root and nogroup).
    init(name: StaticString, gid: UInt32, groupPassword: StaticString) {
        self.name = Array(ByteString(name).buffer)
        self.gid = gid
        self.groupPassword = groupPassword
    }

    /// Adds a member unless it is already listed or not a valid name.
    public mutating func addMember(_ member: [UInt8]) {
        guard AccountName.isValid(member), !members.contains(member) else { return }
        members.append(member)
    }

    /// The group line without its newline: `name:x:gid:member,member`.
    public var groupLine: [UInt8] {
        var line = name
        line.append(UInt8(ascii: ":"))
        line.append(contentsOf: ByteString(groupPassword).buffer)
        line.append(UInt8(ascii: ":"))
        DecimalText.append(UInt64(gid ?? UInt32.max), to: &line)
        line.append(UInt8(ascii: ":"))
        for (index, member) in members.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            line += member
        }
        return line
    }

    /// The gshadow line without its newline: `name:password::`. systemd's
    /// NSS module lists neither administrators nor members there.
    public var gshadowLine: [UInt8] {
        var line = name
        line.append(UInt8(ascii: ":"))
        if let hashedPassword { line += hashedPassword } else { line += [UInt8(ascii: "!"), UInt8(ascii: "*")] }
        line += [UInt8(ascii: ":"), UInt8(ascii: ":")]
        return line
    }

    public func appendGroupLine(to output: inout OutputBuffer) {
        output.append(contentsOf: groupLine)
        output.append(UInt8(ascii: "\n"))
    }

    public func appendGshadowLine(to output: inout OutputBuffer) {
        output.append(contentsOf: gshadowLine)
        output.append(UInt8(ascii: "\n"))
    }
}
