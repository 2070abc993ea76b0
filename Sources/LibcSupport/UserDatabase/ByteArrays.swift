/// Helpers for the byte arrays that JSON records decode to.
extension Array where Element == UInt8 {
    /// The bytes of a string literal. Not `Array("...".utf8)`: copying a
    /// String's UTF-8 view brings in the String machinery (foreign strings,
    /// UTF-16 breadcrumbs), a few KB of code.
    init(literal: StaticString) {
        self.init(ByteString(literal).buffer)
    }

    /// Whether the bytes are exactly `literal`.
    func equals(_ literal: StaticString) -> Bool {
        withUnsafeBufferPointer { ByteString(start: $0.baseAddress, count: $0.count) == ByteString(literal) }
    }

    /// Whether the bytes are exactly `other`'s.
    func equals(_ other: ByteString) -> Bool {
        withUnsafeBufferPointer { ByteString(start: $0.baseAddress, count: $0.count) == other }
    }
}

extension OutputBuffer {
    /// Appends the bytes of an array (record fields decoded from JSON).
    public mutating func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }
}

/// Runs `body` with `bytes` as a NUL-terminated C string (a path built
/// from record names).
func withCString<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
    var terminated = bytes
    terminated.append(0)
    return terminated.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
    }
}

/// Calls `body` with each entry name of the directory `path`; false when
/// it cannot be opened.
@discardableResult
func listDirectory(_ path: [UInt8], _ body: (ByteString) -> Void) -> Bool {
    withCString(path) { cPath in
        guard let listing = try? DirectoryListing(path: cPath) else { return false }
        listing.forEach(body)
        return true
    }
}
