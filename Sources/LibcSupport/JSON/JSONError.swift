/// Why a byte string is not acceptable JSON.
public enum JSONError: Error, Equatable, Sendable {
    /// Bad syntax at the given byte offset.
    case syntax(offset: Int)
    /// Arrays/objects nested deeper than the parser's limit.
    case tooDeep
    /// Bytes after the value.
    case trailingData(offset: Int)
}
