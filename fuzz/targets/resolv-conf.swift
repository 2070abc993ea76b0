@testable import LibcSupport

// /etc/resolv.conf: nameserver (IPv4, IPv6 with zone), search, domain,
// options ndots: timeout: attempts:, in any order and any state. The first
// line is the search default (the host's domain), the rest the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResolvConf(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let (domain, file) = splitKeyAndFile(fuzzBytes(data, size))
    let configuration = ResolverConfiguration(parsing: file, searchDefault: domain)
    consume(configuration)
    return 0
}
