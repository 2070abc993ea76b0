@testable import LibcSupport

// /etc/gshadow: the first input line is the key, the rest the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGshadow(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzAccountFile(fuzzBytes(data, size), GshadowRecord.self, rules: .group)
    return 0
}
