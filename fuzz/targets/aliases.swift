@testable import LibcSupport

// /etc/aliases: the first input line is the key, the rest the file
// (entries with indented continuation lines). Every entry is written; the
// one found has the key's name, ignoring case.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAliases(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let (key, file) = splitKeyAndFile(fuzzBytes(data, size))
    var output = nullOutput()
    AliasRecord.forEach(in: file) { $0.write(to: &output) }
    if let record = AliasRecord.lookup(key, in: file) {
        precondition(record.name.equalsIgnoringASCIICase(key), "found another alias")
        record.write(to: &output)
    }
    output.flush()
    return 0
}
