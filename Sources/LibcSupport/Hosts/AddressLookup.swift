/// `getent ahosts`, `ahostsv4`, `ahostsv6`: glibc's `getaddrinfo` with
/// `AI_CANONNAME`, `AI_ADDRCONFIG` (unless `-A`), `AI_IDN` and `AI_CANONIDN`
/// (unless `-i`), and for ahostsv6 `AI_V4MAPPED`; answers sorted by RFC 6724.
public enum AddressLookup {
    /// Looks `key` up for `requested` (nil: any family) and prints the answer.
    public static func lookup(_ key: ByteString, family requested: IPAddress.Family?,
                              in context: inout GetentContext) -> Bool {
        // AI_ADDRCONFIG: a family counts when a non-loopback address of it
        // is configured; a lookup of both families is narrowed to the one
        // present (neither present: both), a one-family lookup fails.
        var family = requested
        // The interface addresses, read once (netlink) for both
        // AI_ADDRCONFIG and the address sorting.
        var interfaces: [(IPAddress, Int)]? = nil
        if !context.noAddressConfiguration {
            var seenV4 = false, seenV6 = false
            var list: [(IPAddress, Int)] = []
            NetworkInterfaces.forEachAddress { address, prefix in
                list.append((address, prefix))
                if address.family == .v4 {
                    if address.v4Value >> 24 != 127 { seenV4 = true }
                } else if !address.isV6Loopback {
                    seenV6 = true
                }
            }
            interfaces = list
            switch requested {
            case nil:
                if seenV4 && !seenV6 { family = .v4 }
                if seenV6 && !seenV4 { family = .v6 }
            case .v4?:
                if !seenV4 { return false }
            case .v6?:
                if !seenV6 { return false }
            }
        }
        let mapV4 = requested == .v6
        var list: AddressList
        if let numeric = numericAnswer(key, family: family, mapV4: mapV4) {
            list = numeric
        } else {
            if IPAddress.parseLegacyV4(key) != nil || parseScoped(key) != nil { return false }
            var name = [UInt8](key.buffer)
            if !context.noIDN && IDNA.needsConversion(key) {
                guard let ascii = IDNA.toASCII(key) else { return false }
                name = ascii
            }
            var session = HostSession(context: context)
            let found: AddressList? = name.withUnsafeBufferPointer { buffer in
                let lookupName = ByteString(start: buffer.baseAddress, count: buffer.count)
                return session.addressList(named: lookupName, family: family, mapV4: mapV4, context: &context)
            }
            guard let found, !found.addresses.isEmpty else { return false }
            list = found
            if !context.noIDN && !list.canonicalName.isEmpty {
                let unicode = list.canonicalName.withName(0) { IDNA.toUnicode($0) }
                list.canonicalName = NameList()
                unicode.withUnsafeBufferPointer { list.canonicalName.append(bytes: $0) }
            }
        }
        if list.addresses.count > 1 {
            AddressSorter(policy: AddressPolicy.load()).sort(&list.addresses, interfaces: interfaces)
        }
        list.write(to: &context.output)
        return true
    }

    /// A numeric host: an inet_aton IPv4 number or IPv6 text with an
    /// optional `%scope`, converted for `family`; the canonical name is the
    /// key as given.
    static func numericAnswer(_ key: ByteString, family: IPAddress.Family?, mapV4: Bool) -> AddressList? {
        var address: IPAddress
        if let v4 = IPAddress.parseLegacyV4(key) {
            address = IPAddress(v4: v4)
            if family == .v6 {
                guard mapV4 else { return nil }
                address = address.v4Mapped
            }
        } else if let v6 = parseScoped(key) {
            address = v6
            if family == .v4 {
                guard v6.isV4Mapped else { return nil }
                address = IPAddress(v4: UInt32(truncatingIfNeeded: v6.low))
            }
        } else {
            return nil
        }
        var list = AddressList()
        list.addresses.append(address)
        list.canonicalName.append(key)
        return list
    }

    /// IPv6 text with an optional `%interface` or `%number` scope.
    ///
    /// A number is a scope for any address; an interface name only for
    /// addresses whose scope is a link: link-local unicast (fe80::/10) and
    /// interface- or link-local multicast (ffx1::, ffx2::). The C library
    /// rejects `::1%lo` or `2001:db8::1%eth0` (observed), so do we.
    static func parseScoped(_ key: ByteString) -> IPAddress? {
        guard let percent = key.firstIndex(of: UInt8(ascii: "%")) else { return IPAddress.parseV6(key) }
        guard var address = IPAddress.parseV6(key.prefix(percent)) else { return nil }
        let zone = key.dropFirst(percent + 1)
        if zone.isEmpty || !ASCII.isDigit(zone[0]) {
            let linkLocal = address.byte(0) == 0xFE && address.byte(1) & 0xC0 == 0x80
            let linkMulticast = address.byte(0) == 0xFF && (address.byte(1) & 0x0F == 1 || address.byte(1) & 0x0F == 2)
            if !linkLocal && !linkMulticast { return nil }
        }
        guard let scope = NetworkInterfaces.index(named: zone) else { return nil }
        address.scopeID = scope
        return address
    }
}

public enum AHostsDatabase: GetentDatabase {
    public static let name: StaticString = "ahosts"
    public static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        AddressLookup.lookup(key, family: nil, in: &context)
    }
    public static func enumerate(in context: inout GetentContext) -> Int32 { HostSession.enumerate(in: &context) }
}

public enum AHostsV4Database: GetentDatabase {
    public static let name: StaticString = "ahostsv4"
    public static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        AddressLookup.lookup(key, family: .v4, in: &context)
    }
    public static func enumerate(in context: inout GetentContext) -> Int32 { HostSession.enumerate(in: &context) }
}

public enum AHostsV6Database: GetentDatabase {
    public static let name: StaticString = "ahostsv6"
    public static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        AddressLookup.lookup(key, family: .v6, in: &context)
    }
    public static func enumerate(in context: inout GetentContext) -> Int32 { HostSession.enumerate(in: &context) }
}
