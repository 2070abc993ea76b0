/// The number conversions of the C library, reproduced over borrowed bytes.
///
/// The database parsers of the C library read numeric fields with
/// `strtoul`, so their quirks are part of the file formats: a sign is
/// accepted (`-0` is 0, `-1` wraps to the largest value), base 0 reads
/// `0x1f` as hexadecimal and `010` as octal, and the parse stops at the
/// first byte that is not a digit. `parse` reports where it stopped so that
/// callers can check what follows, as the C parsers do.
public enum CNumber {
    /// The result of `strtoul`: the value (saturated to `UInt64.max` on
    /// overflow, as `ULONG_MAX` on LP64) and how many bytes were consumed
    /// (0 when no digits were found, as when `endptr == nptr`).
    public struct Parsed: Equatable {
        public var value: UInt64
        public var length: Int
    }

    /// `strtoul(text, &end, base)` for `base` 0, 8, 10 or 16.
    public static func strtoul(_ text: ByteString, base requestedBase: Int) -> Parsed {
        var i = 0
        while i < text.count && ASCII.isSpace(text[i]) { i += 1 }
        var negative = false
        if i < text.count && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        var base = UInt64(requestedBase)
        // A "0x" prefix counts only when a hexadecimal digit follows it;
        // otherwise the "0" alone is the number.
        if (requestedBase == 0 || requestedBase == 16) && i + 2 < text.count
            && text[i] == UInt8(ascii: "0") && (text[i + 1] | 0x20) == UInt8(ascii: "x")
            && digitValue(text[i + 2]) < 16 {
            base = 16
            i += 2
        } else if requestedBase == 0 {
            base = (i < text.count && text[i] == UInt8(ascii: "0")) ? 8 : 10
        }
        let digitsStart = i
        var value: UInt64 = 0
        var overflow = false
        while i < text.count {
            let digit = UInt64(digitValue(text[i]))
            if digit >= base { break }
            let (times, o1) = value.multipliedReportingOverflow(by: base)
            let (sum, o2) = times.addingReportingOverflow(digit)
            if o1 || o2 { overflow = true }
            value = sum
            i += 1
        }
        if i == digitsStart { return Parsed(value: 0, length: 0) }
        if overflow { return Parsed(value: UInt64.max, length: i) }
        return Parsed(value: negative ? 0 &- value : value, length: i)
    }

    /// `strtol(text, NULL, 10)` truncated to `int`, i.e. `atoi`: the value of
    /// the leading decimal digits, saturated at `LONG_MAX` (which truncates
    /// to -1), then cut to 32 bits.
    public static func atoi(_ text: ByteString) -> Int32 {
        var i = 0
        while i < text.count && ASCII.isSpace(text[i]) { i += 1 }
        var negative = false
        if i < text.count && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        var magnitude: UInt64 = 0
        var saturated = false
        while i < text.count && ASCII.isDigit(text[i]) {
            let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(text[i] &- 0x30))
            if o1 || o2 || sum > UInt64(Int64.max) + (negative ? 1 : 0) { saturated = true }
            magnitude = sum
            i += 1
        }
        let long: Int64
        if saturated {
            long = negative ? Int64.min : Int64.max
        } else {
            long = negative ? Int64(bitPattern: 0 &- magnitude) : Int64(bitPattern: magnitude)
        }
        return Int32(truncatingIfNeeded: long)
    }

    /// The value of a hexadecimal digit, or 255 for any other byte.
    @inlinable
    public static func digitValue(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return 255
        }
    }
}
