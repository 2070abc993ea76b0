/// Follows a forward scan through a mapped file and lets go of the pages it
/// has passed, a `MappedFile.scanWindow` at a time, so that a lookup that
/// meets many candidates in a huge file still keeps only about one window
/// resident. (Pages read again later are mapped back, unchanged.) Does
/// nothing for bytes that are not a mapped file.
public struct ScanProgress {
    @usableFromInline let bytes: ByteString
    /// Where the pages not yet let go start.
    @usableFromInline var kept: Int

    @inlinable
    public init(_ bytes: ByteString, from: Int = 0) {
        self.bytes = bytes
        kept = from
    }

    /// The scan will not come back before `offset`.
    @inlinable
    public mutating func passed(_ offset: Int) {
        if offset - kept >= MappedFile.scanWindow && offset <= bytes.count {
            MappedFile.releasePages(bytes.slice(kept, offset))
            kept = offset
        }
    }
}
