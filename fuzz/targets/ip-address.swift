@testable import LibcSupport

// Address text in every form the tools accept (inet_pton, inet_aton's
// legacy forms, scoped IPv6): whatever parses must print and parse back to
// the same address.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIPAddress(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = fuzzBytes(data, size)
    var buffer = [UInt8](repeating: 0, count: IPAddress.maximumTextLength + 16)
    func roundTrip(_ address: IPAddress) {
        buffer.withUnsafeMutableBufferPointer { out in
            let length = address.format(into: out.baseAddress!)
            precondition(length > 0 && length <= IPAddress.maximumTextLength, "formatted length \(length)")
            let again = IPAddress.parse(ByteString(start: out.baseAddress, count: length))
            precondition(again == address, "\(address) does not read back")
        }
    }
    if let address = IPAddress.parse(text) { roundTrip(address) }
    if let v4 = IPAddress.parseV4(text) { roundTrip(IPAddress(v4: v4)) }
    if let v6 = IPAddress.parseV6(text) { roundTrip(v6) }
    if let legacy = IPAddress.parseLegacyV4(text) { roundTrip(IPAddress(v4: legacy)) }
    if let legacy = IPAddress.parseLegacyV4(text, allowHex: false) { roundTrip(IPAddress(v4: legacy)) }
    if let scoped = AddressLookup.parseScoped(text) { consume(scoped) }
    if let server = ResolverConfiguration.parseServer(text) { consume(server) }
    return 0
}
