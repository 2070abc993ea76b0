@testable import LibcSupport

// /etc/protocols: the first input line is the key (name, alias or number),
// the rest the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProtocols(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let (key, file) = splitKeyAndFile(fuzzBytes(data, size))
    var output = nullOutput()
    for line in LineSequence(file) { ProtocolRecord.parse(line)?.write(to: &output) }
    ProtocolRecord.lookup(key, in: file)?.write(to: &output)
    output.flush()
    return 0
}
