import Foundation
import Testing

/// `getent hosts/ahosts/ahostsv4/ahostsv6` on /etc/hosts fixtures, compared
/// with glibc's getent byte for byte.
@Suite("getent host databases on /etc/hosts", .enabled(if: HostsDifferential.ready, HostsDifferential.skipReason))
struct HostsFileCLITests {
    static let hosts = """
        127.0.0.1 localhost
        ::1 localhost ip6-localhost ip6-loopback
        10.0.0.1 both.local both
        fe80::1%eth0 both.local both6
        10.0.0.2 both.local
        10.0.0.3\ttabbed\ttab2 # comment here
          10.0.0.4 MiXeD.Case mixalias
        10.0.0.5 dup
        10.0.0.6 dup dupalias
        ::ffff:10.0.0.7 mapped
        2001:db8::1 v6only dual
        10.0.0.11 dual
        2001:0db8:0000:0000:0000:0000:0000:0002 v6long
        10.0.0.8#hash  hashname
        010.0.0.9 octal
        10.0.0.10 x#y z
        10.0.0.12 Dup2
        10.0.0.13 dup2 x2
        10.0.0.14 y2 dup2 Dup2
        10.0.0.15 a3 dup3
        10.0.0.16 b3 dup3 c3
        10.0.0.17 dup3 a3
        10.0.0.18 crlf\r
        10.0.0.19 vt\u{0B}ff\u{0C}name
        not-an-address name-after-garbage
        10.0.0.20\u{00}nul-hidden
        1.2.3.4.5 toolong
        256.1.1.1 badoctet
        ::ffff:1.2.3.4 mappedname
        10.0.0.21 trail.dot.
        \u{23} a comment line
        10.0.0.22 LONGNAME.example.com
        fd00::5 ula
        192.0.2.50 ula
        10.0.0.23 ula

        """

    static let etc: [String: String?] = [
        "hosts": hosts,
        "nsswitch.conf": "hosts: files\n",
        "host.conf": "multi on\n",
    ]

    @Test("getent hosts", arguments: [
        ["hosts", "localhost"], ["hosts", "both.local"], ["hosts", "both"], ["hosts", "both6"],
        ["hosts", "tabbed"], ["hosts", "tab2"], ["hosts", "mixed.case"], ["hosts", "MIXALIAS"],
        ["hosts", "dup"], ["hosts", "dupalias"], ["hosts", "mapped"], ["hosts", "v6only"],
        ["hosts", "dual"], ["hosts", "v6long"], ["hosts", "hashname"], ["hosts", "octal"],
        ["hosts", "x"], ["hosts", "z"], ["hosts", "dup2"], ["hosts", "y2"], ["hosts", "dup3"],
        ["hosts", "a3"], ["hosts", "b3"], ["hosts", "c3"], ["hosts", "crlf"], ["hosts", "vt"],
        ["hosts", "ff"], ["hosts", "name"], ["hosts", "name-after-garbage"], ["hosts", "nul-hidden"],
        ["hosts", "toolong"], ["hosts", "badoctet"], ["hosts", "mappedname"], ["hosts", "trail.dot"],
        ["hosts", "trail.dot."], ["hosts", "longname.EXAMPLE.com"], ["hosts", "ula"],
        ["hosts", "nonexistent"], ["hosts", ""], ["hosts", "dup", "nonexistent", "tab2"],
        ["hosts", "ip6-loopback", "localhost"],
    ])
    func hostsByName(_ arguments: [String]) {
        HostsDifferential.expectSame(arguments, etc: Self.etc)
    }

    @Test("getent hosts ADDRESS and numbers", arguments: [
        ["hosts", "10.0.0.1"], ["hosts", "::1"], ["hosts", "127.0.0.1"], ["hosts", "fe80::1"],
        ["hosts", "2001:db8::2"], ["hosts", "2001:DB8:0::2"], ["hosts", "::ffff:10.0.0.7"], ["hosts", "10.0.0.7"],
        ["hosts", "10.0.0.5"], ["hosts", "10.0.0.8"], ["hosts", "10.9.9.9"], ["hosts", "1.2.3.4"],
        ["hosts", "::ffff:1.2.3.4"], ["hosts", "::"], ["hosts", "1.2.3"], ["hosts", "010.0.0.9"],
        ["hosts", "0x7f.1"], ["hosts", "127.1"], ["hosts", "4294967295"], ["hosts", "1.2.3.4."],
        ["hosts", "256.1.1.1"], ["hosts", "2001:db8::1%eth0"], ["hosts", "1.2.3.4.5"],
    ])
    func hostsByAddress(_ arguments: [String]) {
        HostsDifferential.expectSame(arguments, etc: Self.etc)
    }

    @Test("getent ahosts, ahostsv4, ahostsv6", arguments: [
        ["ahosts", "localhost"], ["ahostsv4", "localhost"], ["ahostsv6", "localhost"],
        ["ahosts", "dup"], ["ahostsv4", "dup"], ["ahostsv6", "dup"], ["ahosts", "dual"],
        ["ahostsv4", "dual"], ["ahostsv6", "dual"], ["ahosts", "mapped"], ["ahostsv4", "mapped"],
        ["ahostsv6", "mapped"], ["ahostsv6", "tabbed"], ["ahosts", "ip6-localhost"], ["ahosts", "dup3"],
        ["ahosts", "ula"], ["ahostsv4", "ula"], ["ahostsv6", "ula"], ["ahosts", "both6"],
        ["ahosts", "mappedname"], ["ahostsv6", "mappedname"], ["ahosts", "nonexistent"],
        ["ahosts", "127.1"], ["ahosts", "1.2.3.4"], ["ahosts", "::1"], ["ahosts", "0x7f.1"],
        ["ahosts", "010.0.0.9"], ["ahosts", "127.1."], ["ahostsv6", "127.1"], ["ahostsv6", "1.2.3.4"],
        ["ahostsv4", "::1"], ["ahostsv4", "::ffff:1.2.3.4"], ["ahosts", "fe80::1%1"], ["ahosts", "fe80::1%12345"],
        ["ahosts", "fe80::1234%1"], ["ahosts", "1:2:3:4:5:6:7:8%1"], ["ahosts", "fe80::1%nosuchif"],
        ["ahosts", "::ffff:0:0"], ["ahosts", "::0.0.1.2"], ["ahosts", "1:0:0:1:0:0:0:1"], ["ahosts", "ABCD::"],
        ["ahosts", "-A", "dual"], ["ahosts", "--no-addrconfig", "localhost"], ["ahosts", "dup", "nonexistent", "x"],
    ])
    func addressDatabases(_ arguments: [String]) {
        HostsDifferential.expectSame(arguments, etc: Self.etc)
    }

    @Test("address selection order (RFC 6724 as glibc sorts)", arguments: [
        "10.0.0.1 n\n192.0.2.50 n\n192.0.2.3 n\n127.0.0.2 n\n::1 n\n2001:db8::1 n\nfd00::5 n\nfd00:1::5 n\nfe80::5 n\n2002::1 n\n::ffff:1.2.3.4 n\n::1.2.3.4 n\nfec0::1 n\n169.254.1.1 n\n8.8.8.8 n\n2600::1 n\nff02::1 n\n224.0.0.1 n\n0.0.0.0 n\n:: n\n",
        "192.0.2.1 n\n192.0.2.3 n\n", "193.0.0.1 n\n192.128.0.1 n\n", "fd00:0:0:2::7 n\nfd00:0:0:1::5 n\n",
        "192.0.2.200 n\n192.0.2.3 n\n", "192.1.2.200 n\n192.0.3.1 n\n", "fd00::1:5 n\nfd00::7 n\n",
        "fd01:: n\nfd00:8000::1 n\n", "2001:db8::1 first n\n10.0.0.1 second n\n10.0.0.1 third n\n",
    ])
    func selectionOrder(_ hosts: String) {
        let etc: [String: String?] = ["hosts": hosts, "nsswitch.conf": "hosts: files\n", "host.conf": "multi on\n"]
        for database in ["ahosts", "ahostsv4", "ahostsv6"] {
            HostsDifferential.expectSame([database, "n"], etc: etc)
        }
        HostsDifferential.expectSame(["ahosts", "-A", "n"], etc: etc)
    }

    @Test("gai.conf tables change the order", arguments: [
        "precedence ::ffff:0:0/96 100\n",
        "label ::/0 1\nlabel ::ffff:0:0/96 1\n",
        "scopev4 ::ffff:192.0.2.0/120 2\n",
        "# comments only\n",
    ])
    func gaiConf(_ gai: String) {
        let etc: [String: String?] = [
            "hosts": "::1 n\n127.0.0.1 n\nfd00::5 n\n192.0.2.50 n\n2001:db8::1 n\n10.0.0.1 n\n",
            "nsswitch.conf": "hosts: files\n", "host.conf": "multi on\n", "gai.conf": gai,
        ]
        HostsDifferential.expectSame(["ahosts", "n"], etc: etc)
    }

    @Test("host.conf multi off or missing: first line only", arguments: [Optional<String>.none, "multi off\n", "multi on\n", "order hosts,bind\n"])
    func hostConf(_ hostConf: String?) {
        let etc: [String: String?] = ["hosts": Self.hosts, "nsswitch.conf": "hosts: files\n", "host.conf": hostConf]
        for arguments in [["hosts", "dup"], ["hosts", "dup3"], ["ahosts", "dup"], ["ahostsv4", "localhost"], ["ahosts", "ula"]] {
            HostsDifferential.expectSame(arguments, etc: etc)
        }
    }

    @Test("IDN: Unicode names, -i, canonical names decoded", arguments: [
        ["hosts", "bücher.example"], ["ahosts", "bücher.example"], ["ahosts", "-i", "bücher.example"],
        ["ahosts", "BÜCHER.example"], ["ahosts", "xn--bcher-kva.example"], ["ahosts", "bücher.raw"],
        ["ahosts", "--no-idn", "bücher.raw"], ["ahosts", "münchen.de"], ["ahosts", "straße.de"], ["ahosts", "faß.de"],
        ["ahosts", "Bücher.Example"], ["hosts", "xn--bcher-kva.example"], ["ahosts", "xn--zz-bad"],
        ["ahosts", "xn--ls8h.la"], ["ahosts", "💩.la"], ["ahosts", "XN--BCHER-KVA.example2"], ["ahosts", "βίος.gr"],
        ["ahostsv4", "bücher.example"], ["ahostsv6", "bücher.example"], ["ahosts", "-i", "xn--bcher-kva.example"],
        ["ahosts", "xn--a-"], ["ahosts", "xn--a-b"], ["ahosts", "例え.テスト"],
        ["ahosts", "ПРИМЕР.испытание"], ["ahosts", "ＡＢＣ.com"], ["ahosts", "MÜNCHEN.DE"], ["ahosts", "中国"],
        ["ahosts", "İ.example"], ["ahosts", "bücher．example"], ["ahosts", "a×b.de"], ["ahosts", "ĀĂ.de"],
    ])
    func idn(_ arguments: [String]) {
        let etc: [String: String?] = [
            "hosts": "10.0.0.1 xn--bcher-kva.example\n10.0.0.2 bücher.raw\n10.0.0.3 xn--mnchen-3ya.de\n10.0.0.4 xn--strae-oqa.de\n10.0.0.6 xn--fa-hia.de\n10.0.0.7 xn--zz-bad\n10.0.0.8 xn--ls8h.la\n10.0.0.9 XN--BCHER-KVA.example2\n10.0.0.10 xn--kxaf4bm.gr\n10.0.0.11 xn--a-\n10.0.0.12 xn--a-b\n10.0.0.13 xn--r8jz45g.xn--zckzah\n10.0.0.14 xn--e1afmkfd.xn--80akhbyknj4f\n10.0.0.15 abc.com\n10.0.0.16 xn--fiqs8s\n10.0.0.17 xn--i-7iq.example\n",
            "nsswitch.conf": "hosts: files\n",
        ]
        HostsDifferential.expectSame(arguments, etc: etc)
    }

    @Test("enumeration equals glibc's on an IPv4-only file", arguments: ["ahosts", "hosts", "ahostsv4", "ahostsv6"])
    func enumerationIPv4(_ database: String) {
        let etc: [String: String?] = [
            "hosts": "127.0.0.1 localhost\n10.0.0.1 a b c\n# comment\n10.0.0.2\tt # x\n10.0.0.8#hash  hashname\nbad line\n",
            "nsswitch.conf": "hosts: files\n",
        ]
        HostsDifferential.expectSame([database], etc: etc)
    }

    @Test("enumeration prints IPv6 lines with their real address (documented difference)")
    func enumerationIPv6() {
        let etc: [String: String?] = [
            "hosts": "127.0.0.1 localhost\n::1 localhost ip6-localhost\n2001:db8::1 six\n::ffff:10.0.0.7 mapped\n",
            "nsswitch.conf": "hosts: files\n",
        ]
        let ours = HostsDifferential.run(Sandbox.tool("getent"), ["hosts"], etc: etc)
        #expect(ours.status == 0)
        #expect(ours.stdoutText == """
            127.0.0.1       localhost
            ::1             localhost ip6-localhost
            2001:db8::1     six
            ::ffff:10.0.0.7 mapped

            """)
        let glibc = HostsDifferential.run(Differential.glibcGetent, ["hosts"], etc: etc)
        #expect(glibc.stdoutText.hasPrefix("127.0.0.1       localhost\n127.0.0.1       localhost ip6-localhost\n"))
    }

    @Test("switch configurations", arguments: [
        Optional<String>.none, "passwd: files\n", "hosts: files\n", "hosts: dns\n", "hosts: files [NOTFOUND=return] dns\n",
        "hosts: nosuchsource files\n", "hosts:\n", "hosts: files [SUCCESS=continue] files\n",
    ])
    func switchConfigurations(_ nsswitch: String?) {
        // The resolver points at an address nothing listens on (refused at
        // once), so a dns source answers "not found" quickly.
        let etc: [String: String?] = [
            "hosts": "10.0.0.1 filehost\n::1 localhost\n127.0.0.1 localhost\n",
            "nsswitch.conf": nsswitch, "host.conf": "multi on\n",
            "resolv.conf": "nameserver 127.9.9.9\noptions timeout:1 attempts:1\n",
        ]
        for arguments in [["hosts", "filehost"], ["ahosts", "filehost"], ["hosts", "10.0.0.1"], ["hosts", "missing"], ["ahostsv4", "localhost"]] {
            HostsDifferential.expectSame(arguments, etc: etc)
        }
        HostsDifferential.expectSame(["-s", "hosts:files", "hosts", "filehost"], etc: etc)
        HostsDifferential.expectSame(["-s", "dns", "ahosts", "filehost"], etc: etc)
    }

    @Test("missing, empty and odd /etc/hosts", arguments: [Optional<String>.none, "", "\n\n", "# only\n", "10.0.0.1", "10.0.0.1 last-no-newline"])
    func oddFiles(_ hosts: String?) {
        let etc: [String: String?] = ["hosts": hosts, "nsswitch.conf": "hosts: files\n"]
        for arguments in [["hosts", "last-no-newline"], ["ahosts", "last-no-newline"], ["hosts", "10.0.0.1"], ["hosts", "x"]] {
            HostsDifferential.expectSame(arguments, etc: etc)
        }
    }

    @Test("output to /dev/full fails with a message")
    func writeError() {
        let result = Sandbox.runWithEtc(["hosts": "10.0.0.1 a\n", "nsswitch.conf": "hosts: files\n"], "/bin/sh",
                                        ["-c", "exec \"$0\" hosts a > /dev/full", Sandbox.tool("getent")])
        #expect(result.status != 0)
        #expect(result.stderrText.contains("write error"))
    }
}
