@testable import LibcSupport

// /etc/rpc: the first input line is the key (name, alias or number), the
// rest the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRPC(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let (key, file) = splitKeyAndFile(fuzzBytes(data, size))
    var output = nullOutput()
    for line in LineSequence(file) { RPCRecord.parse(line)?.write(to: &output) }
    RPCRecord.lookup(key, in: file)?.write(to: &output)
    output.flush()
    return 0
}
