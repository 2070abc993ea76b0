/// A `getent protocols` or `getent rpc` key and its search.
///
/// glibc's getent takes a key that starts with a decimal digit as a number,
/// converted like `atoi` (`6x` is 6, `4294967296` is 0, a value past
/// `LONG_MAX` is -1), and anything else (`+6`, `-1`, ` 6`) as a name.
/// Names compare exactly; the first matching line wins.
public enum NumberedQuery: Equatable {
    case name(ByteString)
    case number(Int32)

    public init(key: ByteString) {
        if !key.isEmpty && ASCII.isDigit(key[0]) {
            self = .number(CNumber.atoi(key))
        } else {
            self = .name(key)
        }
    }

    public func matches(_ line: NumberedLine) -> Bool {
        switch self {
        case .name(let name): return line.isNamed(name)
        case .number(let number): return line.number == number
        }
    }

    /// The first line of `file` that answers the query.
    public func firstMatch(in file: ByteString) -> NumberedLine? {
        switch self {
        case .name(let name):
            return WordSearch.firstLine(containing: name, in: file) { line in
                NumberedLine.parse(line).flatMap { matches($0) ? $0 : nil }
            }
        case .number:
            // The number's spelling varies (`06`, `+6`, `4294967295` for -1),
            // so every line's number field is read.
            for line in LineSequence(file) {
                if let parsed = NumberedLine.parse(line), matches(parsed) { return parsed }
            }
            return nil
        }
    }
}
