@testable import LibcSupport

// Kernel answers the host lookups parse: route netlink address dumps (the
// myhostname source and AI_ADDRCONFIG) and /proc/net/route and
// /proc/net/ipv6_route (default gateways). The first byte picks which.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNetlink(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    guard input.count >= 1 else { return 0 }
    let body = input.dropFirst(1)
    let raw = UnsafeRawBufferPointer(start: body.start, count: body.count)
    switch input[0] % 4 {
    case 0:
        var addresses: [LocalAddress] = []
        _ = LocalAddressList.parse(raw, sequence: 1, into: &addresses)
    case 1:
        _ = NetworkInterfaces.parseMessages(raw) { address, prefix in
            precondition(prefix >= 0 && prefix <= 128)
            consume(address)
        }
    case 2:
        consume(DefaultGateways.parseIPv4(body) { _ in 1 })
    default:
        consume(DefaultGateways.parseIPv6(body) { _ in 1 })
    }
    return 0
}
