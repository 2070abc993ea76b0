/// The process's command-line arguments, viewed without copying.
public struct Arguments {
    public let count: Int
    @usableFromInline let vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

    public init(count: Int32, vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) {
        self.count = Int(count)
        self.vector = vector
    }

    /// Argument `index` as bytes (index 0 is the program name).
    @inlinable
    public subscript(index: Int) -> ByteString {
        ByteString(cString: vector[index]!)
    }

    /// Argument `index` as the C string the kernel passed (for system calls).
    @inlinable
    public func cString(_ index: Int) -> UnsafePointer<CChar> {
        UnsafePointer(vector[index]!)
    }
}

