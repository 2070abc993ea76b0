import Foundation
import Testing

/// The host databases against a real DNS server (dnsmasq on 127.1.2.3:53),
/// ours and glibc's getent reading the same resolv.conf in a private mount
/// namespace. One server per test, stopped by its process id at the end.
@Suite("getent host databases with a DNS server", .serialized,
       .enabled(if: HostsDifferential.ready, HostsDifferential.skipReason),
       .enabled(if: DNSServer.available, DNSServer.skipReason))
struct DNSServerCLITests {
    static let server = "127.1.2.3"

    /// Records: A, AAAA, both, a CNAME chain, a dangling CNAME, names for the
    /// search list and ndots, PTR records, and one name also in /etc/hosts.
    static let records = [
        "--host-record=v4.example,10.1.1.1",
        "--host-record=v6.example,fd00::61",
        "--host-record=both.example,10.2.2.2,fd00::22",
        "--cname=alias.example,both.example",
        "--cname=alias2.example,alias.example",
        "--cname=dangling.example,nowhere.example",
        "--host-record=web.corp.example,10.4.4.4",
        "--host-record=a.b.example,10.5.5.5",
        "--host-record=a.b,10.5.5.6",
        "--host-record=deep.a.b.c.example,10.5.5.7",
        "--ptr-record=4.3.2.10.in-addr.arpa,rev.example",
        "--host-record=files.example,10.7.7.7,fd00::77",
        "--host-record=xn--bcher-kva.example,10.8.8.8",
        "--host-record=Upper.Example,10.8.8.9",
        "--host-record=far.example,192.0.2.50,2001:db8::50",
        "--ptr-record=1.1.1.10.in-addr.arpa,one.example",
        "--ptr-record=1.1.1.10.in-addr.arpa,two.example",
        "--cname=2.1.1.10.in-addr.arpa,ptrtarget.example",
        "--ptr-record=ptrtarget.example,viacname.example",
    ] + (1...40).map { "--host-record=big.example,10.99.0.\($0)" }

    static func etc(resolv: String, nsswitch: String = "hosts: files dns\n",
                    hosts: String = "127.0.0.1 localhost\n10.6.6.6 files.example filealias\n10.6.6.7 onlyfile.example\n") -> [String: String?] {
        ["resolv.conf": resolv, "nsswitch.conf": nsswitch, "hosts": hosts, "host.conf": "multi on\n"]
    }

    static let nameCases: [[String]] = [
        ["hosts", "v4.example"], ["hosts", "v6.example"], ["ahosts", "v6.example"], ["hosts", "both.example"],
        ["ahosts", "both.example"], ["ahostsv4", "both.example"], ["ahostsv6", "both.example"],
        ["hosts", "alias2.example"], ["ahosts", "alias2.example"], ["ahostsv6", "alias2.example"],
        ["hosts", "alias.example"], ["hosts", "dangling.example"], ["ahosts", "dangling.example"],
        ["hosts", "web"], ["ahosts", "web"], ["hosts", "v4"], ["ahosts", "v4"], ["hosts", "nx.example"],
        ["ahosts", "nx.example"], ["ahostsv4", "nx"], ["hosts", "a.b"], ["ahosts", "a.b"], ["hosts", "deep.a.b.c"],
        ["hosts", "10.2.3.4"], ["hosts", "fd00::22"], ["hosts", "10.2.2.2"], ["hosts", "10.1.1.2"],
        ["hosts", "v4.example."], ["ahosts", "v4.example."], ["hosts", "web."], ["hosts", "V4.EXAMPLE"],
        ["ahosts", "V4.EXAMPLE"], ["hosts", "upper.example"], ["ahosts", "upper.example"], ["ahostsv6", "v4.example"],
        ["hosts", "files.example"], ["ahosts", "files.example"], ["ahostsv6", "files.example"], ["hosts", "filealias"],
        ["hosts", "onlyfile.example"], ["ahosts", "onlyfile.example"], ["hosts", "10.6.6.6"], ["hosts", "localhost"],
        ["ahosts", "bücher.example"], ["ahosts", "bücher"], ["ahosts", "-i", "xn--bcher-kva.example"],
        ["ahosts", "far.example"], ["ahosts", "-A", "far.example"], ["hosts", "v4.example", "nx.example", "web"],
        ["hosts", "10.1.1.1"], ["hosts", "10.1.1.2"], ["hosts", "10.1.1.3"],
    ]

    @Test("names in DNS only, files only, both; CNAME chains; PTR; search list")
    func names() throws {
        let dns = try #require(DNSServer(address: Self.server, options: Self.records))
        defer { dns.stop() }
        let etc = Self.etc(resolv: "nameserver \(Self.server)\nsearch corp.example example\n")
        for arguments in Self.nameCases {
            HostsDifferential.expectSame(arguments, etc: etc)
        }
    }

    @Test("resolv.conf variants: ndots, domain, search, options, servers", arguments: [
        "nameserver 127.1.2.3\nsearch example\noptions ndots:2\n",
        "nameserver 127.1.2.3\nsearch example\noptions ndots:0\n",
        "nameserver 127.1.2.3\nsearch example\noptions ndots:30\n",
        "nameserver 127.1.2.3\ndomain corp.example\n",
        "nameserver 127.1.2.3\nsearch corp.example example\ndomain example\n",
        "nameserver 127.9.9.9\nnameserver 127.1.2.3\nsearch example.\n",
        "nameserver 127.1.2.3\noptions use-vc\nsearch example\n",
        "nameserver 127.1.2.3\noptions single-request rotate attempts:1 timeout:2\nsearch example\n",
        "# comment\n; semicolon\nnameserver 127.1.2.3 # trailing\n search example\n",
        "nameserver 127.1.2.3\nsearch example\noptions no-aaaa\n",
        "nameserver 127.1.2.3\nsearch a.b.example example corp.example\n",
        "nameserver\tbogus\nnameserver 127.1.2.3\nsearch\texample\n",
    ])
    func resolvConf(_ resolv: String) throws {
        let dns = try #require(DNSServer(address: Self.server, options: Self.records))
        defer { dns.stop() }
        let etc = Self.etc(resolv: resolv)
        for arguments in [["hosts", "a.b"], ["ahosts", "a.b"], ["hosts", "web"], ["hosts", "v4"], ["ahosts", "both"],
                          ["hosts", "both"], ["hosts", "alias"], ["hosts", "v4.example"], ["hosts", "10.2.3.4"],
                          ["ahosts", "v6"], ["hosts", "v6"], ["hosts", "deep.a.b.c"], ["ahosts", "nx"]] {
            HostsDifferential.expectSame(arguments, etc: etc)
        }
    }

    @Test("switch lines with dns", arguments: [
        "hosts: dns files\n", "hosts: dns\n", "hosts: files [NOTFOUND=return] dns\n", "hosts: dns [!UNAVAIL=return] files\n",
        "passwd: files\n",
    ])
    func switchLines(_ nsswitch: String) throws {
        let dns = try #require(DNSServer(address: Self.server, options: Self.records))
        defer { dns.stop() }
        let etc = Self.etc(resolv: "nameserver \(Self.server)\n", nsswitch: nsswitch)
        for arguments in [["hosts", "files.example"], ["ahosts", "files.example"], ["hosts", "v4.example"],
                          ["hosts", "onlyfile.example"], ["hosts", "10.6.6.6"], ["ahostsv4", "both.example"]] {
            HostsDifferential.expectSame(arguments, etc: etc)
        }
    }

    @Test("no nsswitch.conf: files then dns")
    func noSwitchFile() throws {
        let dns = try #require(DNSServer(address: Self.server, options: Self.records))
        defer { dns.stop() }
        var etc = Self.etc(resolv: "nameserver \(Self.server)\n")
        etc["nsswitch.conf"] = .some(nil)
        for arguments in [["hosts", "v4.example"], ["ahosts", "both.example"], ["hosts", "files.example"], ["hosts", "nx.example"]] {
            HostsDifferential.expectSame(arguments, etc: etc)
        }
    }

    @Test("a truncated UDP answer is asked again over TCP")
    func truncation() throws {
        // 40 A records do not fit in 512 bytes: dnsmasq sets TC. It rotates
        // the records per answer, so the address sets are compared.
        let dns = try #require(DNSServer(address: Self.server, options: Self.records))
        defer { dns.stop() }
        let etc = Self.etc(resolv: "nameserver \(Self.server)\n")
        for arguments in [["hosts", "big.example"], ["ahosts", "big.example"], ["ahostsv4", "big.example"]] {
            let ours = HostsDifferential.run(Sandbox.tool("getent"), arguments, etc: etc)
            let glibc = HostsDifferential.run(Differential.glibcGetent, arguments, etc: etc)
            let addresses: (ToolResult) -> [String] = { result in
                result.stdoutText.split(separator: "\n").map { String($0.split(separator: " ")[0]) }.sorted()
            }
            #expect(ours.status == 0 && glibc.status == 0)
            #expect(addresses(ours) == addresses(glibc))
            #expect(Set(addresses(ours)).count == 40)
        }
    }

    @Test("an IPv6 name server (::1)")
    func ipv6Server() throws {
        let dns = try #require(DNSServer(address: "::1", options: Self.records))
        defer { dns.stop() }
        let etc = Self.etc(resolv: "nameserver ::1\nsearch example\n")
        for arguments in [["hosts", "v4.example"], ["ahosts", "both"], ["hosts", "10.2.3.4"], ["hosts", "nx"]] {
            HostsDifferential.expectSame(arguments, etc: etc)
        }
    }

    @Test("a dead server: both give up within the configured time")
    func deadServer() throws {
        // 127.9.9.8: a socket that never answers (time-out); 127.9.9.9: nothing
        // listens (refused at once).
        let silent = try #require(SilentServer(address: "127.9.9.8"))
        defer { _ = silent }
        let cases: [(String, [String], Double)] = [
            ("nameserver 127.9.9.8\noptions timeout:1 attempts:1\n", ["hosts", "nx.example"], 2),
            ("nameserver 127.9.9.8\noptions timeout:1 attempts:1\n", ["ahosts", "nx.example"], 1),
            ("nameserver 127.9.9.8\noptions timeout:1 attempts:1\nsearch corp.example\n", ["ahosts", "nx.example"], 2),
            ("nameserver 127.9.9.9\noptions timeout:1 attempts:1\n", ["hosts", "nx.example"], 0),
        ]
        for (resolv, arguments, expected) in cases {
            let etc = Self.etc(resolv: resolv)
            for tool in [Sandbox.tool("getent"), Differential.glibcGetent] {
                let start = Date()
                let result = HostsDifferential.run(tool, arguments, etc: etc)
                let elapsed = Date().timeIntervalSince(start)
                #expect(result.status == 2, "\(tool) \(arguments): \(result)")
                #expect(result.stdout.isEmpty)
                #expect(elapsed >= expected * 0.9 && elapsed < expected + 1.5,
                        "\(tool) \(arguments) with \(resolv) took \(elapsed) s, expected about \(expected) s")
            }
        }
    }

    @Test("a dead first server, a live second one")
    func failover() throws {
        let dns = try #require(DNSServer(address: Self.server, options: Self.records))
        defer { dns.stop() }
        // Its own address: the silent server of the time-out test may not
        // have let go of 127.9.9.8 yet (seen under AddressSanitizer).
        let silent = try #require(SilentServer(address: "127.9.9.7"))
        defer { _ = silent }
        let etc = Self.etc(resolv: "nameserver 127.9.9.7\nnameserver \(Self.server)\noptions timeout:1 attempts:1\n")
        for arguments in [["hosts", "v4.example"], ["ahosts", "both.example"]] {
            HostsDifferential.expectSame(arguments, etc: etc)
        }
    }
}
