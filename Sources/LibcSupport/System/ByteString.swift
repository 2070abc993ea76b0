import CLibc

/// A borrowed run of bytes: a command-line argument, a line of a mapped file,
/// or a field of that line. No copy, no heap; valid while its owner lives.
///
/// Parsers work on these instead of `String` so that a lookup touches only
/// the bytes it needs and start-up allocates nothing.
public struct ByteString: Equatable, Hashable, @unchecked Sendable {
    public let start: UnsafePointer<UInt8>?
    public let count: Int

    @inlinable
    public init(start: UnsafePointer<UInt8>?, count: Int) {
        self.start = start
        self.count = count
    }

    /// Views a NUL-terminated C string (for example an `argv` element).
    @inlinable
    public init(cString: UnsafePointer<CChar>) {
        var length = 0
        while cString[length] != 0 { length += 1 }
        self.init(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: length)
    }

    /// Views the bytes of a static string literal.
    @inlinable
    public init(_ literal: StaticString) {
        self.init(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    }

    public static var empty: ByteString { ByteString(start: nil, count: 0) }

    @inlinable public var isEmpty: Bool { count == 0 }

    @inlinable
    public var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    @inlinable
    public subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < count)
        return start![index]
    }

    /// The bytes from `lower` up to, not including, `upper`.
    @inlinable
    public func slice(_ lower: Int, _ upper: Int) -> ByteString {
        precondition(lower >= 0 && lower <= upper && upper <= count)
        return ByteString(start: start.map { $0 + lower }, count: upper - lower)
    }

    @inlinable public func dropFirst(_ n: Int) -> ByteString { slice(Swift.min(n, count), count) }
    @inlinable public func prefix(_ n: Int) -> ByteString { slice(0, Swift.min(n, count)) }

    /// The index of the first `byte`, or nil.
    @inlinable
    public func firstIndex(of byte: UInt8, from: Int = 0) -> Int? {
        var i = from
        while i < count {
            if start![i] == byte { return i }
            i += 1
        }
        return nil
    }

    @inlinable
    public func hasPrefix(_ other: ByteString) -> Bool {
        other.count <= count && prefix(other.count) == other
    }

    @inlinable
    public static func == (lhs: ByteString, rhs: ByteString) -> Bool {
        if lhs.count != rhs.count { return false }
        if lhs.count == 0 { return true }
        return memcmp(lhs.start!, rhs.start!, lhs.count) == 0
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for i in 0..<count { hasher.combine(start![i]) }
    }

    /// Compares ignoring ASCII case (host names, service protocols).
    @inlinable
    public func equalsIgnoringASCIICase(_ other: ByteString) -> Bool {
        if count != other.count { return false }
        for i in 0..<count where ASCII.lowercase(start![i]) != ASCII.lowercase(other.start![i]) {
            return false
        }
        return true
    }

    /// Parses the whole run as an unsigned decimal number no greater than
    /// `limit`; nil for an empty run, any other byte, or overflow.
    @inlinable
    public func parseDecimal(limit: UInt64 = UInt64.max) -> UInt64? {
        if count == 0 { return nil }
        var value: UInt64 = 0
        for i in 0..<count {
            let digit = start![i] &- 0x30
            if digit > 9 { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(digit))
            if o1 || o2 || sum > limit { return nil }
            value = sum
        }
        return value
    }

    /// A copy as a Swift `String` (for tests and diagnostics, not hot paths).
    public var string: String {
        String(decoding: buffer, as: UTF8.self)
    }
}

/// Byte-level character classes; the databases are ASCII formats.
public enum ASCII {
    @inlinable public static func lowercase(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
    @inlinable public static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    /// Space or tab: the field separators of the whitespace-separated files.
    @inlinable public static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    /// isspace() in the C locale.
    @inlinable public static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
}
