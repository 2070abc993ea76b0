/// The shared line shape of `/etc/protocols` and `/etc/rpc`:
/// `name number aliases...`.
///
/// The number is read with `strtoul` base 10 (`010` is 10, `0x10` makes the
/// line invalid, `+5` and `-0` are accepted), refused above 2^32-1, and kept
/// as a C `int`: 4294967295 is -1. It must be followed by white space or the
/// end of the line.
public struct NumberedLine {
    public var name: ByteString
    public var number: Int32
    /// The text after the number: its words are the aliases.
    public var aliasText: ByteString

    public init(name: ByteString, number: Int32, aliasText: ByteString) {
        self.name = name
        self.number = number
        self.aliasText = aliasText
    }

    public static func parse(_ line: ByteString) -> NumberedLine? {
        var cursor = WordCursor(line.lineContent)
        guard let name = cursor.nextWord() else { return nil }
        cursor.skipSpace()
        let number = CNumber.strtoul(cursor.rest, base: 10)
        guard number.length > 0, number.value <= UInt64(UInt32.max) else { return nil }
        cursor.advance(number.length)
        if !cursor.rest.isEmpty && !ASCII.isSpace(cursor.rest[0]) { return nil }
        return NumberedLine(name: name, number: Int32(truncatingIfNeeded: number.value),
                            aliasText: cursor.rest)
    }

    /// The aliases, in file order.
    public var aliases: WordSequence { WordSequence(aliasText) }

    /// Whether `key` is the name or one of the aliases (case matters).
    public func isNamed(_ key: ByteString) -> Bool {
        if name == key { return true }
        for alias in aliases where alias == key { return true }
        return false
    }
}
