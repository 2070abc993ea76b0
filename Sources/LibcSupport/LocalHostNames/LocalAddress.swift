import CLibc

/// An IP address of this machine or of a gateway, as the `myhostname`
/// source returns it.
public struct LocalAddress: Equatable, Sendable {
    /// `AF_INET` or `AF_INET6`.
    public var family: Int32
    /// 4 or 16 bytes, network order.
    public var bytes: [UInt8]
    /// The interface index (0 when unknown): the zone of a link-local address.
    public var interfaceIndex: UInt32
    /// The route scope (`RT_SCOPE_UNIVERSE` 0, `SITE` 200, `LINK` 253, `HOST` 254).
    public var scope: UInt8
    /// The route metric (gateways; 0 for addresses).
    public var metric: UInt32 = 0

    public init(family: Int32, bytes: [UInt8], interfaceIndex: UInt32 = 0, scope: UInt8 = 0, metric: UInt32 = 0) {
        self.family = family
        self.bytes = bytes
        self.interfaceIndex = interfaceIndex
        self.scope = scope
        self.metric = metric
    }

    public static func ipv4(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> LocalAddress {
        LocalAddress(family: AF_INET, bytes: [a, b, c, d])
    }

    public static var ipv6Loopback: LocalAddress {
        LocalAddress(family: AF_INET6, bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    }

    public var isIPv6: Bool { family == AF_INET6 }

    /// Whether this is an IPv6 link-local address (fe80::/10), which needs
    /// its interface as a zone.
    public var isLinkLocalIPv6: Bool {
        isIPv6 && bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80
    }

    /// Same family and address (interface and scope aside).
    public func sameAddress(_ other: LocalAddress) -> Bool {
        family == other.family && bytes == other.bytes
    }
}
