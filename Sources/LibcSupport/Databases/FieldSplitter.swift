/// Splits a line into `:`-separated fields without copying.
public struct FieldSplitter: Sequence, IteratorProtocol {
    @usableFromInline var remaining: ByteString?
    @usableFromInline let separator: UInt8

    @inlinable
    public init(_ line: ByteString, separator: UInt8 = UInt8(ascii: ":")) {
        remaining = line
        self.separator = separator
    }

    /// The next field; the text after the last separator is the last field
    /// (possibly empty).
    @inlinable
    public mutating func next() -> ByteString? {
        guard let rest = remaining else { return nil }
        if let index = rest.firstIndex(of: separator) {
            remaining = rest.dropFirst(index + 1)
            return rest.prefix(index)
        }
        remaining = nil
        return rest
    }

    /// What is left, unsplit (nil after the last field).
    @inlinable public var rest: ByteString? { remaining }
}
