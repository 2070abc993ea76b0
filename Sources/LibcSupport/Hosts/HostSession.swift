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
    static func fileMatches(_ name: ByteString) -> [HostsMatch]? {
        guard let file = try? MappedFile(path: hostsPath) else { return nil }
        return HostsFile.matches(named: name, in: file.bytes)
    }

    /// `gethostbyname2(name, family)` through the switch. `matches` caches
    /// the file's answer so that both families come from one scan.
    public mutating func hostEntry(named name: ByteString, family: IPAddress.Family,
                                   matches: inout [HostsMatch]??) -> HostEntry? {
        var found: HostEntry? = nil
        let status = SwitchDriver.lookup(switchConfiguration) { source, _ in
            if source.isNamed("files") {
                if matches == nil { matches = .some(HostSession.fileMatches(name)) }
                guard let lines = matches! else { return .unavailable }
                found = HostsFile.hostEntry(from: lines, family: family, multiple: multiple())
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
    public mutating func hostEntry(address: IPAddress) -> HostEntry? {
        var found: HostEntry? = nil
        let status = SwitchDriver.lookup(switchConfiguration) { source, _ in
            if source.isNamed("files") {
                guard let file = try? MappedFile(path: HostSession.hostsPath) else { return .unavailable }
                found = HostsFile.hostEntry(address: address, in: file.bytes)
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
    /// (nil: both).
    public mutating func addressList(named name: ByteString, family: IPAddress.Family?) -> AddressList? {
        var found: AddressList? = nil
        var matches: [HostsMatch]?? = nil
        let status = SwitchDriver.lookup(switchConfiguration) { source, _ in
            if source.isNamed("files") {
                if matches == nil { matches = .some(HostSession.fileMatches(name)) }
                guard let lines = matches! else { return .unavailable }
                found = HostsFile.addressList(from: lines, family: family, multiple: multiple())
                return found == nil ? .notFound : .success
            }
            if source.isNamed("dns") {
                var dns = resolver()
                found = dns.addressList(named: name, wantV4: family != .v6, wantV6: family != .v4)
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

    /// Writes every line of /etc/hosts (our enumeration: the real address
    /// of each line, where glibc shows IPv4 only). Returns the exit status.
    public static func enumerate(in context: inout GetentContext) -> Int32 {
        let configuration = context.configuration(for: "hosts", default: "files dns")
        SwitchDriver.enumerate(configuration, begin: { source in
            if source.isNamed("files") {
                return (try? MappedFile(path: hostsPath)) == nil ? .unavailable : .success
            }
            if source.isNamed("dns") { return .success }
            return nil
        }, entries: { source in
            if source.isNamed("files") {
                guard let file = try? MappedFile(path: hostsPath) else { return .unavailable }
                for text in file.lines {
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
