@testable import LibcSupport

// /etc/shadow: the first input line is the key, the rest the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShadow(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzAccountFile(fuzzBytes(data, size), ShadowRecord.self, rules: .passwd)
    return 0
}
