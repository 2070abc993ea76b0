import CLibc

/// The `myhostname` answers in the forms the hosts databases print.
extension LocalHostNameAnswer {
    /// A `gethostbyname2`/`gethostbyaddr` entry: canonical name, aliases,
    /// addresses (no zones: `getent hosts` prints none).
    public var hostEntry: HostEntry {
        var entry = HostEntry()
        for name in [canonicalName] + aliases {
            name.withUnsafeBufferPointer { entry.names.append(bytes: $0) }
        }
        for address in addresses {
            if let ip = address.bytes.withUnsafeBytes({ IPAddress.fromBytes($0) }) { entry.addresses.append(ip) }
        }
        return entry
    }

    /// A `getaddrinfo` answer. With `zones`, link-local IPv6 addresses carry
    /// their interface as zone: the C library gets them so when it asks for
    /// both families at once (`ahosts`), not for one (`ahostsv6`, observed).
    public func addressList(zones: Bool) -> AddressList {
        var list = AddressList()
        canonicalName.withUnsafeBufferPointer { list.canonicalName.append(bytes: $0) }
        for address in addresses {
            guard var ip = address.bytes.withUnsafeBytes({ IPAddress.fromBytes($0) }) else { continue }
            if zones && address.isLinkLocalIPv6 { ip.scopeID = address.interfaceIndex }
            list.addresses.append(ip)
        }
        return list
    }
}

extension LocalHostNames {
    /// The family constant for a hosts-database family (nil: both).
    public static func family(_ family: IPAddress.Family?) -> Int32 {
        switch family {
        case .v4?: return AF_INET
        case .v6?: return AF_INET6
        case nil: return AF_UNSPEC
        }
    }

    /// The reverse lookup of an address of the hosts databases.
    public func reverse(_ address: IPAddress) -> LocalHostNameAnswer? {
        var bytes: [UInt8] = []
        for i in 0..<address.byteCount { bytes.append(address.byte(i)) }
        return reverse(address: LocalAddress(family: address.family == .v4 ? AF_INET : AF_INET6, bytes: bytes))
    }
}
