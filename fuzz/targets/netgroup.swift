@testable import LibcSupport

// /etc/netgroup: the first input line is the group name (and, after NUL
// bytes, a host, user and domain for a membership test), the rest the file.
// Expansion follows nested groups; cycles must end.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNetgroup(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let (first, file) = splitKeyAndFile(fuzzBytes(data, size))
    var parts: [ByteString] = []
    var rest = first
    while let nul = rest.firstIndex(of: 0) { parts.append(rest.prefix(nul)); rest = rest.dropFirst(nul + 1) }
    parts.append(rest)
    let name = parts[0]
    var output = nullOutput()
    _ = NetgroupExpansion.writeListing(of: name, in: file, to: &output)
    if parts.count >= 4 {
        let member = NetgroupExpansion.contains(host: parts[1], user: parts[2], domain: parts[3], in: name, file: file)
        NetgroupExpansion.writeMembership(host: parts[1], user: parts[2], domain: parts[3], in: name,
                                          isMember: member, to: &output)
    }
    output.flush()
    return 0
}
