/// Numbers in the account files and in `getent` keys, read the way the C
/// library's `strtoul` reads them: leading white space, an optional sign,
/// decimal digits and nothing after them.
public enum NumericField {
    /// The value of a whole field, or nil if it is not a number or does not
    /// fit 32 bits. A `-` sign negates in 64 bits as `strtoul` does, so only
    /// `-0` survives the range check (the C library rejects `-1` in files
    /// for the same reason).
    @inlinable
    public static func parse32(_ field: ByteString) -> UInt32? {
        guard let value = parse(field), value <= UInt64(UInt32.max) else { return nil }
        return UInt32(value)
    }

    /// The 64-bit `strtoul` value of a whole field (nil on junk, no digits or
    /// overflow).
    @inlinable
    public static func parse(_ field: ByteString) -> UInt64? {
        var i = 0
        while i < field.count && ASCII.isSpace(field[i]) { i += 1 }
        var negative = false
        if i < field.count && (field[i] == UInt8(ascii: "+") || field[i] == UInt8(ascii: "-")) {
            negative = field[i] == UInt8(ascii: "-")
            i += 1
        }
        if i == field.count { return nil }
        guard let magnitude = decimal(field.dropFirst(i)) else { return nil }
        return negative ? 0 &- magnitude : magnitude
    }

    /// Digits only, at least one, no overflow of 64 bits.
    @inlinable
    static func decimal(_ digits: ByteString) -> UInt64? {
        guard let base = digits.start, digits.count > 0 else { return nil }
        var value: UInt64 = 0
        for index in 0..<digits.count {
            let digit = base[index] &- 0x30
            if digit > 9 { return nil }
            if index >= 19 {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(UInt64(digit))
                if o1 || o2 { return nil }
                value = sum
            } else {
                value = value &* 10 &+ UInt64(digit)
            }
        }
        return value
    }
}

/// How `getent` reads a key of a database with numeric ids (`passwd`,
/// `group`): a number if the whole key is one, else a name.
public enum AccountKey {
    case name(ByteString)
    case id(UInt32)
    /// A number that is no id: out of range, or negative (other than -0).
    /// The C library wraps these (4294967296 and -4294967296 become 0, that
    /// is root); we answer "not found" so an overflow never selects root.
    case outOfRange

    @inlinable
    public init(_ key: ByteString) {
        // A key is numeric when strtoul would consume all of it: white
        // space, a sign, and at least one digit.
        var i = 0
        while i < key.count && ASCII.isSpace(key[i]) { i += 1 }
        var negative = false
        if i < key.count && (key[i] == UInt8(ascii: "+") || key[i] == UInt8(ascii: "-")) {
            negative = key[i] == UInt8(ascii: "-")
            i += 1
        }
        var digits = i
        while digits < key.count && ASCII.isDigit(key[digits]) { digits += 1 }
        if digits == i || digits != key.count {
            self = .name(key)
            return
        }
        guard let value = key.dropFirst(i).parseDecimal(), value <= UInt64(UInt32.max), !negative || value == 0 else {
            self = .outOfRange
            return
        }
        self = .id(UInt32(value))
    }
}
