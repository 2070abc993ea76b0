/// Builds compact JSON text (varlink requests) into a byte array.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next member/element needs a comma before it.
    var needsComma = false

    public init() {}

    public mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }

    /// Writes `"key":` (the value follows).
    public mutating func key(_ name: StaticString) {
        separate()
        appendQuoted(ByteString(name))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ value: ByteString) { separate(); appendQuoted(value); needsComma = true }
    public mutating func string(_ value: StaticString) { string(ByteString(value)) }
    public mutating func bool(_ value: Bool) { separate(); appendLiteral(value ? "true" : "false"); needsComma = true }

    public mutating func unsigned(_ value: UInt64) {
        separate()
        var digits: [UInt8] = []
        var v = value
        repeat {
            digits.append(UInt8(truncatingIfNeeded: v % 10) + UInt8(ascii: "0"))
            v /= 10
        } while v != 0
        bytes.append(contentsOf: digits.reversed())
        needsComma = true
    }

    mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    mutating func appendLiteral(_ text: StaticString) {
        bytes.append(contentsOf: ByteString(text).buffer)
    }

    mutating func appendQuoted(_ value: ByteString) {
        let hex: StaticString = "0123456789abcdef"
        bytes.append(UInt8(ascii: "\""))
        for i in 0..<value.count {
            let b = value[i]
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(b)
            case 0..<0x20:
                appendLiteral("\\u00")
                bytes.append(hex.utf8Start[Int(b >> 4)])
                bytes.append(hex.utf8Start[Int(b & 0xF)])
            default:
                bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
