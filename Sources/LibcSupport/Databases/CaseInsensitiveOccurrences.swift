import CLibc

/// The offsets where a needle occurs in a run of bytes, comparing ASCII
/// letters without regard to case, in order (overlapping ones included).
///
/// Candidates are found with `memchr` for the needle's first byte in each
/// case; each of the two positions is kept until passed, so that a whole
/// iteration scans every byte at most twice whatever the input.
public struct CaseInsensitiveOccurrences: Sequence, IteratorProtocol {
    let haystack: ByteString
    let needle: ByteString
    let lower: UInt8
    let upper: UInt8
    /// The last offset where the needle fits.
    let last: Int
    var nextLower: Int?
    var nextUpper: Int?

    public init(of needle: ByteString, in haystack: ByteString, from: Int = 0) {
        self.haystack = haystack
        self.needle = needle
        let first = needle.isEmpty ? 0 : ASCII.lowercase(needle[0])
        lower = first
        upper = (first >= 0x61 && first <= 0x7A) ? first - 0x20 : first
        last = haystack.count - needle.count
        if needle.isEmpty || needle.count > haystack.count {
            nextLower = nil
            nextUpper = nil
        } else {
            nextLower = Self.offset(of: lower, in: haystack, from: from, through: last)
            nextUpper = upper == lower ? nil : Self.offset(of: upper, in: haystack, from: from, through: last)
        }
    }

    public mutating func next() -> Int? {
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
            if haystack.slice(position, position + needle.count).equalsIgnoringASCIICase(needle) { return position }
        }
    }

    /// The offset of the first `byte` in `from...through`, or nil.
    static func offset(of byte: UInt8, in bytes: ByteString, from: Int, through: Int) -> Int? {
        guard from <= through, let hit = memchr(bytes.start! + from, Int32(byte), through - from + 1) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(bytes.start!)
    }
}
