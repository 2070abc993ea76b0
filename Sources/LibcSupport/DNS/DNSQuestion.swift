/// Builds a DNS query message (RFC 1035 section 4): a header asking for
/// recursion and one question.
public enum DNSQuestion {
    public static let typeA: UInt16 = 1
    public static let typeCNAME: UInt16 = 5
    public static let typePTR: UInt16 = 12
    public static let typeAAAA: UInt16 = 28
    public static let classIN: UInt16 = 1

    /// The largest name in wire form.
    public static let maximumNameLength = 255

    /// Writes the query for `name` (text, an optional trailing dot) into
    /// `out` (at least 12 + 255 + 4 bytes) and returns its length, or nil when
    /// the name cannot be encoded (an empty label, a label over 63 bytes, a
    /// name over 255 bytes).
    public static func build(id: UInt16, name: ByteString, type: UInt16,
                             into out: UnsafeMutablePointer<UInt8>) -> Int? {
        out[0] = UInt8(id >> 8); out[1] = UInt8(truncatingIfNeeded: id)
        out[2] = 0x01; out[3] = 0x00          // RD
        out[4] = 0; out[5] = 1                // QDCOUNT
        for i in 6..<12 { out[i] = 0 }
        guard let nameLength = encodeName(name, into: out + 12) else { return nil }
        var n = 12 + nameLength
        out[n] = UInt8(type >> 8); out[n + 1] = UInt8(truncatingIfNeeded: type)
        out[n + 2] = 0; out[n + 3] = UInt8(classIN)
        n += 4
        return n
    }

    /// Encodes a dotted name as labels; nil if it is not a valid name.
    public static func encodeName(_ name: ByteString, into out: UnsafeMutablePointer<UInt8>) -> Int? {
        var text = name
        if text.count > 0 && text[text.count - 1] == UInt8(ascii: ".") { text = text.prefix(text.count - 1) }
        var n = 0
        if text.isEmpty {
            out[0] = 0
            return 1
        }
        var start = 0
        while start <= text.count {
            var end = start
            while end < text.count && text[end] != UInt8(ascii: ".") { end += 1 }
            let length = end - start
            if length == 0 || length > 63 || n + 1 + length + 1 > maximumNameLength { return nil }
            out[n] = UInt8(length)
            for i in 0..<length { out[n + 1 + i] = text[start + i] }
            n += 1 + length
            start = end + 1
        }
        out[n] = 0
        return n + 1
    }
}
