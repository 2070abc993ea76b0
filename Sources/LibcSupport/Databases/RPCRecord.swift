/// One line of `/etc/rpc`: `name number aliases...` (see `NumberedLine` for
/// how the number is read).
public struct RPCRecord: LineRecord {
    public var fields: NumberedLine

    public init(_ fields: NumberedLine) { self.fields = fields }

    public static func parse(_ line: ByteString) -> RPCRecord? {
        NumberedLine.parse(line).map(RPCRecord.init)
    }

    /// The first entry of `file` for a command-line key (name, alias or number).
    public static func lookup(_ key: ByteString, in file: ByteString) -> RPCRecord? {
        NumberedQuery(key: key).firstMatch(in: file).map(RPCRecord.init)
    }

    /// Writes the line glibc's getent prints: `%-15s %d`, then, when there
    /// are aliases, one more space and ` alias` for each.
    public func write(to output: inout OutputBuffer) {
        output.append(fields.name)
        output.append(repeating: 0x20, count: 15 - fields.name.count)
        output.append(UInt8(ascii: " "))
        output.append(decimal: Int64(fields.number))
        var first = true
        for alias in fields.aliases {
            if first { output.append(UInt8(ascii: " ")); first = false }
            output.append(UInt8(ascii: " "))
            output.append(alias)
        }
        output.append(UInt8(ascii: "\n"))
    }
}
