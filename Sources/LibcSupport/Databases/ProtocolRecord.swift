/// One line of `/etc/protocols`: `name number aliases...` (see
/// `NumberedLine` for how the number is read).
public struct ProtocolRecord: LineRecord {
    public var fields: NumberedLine

    public init(_ fields: NumberedLine) { self.fields = fields }

    public static func parse(_ line: ByteString) -> ProtocolRecord? {
        NumberedLine.parse(line).map(ProtocolRecord.init)
    }

    /// The first entry of `file` for a command-line key (name, alias or number).
    public static func lookup(_ key: ByteString, in file: ByteString) -> ProtocolRecord? {
        NumberedQuery(key: key).firstMatch(in: file).map(ProtocolRecord.init)
    }

    /// Writes the line glibc's getent prints: `%-21s %d` and ` alias`s.
    public func write(to output: inout OutputBuffer) {
        output.append(fields.name)
        output.append(repeating: 0x20, count: 21 - fields.name.count)
        output.append(UInt8(ascii: " "))
        output.append(decimal: Int64(fields.number))
        for alias in fields.aliases {
            output.append(UInt8(ascii: " "))
            output.append(alias)
        }
        output.append(UInt8(ascii: "\n"))
    }
}
