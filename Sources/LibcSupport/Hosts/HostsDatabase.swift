/// `getent hosts`: by address (reverse lookup), by name (IPv6 addresses
/// first; IPv4 when the name has none, as glibc's getent asks), and
/// enumeration of /etc/hosts.
public enum HostsDatabase: GetentDatabase {
    public static let name: StaticString = "hosts"

    public static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        var session = HostSession(context: context)
        let entry: HostEntry?
        if let address = IPAddress.parse(key) {
            entry = session.hostEntry(address: address, context: &context)
        } else if let number = HostsDatabase.numericName(key) {
            // glibc answers a name of digits and dots as an inet_aton number
            // (`127.1`, `010.0.0.9`) without asking any source.
            var numeric = HostEntry()
            numeric.names.append(key)
            numeric.addresses.append(IPAddress(v4: number))
            entry = numeric
        } else {
            var matches: HostsLines?? = nil
            if let v6 = session.hostEntry(named: key, family: .v6, matches: &matches, context: &context) {
                entry = v6
            } else {
                entry = session.hostEntry(named: key, family: .v4, matches: &matches, context: &context)
            }
        }
        guard let entry else { return false }
        entry.write(to: &context.output)
        return true
    }

    /// A name made of digits and dots (not ending in a dot) read as a legacy
    /// IPv4 number.
    static func numericName(_ key: ByteString) -> UInt32? {
        if key.isEmpty || key[key.count - 1] == UInt8(ascii: ".") { return nil }
        for i in 0..<key.count where !ASCII.isDigit(key[i]) && key[i] != UInt8(ascii: ".") { return nil }
        return IPAddress.parseLegacyV4(key, allowHex: false)
    }

    public static func enumerate(in context: inout GetentContext) -> Int32 {
        HostSession.enumerate(in: &context)
    }
}
