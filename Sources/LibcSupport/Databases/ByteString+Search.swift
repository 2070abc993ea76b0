import CLibc

extension ByteString {
    /// Whether `byte` occurs (memchr, for long fields such as member lists).
    @inlinable
    public func containsByte(_ byte: UInt8) -> Bool {
        guard let base = start, count > 0 else { return false }
        return memchr(base, Int32(byte), count) != nil
    }
}
