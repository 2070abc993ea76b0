import CLibc

/// Finds the lines of a database file that may hold a key, without parsing
/// the others: the key is searched as bytes (memmem over the mapped file)
/// and each occurrence is reported with the line around it, in file order.
/// The database then checks that the occurrence sits in the right field and
/// parses only that line.
///
/// Works for every line-oriented file: colon-separated (`passwd`, `group`)
/// and white-space-separated (`hosts`, `services`) alike.
public struct FileScanner {
    /// The file's bytes (borrowed; typically `MappedFile.bytes`).
    public let bytes: ByteString

    @inlinable public init(_ bytes: ByteString) { self.bytes = bytes }

    /// One occurrence of the searched bytes.
    public struct Occurrence {
        /// The whole line holding it, without its `\n`.
        public let line: ByteString
        /// Where the occurrence starts within `line`.
        public let offset: Int
        /// The line's offset in the file (its identity: equal for two
        /// occurrences in the same line).
        public let lineStart: Int

        /// The bytes of the line before the occurrence.
        @inlinable public var before: ByteString { line.prefix(offset) }

        @inlinable
        init(line: ByteString, offset: Int, lineStart: Int) {
            self.line = line
            self.offset = offset
            self.lineStart = lineStart
        }
    }

    /// Every occurrence of `needle` (non-empty), in file order.
    @inlinable
    public func occurrences(of needle: ByteString) -> Occurrences {
        Occurrences(bytes: bytes, needle: needle)
    }

    /// The lines of the file in order (for enumeration).
    @inlinable public var lines: LineSequence { LineSequence(bytes) }

    /// Iterates the occurrences of a needle.
    ///
    /// The search runs through the file in windows of
    /// `MappedFile.scanWindow` bytes and lets go of the pages of each
    /// window it has passed, so a lookup in a file of any size keeps only
    /// about one window resident.
    public struct Occurrences: Sequence, IteratorProtocol {
        @usableFromInline let bytes: ByteString
        @usableFromInline let needle: ByteString
        @usableFromInline var position = 0
        /// Where the pages not yet let go start.
        @usableFromInline var kept = 0
        /// The window size (a parameter so tests can make it small).
        @usableFromInline let window: Int
        /// The bounds of the line of the last occurrence: further
        /// occurrences in the same line reuse them, so a line holding the
        /// needle a million times costs a million memmem steps, not a
        /// million scans of the line.
        @usableFromInline var currentLineStart = 0
        @usableFromInline var currentLineEnd = -1

        @inlinable
        init(bytes: ByteString, needle: ByteString, window: Int = MappedFile.scanWindow) {
            self.bytes = bytes
            self.needle = needle
            self.window = window
        }

        @inlinable
        public mutating func next() -> Occurrence? {
            guard needle.count > 0, let base = bytes.start else { return nil }
            var found: UnsafeMutableRawPointer?
            while found == nil {
                if bytes.count - position < needle.count {
                    position = bytes.count
                    return nil
                }
                // One window, overlapping the next by needle.count - 1
                // bytes so an occurrence across the boundary is found.
                let windowEnd = Swift.min(bytes.count, position + window + needle.count - 1)
                found = memmem(base + position, windowEnd - position, needle.start!, needle.count)
                if found == nil {
                    position = windowEnd - needle.count + 1
                    if position - kept >= window {
                        MappedFile.releasePages(bytes.slice(kept, position))
                        kept = position
                    }
                }
            }
            let hit = found!
            let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            position = at + 1
            if at >= currentLineEnd {
                currentLineStart = FileScanner.lineStart(in: bytes, before: at)
                currentLineEnd = FileScanner.lineEnd(in: bytes, from: at)
            }
            return Occurrence(line: bytes.slice(currentLineStart, currentLineEnd), offset: at - currentLineStart,
                              lineStart: currentLineStart)
        }

        /// Skips the other occurrences in the line of the last one: for a
        /// caller that has parsed that line and has no use for it any more.
        @inlinable
        public mutating func skipLine() {
            if currentLineEnd >= position { position = currentLineEnd + 1 }
        }
    }

    /// The offset where the line holding `offset` starts.
    @inlinable
    public static func lineStart(in bytes: ByteString, before offset: Int) -> Int {
        guard offset > 0, let base = bytes.start else { return 0 }
        if let newline = memrchr(base, 0x0A, offset) {
            return UnsafeRawPointer(newline) - UnsafeRawPointer(base) + 1
        }
        return 0
    }

    /// The offset of the `\n` ending the line holding `offset` (or the end
    /// of the file).
    @inlinable
    public static func lineEnd(in bytes: ByteString, from offset: Int) -> Int {
        guard offset < bytes.count, let base = bytes.start else { return bytes.count }
        if let newline = memchr(base + offset, 0x0A, bytes.count - offset) {
            return UnsafeRawPointer(newline) - UnsafeRawPointer(base)
        }
        return bytes.count
    }
}
