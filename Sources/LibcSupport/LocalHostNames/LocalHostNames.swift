import CLibc

/// The `myhostname` source of the hosts database, as systemd's NSS module
/// defines it:
/// - the machine's host name resolves to its configured addresses (global
///   scope first), or to 127.0.0.2 and ::1 when it has none;
/// - `localhost`, `localhost.localdomain` and names ending in `.localhost`
///   or `.localhost.localdomain` (any case) resolve to 127.0.0.1 and ::1;
/// - `_gateway` resolves to the default gateways, `_outbound` to the local
///   addresses the kernel picks to reach them;
/// - and the addresses resolve back to those names.
///
/// A name may end in one dot. The machine's state (host name, addresses,
/// routes) is read only when a lookup needs it, through the closures, so
/// tests can give a fixed machine.
public struct LocalHostNames {
    public var hostName: () -> [UInt8]?
    public var localAddresses: () -> [LocalAddress]
    public var gateways: () -> [LocalAddress]
    public var outboundAddress: (LocalAddress) -> LocalAddress?

    public init(hostName: @escaping () -> [UInt8]?, localAddresses: @escaping () -> [LocalAddress],
                gateways: @escaping () -> [LocalAddress], outboundAddress: @escaping (LocalAddress) -> LocalAddress?) {
        self.hostName = hostName
        self.localAddresses = localAddresses
        self.gateways = gateways
        self.outboundAddress = outboundAddress
    }

    /// This machine, read from the kernel.
    public static func system() -> LocalHostNames {
        LocalHostNames(hostName: { LocalMachine.hostName() }, localAddresses: { LocalAddressList.current() },
                       gateways: { DefaultGateways.current() }, outboundAddress: outbound)
    }

    static func outbound(_ gateway: LocalAddress) -> LocalAddress? {
        var local = [UInt8](repeating: 0, count: 16)
        let status = gateway.bytes.withUnsafeBufferPointer { to in
            local.withUnsafeMutableBufferPointer { from in
                clibc_outbound_address(gateway.family, to.baseAddress!, gateway.interfaceIndex, from.baseAddress!)
            }
        }
        guard status == 0 else { return nil }
        return LocalAddress(family: gateway.family, bytes: Array(local.prefix(gateway.isIPv6 ? 16 : 4)),
                            interfaceIndex: gateway.isIPv6 ? gateway.interfaceIndex : 0)
    }

    static var localhostName: [UInt8] { [UInt8](literal: "localhost") }
    static var ipv4Loopback: LocalAddress { .ipv4(127, 0, 0, 1) }
    static var ipv4HostFallback: LocalAddress { .ipv4(127, 0, 0, 2) }

    /// Looks up `name` for `family` (`AF_INET`, `AF_INET6`, or `AF_UNSPEC`
    /// for both); nil when the source does not know it.
    public func lookup(name rawName: ByteString, family: Int32) -> LocalHostNameAnswer? {
        var name = rawName
        if name.count > 1 && name[name.count - 1] == UInt8(ascii: ".") { name = name.prefix(name.count - 1) }
        if name.isEmpty { return nil }
        let answer: LocalHostNameAnswer
        if LocalHostNames.isLocalhost(name) {
            answer = LocalHostNameAnswer(canonicalName: LocalHostNames.localhostName,
                                         addresses: [LocalHostNames.ipv4Loopback, .ipv6Loopback])
        } else if name.equalsIgnoringASCIICase(ByteString("_gateway")) {
            answer = LocalHostNameAnswer(canonicalName: [UInt8](literal: "_gateway"), addresses: gateways())
        } else if name.equalsIgnoringASCIICase(ByteString("_outbound")) {
            answer = LocalHostNameAnswer(canonicalName: [UInt8](literal: "_outbound"), addresses: outboundAddresses())
        } else if let host = hostName(), name == host.withUnsafeBufferPointer({ ByteString(start: $0.baseAddress, count: $0.count) }) {
            let local = localAddresses()
            let ofFamily = family == AF_UNSPEC ? local : local.filter { $0.family == family }
            if ofFamily.isEmpty {
                // No address (of that family): 127.0.0.2 and ::1; ::1 is
                // localhost's address too and comes with that alias (observed).
                answer = LocalHostNameAnswer(canonicalName: host, aliases: family == AF_INET ? [] : [LocalHostNames.localhostName],
                                             addresses: [LocalHostNames.ipv4HostFallback, .ipv6Loopback])
            } else {
                answer = LocalHostNameAnswer(canonicalName: host, addresses: ofFamily)
            }
        } else {
            return nil
        }
        return LocalHostNames.filtered(answer, family: family)
    }

    /// Looks up the name of `address`; nil when it is none of this machine's.
    public func reverse(address: LocalAddress) -> LocalHostNameAnswer? {
        let host = hostName()
        if address.sameAddress(LocalHostNames.ipv4Loopback) {
            return LocalHostNameAnswer(canonicalName: LocalHostNames.localhostName, addresses: [address])
        }
        if address.sameAddress(.ipv6Loopback) {
            // ::1 is also the host name's address of last resort.
            return LocalHostNameAnswer(canonicalName: LocalHostNames.localhostName, aliases: host.map { [$0] } ?? [],
                                       addresses: [address])
        }
        if let host {
            if address.sameAddress(LocalHostNames.ipv4HostFallback) {
                return LocalHostNameAnswer(canonicalName: host, addresses: [address])
            }
            let local = localAddresses()
            if local.contains(where: { $0.sameAddress(address) }) {
                return LocalHostNames.filtered(LocalHostNameAnswer(canonicalName: host, addresses: local), family: address.family)
            }
        }
        let routers = gateways()
        if routers.contains(where: { $0.sameAddress(address) }) {
            return LocalHostNames.filtered(LocalHostNameAnswer(canonicalName: [UInt8](literal: "_gateway"), addresses: routers),
                                           family: address.family)
        }
        return nil
    }

    /// The local addresses the kernel picks to reach each default gateway,
    /// in the order of the local address list.
    func outboundAddresses() -> [LocalAddress] {
        let local = localAddresses()
        var result: [LocalAddress] = []
        for gateway in gateways() {
            guard var address = outboundAddress(gateway), !result.contains(where: { $0.sameAddress(address) }) else { continue }
            if let known = local.first(where: { $0.sameAddress(address) }) { address = known }
            result.append(address)
        }
        return LocalAddressList.sorted(result)
    }

    /// The answer restricted to `family`; nil when no address is left.
    static func filtered(_ answer: LocalHostNameAnswer, family: Int32) -> LocalHostNameAnswer? {
        var result = answer
        if family != AF_UNSPEC { result.addresses = answer.addresses.filter { $0.family == family } }
        return result.addresses.isEmpty ? nil : result
    }

    /// `localhost`, `localhost.localdomain`, `*.localhost`, `*.localhost.localdomain`, any case.
    static func isLocalhost(_ name: ByteString) -> Bool {
        var stem = name
        let domain = ByteString(".localdomain")
        if stem.count >= domain.count && stem.slice(stem.count - domain.count, stem.count).equalsIgnoringASCIICase(domain) {
            stem = stem.prefix(stem.count - domain.count)
        }
        let localhost = ByteString("localhost")
        if stem.equalsIgnoringASCIICase(localhost) { return true }
        let suffix = ByteString(".localhost")
        return stem.count >= suffix.count && stem.slice(stem.count - suffix.count, stem.count).equalsIgnoringASCIICase(suffix)
    }
}
