/// A hosts-file line copied out of the file: its address and names
/// (canonical name first; an empty name when the line has none).
public struct HostsMatch {
    public var address: IPAddress
    public var names = NameList()

    public init(_ line: HostsLine) {
        address = line.address
        names.append(line.canonicalName)
        for alias in line.aliases { names.append(alias) }
    }

    /// The address as a lookup of `family` sees it (see `HostsLine`).
    public func address(for family: IPAddress.Family?) -> IPAddress? {
        HostsLine.address(address, for: family)
    }
}
