/// The checks systemd's NSS module applies to user and group names from
/// JSON records: a record whose name could not appear in a passwd line
/// (`bad:name`, `a/b`, a number, control characters) is ignored.
enum AccountName {
    static func isValid(_ name: [UInt8]) -> Bool {
        if name.isEmpty || name.count > 256 { return false }
        if name.equals(".") || name.equals("..") { return false }
        if name[0] == UInt8(ascii: "-") { return false }
        var allDigits = true
        for byte in name {
            switch byte {
            case 0..<0x21, 0x7F, UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: ","):
                return false
            default:
                if !ASCII.isDigit(byte) { allDigits = false }
            }
        }
        return !allDigits
    }

    /// An id from a record field: ids that cannot name an account (65535,
    /// the 16-bit "invalid", and 4294967295) count as absent.
    static func id(_ value: JSONValue?) -> UInt32? {
        guard let number = value?.unsignedValue, number < 0xFFFF_FFFF, number != 0xFFFF else { return nil }
        return UInt32(number)
    }
}
