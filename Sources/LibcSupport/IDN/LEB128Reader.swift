/// Reads the unsigned LEB128 numbers of the generated IDNA tables
/// (`IDNATables`): seven bits a byte, low bits first, the high bit set on
/// every byte but the last.
struct LEB128Reader {
    /// A table of `IDNATables` (read-only data that outlives the reader).
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    var atEnd: Bool { position >= bytes.count }

    /// The next number (the tables are generated, so never malformed).
    mutating func next() -> UInt32 {
        var value: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            let byte = bytes[position]
            position += 1
            value |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// The next byte as it is.
    mutating func nextByte() -> UInt8 {
        position += 1
        return bytes[position - 1]
    }

    /// The next number as a zigzag-encoded signed delta.
    mutating func nextSigned() -> Int32 {
        let value = next()
        return Int32(bitPattern: value >> 1) ^ -Int32(bitPattern: value & 1)
    }

    /// Binary search of an index of `(byte offset, start)` pairs: the pair
    /// with the greatest start not past `value`.
    static func indexEntry(_ index: UnsafeBufferPointer<UInt32>, for value: UInt32) -> (offset: Int, start: UInt32) {
        var low = 0, high = index.count / 2 - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if index[2 * middle + 1] <= value { low = middle } else { high = middle - 1 }
        }
        return (Int(index[2 * low]), index[2 * low + 1])
    }
}
