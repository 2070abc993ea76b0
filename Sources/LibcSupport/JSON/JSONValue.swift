/// A parsed JSON value (RFC 8259), as systemd's varlink services and user
/// records use it.
///
/// Strings and numbers keep their bytes: user records are ASCII/UTF-8 text
/// that ends up verbatim in passwd lines, and numbers are read as unsigned
/// integers (ids, microsecond timestamps) only where a field needs one.
public enum JSONValue {
    case null
    case bool(Bool)
    /// The number's text as it appeared (validated JSON number syntax).
    case number([UInt8])
    /// The unescaped string, UTF-8.
    case string([UInt8])
    case array([JSONValue])
    /// Members in document order (the first of duplicate keys wins on lookup).
    case object([JSONMember])

    /// The member named `key` of an object, or nil (also for a non-object).
    public subscript(key: StaticString) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        let wanted = ByteString(key)
        for member in members where member.key.count == wanted.count {
            let same = member.key.withUnsafeBufferPointer {
                ByteString(start: $0.baseAddress, count: $0.count) == wanted
            }
            if same { return member.value }
        }
        return nil
    }

    /// The member named by `key` bytes (for keys known only at run time,
    /// such as a machine id in a `binding` object).
    public func member(_ key: [UInt8]) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for member in members where member.key == key { return member.value }
        return nil
    }

    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    public var stringValue: [UInt8]? {
        if case .string(let bytes) = self { return bytes }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    public var objectValue: [JSONMember]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The value as an unsigned 64-bit integer: a number written as plain
    /// decimal digits that fits; nil for fractions, exponents, negatives,
    /// overflow and non-numbers.
    public var unsignedValue: UInt64? {
        guard case .number(let text) = self else { return nil }
        return text.withUnsafeBufferPointer {
            ByteString(start: $0.baseAddress, count: $0.count).parseDecimal()
        }
    }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember {
    public let key: [UInt8]
    public let value: JSONValue

    public init(key: [UInt8], value: JSONValue) {
        self.key = key
        self.value = value
    }
}
