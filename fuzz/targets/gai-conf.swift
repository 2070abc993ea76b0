@testable import LibcSupport

// /etc/gai.conf (label, precedence, scopev4 rules with prefixes): the
// address selection policy for ahosts. The parsed policy then sorts a
// fixed set of addresses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGaiConf(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let policy = AddressPolicy(parsing: fuzzBytes(data, size))
    consume(policy)
    return 0
}
