/// One line of `/etc/networks`: `name number aliases...`.
///
/// A line needs only a name: a missing or invalid number gives the entry
/// 255.255.255.255, as glibc shows it (see `NetworkNumber`).
public struct NetworkRecord: LineRecord {
    public var name: ByteString
    /// The network number in host byte order, padded to 32 bits.
    public var number: UInt32
    /// The text after the number: its words are the aliases.
    public var aliasText: ByteString

    public init(name: ByteString, number: UInt32, aliasText: ByteString) {
        self.name = name
        self.number = number
        self.aliasText = aliasText
    }

    public static func parse(_ line: ByteString) -> NetworkRecord? {
        var cursor = WordCursor(line.lineContent)
        guard let name = cursor.nextWord() else { return nil }
        let field = cursor.nextWord() ?? .empty
        return NetworkRecord(name: name, number: NetworkNumber.parseField(field), aliasText: cursor.rest)
    }

    /// The aliases, in file order.
    public var aliases: WordSequence { WordSequence(aliasText) }

    /// Whether `key` is the name or an alias, ignoring ASCII case.
    public func isNamed(_ key: ByteString) -> Bool {
        if name.equalsIgnoringASCIICase(key) { return true }
        for alias in aliases where alias.equalsIgnoringASCIICase(key) { return true }
        return false
    }

    /// The first entry of `file` for a command-line key. A key that starts
    /// with a digit is a number (read like `inet_addr`, so an invalid one
    /// finds the entries whose number is invalid); anything else is a name
    /// or alias, compared without regard to ASCII case.
    public static func lookup(_ key: ByteString, in file: ByteString) -> NetworkRecord? {
        if !key.isEmpty && ASCII.isDigit(key[0]) {
            let number = NetworkNumber.parseKey(key)
            for line in LineSequence(file) {
                if let record = parse(line), record.number == number { return record }
            }
            return nil
        }
        return WordSearch.firstLine(containing: key, ignoringCase: true, in: file) { line in
            parse(line).flatMap { $0.isNamed(key) ? $0 : nil }
        }
    }

    /// Writes the line glibc's getent prints: `%-21s %s` and ` alias`s.
    public func write(to output: inout OutputBuffer) {
        output.append(name)
        output.append(repeating: 0x20, count: 21 - name.count)
        output.append(UInt8(ascii: " "))
        NetworkNumber.write(number, to: &output)
        for alias in aliases {
            output.append(UInt8(ascii: " "))
            output.append(alias)
        }
        output.append(UInt8(ascii: "\n"))
    }
}
