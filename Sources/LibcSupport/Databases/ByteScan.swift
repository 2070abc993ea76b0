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

    /// Whether `bytes[from..<to]` is an id as the C library prints it:
    /// digits without a leading zero, at most 4294967295.
    @inlinable
    public static func isPlainID(_ bytes: ByteString, from: Int, to: Int) -> Bool {
        let length = to - from
        guard length > 0 && length <= 10, let base = bytes.start else { return false }
        if length > 1 && base[from] == UInt8(ascii: "0") { return false }
        var value: UInt64 = 0
        for index in from..<to {
            let digit = base[index] &- 0x30
            if digit > 9 { return false }
            value = value &* 10 &+ UInt64(digit)
        }
        return value <= UInt64(UInt32.max)
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

/// The `:` positions of a line, found eight bytes at a time: the first
/// eight offsets and the total count. Lets a parser take all its fields
/// from one pass over the line.
public struct ColonPositions {
    /// Offsets of the first colons (up to eight valid, see `count`).
    public var offsets: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
    /// How many colons the line holds in all.
    public var count = 0

    @inlinable
    public init(_ line: ByteString) {
        guard let base = line.start else { return }
        let raw = UnsafeRawPointer(base)
        let colons: UInt64 = 0x3A3A_3A3A_3A3A_3A3A
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var i = 0
        while i < line.count {
            var word: UInt64
            if i + 8 <= line.count {
                word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            } else {
                // Tail: fill the missing bytes with something that is no colon.
                word = 0
                for k in 0..<(line.count - i) { word |= UInt64(base[i + k]) << UInt64(k * 8) }
                word |= ~0 << UInt64((line.count - i) * 8) & 0x0101_0101_0101_0101
            }
            let x = word ^ colons
            // Exact zero-byte mask (no false positives).
            var hits = ~(((x & lows) &+ lows) | x | lows)
            while hits != 0 {
                let offset = i + (hits.trailingZeroBitCount >> 3)
                if count < 8 { set(count, offset) }
                count += 1
                hits &= hits &- 1
            }
            i += 8
        }
    }

    @inlinable
    mutating func set(_ index: Int, _ value: Int) {
        withUnsafeMutableBytes(of: &offsets) { $0.storeBytes(of: value, toByteOffset: index * 8, as: Int.self) }
    }

    /// Offset of colon `index` (0-based; `index < min(count, 8)`).
    @inlinable
    public subscript(index: Int) -> Int {
        withUnsafeBytes(of: offsets) { $0.load(fromByteOffset: index * 8, as: Int.self) }
    }
}
