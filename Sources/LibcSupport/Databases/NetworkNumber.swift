/// The IPv4 network numbers of `/etc/networks`, read and written as glibc
/// does.
///
/// In the file, a number with fewer than four parts is padded on the right
/// (`10` is 10.0.0.0, `1.2.3` is 1.2.3.0), each part is read like
/// `inet_network` parts (`0x` hexadecimal, leading `0` octal, wrapping at
/// 2^32, at most 255), and anything invalid gives 255.255.255.255
/// (`INADDR_NONE`), which the entry keeps. A command-line key is read like
/// `inet_addr` instead: `10.1` is 10.0.0.1, and an invalid key is
/// `INADDR_NONE` too.
public enum NetworkNumber {
    public static let none: UInt32 = 0xFFFF_FFFF

    /// The value of a network field of `/etc/networks` (host byte order).
    public static func parseField(_ text: ByteString) -> UInt32 {
        var value: UInt32 = 0
        var parts = 0
        var i = 0
        while true {
            guard parts < 4, let part = inetNetworkPart(text, at: &i), part <= 255 else { return none }
            value = value << 8 | part
            parts += 1
            if i == text.count { break }
            guard text[i] == UInt8(ascii: ".") else { return none }
            i += 1
        }
        return parts == 4 ? value : value << UInt32(8 * (4 - parts))
    }

    /// One `inet_network` part at `i`: digits in base 16 (`0x`), 8 (a
    /// leading `0`) or 10, wrapping at 2^32; nil when there is no digit or a
    /// digit is out of its base.
    static func inetNetworkPart(_ text: ByteString, at i: inout Int) -> UInt32? {
        guard i < text.count, ASCII.isDigit(text[i]) else { return nil }
        var base: UInt32 = 10
        if text[i] == UInt8(ascii: "0") {
            if i + 1 < text.count && (text[i + 1] | 0x20) == UInt8(ascii: "x") {
                base = 16
                i += 2
                guard i < text.count && CNumber.digitValue(text[i]) < 16 else { return nil }
            } else {
                base = 8
            }
        }
        var value: UInt32 = 0
        while i < text.count {
            let byte = text[i]
            if byte == UInt8(ascii: ".") { break }
            let digit = UInt32(CNumber.digitValue(byte))
            guard digit < base else { return nil }
            value = value &* base &+ digit
            i += 1
        }
        return value
    }

    /// The value of a command-line key, as `ntohl(inet_addr(key))`: one to
    /// four parts (`a`, `a.b` with b 24 bits, `a.b.c` with c 16 bits,
    /// `a.b.c.d`), each starting with a digit, no part above 2^32-1, and
    /// only white space may end it early. Invalid keys give `INADDR_NONE`.
    public static func parseKey(_ text: ByteString) -> UInt32 {
        var parts: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        var i = 0
        while true {
            guard count < 4, i < text.count, ASCII.isDigit(text[i]) else { return none }
            let parsed = CNumber.strtoul(text.dropFirst(i), base: 0)
            guard parsed.length > 0, parsed.value <= UInt64(UInt32.max) else { return none }
            switch count {
            case 0: parts.0 = parsed.value
            case 1: parts.1 = parsed.value
            case 2: parts.2 = parsed.value
            default: parts.3 = parsed.value
            }
            count += 1
            i += parsed.length
            if i == text.count || ASCII.isSpace(text[i]) { break }
            guard text[i] == UInt8(ascii: ".") else { return none }
            i += 1
        }
        let value: UInt64
        switch count {
        case 1:
            value = parts.0
        case 2:
            guard parts.0 <= 0xFF, parts.1 <= 0xFF_FFFF else { return none }
            value = parts.0 << 24 | parts.1
        case 3:
            guard parts.0 <= 0xFF, parts.1 <= 0xFF, parts.2 <= 0xFFFF else { return none }
            value = parts.0 << 24 | parts.1 << 16 | parts.2
        default:
            guard parts.0 <= 0xFF, parts.1 <= 0xFF, parts.2 <= 0xFF, parts.3 <= 0xFF else { return none }
            value = parts.0 << 24 | parts.1 << 16 | parts.2 << 8 | parts.3
        }
        return UInt32(value)
    }

    /// Writes `value` as a dotted quad (`inet_ntoa`).
    public static func write(_ value: UInt32, to output: inout OutputBuffer) {
        output.append(decimal: value >> 24)
        output.append(UInt8(ascii: "."))
        output.append(decimal: (value >> 16) & 0xFF)
        output.append(UInt8(ascii: "."))
        output.append(decimal: (value >> 8) & 0xFF)
        output.append(UInt8(ascii: "."))
        output.append(decimal: value & 0xFF)
    }
}
