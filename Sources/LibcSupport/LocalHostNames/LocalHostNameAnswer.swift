/// What the `myhostname` source answers for a name or an address: a host
/// entry (canonical name, aliases, addresses in the source's order).
public struct LocalHostNameAnswer: Equatable {
    public var canonicalName: [UInt8]
    public var aliases: [[UInt8]]
    public var addresses: [LocalAddress]

    public init(canonicalName: [UInt8], aliases: [[UInt8]] = [], addresses: [LocalAddress]) {
        self.canonicalName = canonicalName
        self.aliases = aliases
        self.addresses = addresses
    }
}
