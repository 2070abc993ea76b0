/// The address-selection tables of RFC 6724 as glibc applies them: label,
/// precedence and IPv4 scope, each a list of prefixes matched longest first.
/// The defaults are glibc's (documented in gai.conf(5)); `/etc/gai.conf`
/// replaces a whole table when it has at least one line of that kind.
public struct AddressPolicy {
    /// One row: a 128-bit prefix (IPv4 rows are IPv4-mapped) and its value.
    public struct Rule: Sendable {
        public var high: UInt64
        public var low: UInt64
        public var length: Int
        public var value: Int

        public init(high: UInt64, low: UInt64, length: Int, value: Int) {
            self.high = high
            self.low = low
            self.length = length
            self.value = value
        }

        /// Whether the 128-bit value `(h, l)` falls in this prefix.
        @inlinable
        public func matches(_ h: UInt64, _ l: UInt64) -> Bool {
            if length == 0 { return true }
            if length <= 64 {
                let mask: UInt64 = length == 64 ? ~0 : ~(~0 >> UInt64(length))
                return h & mask == high & mask
            }
            if h != high { return false }
            let rest = length - 64
            let mask: UInt64 = rest == 64 ? ~0 : ~(~0 >> UInt64(rest))
            return l & mask == low & mask
        }
    }

    public var labels: [Rule]
    public var precedences: [Rule]
    public var scopes: [Rule]

    public static let defaultLabels: [Rule] = [
        Rule(high: 0, low: 1, length: 128, value: 0),                       // ::1/128
        Rule(high: 0x2002_0000_0000_0000, low: 0, length: 16, value: 2),    // 2002::/16
        Rule(high: 0, low: 0, length: 96, value: 3),                        // ::/96
        Rule(high: 0, low: 0xFFFF_0000_0000, length: 96, value: 4),         // ::ffff:0:0/96
        Rule(high: 0xFEC0_0000_0000_0000, low: 0, length: 10, value: 5),    // fec0::/10
        Rule(high: 0xFC00_0000_0000_0000, low: 0, length: 7, value: 6),     // fc00::/7
        Rule(high: 0x2001_0000_0000_0000, low: 0, length: 32, value: 7),    // 2001::/32
        Rule(high: 0, low: 0, length: 0, value: 1),                         // ::/0
    ]

    public static let defaultPrecedences: [Rule] = [
        Rule(high: 0, low: 1, length: 128, value: 50),
        Rule(high: 0x2002_0000_0000_0000, low: 0, length: 16, value: 30),
        Rule(high: 0, low: 0, length: 96, value: 20),
        Rule(high: 0, low: 0xFFFF_0000_0000, length: 96, value: 10),
        Rule(high: 0, low: 0, length: 0, value: 40),
    ]

    public static let defaultScopes: [Rule] = [
        Rule(high: 0, low: 0xFFFF_A9FE_0000, length: 112, value: 2),        // 169.254/16
        Rule(high: 0, low: 0xFFFF_7F00_0000, length: 104, value: 2),        // 127/8
        Rule(high: 0, low: 0xFFFF_0000_0000, length: 96, value: 14),
    ]

    public init() {
        labels = AddressPolicy.defaultLabels
        precedences = AddressPolicy.defaultPrecedences
        scopes = AddressPolicy.defaultScopes
    }

    static func lookup(_ rules: [Rule], _ address: IPAddress, otherwise: Int) -> Int {
        let (h, l) = address.bits128
        var best = -1
        var value = otherwise
        for rule in rules where rule.length > best && rule.matches(h, l) {
            best = rule.length
            value = rule.value
        }
        return value
    }

    public func label(_ address: IPAddress) -> Int { AddressPolicy.lookup(labels, address, otherwise: 1) }
    public func precedence(_ address: IPAddress) -> Int { AddressPolicy.lookup(precedences, address, otherwise: 40) }

    /// RFC 6724 scope: from the multicast field, link-local (`fe80::/10`
    /// and the loopback), site-local (`fec0::/10`), global otherwise; IPv4
    /// from the scopev4 table.
    public func scope(_ address: IPAddress) -> Int {
        let v6 = address.family == .v6 ? address : address.v4Mapped
        if v6.isV4Mapped { return AddressPolicy.lookup(scopes, v6, otherwise: 14) }
        let top = v6.high >> 56
        if top == 0xFF { return Int((v6.high >> 48) & 0xF) }
        let ten = v6.high >> 54
        if ten == 0x3FA { return 2 }           // fe80::/10
        if v6.isV6Loopback { return 2 }
        if ten == 0x3FB { return 5 }           // fec0::/10
        return 14
    }

    /// Parses `/etc/gai.conf` (`label`, `precedence`, `scopev4` lines: a
    /// prefix `ADDRESS/LENGTH` and a value; `#` starts a comment). A kind
    /// with at least one valid line replaces that default table.
    public init(parsing bytes: ByteString) {
        self.init()
        var newLabels: [Rule] = [], newPrecedences: [Rule] = [], newScopes: [Rule] = []
        for var line in LineSequence(bytes) {
            if let hash = line.firstIndex(of: UInt8(ascii: "#")) { line = line.prefix(hash) }
            var words = HostNames(line)
            guard let keyword = words.next(), let prefix = words.next(), let number = words.next(),
                  let value = number.parseDecimal(limit: UInt64(Int32.max)) else { continue }
            let isScope = keyword == ByteString("scopev4")
            guard let rule = AddressPolicy.parsePrefix(prefix, value: Int(value), v4Allowed: isScope) else { continue }
            if keyword == ByteString("label") {
                newLabels.append(rule)
            } else if keyword == ByteString("precedence") {
                newPrecedences.append(rule)
            } else if isScope {
                newScopes.append(rule)
            }
        }
        if !newLabels.isEmpty { labels = newLabels }
        if !newPrecedences.isEmpty { precedences = newPrecedences }
        if !newScopes.isEmpty { scopes = newScopes }
    }

    /// `ADDRESS/LENGTH` (IPv6; an IPv4 address for scopev4, mapped); a
    /// missing length means the whole address.
    static func parsePrefix(_ text: ByteString, value: Int, v4Allowed: Bool) -> Rule? {
        var addressText = text
        var length: Int? = nil
        if let slash = text.firstIndex(of: UInt8(ascii: "/")) {
            addressText = text.prefix(slash)
            guard let n = text.dropFirst(slash + 1).parseDecimal(limit: 128) else { return nil }
            length = Int(n)
        }
        if let v6 = IPAddress.parseV6(addressText) {
            return Rule(high: v6.high, low: v6.low, length: length ?? 128, value: value)
        }
        if v4Allowed, let v4 = IPAddress.parseV4(addressText) {
            let bits = length ?? 32
            if bits > 32 { return nil }
            let mapped = IPAddress(v4: v4).v4Mapped
            return Rule(high: mapped.high, low: mapped.low, length: 96 + bits, value: value)
        }
        return nil
    }

    /// The tables from `/etc/gai.conf`, or the defaults when it is missing.
    public static func load() -> AddressPolicy {
        guard let bytes = try? RetainedFile.contents(of: "/etc/gai.conf") else { return AddressPolicy() }
        return AddressPolicy(parsing: bytes)
    }
}
