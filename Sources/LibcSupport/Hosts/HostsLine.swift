/// One line of `/etc/hosts`: `ADDRESS NAME [ALIAS...] [# comment]`.
///
/// As the C library does, a `#` anywhere starts a comment (even inside a
/// field: `10.0.0.8#x name` is the address 10.0.0.8 with no name), fields
/// are separated by any whitespace, and a line whose first field is not an
/// `inet_pton` address is skipped; that includes an IPv6 address with a zone
/// (`fe80::1%eth0`), which glibc's parser rejects too. A line may have an
/// address and no name. A NUL byte ends the line, as in the C library.
public struct HostsLine {
    public let address: IPAddress
    /// The names after the address (canonical name first), comment removed.
    public let names: ByteString
    /// The whole line as given.
    public let text: ByteString

    /// Parses `line`; nil for blank, comment-only and malformed lines.
    public init?(_ line: ByteString) {
        var text = line
        // The C library reads lines as C strings: a NUL ends the line.
        if let nul = text.firstIndex(of: 0) { text = text.prefix(nul) }
        if let hash = text.firstIndex(of: UInt8(ascii: "#")) { text = text.prefix(hash) }
        var fields = HostNames(text)
        guard let first = fields.next(), let address = IPAddress.parse(first) else { return nil }
        self.address = address
        self.names = fields.rest
        self.text = line
    }

    /// The canonical name (empty when the line has none).
    public var canonicalName: ByteString {
        var it = HostNames(names)
        return it.next() ?? .empty
    }

    /// The names after the canonical name.
    public var aliases: HostNames {
        var it = HostNames(names)
        _ = it.next()
        return it
    }

    /// Whether `key` is one of the line's names (ASCII case-insensitive, as
    /// the C library compares host names).
    public func hasName(_ key: ByteString) -> Bool {
        for name in HostNames(names) where name.equalsIgnoringASCIICase(key) { return true }
        return false
    }

    /// The address as a lookup of `family` sees it: IPv4 lookups see `::1`
    /// as 127.0.0.1 and `::ffff:a.b.c.d` as a.b.c.d and skip other IPv6
    /// lines; IPv6 lookups skip IPv4 lines; nil family means both.
    public func address(for family: IPAddress.Family?) -> IPAddress? {
        HostsLine.address(address, for: family)
    }

    static func address(_ address: IPAddress, for family: IPAddress.Family?) -> IPAddress? {
        guard let family else { return address }
        if family == address.family { return address }
        if family == .v4 {
            if address.isV6Loopback { return IPAddress(v4: 0x7F00_0001) }
            if address.isV4Mapped { return IPAddress(v4: UInt32(truncatingIfNeeded: address.low)) }
        }
        return nil
    }
}
