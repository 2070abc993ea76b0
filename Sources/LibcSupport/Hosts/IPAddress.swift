/// An IPv4 or IPv6 address (with an IPv6 scope, the `%eth0` of `fe80::1%eth0`,
/// as an interface index), parsed and printed exactly as the C library's
/// `inet_pton` and `inet_ntop` do.
///
/// The bits are kept as two big-endian-ordered integers so that prefix
/// comparisons (address selection, `gai.conf` masks) are plain shifts.
/// An IPv4 address occupies the low 32 bits of `low`.
public struct IPAddress: Equatable, Sendable {
    public enum Family: Equatable, Sendable {
        case v4, v6
    }

    public var family: Family
    /// Bits 127...64 of an IPv6 address; 0 for IPv4.
    public var high: UInt64
    /// Bits 63...0 of an IPv6 address, or the IPv4 address in the low 32 bits.
    public var low: UInt64
    /// The IPv6 scope (interface index); 0 when none.
    public var scopeID: UInt32 = 0

    @inlinable
    public init(v4 value: UInt32) {
        family = .v4
        high = 0
        low = UInt64(value)
    }

    @inlinable
    public init(v6High: UInt64, low: UInt64, scopeID: UInt32 = 0) {
        family = .v6
        high = v6High
        self.low = low
        self.scopeID = scopeID
    }

    /// The IPv4 value of an IPv4 address.
    @inlinable public var v4Value: UInt32 { UInt32(truncatingIfNeeded: low) }

    /// Number of bytes in the wire form: 4 or 16.
    @inlinable public var byteCount: Int { family == .v4 ? 4 : 16 }

    /// Byte `index` of the wire (network order) form.
    @inlinable
    public func byte(_ index: Int) -> UInt8 {
        if family == .v4 { return UInt8(truncatingIfNeeded: low >> UInt64(24 - 8 * index)) }
        let word = index < 8 ? high : low
        return UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * (index & 7)))
    }

    /// Builds an address from its wire form (4 or 16 bytes).
    public static func fromBytes(_ bytes: UnsafeRawBufferPointer) -> IPAddress? {
        if bytes.count == 4 {
            var v: UInt32 = 0
            for i in 0..<4 { v = v << 8 | UInt32(bytes[i]) }
            return IPAddress(v4: v)
        }
        if bytes.count == 16 {
            var h: UInt64 = 0, l: UInt64 = 0
            for i in 0..<8 { h = h << 8 | UInt64(bytes[i]) }
            for i in 8..<16 { l = l << 8 | UInt64(bytes[i]) }
            return IPAddress(v6High: h, low: l)
        }
        return nil
    }

    /// 16-bit group `index` (0...7) of an IPv6 address.
    @inlinable
    public func group(_ index: Int) -> UInt16 {
        let word = index < 4 ? high : low
        return UInt16(truncatingIfNeeded: word >> UInt64(48 - 16 * (index & 3)))
    }

    /// `::ffff:a.b.c.d`.
    @inlinable
    public var isV4Mapped: Bool { family == .v6 && high == 0 && low >> 32 == 0xFFFF }

    /// `::1`.
    @inlinable
    public var isV6Loopback: Bool { family == .v6 && high == 0 && low == 1 }

    /// The IPv4-mapped IPv6 form of an IPv4 address (an IPv6 address unchanged).
    @inlinable
    public var v4Mapped: IPAddress {
        family == .v6 ? self : IPAddress(v6High: 0, low: 0xFFFF_0000_0000 | low)
    }

    /// Both addresses as 128-bit values for prefix comparisons: IPv4 is mapped.
    @inlinable
    public var bits128: (UInt64, UInt64) {
        let m = v4Mapped
        return (m.high, m.low)
    }

    public static func == (a: IPAddress, b: IPAddress) -> Bool {
        a.family == b.family && a.high == b.high && a.low == b.low
    }

    // MARK: Parsing

    /// Parses `text` as `inet_pton` does: dotted quad for IPv4 (each part
    /// 0...255 in decimal without leading zeros), or IPv6 text (hex groups of
    /// at most four digits, one `::`, an optional trailing dotted quad).
    public static func parse(_ text: ByteString) -> IPAddress? {
        if let v4 = parseV4(text) { return IPAddress(v4: v4) }
        return parseV6(text)
    }

    /// Strict dotted-quad IPv4 (`inet_pton(AF_INET)`).
    public static func parseV4(_ text: ByteString) -> UInt32? {
        if text.count < 7 || text.count > 15 { return nil }
        var value: UInt32 = 0
        var part: UInt32 = 0
        var digits = 0
        var parts = 0
        for i in 0..<text.count {
            let c = text[i]
            if ASCII.isDigit(c) {
                if digits > 0 && part == 0 { return nil } // leading zero
                part = part * 10 + UInt32(c - 0x30)
                digits += 1
                if part > 255 { return nil }
            } else if c == UInt8(ascii: ".") {
                if digits == 0 || parts == 3 { return nil }
                value = value << 8 | part
                parts += 1
                part = 0
                digits = 0
            } else {
                return nil
            }
        }
        if digits == 0 || parts != 3 { return nil }
        return value << 8 | part
    }

    /// Strict IPv6 text (`inet_pton(AF_INET6)`); no scope.
    public static func parseV6(_ text: ByteString) -> IPAddress? {
        let n = text.count
        if n < 2 { return nil }
        var g: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &g) { raw -> IPAddress? in
            let groups = raw.bindMemory(to: UInt16.self)
            var count = 0
            var gap = -1
            var i = 0
            // A leading colon must be the first of "::".
            if text[0] == UInt8(ascii: ":") {
                if text[1] != UInt8(ascii: ":") { return nil }
                i = 1
            }
            var tokenStart = i
            var value: UInt16 = 0
            var digits = 0
            while i < n {
                let c = text[i]
                i += 1
                if let h = hexValue(c) {
                    if digits == 4 { return nil }
                    value = value << 4 | UInt16(h)
                    digits += 1
                    continue
                }
                if c == UInt8(ascii: ":") {
                    tokenStart = i
                    if digits == 0 {
                        if gap >= 0 { return nil }
                        gap = count
                        continue
                    }
                    if i == n || count == 8 { return nil }
                    groups[count] = value
                    count += 1
                    value = 0
                    digits = 0
                    continue
                }
                if c == UInt8(ascii: "."), count <= 6, let v4 = parseV4(text.slice(tokenStart, n)) {
                    groups[count] = UInt16(v4 >> 16)
                    groups[count + 1] = UInt16(truncatingIfNeeded: v4)
                    count += 2
                    digits = 0
                    break
                }
                return nil
            }
            if digits > 0 {
                if count == 8 { return nil }
                groups[count] = value
                count += 1
            }
            if gap >= 0 {
                if count == 8 { return nil }
                let tail = count - gap
                var k = 1
                while k <= tail {
                    groups[8 - k] = groups[count - k]
                    k += 1
                }
                var z = gap
                while z < 8 - tail { groups[z] = 0; z += 1 }
            } else if count != 8 {
                return nil
            }
            var h: UInt64 = 0, l: UInt64 = 0
            for k in 0..<4 { h = h << 16 | UInt64(groups[k]) }
            for k in 4..<8 { l = l << 16 | UInt64(groups[k]) }
            return IPAddress(v6High: h, low: l)
        }
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        if c &- 0x30 < 10 { return c - 0x30 }
        let lower = c | 0x20
        if lower &- 0x61 < 6 { return lower - 0x61 + 10 }
        return nil
    }

    /// Parses a legacy IPv4 number as `inet_aton` does: one to four parts
    /// separated by dots, each decimal, octal (leading 0) or hex (0x); the
    /// last part fills the remaining bytes (`127.1` is 127.0.0.1).
    /// `allowHex: false` accepts only digits and dots, as the C library's
    /// host-name path does before it treats the name as a number.
    public static func parseLegacyV4(_ text: ByteString, allowHex: Bool = true) -> UInt32? {
        if text.isEmpty { return nil }
        var parts: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        var i = 0
        let n = text.count
        while true {
            if count == 4 { return nil }
            if i >= n || !ASCII.isDigit(text[i]) { return nil }
            var base: UInt64 = 10
            if text[i] == UInt8(ascii: "0") {
                base = 8
                i += 1
                if allowHex && i < n && (text[i] | 0x20) == UInt8(ascii: "x") {
                    base = 16
                    i += 1
                }
            }
            var value: UInt64 = 0
            var any = base == 8 // "0" alone is a valid octal zero
            while i < n {
                let c = text[i]
                var d: UInt64
                if let h = hexValue(c) { d = UInt64(h) } else { break }
                if base != 16 && !ASCII.isDigit(c) { break }
                if d >= base { return nil }
                value = value * base + d
                if value > 0xFFFF_FFFF { return nil }
                any = true
                i += 1
            }
            if !any { return nil }
            switch count {
            case 0: parts.0 = value
            case 1: parts.1 = value
            case 2: parts.2 = value
            default: parts.3 = value
            }
            count += 1
            if i == n { break }
            if text[i] != UInt8(ascii: ".") { return nil }
            i += 1
            if i == n { return nil }
        }
        switch count {
        case 1:
            return UInt32(parts.0)
        case 2:
            guard parts.0 <= 0xFF, parts.1 <= 0xFF_FFFF else { return nil }
            return UInt32(parts.0 << 24 | parts.1)
        case 3:
            guard parts.0 <= 0xFF, parts.1 <= 0xFF, parts.2 <= 0xFFFF else { return nil }
            return UInt32(parts.0 << 24 | parts.1 << 16 | parts.2)
        default:
            guard parts.0 <= 0xFF, parts.1 <= 0xFF, parts.2 <= 0xFF, parts.3 <= 0xFF else { return nil }
            return UInt32(parts.0 << 24 | parts.1 << 16 | parts.2 << 8 | parts.3)
        }
    }

    // MARK: Formatting

    /// The longest text `format(into:)` writes (an IPv6 address with an
    /// embedded IPv4 address), without scope.
    public static let maximumTextLength = 45

    /// Writes the address as `inet_ntop` does into `out` (at least
    /// `maximumTextLength` bytes) and returns the number of bytes written.
    /// The scope is not written.
    public func format(into out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        if family == .v4 {
            return IPAddress.formatV4(v4Value, into: out)
        }
        // Longest run of two or more zero groups (the first one on a tie).
        var bestStart = -1, bestLength = 0
        var runStart = -1
        for i in 0...8 {
            if i < 8 && group(i) == 0 {
                if runStart < 0 { runStart = i }
            } else if runStart >= 0 {
                let length = i - runStart
                if length > bestLength { bestStart = runStart; bestLength = length }
                runStart = -1
            }
        }
        if bestLength < 2 { bestStart = -1 }
        var i = 0
        while i < 8 {
            if i == bestStart {
                out[n] = UInt8(ascii: ":"); n += 1
                if i == 0 { out[n] = UInt8(ascii: ":"); n += 1 }
                i += bestLength
                continue
            }
            // An IPv4-compatible or -mapped tail prints as a dotted quad.
            if i == 6 && bestStart == 0 && (bestLength == 6 || (bestLength == 5 && group(5) == 0xFFFF)) {
                n += IPAddress.formatV4(UInt32(truncatingIfNeeded: low), into: out + n)
                return n
            }
            n += IPAddress.formatHex(group(i), into: out + n)
            i += 1
            if i < 8 { out[n] = UInt8(ascii: ":"); n += 1 }
        }
        return n
    }

    static func formatV4(_ v: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        for k in 0..<4 {
            let b = UInt8(truncatingIfNeeded: v >> UInt32(24 - 8 * k))
            if b >= 100 { out[n] = 0x30 + b / 100; n += 1 }
            if b >= 10 { out[n] = 0x30 + (b / 10) % 10; n += 1 }
            out[n] = 0x30 + b % 10; n += 1
            if k < 3 { out[n] = UInt8(ascii: "."); n += 1 }
        }
        return n
    }

    static func formatHex(_ v: UInt16, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let digits: StaticString = "0123456789abcdef"
        var n = 0
        var started = false
        var shift = 12
        while shift >= 0 {
            let nibble = Int((v >> UInt16(shift)) & 0xF)
            if nibble != 0 || started || shift == 0 {
                out[n] = digits.utf8Start[nibble]
                n += 1
                started = true
            }
            shift -= 4
        }
        return n
    }

    /// Appends the `inet_ntop` text to `output`; returns its length.
    @discardableResult
    @inline(never)
    public func write(to output: inout OutputBuffer) -> Int {
        var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &storage) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let n = format(into: p)
            output.append(UnsafeRawBufferPointer(start: p, count: n))
            return n
        }
    }

    /// The `inet_ntop` text as a String (tests and diagnostics).
    public var description: String {
        var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &storage) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let n = format(into: p)
            return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
        }
    }
}
