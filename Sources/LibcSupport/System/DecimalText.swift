/// The decimal digits of an unsigned number, on the stack: what the output
/// prints for a number, what an id lookup searches the file for, and the
/// name of a drop-in file such as `61234.user`.
struct DecimalText {
    /// 24 bytes: room for the 20 digits of UInt64.max. The digits are
    /// written from the end backwards and start at `start`.
    private var storage: (UInt64, UInt64, UInt64) = (0, 0, 0)
    private var start = 24

    init(_ value: UInt64) {
        var index = 24
        withUnsafeMutableBytes(of: &storage) { raw in
            var rest = value
            repeat {
                index -= 1
                raw[index] = UInt8(truncatingIfNeeded: rest % 10) + UInt8(ascii: "0")
                rest /= 10
            } while rest != 0
        }
        start = index
    }

    /// Calls `body` with the digits (valid only during the call).
    mutating func withByteString<Result>(_ body: (ByteString) -> Result) -> Result {
        let first = start
        return withUnsafeBytes(of: &storage) { raw in
            body(ByteString(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + first, count: raw.count - first))
        }
    }

    /// Appends the decimal digits of `value` to `bytes`.
    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var text = DecimalText(value)
        text.withByteString { bytes.append(contentsOf: $0.buffer) }
    }
}
