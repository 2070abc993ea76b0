@testable import LibcSupport

// /etc/hosts: the first input line is the key (a name, or an address for a
// reverse lookup), the rest the file. Name lookups by both families and
// with and without merging; every line found must list the name.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHosts(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let (key, file) = splitKeyAndFile(fuzzBytes(data, size))
    var output = nullOutput()
    for text in LineSequence(file) {
        if let line = HostsLine(text) { consume(line.address(for: nil)) }
    }
    HostsFile.forEachLine(named: key, in: file) { line in
        precondition(key.isEmpty ? line.canonicalName.isEmpty : line.hasName(key), "a line without the name")
        return true
    }
    let lines = HostsFile.matches(named: key, in: file)
    for family in [IPAddress.Family.v4, .v6] {
        for multiple in [false, true] {
            HostsFile.hostEntry(from: lines, family: family, multiple: { multiple })?.write(to: &output)
            HostsFile.addressList(from: lines, family: family, multiple: { multiple })?.write(to: &output)
        }
    }
    HostsFile.addressList(from: lines, family: nil, multiple: { true })?.write(to: &output)
    if let address = IPAddress.parse(key) {
        HostsFile.hostEntry(address: address, in: file)?.write(to: &output)
    }
    output.flush()
    return 0
}
