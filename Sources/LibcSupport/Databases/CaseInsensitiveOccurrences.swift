import CLibc

/// The offsets where a needle occurs in a run of bytes, comparing ASCII
/// letters without regard to case, in order (overlapping ones included).
///
/// When the needle holds a run of two or more bytes that are not letters
/// (`host9999`, `list-1`), candidates come from `memmem` on that run, which
/// case cannot change. Otherwise they come from `memchr` for the first byte
/// in each case, each of the two positions kept until passed. Either way an
/// iteration scans every byte a bounded number of times, whatever the input.
public struct CaseInsensitiveOccurrences: Sequence, IteratorProtocol {
    let haystack: ByteString
    let needle: ByteString
    /// The last offset where the needle fits.
    let last: Int
    /// The case-invariant run used as anchor: its offset in the needle and
    /// length (0 when there is none).
    let anchorOffset: Int
    let anchorLength: Int
    /// Where the next anchor search starts (in haystack offsets).
    var anchorFrom: Int
    let lower: UInt8
    let upper: UInt8
    var nextLower: Int?
    var nextUpper: Int?
    /// Lets go of the pages both cursors have passed.
    var progress: ScanProgress

    public init(of needle: ByteString, in haystack: ByteString, from: Int = 0) {
        self.haystack = haystack
        self.needle = needle
        progress = ScanProgress(haystack, from: from)
        last = haystack.count - needle.count
        // The longest run of non-letters in the needle.
        var bestOffset = 0, bestLength = 0, runStart = 0
        for i in 0...needle.count {
            if i == needle.count || Self.isLetter(needle[i]) {
                if i - runStart > bestLength { bestOffset = runStart; bestLength = i - runStart }
                runStart = i + 1
            }
        }
        anchorOffset = bestOffset
        anchorLength = bestLength >= 2 ? bestLength : 0
        anchorFrom = from + bestOffset
        let first = needle.isEmpty ? 0 : ASCII.lowercase(needle[0])
        lower = first
        upper = (first >= 0x61 && first <= 0x7A) ? first - 0x20 : first
        if needle.isEmpty || needle.count > haystack.count || anchorLength > 0 {
            nextLower = nil
            nextUpper = nil
        } else {
            nextLower = Self.offset(of: lower, in: haystack, from: from, through: last)
            nextUpper = upper == lower ? nil : Self.offset(of: upper, in: haystack, from: from, through: last)
        }
    }

    public mutating func next() -> Int? {
        if needle.isEmpty || needle.count > haystack.count { return nil }
        if anchorLength > 0 { return nextByAnchor() }
        while true {
            let position: Int
            switch (nextLower, nextUpper) {
            case (nil, nil): return nil
            case let (l?, nil): position = l
            case let (nil, u?): position = u
            case let (l?, u?): position = Swift.min(l, u)
            }
            if nextLower == position { nextLower = Self.offset(of: lower, in: haystack, from: position + 1, through: last) }
            if nextUpper == position { nextUpper = Self.offset(of: upper, in: haystack, from: position + 1, through: last) }
            // Pages before the candidate's own page go (a caller looking
            // back to a far line start maps them back).
            progress.passed(position)
            if haystack.slice(position, position + needle.count).equalsIgnoringASCIICase(needle) { return position }
        }
    }

    mutating func nextByAnchor() -> Int? {
        let anchor = needle.slice(anchorOffset, anchorOffset + anchorLength)
        while let hit = haystack.firstOffset(of: anchor, from: anchorFrom) {
            anchorFrom = hit + 1
            progress.passed(Swift.max(0, hit - anchorOffset))
            let position = hit - anchorOffset
            if position < 0 { continue }
            if position > last { return nil }
            if haystack.slice(position, position + needle.count).equalsIgnoringASCIICase(needle) { return position }
        }
        anchorFrom = haystack.count
        return nil
    }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// The offset of the first `byte` in `from...through`, or nil. Over a
    /// large mapped file the pages of each `MappedFile.scanWindow` passed
    /// without the byte are let go (bounded memory for any file size; the
    /// other case's cursor may read some of them again, which maps them
    /// back).
    static func offset(of byte: UInt8, in bytes: ByteString, from: Int, through: Int) -> Int? {
        var position = from
        while position <= through {
            let end = Swift.min(through + 1, position + MappedFile.scanWindow)
            if let hit = memchr(bytes.start! + position, Int32(byte), end - position) {
                return UnsafeRawPointer(hit) - UnsafeRawPointer(bytes.start!)
            }
            if end > through { return nil }
            MappedFile.releasePages(bytes.slice(position, end))
            position = end
        }
        return nil
    }
}
