import Testing
@testable import LibcSupport

@Suite("resolv.conf, DNS messages and the search list")
struct ResolverTests {
    func configuration(_ text: String, domain: String = "") -> ResolverConfiguration {
        withBytes(text) { bytes in withBytes(domain) { ResolverConfiguration(parsing: bytes, searchDefault: $0) } }
    }

    func strings(_ list: NameList) -> [String] { (0..<list.count).map { list.string($0) } }

    @Test("resolv.conf keywords and options")
    func resolvConf() {
        let c = configuration("""
            # comment
            ; comment
            nameserver 10.0.0.1
            nameserver ::1
            nameserver bogus
            nameserver 10.0.0.2 trailing words
            nameserver 10.0.0.3
            domain old.example
            search a.example b.example # c
            options ndots:20 timeout:0 attempts:9 rotate use-vc no-aaaa single-request
            nameserverx 10.9.9.9
            """)
        #expect(c.nameservers.map(\.description) == ["10.0.0.1", "::1", "10.0.0.2"])
        #expect(strings(c.search) == ["a.example", "b.example"])
        #expect(c.ndots == 15 && c.timeout == 1 && c.attempts == 5)
        #expect(c.rotate && c.useTCP && c.noAAAA && c.singleRequest)
    }

    @Test("defaults: local server, host domain, last of search/domain wins")
    func defaults() {
        let empty = configuration("", domain: "corp.example")
        #expect(empty.nameservers.map(\.description) == ["127.0.0.1"])
        #expect(strings(empty.search) == ["corp.example"])
        #expect(empty.ndots == 1 && empty.timeout == 5 && empty.attempts == 2)
        #expect(strings(configuration("search a b\ndomain c\n").search) == ["c"])
        #expect(strings(configuration("domain c\nsearch a b\n").search) == ["a", "b"])
        #expect(configuration("nameserver fe80::1%1\n").nameservers.first?.scopeID == 1)
        #expect(configuration("nameserver fe80::1%nosuchif0\n").nameservers.map(\.description) == ["127.0.0.1"])
    }

    @Test("search candidates follow ndots")
    func candidates() {
        let lookup = DNSLookup(configuration: configuration("search corp.example example\noptions ndots:2\n"))
        let names: (String) -> [String] = { name in withBytes(name) { self.strings(lookup.candidates(for: $0)) } }
        #expect(names("web") == ["web.corp.example", "web.example", "web"])
        #expect(names("a.b") == ["a.b.corp.example", "a.b.example", "a.b"])
        #expect(names("a.b.c") == ["a.b.c", "a.b.c.corp.example", "a.b.c.example"])
        #expect(names("abs.") == ["abs."])
        #expect(names("") == [])
    }

    @Test("query building rejects bad names")
    func build() {
        var buffer = [UInt8](repeating: 0, count: 300)
        let ok = buffer.withUnsafeMutableBufferPointer { p in
            withBytes("www.Example.com.") { DNSQuestion.build(id: 0x1234, name: $0, type: 1, into: p.baseAddress!) }
        }
        #expect(ok == 12 + 17 + 4)
        #expect(Array(buffer[12..<29]) == [3] + Array("www".utf8) + [7] + Array("Example".utf8) + [3] + Array("com".utf8) + [0])
        for bad in ["a..b", ".a", String(repeating: "x", count: 64) + ".com",
                    Array(repeating: String(repeating: "y", count: 60), count: 5).joined(separator: ".")] {
            let length = buffer.withUnsafeMutableBufferPointer { p in
                withBytes(bad) { DNSQuestion.build(id: 1, name: $0, type: 1, into: p.baseAddress!) }
            }
            #expect(length == nil, "\(bad)")
        }
    }

    /// A reply to `name`/`type` with the given answer records (already encoded).
    func reply(name: String, type: UInt16, answers: [[UInt8]], code: UInt8 = 0, id: UInt16 = 7) -> DNSReply {
        var bytes: [UInt8] = [UInt8(id >> 8), UInt8(id & 0xFF), 0x81, 0x80 | code, 0, 1, 0, UInt8(answers.count), 0, 0, 0, 0]
        for label in name.split(separator: ".") { bytes.append(UInt8(label.utf8.count)); bytes += Array(label.utf8) }
        bytes += [0, UInt8(type >> 8), UInt8(type & 0xFF), 0, 1]
        for answer in answers { bytes += answer }
        return DNSReply(bytes: bytes)
    }

    func record(owner: [UInt8], type: UInt16, data: [UInt8]) -> [UInt8] {
        owner + [UInt8(type >> 8), UInt8(type & 0xFF), 0, 1, 0, 0, 0, 60, UInt8(data.count >> 8), UInt8(data.count & 0xFF)] + data
    }

    func encoded(_ name: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for label in name.split(separator: ".") { bytes.append(UInt8(label.utf8.count)); bytes += Array(label.utf8) }
        return bytes + [0]
    }

    @Test("answers: CNAME chain, compression, records for other names ignored")
    func chain() {
        let question: [UInt8] = [0xC0, 12]
        let r = reply(name: "alias.example", type: 1, answers: [
            record(owner: question, type: 5, data: encoded("target.example")),
            record(owner: encoded("other.example"), type: 1, data: [9, 9, 9, 9]),
            record(owner: encoded("TARGET.example"), type: 1, data: [10, 0, 0, 1]),
            record(owner: encoded("target.example"), type: 28, data: Array(repeating: 0, count: 16)),
            record(owner: encoded("target.example"), type: 1, data: [10, 0, 0, 2, 5]), // bad length
        ])
        let answer = withBytes("alias.example") { DNSAnswer(reply: r, question: $0, type: 1) }
        #expect(strings(answer.aliases) == ["alias.example"])
        #expect(strings(answer.canonicalName) == ["TARGET.example"])
        #expect(answer.addresses.map(\.description) == ["10.0.0.1"])
    }

    @Test("hostile replies never crash", arguments: 0..<6)
    func hostile(_ kind: Int) {
        var bytes: [UInt8]
        switch kind {
        case 0: // compression loop in the answer owner
            bytes = reply(name: "a.example", type: 1, answers: []).bytes
            bytes[7] = 1
            bytes += [0xC0, UInt8(bytes.count), 0, 1, 0, 1, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4]
        case 1: // answer count larger than the message
            bytes = reply(name: "a.example", type: 1, answers: []).bytes
            bytes[6] = 0xFF; bytes[7] = 0xFF
        case 2: // pointer past the end
            bytes = reply(name: "a.example", type: 1, answers: [[0xC3, 0xFF, 0, 1, 0, 1, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4]]).bytes
        case 3: // record data length past the end
            bytes = reply(name: "a.example", type: 1, answers: [[0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 0, 0xFF, 0xFF, 1]]).bytes
        case 4: // a name over 255 bytes through pointers
            var labels: [UInt8] = []
            for _ in 0..<5 { labels += [63] + Array(repeating: 0x61, count: 63) }
            bytes = reply(name: "a.example", type: 5, answers: [record(owner: [0xC0, 12], type: 5, data: labels + [0])]).bytes
        default: // truncated header
            bytes = [0, 7, 0x81]
        }
        let r = DNSReply(bytes: bytes)
        for type: UInt16 in [1, 5, 12, 28] {
            let answer = withBytes("a.example") { DNSAnswer(reply: r, question: $0, type: type) }
            #expect(answer.addresses.count <= 1)
        }
        _ = withBytes("a.example") { name in r.withResponse { $0.answersQuestion(name: name, type: 1) } }
    }

    @Test("reverse names")
    func reverse() {
        #expect(String(decoding: DNSLookup.reverseName(IPAddress(v4: 0x0A02_0304)), as: UTF8.self) == "4.3.2.10.in-addr.arpa")
        let v6 = withBytes("fd00::22") { IPAddress.parse($0)! }
        #expect(String(decoding: DNSLookup.reverseName(v6), as: UTF8.self)
                == "2.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.d.f.ip6.arpa")
    }

    @Test("gai.conf replaces a table only when it has lines of that kind")
    func gaiConf() {
        let policy = withBytes("precedence ::ffff:0:0/96 100\n# label ::/0 9\nbogus line\nscopev4 169.254.0.0/16 5\n") { AddressPolicy(parsing: $0) }
        #expect(policy.precedences.count == 1)
        #expect(policy.precedence(IPAddress(v4: 0x0A00_0001)) == 100)
        #expect(policy.labels.count == AddressPolicy.defaultLabels.count)
        #expect(policy.scope(IPAddress(v4: 0xA9FE_0101)) == 5)
        let defaults = AddressPolicy()
        #expect(defaults.label(withBytes("2001:0:1::1") { IPAddress.parse($0)! }) == 7)
        #expect(defaults.label(withBytes("2001:db8::1") { IPAddress.parse($0)! }) == 1)
        #expect(defaults.precedence(withBytes("::1") { IPAddress.parse($0)! }) == 50)
        #expect(defaults.scope(withBytes("fe80::1") { IPAddress.parse($0)! }) == 2)
        #expect(defaults.scope(withBytes("ff05::1") { IPAddress.parse($0)! }) == 5)
        #expect(defaults.scope(IPAddress(v4: 0x7F00_0001)) == 2)
    }
}

@Suite("interface addresses (netlink)")
struct NetworkInterfacesTests {
    /// One RTM_NEWADDR message: ifaddrmsg and the given attributes.
    func message(family: UInt8, prefix: UInt8, index: UInt32, attributes: [(UInt16, [UInt8])]) -> [UInt8] {
        var body: [UInt8] = [family, prefix, 0, 0] + withUnsafeBytes(of: index) { Array($0) }
        for (type, payload) in attributes {
            let length = UInt16(4 + payload.count)
            body += withUnsafeBytes(of: length) { Array($0) } + withUnsafeBytes(of: type) { Array($0) } + payload
            while body.count % 4 != 0 { body.append(0) }
        }
        let total = UInt32(16 + body.count)
        return withUnsafeBytes(of: total) { Array($0) } + withUnsafeBytes(of: UInt16(20)) { Array($0) }
            + [0, 0] + Array(repeating: 0, count: 8) + body
    }

    func parse(_ bytes: [UInt8]) -> ([String], Bool) {
        var found: [String] = []
        let done = bytes.withUnsafeBytes { raw in
            NetworkInterfaces.parseMessages(raw) { address, prefix in found.append("\(address.description)/\(prefix)%\(address.scopeID)") }
        }
        return (found, done)
    }

    @Test("addresses, prefixes, the local address of IPv4, link-local scopes")
    func parsing() {
        let v4 = message(family: 2, prefix: 24, index: 2, attributes: [(1, [10, 0, 0, 9]), (2, [192, 0, 2, 2])])
        let v6 = message(family: 10, prefix: 64, index: 3, attributes: [(1, [0xFE, 0x80] + Array(repeating: 0, count: 13) + [1])])
        let done: [UInt8] = [20, 0, 0, 0, 3, 0, 2, 0] + Array(repeating: 0, count: 12)
        let (found, finished) = parse(v4 + v6 + done)
        #expect(found == ["192.0.2.2/24%0", "fe80::1/64%3"])
        #expect(finished)
    }

    @Test("truncated or lying lengths stop the parse without crashing")
    func hostile() {
        var bad = message(family: 2, prefix: 8, index: 1, attributes: [(2, [127, 0, 0, 1])])
        bad[0] = 0xFF // length past the datagram
        #expect(parse(bad).1)
        var attribute = message(family: 2, prefix: 8, index: 1, attributes: [(2, [127, 0, 0, 1])])
        attribute[24] = 0xFF // attribute length past the message
        #expect(parse(attribute).0.isEmpty)
        #expect(parse(Array(attribute.prefix(10))).0.isEmpty)
        let wrongSize = message(family: 2, prefix: 8, index: 1, attributes: [(2, [127, 0, 0])])
        #expect(parse(wrongSize).0.isEmpty)
    }

    @Test("this machine has its loopback addresses")
    func live() {
        var addresses: [String] = []
        NetworkInterfaces.forEachAddress { address, _ in addresses.append(address.description) }
        #expect(addresses.contains("127.0.0.1"))
    }
}
