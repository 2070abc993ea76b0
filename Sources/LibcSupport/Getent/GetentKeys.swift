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
}
