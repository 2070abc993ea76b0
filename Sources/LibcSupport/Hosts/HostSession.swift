/// What the host databases share during one `getent` call: the switch
/// configuration of `hosts`, `/etc/host.conf`, and the DNS resolver (set up
/// on first use, so a lookup answered by /etc/hosts never reads resolv.conf).
public struct HostSession {
    public var switchConfiguration: SwitchConfiguration
    var hostConfiguration: HostConfiguration?
    var dns: DNSLookup?

    public static let hostsPath: StaticString = "/etc/hosts"

    public init(context: borrowing GetentContext) {
        switchConfiguration = context.configuration(for: "hosts", default: "files dns")
    }

    mutating func multiple() -> Bool {
        if hostConfiguration == nil { hostConfiguration = HostConfiguration.load() }
        return hostConfiguration!.multiple
    }

    mutating func resolver() -> DNSLookup {
        if dns == nil { dns = DNSLookup(configuration: ResolverConfiguration.load()) }
        return dns!
    }

    /// The lines of /etc/hosts naming `name`; nil when the file cannot be read.
    static func fileMatches(_ name: ByteString, context: inout GetentContext) -> HostsLines? {
        guard let bytes = context.contents(of: hostsPath) else { return nil }
        return HostsFile.matches(named: name, in: bytes)
    }

    /// `gethostbyname2(name, family)` through the switch. `matches` caches
    /// the file's answer so that both families come from one scan.
    public mutating func hostEntry(named name: ByteString, family: IPAddress.Family,
                                   matches: inout HostsLines??, context: inout GetentContext) -> HostEntry? {
        var found: HostEntry? = nil
        let status = SwitchDriver.lookup(switchConfiguration) { source, _ in
            if source.isNamed("files") {
                if matches == nil { matches = .some(HostSession.fileMatches(name, context: &context)) }
                guard let lines = matches! else { return .unavailable }
                found = HostsFile.hostEntry(from: lines, family: family, multiple: { multiple() })
                return found == nil ? .notFound : .success
            }
            if source.isNamed("dns") {
                var dns = resolver()
                found = dns.hostEntry(named: name, family: family)
                self.dns = dns
                return found == nil ? .notFound : .success
            }
            if source.isNamed("myhostname") {
                found = LocalHostNames.system().lookup(name: name, family: LocalHostNames.family(family))?.hostEntry
                return found == nil ? .notFound : .success
            }
            return nil
        }
        return status == .success ? found : nil
    }

    /// `gethostbyaddr(address)` through the switch.
    public mutating func hostEntry(address: IPAddress, context: inout GetentContext) -> HostEntry? {
        var found: HostEntry? = nil
        let status = SwitchDriver.lookup(switchConfiguration) { source, _ in
            if source.isNamed("files") {
                guard let bytes = context.contents(of: HostSession.hostsPath) else { return .unavailable }
                found = HostsFile.hostEntry(address: address, in: bytes)
                return found == nil ? .notFound : .success
            }
            if source.isNamed("dns") {
                var dns = resolver()
                found = dns.hostEntry(address: address)
                self.dns = dns
                return found == nil ? .notFound : .success
            }
            if source.isNamed("myhostname") {
                found = LocalHostNames.system().reverse(address)?.hostEntry
                return found == nil ? .notFound : .success
            }
            return nil
        }
        return status == .success ? found : nil
    }

    /// The `getaddrinfo` lookup of a name through the switch for `family`
    /// (nil: both). With `mapV4` (an IPv6 lookup with `AI_V4MAPPED`) each
    /// source that has no IPv6 address answers with its IPv4 addresses,
    /// mapped; IPv4-mapped addresses a source lists as IPv6 are dropped
    /// (glibc's behaviour: `::ffff:a.b.c.d` lines never show in ahostsv6).
    public mutating func addressList(named name: ByteString, family: IPAddress.Family?, mapV4: Bool = false,
                                     context: inout GetentContext) -> AddressList? {
        var found: AddressList? = nil
        var matches: HostsLines?? = nil
        let status = SwitchDriver.lookup(switchConfiguration) { source, _ in
            if source.isNamed("files") {
                if matches == nil { matches = .some(HostSession.fileMatches(name, context: &context)) }
                guard let lines = matches! else { return .unavailable }
                found = HostsFile.addressList(from: lines, family: family, multiple: { multiple() })
                if mapV4 {
                    found = HostSession.mapped(found) { HostsFile.addressList(from: lines, family: .v4, multiple: { multiple() }) }
                }
                return found == nil ? .notFound : .success
            }
            if source.isNamed("dns") {
                var dns = resolver()
                found = dns.addressList(named: name, wantV4: family != .v6, wantV6: family != .v4)
                if mapV4 {
                    found = HostSession.mapped(found) { dns.addressList(named: name, wantV4: true, wantV6: false) }
                }
                self.dns = dns
                return found == nil ? .notFound : .success
            }
            if source.isNamed("myhostname") {
                found = LocalHostNames.system().lookup(name: name, family: LocalHostNames.family(family))?.addressList(zones: family == nil)
                return found == nil ? .notFound : .success
            }
            return nil
        }
        return status == .success ? found : nil
    }

    /// A source's `AI_V4MAPPED` answer: its IPv6 answer without mapped
    /// addresses, or else its IPv4 answer mapped.
    static func mapped(_ v6: AddressList?, _ v4: () -> AddressList?) -> AddressList? {
        if var list = v6 {
            list.addresses.removeAll { $0.isV4Mapped }
            return list
        }
        guard var list = v4() else { return nil }
        for i in 0..<list.addresses.count { list.addresses[i] = list.addresses[i].v4Mapped }
        return list
    }

    /// Writes every line of /etc/hosts (our enumeration: the real address
    /// of each line, where glibc shows IPv4 only). Returns the exit status.
    public static func enumerate(in context: inout GetentContext) -> Int32 {
        let configuration = context.configuration(for: "hosts", default: "files dns")
        SwitchDriver.enumerate(configuration, begin: { source in
            if source.isNamed("files") {
                return context.contents(of: hostsPath) == nil ? .unavailable : .success
            }
            if source.isNamed("dns") { return .success }
            return nil
        }, entries: { source in
            if source.isNamed("files") {
                guard let bytes = context.contents(of: hostsPath) else { return .unavailable }
                for text in LineSequence(bytes) {
                    guard let line = HostsLine(text) else { continue }
                    HostEntry.writeAddressColumn(line.address, to: &context.output)
                    context.output.append(line.canonicalName)
                    for alias in line.aliases {
                        context.output.append(UInt8(ascii: " "))
                        context.output.append(alias)
                    }
                    context.output.append(UInt8(ascii: "\n"))
                }
                return .notFound
            }
            if source.isNamed("dns") { return .notFound }
            return nil
        })
        return 0
    }
}
