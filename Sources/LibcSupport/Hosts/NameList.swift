/// An owned, ordered list of names (a host's canonical name and aliases):
/// one byte array and the end offset of each name, so a result built from a
/// mapped file or a DNS message outlives its source with two allocations.
public struct NameList {
    @usableFromInline var bytes: [UInt8] = []
    @usableFromInline var ends: [Int] = []

    public init() {}

    public var count: Int { ends.count }
    public var isEmpty: Bool { ends.isEmpty }

    public mutating func append(_ name: ByteString) {
        append(bytes: name.buffer)
    }

    public mutating func append(bytes name: UnsafeBufferPointer<UInt8>) {
        // Room for a usual host's names at once: growing an array frees the
        // old storage, and musl's allocator then unmaps and maps pages.
        if ends.isEmpty {
            bytes.reserveCapacity(Swift.max(128, name.count * 2))
            ends.reserveCapacity(8)
        }
        bytes.append(contentsOf: name)
        ends.append(bytes.count)
    }

    /// Calls `body` with name `index`, borrowed.
    public func withName<R>(_ index: Int, _ body: (ByteString) -> R) -> R {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBufferPointer { buffer in
            body(ByteString(start: buffer.baseAddress.map { $0 + start }, count: ends[index] - start))
        }
    }

    /// Name `index` as a String (tests and diagnostics).
    public func string(_ index: Int) -> String { withName(index) { $0.string } }

    /// Whether some name equals `key` ignoring ASCII case.
    public func contains(ignoringCase key: ByteString) -> Bool {
        for i in 0..<count where withName(i, { $0.equalsIgnoringASCIICase(key) }) { return true }
        return false
    }
}
