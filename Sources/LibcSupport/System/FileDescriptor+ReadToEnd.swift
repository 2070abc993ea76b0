extension FileDescriptor {
    /// Reads from the current offset to the end of the file into a new heap
    /// buffer, for files that cannot be mapped (pipes, `/proc` files, or
    /// when `mmap` is refused). The caller owns the bytes and deallocates
    /// them with `UnsafeMutableRawPointer(mutating: bytes.start)?.deallocate()`.
    public func readToEnd() throws(Errno) -> ByteString {
        var capacity = 16 * 1024
        var storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        var used = 0
        while true {
            if used == capacity {
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                bigger.copyMemory(from: storage, byteCount: used)
                storage.deallocate()
                storage = bigger
                capacity *= 2
            }
            let n: Int
            do {
                n = try read(into: UnsafeMutableRawBufferPointer(start: storage + used, count: capacity - used))
            } catch {
                storage.deallocate()
                throw error
            }
            if n == 0 { break }
            used += n
        }
        return ByteString(start: storage.assumingMemoryBound(to: UInt8.self), count: used)
    }
}
