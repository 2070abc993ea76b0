/// The decimal digits of a number, on the stack (a drop-in file name such
/// as `61234.user` is looked up by these).
struct DecimalText {
    var storage: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var count = 0

    init(_ value: UInt64) {
        withUnsafeMutableBytes(of: &storage) { raw in
            var digits: [UInt8] = []
            var v = value
            repeat {
                digits.append(UInt8(truncatingIfNeeded: v % 10) + UInt8(ascii: "0"))
                v /= 10
            } while v != 0
            for (i, digit) in digits.reversed().enumerated() { raw[i] = digit }
            count = digits.count
        }
    }

    mutating func withByteString<Result>(_ body: (ByteString) -> Result) -> Result {
        let length = count
        return withUnsafeBytes(of: &storage) { raw in
            body(ByteString(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: length))
        }
    }

    /// Appends the decimal digits of `value` to `bytes`.
    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var text = DecimalText(value)
        text.withByteString { bytes.append(contentsOf: $0.buffer) }
    }
}
