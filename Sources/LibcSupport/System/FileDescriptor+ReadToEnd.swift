extension FileDescriptor {
    /// Files up to this size are read into memory rather than mapped. For a
    /// small file a `read` is the cheaper call: a mapping costs `mmap`, a
    /// page fault, and (once) the two calls that install the SIGBUS guard,
    /// which a file in memory does not need.
    public static let smallFileLimit = 64 * 1024

    /// Reads from the current offset to the end of the file into a new heap
    /// buffer, for files that cannot be mapped (pipes, `/proc` files, or
    /// when `mmap` is refused). The caller owns the bytes and deallocates
    /// them with `UnsafeMutableRawPointer(mutating: bytes.start)?.deallocate()`.
    public func readToEnd() throws(Errno) -> ByteString {
        var capacity = 16 * 1024
        var storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        var used = 0
        while true {
            let filled = try fill(storage, from: used, to: capacity)
            used = filled.used
            if filled.atEnd { break }
            let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
            bigger.copyMemory(from: storage, byteCount: used)
            storage.deallocate()
            storage = bigger
            capacity *= 2
        }
        return ByteString(start: storage.assumingMemoryBound(to: UInt8.self), count: used)
    }

    /// Reads the first `count` bytes of a regular file (its size from
    /// `fstat`) into a new heap buffer, in one `read` as a rule. Stops early
    /// if the file turns out shorter, as a file truncated since `fstat`
    /// would; like a mapping of `count` bytes, it ignores what was appended
    /// since. The caller owns the bytes, as with `readToEnd`.
    public func read(first count: Int) throws(Errno) -> ByteString {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 16)
        let filled = try fill(storage, from: 0, to: count)
        return ByteString(start: storage.assumingMemoryBound(to: UInt8.self), count: filled.used)
    }

    /// Reads into `storage` from byte `used` until byte `capacity` or the
    /// end of the file. On an error, deallocates `storage` and throws.
    private func fill(_ storage: UnsafeMutableRawPointer, from used: Int, to capacity: Int) throws(Errno) -> (used: Int, atEnd: Bool) {
        var used = used
        while used < capacity {
            let n: Int
            do {
                n = try read(into: UnsafeMutableRawBufferPointer(start: storage + used, count: capacity - used))
            } catch {
                storage.deallocate()
                throw error
            }
            if n == 0 { return (used, true) }
            used += n
        }
        return (used, false)
    }
}
