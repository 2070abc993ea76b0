/// The keys given after the database name (the operands left once options
/// are taken out of the command line).
public struct GetentKeys {
    @usableFromInline let arguments: Arguments
    @usableFromInline let first: Int
    /// How many keys there are.
    public let count: Int

    init(arguments: Arguments, first: Int, count: Int) {
        self.arguments = arguments
        self.first = first
        self.count = count
    }

    @inlinable public var isEmpty: Bool { count == 0 }

    /// Key `index` (0-based) as bytes.
    @inlinable
    public subscript(index: Int) -> ByteString {
        precondition(index >= 0 && index < count)
        return arguments[first + index]
    }

    /// Key `index` as the C string given (for system calls).
    @inlinable
    public func cString(_ index: Int) -> UnsafePointer<CChar> {
        arguments.cString(first + index)
    }

    /// A database's default answer to a call: enumerates without keys;
    /// otherwise looks every key up in order and returns 2 if any was not
    /// found (all are still processed). Not generic and not inlined, so one
    /// copy serves every database.
    @inline(never)
    static func run(_ keys: GetentKeys, in context: inout GetentContext,
                    lookup: (ByteString, inout GetentContext) -> Bool,
                    enumerate: (inout GetentContext) -> Int32) -> Int32 {
        if keys.isEmpty { return enumerate(&context) }
        var status: Int32 = 0
        for index in 0..<keys.count where !lookup(keys[index], &context) {
            status = 2
        }
        return status
    }
}
