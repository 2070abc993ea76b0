@testable import LibcSupport

// /etc/host.conf (multi on|off and the other keywords).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHostConf(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    consume(HostConfiguration(parsing: fuzzBytes(data, size)))
    return 0
}
