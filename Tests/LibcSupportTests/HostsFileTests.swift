import Testing
@testable import LibcSupport

@Suite("hosts file parsing and lookups")
struct HostsFileTests {
    static let file = """
        127.0.0.1 localhost
        ::1 localhost ip6-localhost
        10.0.0.1 both.local both
        fe80::1%eth0 both.local zoned
        10.0.0.2 both.local
        10.0.0.3\ttabbed\ttab2 # comment after entry
        10.0.0.4 MiXeD.Case mixalias
        10.0.0.5 dup
        10.0.0.6 dup dupalias
        ::ffff:10.0.0.7 mapped
        10.0.0.8#hash  hashname
        010.0.0.9 octal
        10.0.0.10 x#y z
        10.0.0.11 crlf\r
        garbage line here
        10.0.0.12\u{0}nul-hidden

        """

    func names(_ entry: HostEntry?) -> [String] {
        guard let entry = entry?.materialized else { return [] }
        return (0..<entry.names.count).map { entry.names.string($0) }
    }

    func lookup(_ name: String, _ family: IPAddress.Family, multiple: Bool = true) -> HostEntry? {
        withBytes(Self.file) { bytes in
            withBytes(name) { key in
                HostsFile.hostEntry(from: HostsFile.matches(named: key, in: bytes), family: family, multiple: { multiple })
            }
        }
    }

    @Test("line parser: comments, tabs, zones, bad addresses, NUL")
    func lines() {
        #expect(withBytes("10.0.0.3\ttabbed\ttab2 # c") { HostsLine($0)?.canonicalName.string } == "tabbed")
        #expect(withBytes("fe80::1%eth0 zoned") { HostsLine($0) } == nil)
        #expect(withBytes("010.0.0.9 octal") { HostsLine($0) } == nil)
        #expect(withBytes("# 10.0.0.1 comment") { HostsLine($0) } == nil)
        #expect(withBytes("   ") { HostsLine($0) } == nil)
        #expect(withBytes("10.0.0.8#x name") { HostsLine($0)?.canonicalName.string } == "")
        #expect(withBytes("10.0.0.11 crlf\r") { HostsLine($0)?.canonicalName.string } == "crlf")
        #expect(withBytes("10.0.0.12\u{0}name") { HostsLine($0)?.canonicalName.string } == "")
        #expect(withBytes("  2001:DB8::1  Six  ") { HostsLine($0)?.address.description } == "2001:db8::1")
    }

    @Test("IPv6 first, merged lines, mixed case, aliases")
    func byName() {
        #expect(names(lookup("localhost", .v6)) == ["localhost", "ip6-localhost"])
        #expect(names(lookup("localhost", .v4)) == ["localhost", "ip6-localhost"]) // the same canonical name is not repeated
        #expect(lookup("localhost", .v4)?.materialized.addresses.map(\.description) == ["127.0.0.1", "127.0.0.1"])
        #expect(names(lookup("both.local", .v4)) == ["both.local", "both"])
        #expect(lookup("both.local", .v4)?.materialized.addresses.count == 2)
        #expect(lookup("zoned", .v6) == nil)
        #expect(names(lookup("MIXALIAS", .v4)) == ["MiXeD.Case", "mixalias"])
        #expect(names(lookup("dup", .v4)) == ["dup", "dupalias"])
        #expect(names(lookup("dup", .v4, multiple: false)) == ["dup"])
        #expect(lookup("mapped", .v6)?.materialized.addresses.map(\.description) == ["::ffff:10.0.0.7"])
        #expect(lookup("mapped", .v4)?.materialized.addresses.map(\.description) == ["10.0.0.7"])
        #expect(lookup("hashname", .v4) == nil)
        #expect(lookup("octal", .v4) == nil)
        #expect(lookup("z", .v4) == nil)
        #expect(names(lookup("crlf", .v4)) == ["crlf"])
        #expect(lookup("here", .v4) == nil)
        #expect(lookup("nul-hidden", .v4) == nil)
        #expect(lookup("tab", .v4) == nil)
        #expect(lookup("both.loca", .v4) == nil)
    }

    @Test("reverse lookups take the first line only")
    func byAddress() {
        func reverse(_ text: String) -> [String] {
            withBytes(Self.file) { bytes in
                names(withBytes(text) { HostsFile.hostEntry(address: IPAddress.parse($0)!, in: bytes) })
            }
        }
        #expect(reverse("10.0.0.5") == ["dup"])
        #expect(reverse("127.0.0.1") == ["localhost"])
        #expect(reverse("::1") == ["localhost", "ip6-localhost"])
        #expect(reverse("10.0.0.7") == ["mapped"])
        #expect(reverse("10.0.0.8") == [""])
        #expect(reverse("10.9.9.9") == [])
    }

    @Test("the case-insensitive finder finds every occurrence")
    func finder() {
        let text = "aXbx XB xb abxb"
        let found: [Int] = withBytes(text) { bytes in
            withBytes("xB") { key in
                let finder = CaseInsensitiveFinder(key)
                var result: [Int] = []
                var from = 0
                while let hit = finder.find(in: bytes, from: from) { result.append(hit); from = hit + 1 }
                return result
            }
        }
        #expect(found == [1, 5, 8, 13])
    }

    @Test("the finder agrees with a naive search on random text")
    func finderRandom() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abAB.-x".utf8)
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let key = (0..<Int.random(in: 1..<6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let lower: (UInt8) -> UInt8 = { ASCII.lowercase($0) }
            var expected: [Int] = []
            if key.count <= text.count {
                for i in 0...(text.count - key.count) where (0..<key.count).allSatisfy({ lower(text[i + $0]) == lower(key[$0]) }) {
                    expected.append(i)
                }
            }
            let found: [Int] = text.withUnsafeBufferPointer { t in
                key.withUnsafeBufferPointer { k in
                    let bytes = ByteString(start: t.baseAddress, count: t.count)
                    let finder = CaseInsensitiveFinder(ByteString(start: k.baseAddress, count: k.count),
                                                       sample: Bool.random(using: &generator) ? .empty : bytes)
                    var result: [Int] = []
                    var from = 0
                    while let hit = finder.find(in: bytes, from: from) { result.append(hit); from = hit + 1 }
                    return result
                }
            }
            #expect(found == expected, "\(String(decoding: key, as: UTF8.self)) in \(String(decoding: text, as: UTF8.self))")
        }
    }

    @Test("a 200,000-line file: the last name and a miss")
    func bigFile() {
        var text = ""
        text.reserveCapacity(6_000_000)
        for i in 0..<200_000 { text += "0.0.0.0 ad\(i).tracker.example.com\n" }
        text += "10.1.2.3 LastName.example\n"
        #expect(withBytes(text) { bytes in
            withBytes("lastname.EXAMPLE") { HostsFile.matches(named: $0, in: bytes).count }
        } == 1)
        #expect(withBytes(text) { bytes in
            withBytes("ad19999.tracker.example.com") { HostsFile.matches(named: $0, in: bytes).count }
        } == 1)
        #expect(withBytes(text) { bytes in
            withBytes("missing.example") { HostsFile.matches(named: $0, in: bytes).count }
        } == 0)
    }

    @Test("host.conf multi")
    func hostConf() {
        #expect(withBytes("multi on\n") { HostConfiguration(parsing: $0).multiple })
        #expect(!withBytes("multi off\n") { HostConfiguration(parsing: $0).multiple })
        #expect(withBytes("# x\nMULTI On # c\n") { HostConfiguration(parsing: $0).multiple })
        #expect(!withBytes("order hosts,bind\n") { HostConfiguration(parsing: $0).multiple })
        #expect(!HostConfiguration().multiple)
    }
}
