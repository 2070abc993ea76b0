import LibcSupport

// The system layer's line splitter and number parser: every file parser is
// built on them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    var total = 0
    for line in LineSequence(bytes) {
        precondition(line.count <= bytes.count)
        total += line.count + 1
        if let value = line.parseDecimal(limit: UInt64(UInt32.max)) {
            precondition(value <= UInt64(UInt32.max))
        }
        consume(line.equalsIgnoringASCIICase(ByteString("root")))
    }
    // Every byte is in a line or is one of the newlines between them.
    precondition(total == bytes.count || total == bytes.count + 1)
    return 0
}
