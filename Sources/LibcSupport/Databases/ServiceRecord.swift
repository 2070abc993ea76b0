/// One line of `/etc/services`: `name port/protocol aliases...`.
///
/// The port is read as the C library reads it (`strtoul` base 0: `0x50` and
/// `0120` are 80, `+80` too), refused above 2^32-1, and then cut to 16 bits
/// (70000 is 4464). A port followed by neither `/` nor the end of the line
/// makes the line invalid; a bare port (`name 12`) has an empty protocol.
public struct ServiceRecord: LineRecord {
    public var name: ByteString
    public var port: UInt16
    public var proto: ByteString
    /// The text after the protocol: its words are the aliases.
    public var aliasText: ByteString

    public init(name: ByteString, port: UInt16, proto: ByteString, aliasText: ByteString) {
        self.name = name
        self.port = port
        self.proto = proto
        self.aliasText = aliasText
    }

    /// Parses one line; nil for comments, blank and malformed lines.
    public static func parse(_ line: ByteString) -> ServiceRecord? {
        var cursor = WordCursor(line.lineContent)
        guard let name = cursor.nextWord() else { return nil }
        cursor.skipSpace()
        let number = CNumber.strtoul(cursor.rest, base: 0)
        guard number.length > 0, number.value <= UInt64(UInt32.max) else { return nil }
        cursor.advance(number.length)
        var proto = ByteString.empty
        if !cursor.rest.isEmpty {
            guard cursor.rest[0] == UInt8(ascii: "/") else { return nil }
            cursor.advance(1)
            // The protocol runs to the next white space (it may be empty).
            var end = 0
            while end < cursor.rest.count && !ASCII.isSpace(cursor.rest[end]) { end += 1 }
            proto = cursor.rest.prefix(end)
            cursor.advance(end)
        }
        return ServiceRecord(name: name, port: UInt16(truncatingIfNeeded: number.value),
                             proto: proto, aliasText: cursor.rest)
    }

    /// The first entry of `file` for a command-line key (see `ServiceQuery`).
    public static func lookup(_ key: ByteString, in file: ByteString) -> ServiceRecord? {
        ServiceQuery(key: key).firstMatch(in: file)
    }

    /// The aliases, in file order.
    public var aliases: WordSequence { WordSequence(aliasText) }

    /// Whether `key` is the name or one of the aliases (case matters).
    public func isNamed(_ key: ByteString) -> Bool {
        if name == key { return true }
        for alias in aliases where alias == key { return true }
        return false
    }

    /// Writes the line glibc's getent prints: `%-21s %d/%s` and ` alias`s.
    public func write(to output: inout OutputBuffer) {
        output.append(name)
        output.append(repeating: 0x20, count: 21 - name.count)
        output.append(UInt8(ascii: " "))
        output.append(decimal: UInt32(port))
        output.append(UInt8(ascii: "/"))
        output.append(proto)
        for alias in aliases {
            output.append(UInt8(ascii: " "))
            output.append(alias)
        }
        output.append(UInt8(ascii: "\n"))
    }
}
