/// The white-space separated words of a run of bytes (a record's aliases),
/// produced lazily from the borrowed line.
public struct WordSequence: Sequence, IteratorProtocol {
    @usableFromInline var cursor: WordCursor

    @inlinable
    public init(_ text: ByteString) { cursor = WordCursor(text) }

    @inlinable
    public mutating func next() -> ByteString? { cursor.nextWord() }
}
