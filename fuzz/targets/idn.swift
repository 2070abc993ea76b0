@testable import LibcSupport

// Internationalized names: IDNA to ASCII (punycode) and back, and raw
// punycode decoding. An encoded label decodes to the same code points.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDN(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = fuzzBytes(data, size)
    if let ascii = IDNA.toASCII(text) {
        consume(ascii.withUnsafeBufferPointer { IDNA.toUnicode(ByteString(start: $0.baseAddress, count: $0.count)) })
    }
    consume(IDNA.toUnicode(text))
    if let decoded = Punycode.decode(text), let encoded = Punycode.encode(decoded) {
        let again = encoded.withUnsafeBufferPointer { Punycode.decode(ByteString(start: $0.baseAddress, count: $0.count)) }
        precondition(again == decoded, "punycode does not round-trip")
    }
    if let scalars = IDNA.decodeUTF8(text), let encoded = Punycode.encode(scalars) {
        let again = encoded.withUnsafeBufferPointer { Punycode.decode(ByteString(start: $0.baseAddress, count: $0.count)) }
        precondition(again == scalars, "punycode does not round-trip")
    }
    return 0
}
