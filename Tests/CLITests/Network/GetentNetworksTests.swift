import Foundation
import Testing

/// Differential tests of `getent networks`, `getent rpc` and `getent ethers`.
@Suite("getent networks, rpc and ethers vs glibc",
       .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason),
       .enabled(if: Sandbox.toolExists("getent"), "build/getent is missing: run make first"))
struct GetentNetworksTests {
    static let etc: [String: String?] = [
        "nsswitch.conf": NetworkFixtures.filesSwitch,
        "networks": NetworkFixtures.networks,
        "rpc": NetworkFixtures.rpc,
        "ethers": NetworkFixtures.ethers,
    ]

    static let networkKeys: [String] = [
        // names and aliases ignore case
        "default", "DEFAULT", "loopback", "link-local", "LL", "ll", "linklocal", "ten", "TEN", "Ten", "sub",
        "twoparts", "full", "hexnet", "octnet", "wrapnet", "toobig", "fiveparts", "trailingdot", "noaddr",
        "junk", "Mixed", "mixed", "aliasmixed", "crlf", "cralias", "cm", "comment", "nul", "x", "indented",
        "ind", "dup", "last", "last ", "", "nosuch",
        // numbers: read like inet_addr (a.b is 8.24 bits)
        "0", "0.0.0.0", "127", "127.0.0.0", "127.0", "169.254.0.0", "169.254", "10", "10.0", "10.0.0",
        "10.0.0.0", "0xa", "012", "012.0.0.0", "0x0a000000", "167772160", "1.2.3", "1.2.3.0", "172.16.0.0",
        "172.16", "192.168.1.1", "10.1.0.0", "10.1", "1.0.0.0", "255.255.255.255", "4294967295", "1abc",
        "1.2.3.4.5", "256.0.0.0", "10.0.0.0 ", "10.0.0.0 junk", "10.0.0.0.", "08", "0x", "1..2",
        "11.0.0.0", "12.0.0.0", "13", "13.0.0.0", "14.0.0.0", "15.0.0.0", "5.0.0.0", "99999999999999999999",
    ]

    @Test("networks lookups", arguments: networkKeys)
    func networkLookup(key: String) {
        Differential.expectSameGetent(["networks", key], etc: Self.etc)
    }

    @Test func networksEnumeration() {
        Differential.expectSameGetent(["networks"], etc: Self.etc)
        Differential.expectSameGetent(["networks"])
        Differential.expectSameGetent(["networks", "loopback", "link-local", "nosuch"])
    }

    static let rpcKeys: [String] = [
        "portmapper", "portmap", "sunrpc", "rpcbind", "PORTMAP", "100000", "0100000", "100000x", "+100000",
        "-1", "rstatd", "rup", "perfmeter", "100001", "nfs", "nfsprog", "100003", "noalias", "100004",
        "verylongrpcnamexx", "long", "100005", "all", "ALL", "4294967295", "99999999999999999999", "wrap",
        "2147483648", "toobig", "4294967296", "0", "neg", "negzero", "nz", "oct", "10", "8", "hex", "h", "16",
        "bad", "1", "sp", "7", "crlf", "cm", "c", "9", "nul", "x", "indented", "ind", "11", "123", "77", "dup",
        "D", "Case", "case", "CaseAlias", "12", "last", "z", "13", "", "nosuch", "4295067296",
    ]

    @Test("rpc lookups", arguments: rpcKeys)
    func rpcLookup(key: String) {
        Differential.expectSameGetent(["rpc", key], etc: Self.etc)
    }

    @Test func rpcEnumeration() {
        Differential.expectSameGetent(["rpc"], etc: Self.etc)
        Differential.expectSameGetent(["rpc"])
        Differential.expectSameGetent(["rpc", "nfs", "100005", "nosuch", "mountd"])
    }

    static let etherKeys: [String] = [
        // host names ignore case; the name printed is the key as given
        "sun1", "SUN1", "sun2", "alias-ignored", "UpperMac", "uppermac", "zero", "comment", "indented", "crlf",
        "nospace", "threedigits", "spacedpart", "negzero", "hexprefix", "padded", "toobig", "fiveparts",
        "sevenparts", "dashes", "nothex", "emptypart", "junk", "nul", "dup", "secondname", "badmac", "mixed",
        "last", "", "nosuch",
        // addresses: one or two hex digits per part, printed without leading zeros
        "08:00:20:00:00:01", "8:0:20:0:0:1", "8:0:20:0:0:2", "aa:bb:cc:dd:ee:ff", "AA:BB:CC:DD:EE:FF",
        "0:0:0:0:0:0", "00:00:00:00:00:00", "9:0:0:0:0:1", "9:0:0:0:0:2", "9:0:0:0:0:3", "9:0:0:0:0:4",
        "9:0:0:0:0:5", "9:0:0:0:0:6", "9:0:0:0:0:7", "9:0:0:0:0:8", "9:0:0:0:0:ff", "9:0:0:0:1:0",
        "9:0:0:0:1:1", "9:0:0:0:1:2", "9:0:0:0:1:4", "09:00:00:00:01:04", "9:0:0:0:1:4 ", "9:0:0:0:1:4 x",
        "9:0:0:0:1:4x", "009:0:0:0:1:4", "9:0:0:0:1", "9:0:0:0:1:4:5", "9:0:0:0:1:", "1-2-3-4-5-6",
        "1:2:3:4:5:6", "ff:ff:ff:ff:ff:ff",
    ]

    @Test("ethers lookups", arguments: etherKeys)
    func etherLookup(key: String) {
        Differential.expectSameGetent(["ethers", key], etc: Self.etc)
    }

    @Test func ethersCannotBeEnumerated() {
        let (ours, glibc) = Differential.expectSameGetent(["ethers"], etc: Self.etc)
        #expect(ours.status == 3)
        #expect(ours.stderrText == glibc.stderrText)
        Differential.expectSameGetent(["ethers", "sun1", "nosuch", "8:0:20:0:0:2"], etc: Self.etc)
    }
}
