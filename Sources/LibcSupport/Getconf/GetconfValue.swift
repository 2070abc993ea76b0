/// The answer for one name.
public enum GetconfValue: Equatable {
    case number(Int)
    case unsignedNumber(UInt)
    case text(ByteString)
    /// The name is valid but has no value here ("undefined").
    case undefined
    /// The path of a file system name could not be examined.
    case failure(Errno)

    /// Appends the value as `getconf NAME` prints it (without the newline).
    func append(to output: inout OutputBuffer) {
        switch self {
        case .number(let value): output.append(decimal: value)
        case .unsignedNumber(let value): output.append(decimal: UInt64(value))
        case .text(let text): output.append(text)
        case .undefined, .failure: output.append("undefined")
        }
    }

    /// Appends the value as `getconf -a` prints it: nothing when there is none.
    func appendListed(to output: inout OutputBuffer) {
        switch self {
        case .undefined, .failure: break
        default: append(to: &output)
        }
    }
}
