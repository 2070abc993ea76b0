/// Word-at-a-time byte searches for the scanning hot paths (enumeration of
/// large files): eight bytes per step, no per-byte bounds checks. musl's
/// memchr works a word at a time too but costs a call per search; these
/// find two bytes in one pass.
public enum ByteScan {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Nonzero in the high bit of each byte of `word` that is zero (the
    /// lowest flagged byte is exact; higher ones may be false positives).
    @inlinable @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highs
    }

    /// The offset of the first byte in `base[from..<end]` equal to `a` or
    /// `b`, or `end`.
    @inlinable
    public static func firstOf(_ a: UInt8, _ b: UInt8, in base: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
        var i = from
        let raw = UnsafeRawPointer(base)
        let patternA = ones &* UInt64(a), patternB = ones &* UInt64(b)
        while i + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let hits = zeroBytes(word ^ patternA) | zeroBytes(word ^ patternB)
            if hits != 0 {
                return i + (hits.trailingZeroBitCount >> 3)
            }
            i += 8
        }
        while i < end {
            let byte = base[i]
            if byte == a || byte == b { return i }
            i += 1
        }
        return end
    }
}

/// The lines of a file for enumeration: like `LineSequence`, and each line
/// comes with whether it holds a NUL byte (found in the same pass), so the
/// parser needs no second search.
public struct ScannedLines: Sequence, IteratorProtocol {
    @usableFromInline let bytes: ByteString
    @usableFromInline var position = 0

    @inlinable public init(_ bytes: ByteString) { self.bytes = bytes }

    /// A line without its newline, cut at its first NUL (as C strings are).
    @inlinable
    public mutating func next() -> ByteString? {
        guard position < bytes.count, let base = bytes.start else { return nil }
        let start = position
        var stop = ByteScan.firstOf(0x0A, 0x00, in: base, from: start, to: bytes.count)
        var end = stop
        if stop < bytes.count && base[stop] == 0 {
            // A NUL ends the line's content; the line itself ends at '\n'.
            stop = ByteScan.firstOf(0x0A, 0x0A, in: base, from: stop, to: bytes.count)
        }
        if end > stop { end = stop }
        position = stop + 1
        return ByteString(start: base + start, count: end - start)
    }
}
