/// A cursor over one logical line of `/etc/netgroup`, read in place.
///
/// A physical line ends at its `\n`, or earlier at a NUL (a C parser sees
/// no further). When what remains ends with a backslash, the logical line
/// goes on with the next physical line, and the backslash and the line
/// break separate words like white space. The cursor walks these pieces
/// without copying; every word it returns lies within one physical line of
/// the mapped file, so it stays valid as long as the file does.
public struct NetgroupCursor {
    /// The unread part of the current piece (a physical line's content
    /// without a continuation backslash).
    public private(set) var piece: ByteString
    /// The raw bytes after the current piece's line when the logical line
    /// continues there; empty otherwise.
    var following: ByteString

    /// A cursor at the start of `bytes`, which must begin a logical line.
    public init(_ bytes: ByteString) {
        piece = .empty
        following = .empty
        load(bytes)
    }

    /// Makes the first physical line of `bytes` the current piece.
    mutating func load(_ bytes: ByteString) {
        let end = bytes.lineEnd(containing: 0)
        let content = bytes.prefix(end).beforeNUL
        if content.count > 0 && content[content.count - 1] == UInt8(ascii: "\\") {
            piece = content.prefix(content.count - 1)
            following = end < bytes.count ? bytes.dropFirst(end + 1) : .empty
        } else {
            piece = content
            following = .empty
        }
    }

    /// Moves to the next piece when the current one is used up; false at
    /// the end of the logical line.
    mutating func nextPiece() -> Bool {
        guard !following.isEmpty else { return false }
        load(following)
        return true
    }

    /// Skips white space (and piece boundaries). Returns the next byte, or
    /// nil at the end of the logical line.
    public mutating func skipSpace() -> UInt8? {
        while true {
            piece = piece.droppingLeadingSpace
            if !piece.isEmpty { return piece[0] }
            if !nextPiece() { return nil }
        }
    }

    /// The run of bytes from here to the next white space, `stop` byte, or
    /// the end of the piece; consumed.
    public mutating func word(stoppingAt stop: UInt8? = nil) -> ByteString {
        var end = 0
        while end < piece.count {
            let byte = piece[end]
            if ASCII.isSpace(byte) || byte == stop { break }
            end += 1
        }
        let word = piece.prefix(end)
        piece = piece.dropFirst(end)
        return word
    }

    /// Consumes everything up to and including the next `byte` in this
    /// logical line; false (having consumed it all) when there is none.
    public mutating func skip(through byte: UInt8) -> Bool {
        while true {
            if let index = piece.firstIndex(of: byte) {
                piece = piece.dropFirst(index + 1)
                return true
            }
            piece = .empty
            if !nextPiece() { return false }
        }
    }

    /// Consumes one byte of the current piece.
    public mutating func advance() { piece = piece.dropFirst(1) }
}
