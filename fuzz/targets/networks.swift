@testable import LibcSupport

// /etc/networks: the first input line is the key (name, alias or network
// number in inet_network's forms), the rest the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNetworks(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let (key, file) = splitKeyAndFile(fuzzBytes(data, size))
    var output = nullOutput()
    for line in LineSequence(file) { NetworkRecord.parse(line)?.write(to: &output) }
    NetworkRecord.lookup(key, in: file)?.write(to: &output)
    consume(NetworkNumber.parseKey(key))
    consume(NetworkNumber.parseField(key))
    output.flush()
    return 0
}
