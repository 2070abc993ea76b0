/// Finds every occurrence of a key in a large buffer, ignoring ASCII case.
///
/// The search looks for one byte pair of the key (the anchor) eight text
/// positions at a time with word operations (no dependent loads, so it runs
/// at the speed of memory), and compares the whole key only where the
/// anchor appears. The anchor is the pair that occurs least in a sample of
/// the text (its first 4 KiB, for a large text; ties go to the pair of
/// rarer letters): in an
/// ad-blocking hosts file where every line ends in `.com`, the anchor of
/// `ads.example.com` is not `om`. No table, no allocation.
public struct CaseInsensitiveFinder {
    @usableFromInline let key: ByteString
    /// Offset of the anchor pair in the key.
    @usableFromInline let anchor: Int
    /// Per pair byte: 0x20 in every byte when it is a letter (folds case),
    /// and the lower-case byte in every byte.
    @usableFromInline let fold0: UInt64, byte0: UInt64, fold1: UInt64, byte1: UInt64

    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// A finder for `pattern`; `sample` (some of the text to search) guides
    /// the choice of the anchor.
    public init(_ pattern: ByteString, sample: ByteString = .empty) {
        key = pattern
        var best = 0
        if pattern.count > 2 {
            var bestCount = Int.max, bestScore = Int.max
            for j in 0..<(pattern.count - 1) {
                let a = ASCII.lowercase(pattern[j]), b = ASCII.lowercase(pattern[j + 1])
                let count = CaseInsensitiveFinder.occurrences(a, b, in: sample)
                let score = CaseInsensitiveFinder.commonness(a) + CaseInsensitiveFinder.commonness(b)
                if count < bestCount || (count == bestCount && score < bestScore) {
                    best = j
                    bestCount = count
                    bestScore = score
                }
            }
        }
        anchor = best
        let a = pattern.count > 0 ? ASCII.lowercase(pattern[best]) : 0
        let b = pattern.count > 1 ? ASCII.lowercase(pattern[best + 1]) : 0
        fold0 = CaseInsensitiveFinder.isLetter(a) ? 0x20 &* CaseInsensitiveFinder.ones : 0
        byte0 = UInt64(a) &* CaseInsensitiveFinder.ones
        fold1 = CaseInsensitiveFinder.isLetter(b) ? 0x20 &* CaseInsensitiveFinder.ones : 0
        byte1 = UInt64(b) &* CaseInsensitiveFinder.ones
    }

    @inline(__always)
    static func isLetter(_ lower: UInt8) -> Bool { lower >= 0x61 && lower <= 0x7A }

    /// How common a byte is in host names (higher: more common): digits,
    /// dots and hyphens are everywhere; letters by their usual frequency.
    static func commonness(_ lower: UInt8) -> Int {
        if ASCII.isDigit(lower) || lower == UInt8(ascii: ".") { return 30 }
        if lower == UInt8(ascii: "-") { return 20 }
        let order: StaticString = "etaoinsrlcdmhupgwbfykvxjqz"
        for i in 0..<order.utf8CodeUnitCount where order.utf8Start[i] == lower { return 26 - i }
        return 0
    }

    /// Occurrences of the folded pair `a`, `b` in the first 4 KiB of `sample`.
    static func occurrences(_ a: UInt8, _ b: UInt8, in sample: ByteString) -> Int {
        let n = Swift.min(sample.count, 4096)
        if n < 2 { return 0 }
        let base = sample.start!
        var count = 0
        var previous = ASCII.lowercase(base[0])
        for i in 1..<n {
            let current = ASCII.lowercase(base[i])
            if previous == a && current == b { count += 1 }
            previous = current
        }
        return count
    }

    /// Whether the key is at `start` (which must leave room for it).
    @inline(__always)
    func matches(_ base: UnsafePointer<UInt8>, at start: Int) -> Bool {
        for k in 0..<key.count where ASCII.lowercase(base[start + k]) != ASCII.lowercase(key[k]) { return false }
        return true
    }

    /// The offset of the first match at or after `from`, or nil.
    public func find(in text: ByteString, from: Int) -> Int? {
        let m = key.count
        guard m > 0, let base = text.start, from >= 0 else { return nil }
        let n = text.count
        if m > n - from { return nil }
        if m == 1 {
            let target = ASCII.lowercase(key[0])
            for i in from..<n where ASCII.lowercase(base[i]) == target { return i }
            return nil
        }
        // `i` is where the anchor pair would start; the window starts at
        // i - anchor. Eight candidate positions per step: bytes i...i+7 for
        // the pair's first byte, i+1...i+8 for its second.
        var i = from + anchor
        let lastStart = n - m
        let raw = UnsafeRawPointer(base)
        while i + 9 <= n && i - anchor <= lastStart {
            let w0 = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let w1 = raw.loadUnaligned(fromByteOffset: i + 1, as: UInt64.self)
            let t = ((w0 | fold0) ^ byte0) | ((w1 | fold1) ^ byte1)
            // A zero byte of t is a candidate (the test may also flag a
            // byte above a true zero: the comparison sorts those out).
            var zeros = (t &- CaseInsensitiveFinder.ones) & ~t & CaseInsensitiveFinder.highs
            while zeros != 0 {
                let start = i + zeros.trailingZeroBitCount / 8 - anchor
                if start > lastStart { return nil }
                if start >= from && matches(base, at: start) { return start }
                zeros &= zeros &- 1
            }
            i += 8
        }
        var start = Swift.max(i - anchor, from)
        while start <= lastStart {
            if matches(base, at: start) { return start }
            start += 1
        }
        return nil
    }
}
