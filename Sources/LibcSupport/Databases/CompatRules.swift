/// How the `compat` source treats NIS directive lines of one database
/// (observed on the C library; there is no NIS here, so a directive that
/// would ask NIS makes the source unavailable at that point).
///
/// Common to all: a lookup by name stops as unavailable at `+` and at
/// `+NAME` for that name, and as not found at `-NAME` for that name; other
/// directives are passed over. Enumeration stops as unavailable at `+` and
/// `+NAME`; `-` lines are passed over.
public struct CompatRules: Sendable {
    /// Whether `+NAME` and `+@NETGROUP` stop a lookup by id (passwd: yes,
    /// group: only `+` does).
    public var namedIncludeStopsIDLookup: Bool
    /// Whether `+@NETGROUP` stops enumeration (passwd, shadow: yes; group
    /// has no netgroups and passes it over).
    public var netgroupStopsEnumeration: Bool

    public static let passwd = CompatRules(namedIncludeStopsIDLookup: true, netgroupStopsEnumeration: true)
    public static let group = CompatRules(namedIncludeStopsIDLookup: false, netgroupStopsEnumeration: false)
}

/// A NIS directive line as `compat` reads it.
enum CompatDirective {
    /// `+`: every NIS entry.
    case includeAll
    /// `+NAME` (with or without fields).
    case include(ByteString)
    /// `-NAME`.
    case exclude(ByteString)
    /// `+@NETGROUP`.
    case includeNetgroup
    /// `-@NETGROUP`, `-` alone.
    case excludeOther

    /// The directive of a line's content, or nil for an ordinary line.
    static func of(_ content: ByteString) -> CompatDirective? {
        guard RecordLine.isNISName(content) else { return nil }
        var name = content
        if let colon = content.firstIndex(of: UInt8(ascii: ":")) { name = content.prefix(colon) }
        let plus = name[0] == UInt8(ascii: "+")
        if name.count == 1 { return plus ? .includeAll : .excludeOther }
        if name[1] == UInt8(ascii: "@") { return plus ? .includeNetgroup : .excludeOther }
        return plus ? .include(name.dropFirst(1)) : .exclude(name.dropFirst(1))
    }

    /// Whether an enumeration under `compat` must stop at this directive
    /// (its entries would come from NIS, which is not available); the
    /// other directives are skipped.
    func endsEnumeration(under rules: CompatRules) -> Bool {
        switch self {
        case .includeAll, .include: return true
        case .includeNetgroup: return rules.netgroupStopsEnumeration
        case .excludeOther, .exclude: return false
        }
    }
}
