/// Finds every occurrence of a key in a large buffer, ignoring ASCII case.
///
/// Boyer–Moore–Horspool on byte pairs: the window's last two bytes index a
/// table of shifts (every case variant of the key's pairs is entered), so in
/// a hosts file the search mostly jumps by nearly the whole key length, even
/// where the text shares single letters with the key. For a large text the
/// table has a slot per pair (64 KiB); for a small one the pairs are hashed
/// into one page (pairs sharing a slot keep the smaller shift, so no match is
/// skipped), which keeps a lookup in a small file cheap. A 200,000-line hosts file is searched while
/// reading a small fraction of its bytes, which is what keeps a lookup there
/// near the cost of mapping the file.
public struct CaseInsensitiveFinder: ~Copyable {
    @usableFromInline let key: UnsafeMutablePointer<UInt8>   // lowercased
    @usableFromInline let length: Int
    /// Shift for each folded byte pair at the end of the window (0: the
    /// key's own last pair, check the window).
    @usableFromInline let shifts: UnsafeMutablePointer<UInt8>
    /// The shift after checking a window that ends in the key's last pair.
    @usableFromInline let shiftAfterCheck: Int

    /// Whether the table has a slot per pair (a large text).
    @usableFromInline let wide: Bool

    /// A finder for `pattern` in texts of about `textSize` bytes.
    public init(_ pattern: ByteString, textSize: Int = 0) {
        length = pattern.count
        let isWide = textSize >= 1 << 20
        wide = isWide
        key = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(length, 1))
        for i in 0..<length { key[i] = ASCII.lowercase(pattern[i]) }
        let tableSize = wide ? 65536 : CaseInsensitiveFinder.tableSize
        shifts = UnsafeMutablePointer<UInt8>.allocate(capacity: tableSize)
        // Shifts are capped at 255 (a longer key only skips less).
        let cap = Swift.min(Swift.max(length - 1, 1), 255)
        shifts.initialize(repeating: UInt8(cap), count: tableSize)
        var after = cap
        if length >= 2 {
            for j in 1..<length {
                let shift = length - 1 - j
                if shift > 255 { continue }
                let first = key[j - 1], second = key[j]
                if j == length - 1 {
                    // The shift the slot had from earlier pairs, used after
                    // a check (0 if a variant already needed a check).
                    after = Int.max
                    for a in CaseInsensitiveFinder.variants(first) {
                        for b in CaseInsensitiveFinder.variants(second) {
                            after = Swift.min(after, Int(shifts[CaseInsensitiveFinder.slot(a, b, wide: isWide)]))
                        }
                    }
                }
                // Every case variant of the pair, so the search loop indexes
                // the table with raw bytes; a shared slot keeps the smaller shift.
                for a in CaseInsensitiveFinder.variants(first) {
                    for b in CaseInsensitiveFinder.variants(second) {
                        let slot = CaseInsensitiveFinder.slot(a, b, wide: isWide)
                        if Int(shifts[slot]) > shift { shifts[slot] = UInt8(shift) }
                    }
                }
            }
        }
        shiftAfterCheck = Swift.max(Swift.min(after, cap), 1)
    }

    static let tableSize = 4096

    /// The table slot of a byte pair.
    @inline(__always)
    static func slot(_ a: UInt8, _ b: UInt8, wide: Bool) -> Int {
        wide ? Int(a) << 8 | Int(b) : hashedSlot(a, b)
    }

    @inline(__always)
    static func hashedSlot(_ a: UInt8, _ b: UInt8) -> Int {
        (Int(a) &* 31 ^ Int(b) &* 7) & (tableSize - 1)
    }

    /// A lowercase byte and, for a letter, its uppercase form.
    static func variants(_ lower: UInt8) -> [UInt8] {
        lower >= 0x61 && lower <= 0x7A ? [lower, lower - 0x20] : [lower]
    }

    deinit {
        key.deallocate()
        shifts.deallocate()
    }

    /// The offset of the first match at or after `from`, or nil.
    public func find(in text: ByteString, from: Int) -> Int? {
        guard length > 0, let base = text.start else { return nil }
        let n = text.count
        if length == 1 {
            var i = from
            while i < n {
                if ASCII.lowercase(base[i]) == key[0] { return i }
                i += 1
            }
            return nil
        }
        let last = length - 1
        // `end` is the window's last byte; the window starts at end - last.
        var end = from + last
        while end < n {
            // Two loops so the wide one stays a plain table walk.
            if wide {
                let shift = Int(shifts[Int(base[end - 1]) << 8 | Int(base[end])])
                if shift != 0 {
                    end += shift
                    continue
                }
            } else {
                let shift = Int(shifts[CaseInsensitiveFinder.hashedSlot(base[end - 1], base[end])])
                if shift != 0 {
                    end += shift
                    continue
                }
            }
            let start = end - last
            var k = last - 2
            while k >= 0 && ASCII.lowercase(base[start + k]) == key[k] { k -= 1 }
            if k < 0 { return start }
            end += shiftAfterCheck
        }
        return nil
    }
}
