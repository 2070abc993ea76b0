/// One line of `/etc/ethers`: `address host`.
///
/// The host may be missing (the entry then has an empty name, which an
/// empty key finds); words after the host are ignored.
public struct EtherRecord {
    public var address: EtherAddress
    public var host: ByteString

    public init(address: EtherAddress, host: ByteString) {
        self.address = address
        self.host = host
    }

    public static func parse(_ line: ByteString) -> EtherRecord? {
        let content = line.lineContent
        guard let (address, length) = EtherAddress.parseField(content) else { return nil }
        var cursor = WordCursor(content.dropFirst(length))
        return EtherRecord(address: address, host: cursor.nextWord() ?? .empty)
    }

    /// The answer to `getent ethers KEY`: by address when the key spells one
    /// (`ether_aton`), else by host name without regard to ASCII case. The
    /// line glibc prints for a name shows the key as given, so the record
    /// returned then carries the key as its host.
    public static func lookup(_ key: ByteString, in file: ByteString) -> EtherRecord? {
        if let address = EtherAddress.parseKey(key) {
            for line in LineSequence(file) {
                // Most lines spell the address plainly: rule them out without
                // the general parse (a plain spelling reads the same both ways).
                if let plain = EtherAddress.parseKey(line), plain != address { continue }
                if let record = parse(line), record.address == address { return record }
            }
            return nil
        }
        var found: EtherRecord? = nil
        if key.isEmpty {
            // Only a line without a host has the empty name; no word to search.
            for line in LineSequence(file) {
                if let record = parse(line), record.host.isEmpty { found = record; break }
            }
        } else {
            found = WordSearch.firstLine(containing: key, ignoringCase: true, in: file) { line in
                parse(line).flatMap { $0.host.equalsIgnoringASCIICase(key) ? $0 : nil }
            }
        }
        return found.map { EtherRecord(address: $0.address, host: key) }
    }

    /// Writes `address host` as glibc's getent prints it.
    public func write(to output: inout OutputBuffer) {
        address.write(to: &output)
        output.append(UInt8(ascii: " "))
        output.append(host)
        output.append(UInt8(ascii: "\n"))
    }
}
