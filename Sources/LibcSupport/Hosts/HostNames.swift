/// The whitespace-separated names of a hosts-file line (after its address),
/// iterated in place. The C library splits these fields at any `isspace`
/// byte, so `\r`, `\v` and `\f` separate names like spaces and tabs.
public struct HostNames: Sequence, IteratorProtocol {
    @usableFromInline var rest: ByteString

    @inlinable public init(_ text: ByteString) { rest = text }

    @inlinable
    public mutating func next() -> ByteString? {
        var i = 0
        let n = rest.count
        while i < n && ASCII.isSpace(rest[i]) { i += 1 }
        if i == n { rest = .empty; return nil }
        var j = i
        while j < n && !ASCII.isSpace(rest[j]) { j += 1 }
        let name = rest.slice(i, j)
        rest = rest.slice(j, n)
        return name
    }
}
