/// The sources of one database, as written after its name in
/// `/etc/nsswitch.conf` or given with `getent -s`: source names, each
/// optionally followed by one action group such as `[NOTFOUND=return]`.
///
/// The text is kept borrowed and parsed on the fly (no tables are built).
/// A configuration with a syntax error has no sources at all, which is what
/// the C library does with such a line: every lookup fails.
public struct SwitchConfiguration: Sendable {
    /// The configuration text (borrowed).
    public let text: ByteString
    /// Whether `text` parses; an invalid configuration yields no sources.
    public let isValid: Bool
    /// Only sources that read files are asked (`getent --root` without an
    /// explicit `-s`): the others are skipped as sources the database does
    /// not provide.
    public var fileSourcesOnly = false

    /// Parses `text` (a NUL byte ends it, as it ends a C string).
    public init(_ text: ByteString) {
        var length = 0
        while length < text.count && text[length] != 0 { length += 1 }
        self.text = text.prefix(length)
        var parser = SwitchConfigurationParser(self.text)
        var valid = true
        while true {
            switch parser.next() {
            case .source: continue
            case .end: break
            case .invalid: valid = false
            }
            break
        }
        isValid = valid
    }

    /// A configuration from a literal, such as a database's default.
    public init(_ literal: StaticString) {
        self.init(ByteString(literal))
    }

    /// Whether `source` may be asked (see `fileSourcesOnly`).
    @inlinable
    public func allows(_ source: SwitchSource) -> Bool {
        !fileSourcesOnly || source.isFileBased
    }

    /// The sources in order (none if the text is invalid).
    public var sources: Sources { Sources(parser: SwitchConfigurationParser(isValid ? text : .empty)) }

    /// Iterates the sources of a configuration.
    public struct Sources: Sequence, IteratorProtocol {
        var parser: SwitchConfigurationParser

        public mutating func next() -> SwitchSource? {
            if case .source(let source) = parser.next() { return source }
            return nil
        }
    }
}

/// The tokenizer behind `SwitchConfiguration`.
///
/// Grammar (as the C library accepts it): sources are runs of bytes other
/// than white space and `[`; an action group `[ [!]STATUS = ACTION ... ]`
/// may follow a source (white space allowed around the words, not between
/// `!` and the status; words are letters only, any case); a group at the
/// start, an unknown word or a missing `]` is an error; a second group in a
/// row ends the list.
struct SwitchConfigurationParser {
    enum Token {
        case source(SwitchSource)
        case end
        case invalid
    }

    let text: ByteString
    var position = 0

    init(_ text: ByteString) { self.text = text }

    mutating func next() -> Token {
        skipSpace()
        if position == text.count { return .end }
        if text[position] == UInt8(ascii: "[") { return .invalid }
        let start = position
        while position < text.count && !ASCII.isSpace(text[position]) && text[position] != UInt8(ascii: "[") {
            position += 1
        }
        var source = SwitchSource(name: text.slice(start, position))
        skipSpace()
        if position < text.count && text[position] == UInt8(ascii: "[") {
            position += 1
            if !parseActions(into: &source) { return .invalid }
            let afterGroup = position
            skipSpace()
            // A second group in a row ends the list here (observed: the
            // sources before it stay).
            if position < text.count && text[position] == UInt8(ascii: "[") {
                position = text.count
            } else {
                position = afterGroup
            }
        }
        return .source(source)
    }

    /// Parses the items of an action group after its `[`, through its `]`.
    private mutating func parseActions(into source: inout SwitchSource) -> Bool {
        var items = 0
        while true {
            skipSpace()
            if position == text.count { return false }
            if text[position] == UInt8(ascii: "]") {
                position += 1
                return items > 0
            }
            var negated = false
            if text[position] == UInt8(ascii: "!") {
                negated = true
                position += 1
            }
            guard let status = ServiceStatus.parse(word()) else { return false }
            skipSpace()
            if position == text.count || text[position] != UInt8(ascii: "=") { return false }
            position += 1
            skipSpace()
            guard let action = ServiceAction.parse(word()) else { return false }
            if position < text.count && !ASCII.isSpace(text[position]) && text[position] != UInt8(ascii: "]") {
                return false
            }
            if negated {
                for raw in 0..<4 where raw != status.rawValue {
                    source.setAction(action, for: ServiceStatus(rawValue: raw)!)
                }
            } else {
                source.setAction(action, for: status)
            }
            items += 1
        }
    }

    private mutating func word() -> ByteString {
        let start = position
        while position < text.count && ASCII.isLetter(text[position]) { position += 1 }
        return text.slice(start, position)
    }

    private mutating func skipSpace() {
        while position < text.count && ASCII.isSpace(text[position]) { position += 1 }
    }
}
