@testable import LibcSupport

// /etc/services: the first input line is the key (name, name/proto, port,
// port/proto), the rest the file; every line is parsed and written.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzServices(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let (key, file) = splitKeyAndFile(fuzzBytes(data, size))
    var output = nullOutput()
    for line in LineSequence(file) { ServiceRecord.parse(line)?.write(to: &output) }
    ServiceRecord.lookup(key, in: file)?.write(to: &output)
    consume(ServiceQuery(key: key))
    output.flush()
    return 0
}
