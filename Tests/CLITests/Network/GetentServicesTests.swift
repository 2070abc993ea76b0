import Foundation
import Testing

/// Differential tests of `getent services` and `getent protocols`: ours and
/// glibc's getent on the same fixture /etc must print the same bytes and
/// exit with the same status.
@Suite("getent services and protocols vs glibc",
       .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason),
       .enabled(if: Sandbox.toolExists("getent"), "build/getent is missing: run make first"))
struct GetentServicesTests {
    static let etc: [String: String?] = [
        "nsswitch.conf": NetworkFixtures.filesSwitch,
        "services": NetworkFixtures.services,
        "protocols": NetworkFixtures.protocols,
    ]

    static let serviceKeys: [String] = [
        // names, aliases, case
        "tcpmux", "echo", "http", "www", "www-http", "webcache", "WWW", "HTTP", "Http", "kerberos", "krb5",
        "UpperAlias", "upperalias", "Mixed", "mixed", "MiXeD", "averyveryverylongservicename", "longalias",
        // numbers: decimal only, up to 65535, leading zeros allowed
        "1", "7", "80", "080", "0080", "443", "8080", "9", "0", "65535", "65536", "4464", "80x", "+80",
        "0x50", " 80", "80 ", "-1", "99999999999999999999", "4294967376", "81", "84", "87",
        // name/protocol and port/protocol
        "http/tcp", "http/udp", "http/sctp", "echo/udp", "7/udp", "7/tcp", "80/tcp", "80/udp", "80/TCP",
        "upper/TCP", "upper/tcp", "81/TCP", "81/tcp", "sctpsvc/sctp", "9/sctp", "9/ddp", "discard-ddp/ddp",
        "www/tcp", "www/udp", "/tcp", "http/", "80/", "bare/", "86/", "bare", "86", "slashonly", "88/",
        "multislash", "90/tcp/x", "multislash/tcp/x", "90/tcp", "webcache/tcp",
        // odd lines
        "oct", "hex", "plus", "negzero", "0/udp", "wrap", "max", "wrapmax", "65535/udp", "toobig", "neg",
        "badnum", "nohex", "badoct", "baresp", "spaced", "89", "commented", "comment", "alias", "cut", "one",
        "two", "three", "f", "f#oo", "93", "crlf", "cralias", "94", "indented", "95", "nul", "hidden",
        "96", "9pfs", "564", "97", "dup", "98", "99", "first", "second", "samealias", "100", "tab", "x",
        "y", "justname", "last", "lastalias", "102", "", "nosuch", "#",
    ]

    @Test("services lookups", arguments: serviceKeys)
    func serviceLookup(key: String) {
        Differential.expectSameGetent(["services", key], etc: Self.etc)
    }

    @Test func servicesEnumeration() {
        Differential.expectSameGetent(["services"], etc: Self.etc)
    }

    @Test func servicesSeveralKeys() {
        Differential.expectSameGetent(["services", "http", "nosuch", "7/udp", "443"], etc: Self.etc)
        Differential.expectSameGetent(["services", "--", "http", "-1"], etc: Self.etc)
    }

    @Test func servicesOnTheHostFile() {
        // The machine's own /etc/services and nsswitch.conf ("db files").
        for key in ["http", "80", "ssh", "22/tcp", "domain/udp", "nosuch", "kerberos", "65535"] {
            Differential.expectSameGetent(["services", key])
        }
        Differential.expectSameGetent(["services"])
    }

    static let protocolKeys: [String] = [
        "ip", "IP", "Ip", "icmp", "ICMP", "tcp", "TCP", "udp", "ipv6-icmp", "IPv6-ICMP", "0", "1", "6", "06",
        "17", "58", "6x", "0x6", "+6", "-1", " 6", "6 ", "256", "big", "2147483647", "2147483648", "-2147483648",
        "4294967295", "4294967296", "4294967302", "99999999999999999999", "wrap", "all", "ALL", "toobig", "neg",
        "negzero", "NZ", "plus", "7", "oct", "OCT", "8", "10", "hex", "16", "bad", "nonum", "sp", "SP", "11",
        "crlf", "CRLF", "12", "nul", "NUL", "13", "cm", "comment", "14", "123", "77", "dup", "first", "Case",
        "case", "CaseAlias", "15", "indented", "ind", "veryveryverylongprotocolname", "long", "18", "last",
        "LAST", "19", "", "nosuch",
    ]

    @Test("protocols lookups", arguments: protocolKeys)
    func protocolLookup(key: String) {
        Differential.expectSameGetent(["protocols", key], etc: Self.etc)
    }

    @Test func protocolsEnumeration() {
        Differential.expectSameGetent(["protocols"], etc: Self.etc)
        Differential.expectSameGetent(["protocols", "tcp", "nosuch", "17"], etc: Self.etc)
    }

    @Test func protocolsOnTheHostFile() {
        for key in ["tcp", "6", "ipv6-icmp", "IPV6-ICMP", "255", "nosuch"] {
            Differential.expectSameGetent(["protocols", key])
        }
        Differential.expectSameGetent(["protocols"])
    }
}
