/// Reads numbers out of kernel text files the way C's `strtoul`/`strtol`
/// do (base 10), so that values parsed from `/proc` and `/sys` agree with
/// what C programs on the same system read from them.
///
/// Both skip leading white space and accept a sign; they return nil when no
/// digit follows (C's "no conversion"), together with the index after the
/// number otherwise.
public enum CNumberScanner {
    /// `strtoul`: a negative number wraps around as in C; overflow gives
    /// `UInt64.max`.
    public static func unsigned(_ bytes: ByteString, from start: Int) -> (value: UInt64, end: Int)? {
        var i = skipSpaces(bytes, from: start)
        var negative = false
        if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        guard let (magnitude, overflow, end) = digits(bytes, from: i) else { return nil }
        if overflow { return (UInt64.max, end) }
        return (negative ? 0 &- magnitude : magnitude, end)
    }

    /// `strtol`: overflow gives `Int64.max` or `Int64.min`.
    public static func signed(_ bytes: ByteString, from start: Int) -> (value: Int64, end: Int)? {
        var i = skipSpaces(bytes, from: start)
        var negative = false
        if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        guard let (magnitude, overflow, end) = digits(bytes, from: i) else { return nil }
        if negative {
            if overflow || magnitude > UInt64(Int64.max) + 1 { return (Int64.min, end) }
            return (Int64(truncatingIfNeeded: 0 &- magnitude), end)
        }
        if overflow || magnitude > UInt64(Int64.max) { return (Int64.max, end) }
        return (Int64(magnitude), end)
    }

    static func skipSpaces(_ bytes: ByteString, from start: Int) -> Int {
        var i = start
        while i < bytes.count && ASCII.isSpace(bytes[i]) { i += 1 }
        return i
    }

    static func digits(_ bytes: ByteString, from start: Int) -> (UInt64, Bool, Int)? {
        var i = start
        var value: UInt64 = 0
        var overflow = false
        while i < bytes.count && ASCII.isDigit(bytes[i]) {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(bytes[i] &- 0x30))
            overflow = overflow || o1 || o2
            value = sum
            i += 1
        }
        return i == start ? nil : (value, overflow, i)
    }
}
