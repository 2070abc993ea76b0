/// Host lookups through DNS, as glibc's `dns` source answers them.
public struct DNSLookup {
    public var transport: DNSTransport

    public init(configuration: ResolverConfiguration) {
        transport = DNSTransport(configuration: configuration)
    }

    /// The names to try for `name`, in order (glibc's search rules): a name
    /// ending in a dot only as given; a name with at least `ndots` dots as
    /// given, then with each search domain; any other name with each search
    /// domain first and as given last.
    public func candidates(for name: ByteString) -> NameList {
        var list = NameList()
        if name.isEmpty { return list }
        if name[name.count - 1] == UInt8(ascii: ".") {
            list.append(name)
            return list
        }
        var dots = 0
        for i in 0..<name.count where name[i] == UInt8(ascii: ".") { dots += 1 }
        let search = transport.configuration.search
        let asGivenFirst = dots >= transport.configuration.ndots
        if asGivenFirst { list.append(name) }
        for i in 0..<search.count {
            var joined = [UInt8](name.buffer)
            joined.append(UInt8(ascii: "."))
            search.withName(i) { joined.append(contentsOf: $0.buffer) }
            joined.withUnsafeBufferPointer { list.append(bytes: $0) }
        }
        if !asGivenFirst { list.append(name) }
        return list
    }

    /// `gethostbyname2` through DNS: A or AAAA records of the first candidate
    /// name that has some. The canonical name is the end of the CNAME chain,
    /// the aliases the chain's names.
    public mutating func hostEntry(named name: ByteString, family: IPAddress.Family) -> HostEntry? {
        if family == .v6 && transport.configuration.noAAAA { return nil }
        let type = family == .v4 ? DNSQuestion.typeA : DNSQuestion.typeAAAA
        let names = candidates(for: name)
        for i in 0..<names.count {
            let found: HostEntry? = names.withName(i) { candidate in
                guard let reply = transport.query(name: candidate, types: [type])[0] else { return nil }
                let answer = DNSAnswer(reply: reply, question: candidate, type: type)
                if answer.addresses.isEmpty { return nil }
                var entry = HostEntry()
                answer.canonicalName.withName(0) { entry.names.append($0) }
                for k in 0..<answer.aliases.count { answer.aliases.withName(k) { entry.names.append($0) } }
                entry.addresses = answer.addresses
                return entry
            }
            if let found { return found }
        }
        return nil
    }

    /// `getaddrinfo` through DNS: A and AAAA together (as `wantV4`/`wantV6`
    /// ask) for each candidate name until one has addresses; IPv4 answers
    /// first, then IPv6.
    public mutating func addressList(named name: ByteString, wantV4: Bool, wantV6: Bool) -> AddressList? {
        var types: [UInt16] = []
        if wantV4 { types.append(DNSQuestion.typeA) }
        if wantV6 && !transport.configuration.noAAAA { types.append(DNSQuestion.typeAAAA) }
        if types.isEmpty { return nil }
        let names = candidates(for: name)
        for i in 0..<names.count {
            let found: AddressList? = names.withName(i) { candidate in
                let replies = transport.query(name: candidate, types: types)
                var list = AddressList()
                for (k, reply) in replies.enumerated() {
                    guard let reply else { continue }
                    let answer = DNSAnswer(reply: reply, question: candidate, type: types[k])
                    if answer.addresses.isEmpty { continue }
                    if list.canonicalName.isEmpty { answer.canonicalName.withName(0) { list.canonicalName.append($0) } }
                    list.addresses.append(contentsOf: answer.addresses)
                }
                return list.addresses.isEmpty ? nil : list
            }
            if let found { return found }
        }
        return nil
    }

    /// `gethostbyaddr` through DNS: the PTR records of the address's
    /// `in-addr.arpa` or `ip6.arpa` name (no search list). The first PTR
    /// target is the name; glibc lists no aliases (further PTR targets and
    /// CNAMEs on the way are not shown).
    public mutating func hostEntry(address: IPAddress) -> HostEntry? {
        let reverse = DNSLookup.reverseName(address)
        return reverse.withUnsafeBufferPointer { buffer -> HostEntry? in
            let name = ByteString(start: buffer.baseAddress, count: buffer.count)
            guard let reply = transport.query(name: name, types: [DNSQuestion.typePTR])[0] else { return nil }
            let answer = DNSAnswer(reply: reply, question: name, type: DNSQuestion.typePTR)
            if answer.pointerNames.isEmpty { return nil }
            var entry = HostEntry()
            answer.pointerNames.withName(0) { entry.names.append($0) }
            entry.addresses = [address]
            return entry
        }
    }

    /// `4.3.2.1.in-addr.arpa` or the 32 reversed nibbles of an IPv6 address
    /// under `ip6.arpa`.
    public static func reverseName(_ address: IPAddress) -> [UInt8] {
        var text: [UInt8] = []
        if address.family == .v4 {
            var k = 3
            while k >= 0 {
                var digits = [UInt8](repeating: 0, count: 4)
                let n = digits.withUnsafeMutableBufferPointer { p -> Int in
                    let b = address.byte(k)
                    var n = 0
                    if b >= 100 { p[n] = 0x30 + b / 100; n += 1 }
                    if b >= 10 { p[n] = 0x30 + (b / 10) % 10; n += 1 }
                    p[n] = 0x30 + b % 10
                    return n + 1
                }
                text.append(contentsOf: digits[0..<n])
                text.append(UInt8(ascii: "."))
                k -= 1
            }
            text.append(contentsOf: ByteString("in-addr.arpa").buffer)
        } else {
            let hex: [UInt8] = [UInt8](literal: "0123456789abcdef")
            var k = 15
            while k >= 0 {
                let b = address.byte(k)
                text.append(hex[Int(b & 0xF)]); text.append(UInt8(ascii: "."))
                text.append(hex[Int(b >> 4)]); text.append(UInt8(ascii: "."))
                k -= 1
            }
            text.append(contentsOf: ByteString("ip6.arpa").buffer)
        }
        return text
    }
}
