/// A host as `gethostbyname2`/`gethostbyaddr` return it: a canonical name,
/// aliases, and addresses of one family.
public struct HostEntry {
    /// Canonical name first, then the aliases.
    public var names = NameList()
    public var addresses: [IPAddress] = []

    public init() {}

    /// Appends the lines `getent hosts` prints: one per address,
    /// `%-15s %s` with the canonical name, then ` alias` for each alias.
    public func write(to output: inout OutputBuffer) {
        for address in addresses {
            HostEntry.writeAddressColumn(address, to: &output)
            for i in 0..<names.count {
                if i > 0 { output.append(UInt8(ascii: " ")) }
                names.withName(i) { output.append($0) }
            }
            output.append(UInt8(ascii: "\n"))
        }
    }

    /// The address padded to 15 columns and a space (`%-15s `).
    @inline(never)
    public static func writeAddressColumn(_ address: IPAddress, to output: inout OutputBuffer) {
        let n = address.write(to: &output)
        output.append(repeating: UInt8(ascii: " "), count: n < 15 ? 16 - n : 1)
    }
}
