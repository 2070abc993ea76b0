@testable import LibcSupport

// /etc/passwd: the first input line is the key (a name, or a uid), the
// rest the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPasswd(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzIdentifiedAccountFile(fuzzBytes(data, size), PasswdRecord.self, rules: .passwd)
    return 0
}
