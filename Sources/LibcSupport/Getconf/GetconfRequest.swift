/// What a getconf command line asks for.
///
/// The grammar is glibc's, observed by running it: `--help` and `--version`
/// count only as the first argument; then an optional `-v SPEC` (or
/// `-vSPEC`); then `-a [PATH]`, or an optional `--` followed by `NAME [PATH]`.
/// Anything else (`-h`, `-x`) is taken as a variable name.
public enum GetconfRequest {
    case help
    case version
    /// Wrong number of arguments.
    case usage
    /// `-a`: every listed variable, file system ones for `path`.
    case all(specification: ByteString?, path: UnsafePointer<CChar>)
    /// One variable; `pathIndex` is the argument holding its path, if any.
    case one(specification: ByteString?, name: ByteString, pathIndex: Int?)

    /// Reads the command line (`arguments[0]` is the program name).
    public init(_ arguments: Arguments) {
        let count = arguments.count
        if count > 1 {
            let first = arguments[1]
            if first == ByteString("--help") { self = .help; return }
            if first == ByteString("--version") { self = .version; return }
        }
        var index = 1
        var specification: ByteString? = nil
        if index < count && arguments[index].hasPrefix(ByteString("-v")) {
            let option = arguments[index]
            if option.count == 2 {
                guard index + 1 < count else { self = .usage; return }
                specification = arguments[index + 1]
                index += 2
            } else {
                specification = option.dropFirst(2)
                index += 1
            }
        }
        if index < count && arguments[index] == ByteString("-a") {
            switch count - index - 1 {
            case 0: self = .all(specification: specification, path: SmallFile.cString("/"))
            case 1: self = .all(specification: specification, path: arguments.cString(index + 1))
            default: self = .usage
            }
            return
        }
        if index < count && arguments[index] == ByteString("--") { index += 1 }
        switch count - index {
        case 1: self = .one(specification: specification, name: arguments[index], pathIndex: nil)
        case 2: self = .one(specification: specification, name: arguments[index], pathIndex: index + 1)
        default: self = .usage
        }
    }
}
