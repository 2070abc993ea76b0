import CLibc

/// Buffered output to a file descriptor: the tools build their whole answer
/// here and write it with as few `write(2)` calls as possible (usually one).
///
/// A write error is remembered, not thrown, so formatting code stays simple;
/// the tool checks `failed` (or the result of `flush()`) before exiting and
/// reports the error, so output to `/dev/full` never exits 0.
public struct OutputBuffer: ~Copyable {
    @usableFromInline let descriptor: FileDescriptor
    @usableFromInline let storage: UnsafeMutablePointer<UInt8>
    @usableFromInline let capacity: Int
    @usableFromInline var used = 0
    /// Whether `storage` was allocated here (and is freed with the buffer).
    let ownsStorage: Bool
    /// The first write error, if any.
    public private(set) var error: Errno?

    public init(_ descriptor: FileDescriptor, capacity: Int = 64 * 1024) {
        self.descriptor = descriptor
        self.capacity = capacity
        self.storage = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        self.ownsStorage = true
    }

    /// A buffer over storage the caller owns and keeps alive (a stack buffer
    /// or `OutputArea`): no heap allocation at all.
    public init(_ descriptor: FileDescriptor, storage: UnsafeMutableRawBufferPointer) {
        self.descriptor = descriptor
        self.capacity = storage.count
        self.storage = storage.baseAddress!.assumingMemoryBound(to: UInt8.self)
        self.ownsStorage = false
    }

    deinit { if ownsStorage { storage.deallocate() } }

    public var failed: Bool { error != nil }

    @inlinable
    public mutating func append(_ byte: UInt8) {
        if used == capacity { flush() }
        storage[used] = byte
        used += 1
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if bytes.count > capacity - used {
            flush()
            if bytes.count > capacity {
                write(bytes)
                return
            }
        }
        if bytes.count > 0 {
            if bytes.count <= 64 {
                OutputBuffer.copyShort(to: UnsafeMutableRawPointer(storage + used), from: bytes.baseAddress!,
                                       count: bytes.count)
            } else {
                memcpy(storage + used, bytes.baseAddress!, bytes.count)
            }
            used += bytes.count
        }
    }

    /// Copies 1 to 64 bytes with a few overlapping word moves. Output is
    /// mostly short pieces (a name, a number), and musl's x86-64 `memcpy`
    /// moves them with microcoded string instructions (`movsb`, `rep movsq`)
    /// that cost tens of cycles each: most of `getconf -a`'s own time. No
    /// loop, so the compiler cannot turn it back into a `memcpy` call.
    @usableFromInline
    static func copyShort(to target: UnsafeMutableRawPointer, from source: UnsafeRawPointer, count n: Int) {
        if n >= 16 {
            // Two 16-byte halves that meet or overlap (16...32), twice over
            // for 33...64.
            if n > 32 {
                copy16(target, source, at: 0)
                copy16(target, source, at: 16)
                copy16(target, source, at: n - 32)
                copy16(target, source, at: n - 16)
            } else {
                copy16(target, source, at: 0)
                copy16(target, source, at: n - 16)
            }
        } else if n >= 8 {
            target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8,
                              as: UInt64.self)
        } else if n >= 4 {
            target.storeBytes(of: source.loadUnaligned(as: UInt32.self), as: UInt32.self)
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self), toByteOffset: n - 4,
                              as: UInt32.self)
        } else {
            // 1...3 bytes: first, middle and last cover them all.
            target.storeBytes(of: source.load(as: UInt8.self), as: UInt8.self)
            target.storeBytes(of: source.load(fromByteOffset: n / 2, as: UInt8.self), toByteOffset: n / 2, as: UInt8.self)
            target.storeBytes(of: source.load(fromByteOffset: n - 1, as: UInt8.self), toByteOffset: n - 1, as: UInt8.self)
        }
    }

    @inline(__always)
    static func copy16(_ target: UnsafeMutableRawPointer, _ source: UnsafeRawPointer, at offset: Int) {
        target.storeBytes(of: source.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset,
                          as: UInt64.self)
        target.storeBytes(of: source.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self),
                          toByteOffset: offset + 8, as: UInt64.self)
    }

    @inlinable
    public mutating func append(_ bytes: ByteString) {
        append(UnsafeRawBufferPointer(bytes.buffer))
    }

    @inlinable
    public mutating func append(_ literal: StaticString) {
        append(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Disfavored so that a string literal goes to the `StaticString`
    /// overload (no String machinery linked in, no copy).
    @_disfavoredOverload
    public mutating func append(_ text: String) {
        var copy = text
        copy.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends a NUL-terminated C string.
    public mutating func append(cString: UnsafePointer<CChar>) {
        append(ByteString(cString: cString))
    }

    /// Appends a signed decimal number.
    public mutating func append(decimal value: Int64) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            append(decimal: UInt64(bitPattern: 0 &- value))
        } else {
            append(decimal: UInt64(value))
        }
    }

    @inlinable public mutating func append(decimal value: Int) { append(decimal: Int64(value)) }
    @inlinable public mutating func append(decimal value: UInt32) { append(decimal: UInt64(value)) }

    /// Appends an unsigned decimal number.
    public mutating func append(decimal value: UInt64) {
        var text = DecimalText(value)
        text.withByteString { append($0) }
    }

    /// Appends `value` in lowercase hexadecimal without leading zeros.
    public mutating func append(hex value: UInt64, minimumDigits: Int = 1) {
        let hexDigits: StaticString = "0123456789abcdef"
        var started = false
        var shift = 60
        while shift >= 0 {
            let nibble = Int((value >> UInt64(shift)) & 0xF)
            if nibble != 0 || started || shift / 4 < minimumDigits {
                started = true
                append(hexDigits.utf8Start[nibble])
            }
            shift -= 4
        }
    }

    /// Appends `byte` `count` times (column padding).
    public mutating func append(repeating byte: UInt8, count: Int) {
        // One memset per buffer's worth, not a call per byte (getconf -a pads
        // every name to 35 columns: thousands of bytes).
        var n = count
        while n > 0 {
            if used == capacity { flush() }
            let chunk = Swift.min(n, capacity - used)
            memset(storage + used, Int32(byte), chunk)
            used += chunk
            n -= chunk
        }
    }

    /// Writes out what is buffered. Returns false if any write so far failed.
    @discardableResult
    public mutating func flush() -> Bool {
        if used > 0 {
            write(UnsafeRawBufferPointer(start: storage, count: used))
            used = 0
        }
        return error == nil
    }

    @usableFromInline
    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        if error != nil { return }
        do {
            try descriptor.writeAll(bytes)
        } catch {
            self.error = error
        }
    }
}
