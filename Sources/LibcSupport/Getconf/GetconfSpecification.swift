/// The compilation environments `getconf -v` names: `POSIX_V7_LP64_OFF64`
/// and the other `POSIX_V7_*`, `POSIX_V6_*` and `XBS5_*` specifications.
///
/// Each has an availability variable of the same name with a leading
/// underscore (`_POSIX_V7_LP64_OFF64`), which is 1 when this system supports
/// it; getconf answers in that environment only if it does.
public enum GetconfSpecification {
    /// Whether getconf can answer for a specification.
    public enum Status: Equatable {
        case supported
        /// A specification this system does not provide (e.g. 32-bit).
        case unsupported
        /// Not the name of a specification at all.
        case unknown
    }

    static let families: (StaticString, StaticString, StaticString) = ("POSIX_V7_", "POSIX_V6_", "XBS5_")

    /// Whether `name` is a specification, and one this system supports.
    public static func status(of name: ByteString) -> Status {
        let isSpecificationName = name.hasPrefix(ByteString(families.0)) || name.hasPrefix(ByteString(families.1))
            || name.hasPrefix(ByteString(families.2))
        guard isSpecificationName else { return .unknown }
        for variable in GetconfVariable.all where variable.kind == .system {
            let availability = ByteString(variable.name)
            guard availability.count == name.count + 1, availability[0] == UInt8(ascii: "_"),
                  availability.dropFirst(1) == name else { continue }
            if case .number(let value) = variable.source, value > 0 { return .supported }
            return .unsupported
        }
        return .unknown
    }
}
