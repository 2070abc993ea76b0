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
        // The scan itself is not generic (one copy for every caller): the
        // result is carried out of a Bool-returning body.
        var result: Result? = nil
        scanLines(containing: word, ignoringCase: ignoringCase, in: file) { line in
            result = body(line)
            return result != nil
        }
        return result
    }

    /// Hands `body` the candidate lines of `file` for `word`, in file
    /// order, each at most once, until it returns true.
    @inline(never)
    static func scanLines(containing word: ByteString, ignoringCase: Bool, in file: ByteString,
                          _ body: (ByteString) -> Bool) {
        if ignoringCase {
            var occurrences = CaseInsensitiveOccurrences(of: word, in: file)
            var skipUntil = 0
            while let hit = occurrences.next() {
                if hit < skipUntil { continue }
                if let (found, lineEnd) = check(hit, word, file, body) {
                    if found { return }
                    skipUntil = lineEnd + 1
                }
            }
            return
        }
        var from = 0
        var progress = ScanProgress(file)
        while let hit = file.firstOffset(of: word, from: from) {
            if let (found, lineEnd) = check(hit, word, file, body) {
                if found { return }
                from = lineEnd + 1
            } else {
                from = hit + 1
            }
            progress.passed(from)
        }
    }

    /// Hands the line of `hit` to `body` if the hit is a whole word: returns
    /// body's result and the line's end, or nil when the hit is not a word.
    /// The bytes around the hit are checked before looking for its line, so
    /// that a long line full of partial matches stays linear.
    @inline(__always)
    static func check(_ hit: Int, _ word: ByteString, _ file: ByteString,
                      _ body: (ByteString) -> Bool) -> (Bool, Int)? {
        guard isBoundary(file, before: hit), isBoundary(file, after: hit + word.count) else { return nil }
        let lineEnd = file.lineEnd(containing: hit)
        return (body(file.slice(file.lineStart(containing: hit), lineEnd)), lineEnd)
    }

    /// Whether a word may start at `offset`: the file or a line starts
    /// there, or white space precedes it.
    @inlinable
    static func isBoundary(_ file: ByteString, before offset: Int) -> Bool {
        offset == 0 || ASCII.isSpace(file[offset - 1])
    }

    /// Whether a word may end at `offset`: white space (the line break
    /// included), a comment, a NUL, or the end of the file.
    @inlinable
    static func isBoundary(_ file: ByteString, after offset: Int) -> Bool {
        if offset >= file.count { return true }
        let byte = file[offset]
        return ASCII.isSpace(byte) || byte == UInt8(ascii: "#") || byte == 0
    }
}
