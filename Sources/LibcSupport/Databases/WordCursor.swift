/// A cursor over the white-space separated words of one line, the shape of
/// every network database line (`name number aliases...`). White space is
/// the C locale's `isspace` set, as the C library's parsers use.
public struct WordCursor {
    /// What has not been consumed yet.
    public var rest: ByteString

    @inlinable
    public init(_ line: ByteString) { rest = line }

    /// Skips white space, then returns the run of non-space bytes that
    /// follows; nil when nothing but white space remains.
    @inlinable
    public mutating func nextWord() -> ByteString? {
        rest = rest.droppingLeadingSpace
        if rest.isEmpty { return nil }
        var end = 0
        while end < rest.count && !ASCII.isSpace(rest[end]) { end += 1 }
        let word = rest.prefix(end)
        rest = rest.dropFirst(end)
        return word
    }

    /// Skips white space without taking a word.
    @inlinable
    public mutating func skipSpace() { rest = rest.droppingLeadingSpace }

    /// Consumes `n` bytes.
    @inlinable
    public mutating func advance(_ n: Int) { rest = rest.dropFirst(n) }
}
