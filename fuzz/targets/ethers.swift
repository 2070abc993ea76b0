@testable import LibcSupport

// /etc/ethers: the first input line is the key (a MAC address or a host
// name), the rest the file. A record found by name carries the key.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEthers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let (key, file) = splitKeyAndFile(fuzzBytes(data, size))
    var output = nullOutput()
    for line in LineSequence(file) { EtherRecord.parse(line)?.write(to: &output) }
    if let record = EtherRecord.lookup(key, in: file) {
        if EtherAddress.parseKey(key) == nil { precondition(record.host == key) }
        record.write(to: &output)
    }
    consume(EtherAddress.parseField(key))
    output.flush()
    return 0
}
