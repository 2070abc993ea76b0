/// A NUL-terminated path assembled in a caller's buffer.
struct PathBuilder {
    let storage: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var length = 0
    var overflowed = false

    init(_ storage: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.storage = storage
        self.capacity = capacity
    }

    mutating func append(_ byte: UInt8) {
        if length + 1 >= capacity { overflowed = true; return }
        storage[length] = byte
        length += 1
    }

    mutating func append(_ bytes: ByteString) {
        for i in 0..<bytes.count { append(bytes[i]) }
    }

    mutating func append(_ literal: StaticString) {
        append(ByteString(literal))
    }

    mutating func append(decimal value: UInt32) {
        if value >= 10 { append(decimal: value / 10) }
        append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// The path, terminated; nil if it did not fit.
    var cString: UnsafePointer<CChar>? {
        if overflowed { return nil }
        storage[length] = 0
        return UnsafeRawPointer(storage).assumingMemoryBound(to: CChar.self)
    }
}
