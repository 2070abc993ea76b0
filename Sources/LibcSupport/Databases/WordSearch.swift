/// Finds the lines of a database file that can hold a given word, without
/// parsing the others: a `memmem` scan (or a case-insensitive one) finds
/// each occurrence, and only an occurrence that stands as a whole word
/// (white space or the line's start before it; white space, `#`, NUL or the
/// line's end after it) hands its line to the caller's parser.
public enum WordSearch {
    /// Returns the first non-nil result of `body` over the candidate lines
    /// of `file` for `word`, in file order. `body` gets the whole line
    /// (without its `\n`) and is called at most once per line.
    public static func firstLine<Result>(
        containing word: ByteString, ignoringCase: Bool = false, in file: ByteString,
        _ body: (ByteString) -> Result?
    ) -> Result? {
        var from = 0
        while true {
            let found = ignoringCase
                ? file.firstOffsetIgnoringASCIICase(of: word, from: from)
                : file.firstOffset(of: word, from: from)
            guard let hit = found else { return nil }
            let lineStart = file.lineStart(containing: hit)
            let lineEnd = file.lineEnd(containing: hit)
            if isBoundary(file, before: hit, lineStart: lineStart)
                && isBoundary(file, after: hit + word.count, lineEnd: lineEnd) {
                if let result = body(file.slice(lineStart, lineEnd)) { return result }
                from = lineEnd + 1
            } else {
                from = hit + 1
            }
        }
    }

    @inlinable
    static func isBoundary(_ file: ByteString, before offset: Int, lineStart: Int) -> Bool {
        offset == lineStart || ASCII.isSpace(file[offset - 1])
    }

    @inlinable
    static func isBoundary(_ file: ByteString, after offset: Int, lineEnd: Int) -> Bool {
        if offset >= lineEnd { return true }
        let byte = file[offset]
        return ASCII.isSpace(byte) || byte == UInt8(ascii: "#") || byte == 0
    }
}
