/// A received DNS message, read defensively: every offset is checked against
/// the message length, compression pointers may not loop (a name may take at
/// most 128 jumps and 255 bytes), and malformed records end the parse
/// without trusting anything after them. A hostile server can make a lookup
/// fail, never crash it.
public struct DNSResponse {
    public let message: ByteString

    public init(_ message: ByteString) { self.message = message }

    public var id: UInt16 { message.count >= 2 ? UInt16(message[0]) << 8 | UInt16(message[1]) : 0 }
    public var isResponse: Bool { message.count >= 12 && message[2] & 0x80 != 0 }
    public var isTruncated: Bool { message.count >= 12 && message[2] & 0x02 != 0 }
    public var responseCode: UInt8 { message.count >= 12 ? message[3] & 0x0F : 0xFF }
    public var questionCount: Int { count16(at: 4) }
    public var answerCount: Int { count16(at: 6) }

    public static let noError: UInt8 = 0
    public static let nameError: UInt8 = 3

    func count16(at offset: Int) -> Int {
        message.count >= offset + 2 ? Int(message[offset]) << 8 | Int(message[offset + 1]) : 0
    }

    /// Reads the (possibly compressed) name at `offset` as dotted text into
    /// `out` (at least 256 bytes). Returns the text length and the offset
    /// just past the name in place, or nil for a malformed name.
    public func readName(at offset: Int, into out: UnsafeMutablePointer<UInt8>) -> (length: Int, next: Int)? {
        var position = offset
        var next = -1
        var length = 0
        var jumps = 0
        var wireLength = 0
        while true {
            guard position < message.count else { return nil }
            let label = Int(message[position])
            if label & 0xC0 == 0xC0 {
                guard position + 1 < message.count else { return nil }
                jumps += 1
                if jumps > 128 { return nil }
                if next < 0 { next = position + 2 }
                position = (label & 0x3F) << 8 | Int(message[position + 1])
                continue
            }
            if label & 0xC0 != 0 { return nil } // extended label types
            if label == 0 {
                if next < 0 { next = position + 1 }
                return (length, next)
            }
            wireLength += label + 1
            guard wireLength < 255, position + 1 + label <= message.count else { return nil }
            if length > 0 { out[length] = UInt8(ascii: "."); length += 1 }
            for i in 0..<label { out[length + i] = message[position + 1 + i] }
            length += label
            position += 1 + label
        }
    }

    /// Offset of the first byte after the name at `offset`, or nil.
    func skipName(at offset: Int) -> Int? {
        var position = offset
        while true {
            guard position < message.count else { return nil }
            let label = Int(message[position])
            if label & 0xC0 == 0xC0 { return position + 2 <= message.count ? position + 2 : nil }
            if label & 0xC0 != 0 { return nil }
            if label == 0 { return position + 1 }
            position += 1 + label
        }
    }

    /// One resource record of the answer section.
    public struct Record {
        public let ownerOffset: Int
        public let type: UInt16
        public let recordClass: UInt16
        public let dataOffset: Int
        public let dataLength: Int
    }

    /// Whether the message answers `name`/`type` (one question, same type and
    /// class, name equal ignoring ASCII case).
    public func answersQuestion(name: ByteString, type: UInt16) -> Bool {
        guard message.count >= 12, questionCount == 1 else { return false }
        var text: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                   UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                   UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                   UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &text) { raw -> Bool in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            guard let (length, next) = readName(at: 12, into: p), next + 4 <= message.count else { return false }
            let qtype = UInt16(message[next]) << 8 | UInt16(message[next + 1])
            let qclass = UInt16(message[next + 2]) << 8 | UInt16(message[next + 3])
            var expected = name
            if expected.count > 0 && expected[expected.count - 1] == UInt8(ascii: ".") {
                expected = expected.prefix(expected.count - 1)
            }
            return qtype == type && qclass == DNSQuestion.classIN
                && ByteString(start: p, count: length).equalsIgnoringASCIICase(expected)
        }
    }

    /// Calls `body` with each answer record, in order, if the question and
    /// answer sections are whole: every record the header counts is there
    /// and in bounds. Otherwise the message is malformed and none is used,
    /// as the C library's resolver rejects such a message (observed: one
    /// good record under an answer count of 65535 is not an answer).
    public func forEachAnswer(_ body: (Record) -> Void) {
        if !walkAnswers({ _ in }) { return }
        _ = walkAnswers(body)
    }

    /// Walks the answer section; false as soon as something is malformed.
    private func walkAnswers(_ body: (Record) -> Void) -> Bool {
        guard message.count >= 12 else { return false }
        var position = 12
        for _ in 0..<questionCount {
            guard let next = skipName(at: position), next + 4 <= message.count else { return false }
            position = next + 4
        }
        for _ in 0..<answerCount {
            guard let next = skipName(at: position), next + 10 <= message.count else { return false }
            let type = UInt16(message[next]) << 8 | UInt16(message[next + 1])
            let recordClass = UInt16(message[next + 2]) << 8 | UInt16(message[next + 3])
            let length = Int(message[next + 8]) << 8 | Int(message[next + 9])
            guard next + 10 + length <= message.count else { return false }
            body(Record(ownerOffset: position, type: type, recordClass: recordClass,
                        dataOffset: next + 10, dataLength: length))
            position = next + 10 + length
        }
        return true
    }
}
