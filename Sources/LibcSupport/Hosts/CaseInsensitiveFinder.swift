import CLibc

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
    /// Whether the table and key are in the static search area.
    let usesArea: Bool

    /// A finder for `pattern` in texts of about `textSize` bytes.
    public init(_ pattern: ByteString, textSize: Int = 0) {
        length = pattern.count
        let isWide = textSize >= 1 << 20
        wide = isWide
        // A small file's table and a short key live in a static page when it
        // is free (one finder at a time uses it): no heap, nothing to unmap.
        var areaSize = 0
        var area: UnsafeMutablePointer<UInt8>? = nil
        if !isWide && length <= 256 { area = clibc_search_area_acquire(&areaSize) }
        usesArea = area != nil
        key = area.map { $0 + CaseInsensitiveFinder.tableSize }
            ?? UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(length, 1))
        for i in 0..<length { key[i] = ASCII.lowercase(pattern[i]) }
        let tableSize = wide ? 65536 : CaseInsensitiveFinder.tableSize
        shifts = area ?? UnsafeMutablePointer<UInt8>.allocate(capacity: tableSize)
        // Shifts are capped at 255 (a longer key only skips less).
        let cap = Swift.min(Swift.max(length - 1, 1), 255)
        shifts.initialize(repeating: UInt8(cap), count: tableSize)
        var after = cap
        if length >= 2 {
            for j in 1..<length {
                let shift = length - 1 - j
                if shift > 255 { continue }
                let first = key[j - 1], second = key[j]
                // Every case variant of the pair (k: bit 0 upper-cases the
                // first byte, bit 1 the second), so the search loop indexes
                // the table with raw bytes; a shared slot keeps the smaller shift.
                if j == length - 1 {
                    // The shift the slots had from earlier pairs, used after
                    // a check.
                    after = Int.max
                    for k in 0..<4 {
                        guard let slot = CaseInsensitiveFinder.variantSlot(first, second, k, wide: isWide) else { continue }
                        after = Swift.min(after, Int(shifts[slot]))
                    }
                }
                for k in 0..<4 {
                    guard let slot = CaseInsensitiveFinder.variantSlot(first, second, k, wide: isWide) else { continue }
                    if Int(shifts[slot]) > shift { shifts[slot] = UInt8(shift) }
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

    /// The slot of case variant `k` of a lowercase pair, or nil when that
    /// variant does not exist (upper-casing a byte that is no letter).
    static func variantSlot(_ first: UInt8, _ second: UInt8, _ k: Int, wide: Bool) -> Int? {
        var a = first, b = second
        if k & 1 != 0 {
            guard a >= 0x61 && a <= 0x7A else { return nil }
            a -= 0x20
        }
        if k & 2 != 0 {
            guard b >= 0x61 && b <= 0x7A else { return nil }
            b -= 0x20
        }
        return slot(a, b, wide: wide)
    }

    deinit {
        if usesArea {
            clibc_search_area_release()
        } else {
            key.deallocate()
            shifts.deallocate()
        }
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
