/// A host as `gethostbyname2`/`gethostbyaddr` return it: a canonical name,
/// aliases, and addresses of one family.
public struct HostEntry {
    /// Canonical name first, then the aliases.
    public var names = NameList()
    public var addresses: [IPAddress] = []
    /// For an entry of /etc/hosts: the lines it merges (borrowed, nothing
    /// copied) and the family their addresses are seen as; `names` and
    /// `addresses` are then empty (see `materialized`).
    var lines = HostsLines()
    var linesFamily = IPAddress.Family.v4

    public init() {}

    /// The entry with `names` and `addresses` filled in, also for one made
    /// of file lines.
    public var materialized: HostEntry {
        if lines.isEmpty { return self }
        var entry = HostEntry()
        forEachName { entry.names.append($0) }
        for index in 0..<lines.count { entry.addresses.append(lines[index].address(for: linesFamily)!) }
        return entry
    }

    /// The merged names of file lines: the first line's names, then for each
    /// further line its aliases and its canonical name unless it is the
    /// first one's.
    func forEachName(_ body: (ByteString) -> Void) {
        let first = lines[0].canonicalName
        body(first)
        for alias in lines[0].aliases { body(alias) }
        if lines.count < 2 { return }
        for index in 1..<lines.count {
            let line = lines[index]
            for alias in line.aliases { body(alias) }
            let canonical = line.canonicalName
            if canonical != first { body(canonical) }
        }
    }

    /// Appends the lines `getent hosts` prints: one per address,
    /// `%-15s %s` with the canonical name, then ` alias` for each alias.
    public func write(to output: inout OutputBuffer) {
        if !lines.isEmpty {
            for index in 0..<lines.count {
                HostEntry.writeAddressColumn(lines[index].address(for: linesFamily)!, to: &output)
                var separator = false
                forEachName { name in
                    if separator { output.append(UInt8(ascii: " ")) }
                    separator = true
                    output.append(name)
                }
                output.append(UInt8(ascii: "\n"))
            }
            return
        }
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
