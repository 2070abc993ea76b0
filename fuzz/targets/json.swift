@testable import LibcSupport

// JSON as varlink and the userdb drop-in files carry it: the strict,
// depth-limited parser (a bounded depth whatever the nesting).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    func depth(_ value: JSONValue) -> Int {
        if let array = value.arrayValue { return 1 + (array.map(depth).max() ?? 0) }
        if let object = value.objectValue { return 1 + (object.map { depth($0.value) }.max() ?? 0) }
        consume(value.stringValue)
        consume(value.unsignedValue)
        consume(value.boolValue)
        return 0
    }
    for limit in [1, 8, 64] {
        if let value = try? JSONParser.parse(bytes, maximumDepth: limit) {
            precondition(depth(value) <= limit + 1, "deeper than the limit")
            consume(value["userName"])
        }
    }
    return 0
}
