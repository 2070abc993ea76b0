import Testing
import LibcSupport

/// Expected outputs were observed from glibc 2.36's getent on the same files.
@Suite("protocols parser and lookup")
struct ProtocolRecordTests {
    func enumerate(_ file: String) -> String {
        withBytes(file) { bytes in
            rendered { out in
                for line in LineSequence(bytes) { ProtocolRecord.parse(line)?.write(to: &out) }
            }
        }
    }

    func lookup(_ file: String, _ key: String) -> String? {
        withBytes(file, key: key) { bytes, key in
            ProtocolRecord.lookup(key, in: bytes).map { record in rendered { record.write(to: &$0) } }
        }
    }

    @Test func numbersAreUnsigned32BitShownAsInt() {
        let file = "ip 0 IP # comment\nicmp\t1\tICMP\n  tcp 6 TCP x\nbig 256 B\nneg -1 N\nhuge 4294967296 H\n"
            + "max 2147483647\nmax2 2147483648\nmax3 4294967295\noct 010\nhex 0x10\nbad 1x\nnonum\nsp 5 \n"
            + "sp2 6\r\nnul 7\u{0} x\nveryveryverylongprotocolname 8 a\nz -18446744073709551615\n"
            + "y -18446744073709551616\nplus +5\nnegz -0 x\nc 5# x\nlast 9 z"
        #expect(enumerate(file) == """
            ip                    0 IP
            icmp                  1 ICMP
            tcp                   6 TCP x
            big                   256 B
            max                   2147483647
            max2                  -2147483648
            max3                  -1
            oct                   10
            sp                    5
            sp2                   6
            nul                   7
            veryveryverylongprotocolname 8 a
            z                     1
            plus                  5
            negz                  0 x
            c                     5
            last                  9 z

            """)
    }

    static let file = "ip 0 IP\nicmp 1 ICMP\ntcp 6 TCP\nbig 256 B\nmax2 2147483648 M2\nmax3 4294967295 M3\n"
        + "123 77\nnegz -0 NZ\ndup 6 D\n"

    @Test(arguments: [
        ("0", "ip                    0 IP\n"),
        ("6", "tcp                   6 TCP\n"),
        ("06", "tcp                   6 TCP\n"),
        ("6x", "tcp                   6 TCP\n"),
        ("0x6", "ip                    0 IP\n"),
        ("4294967296", "ip                    0 IP\n"),
        ("4294967295", "max3                  -1 M3\n"),
        ("99999999999999999999", "max3                  -1 M3\n"),
        ("2147483648", "max2                  -2147483648 M2\n"),
        ("ICMP", "icmp                  1 ICMP\n"),
        ("icmp", "icmp                  1 ICMP\n"),
        ("77", "123                   77\n"),
        ("NZ", "negz                  0 NZ\n"),
        ("dup", "dup                   6 D\n"),
    ])
    func hits(key: String, expected: String) {
        #expect(lookup(Self.file, key) == expected)
    }

    @Test(arguments: ["-1", "-2147483648", "+6", " 6", "Icmp", "123", "", "7", "I"])
    func misses(key: String) {
        #expect(lookup(Self.file, key) == nil)
    }
}

@Suite("rpc parser and lookup")
struct RPCRecordTests {
    func enumerate(_ file: String) -> String {
        withBytes(file) { bytes in
            rendered { out in
                for line in LineSequence(bytes) { RPCRecord.parse(line)?.write(to: &out) }
            }
        }
    }

    func lookup(_ file: String, _ key: String) -> String? {
        withBytes(file, key: key) { bytes, key in
            RPCRecord.lookup(key, in: bytes).map { record in rendered { record.write(to: &$0) } }
        }
    }

    @Test func formatAndNumbers() {
        let file = "portmapper\t100000\tportmap sunrpc rpcbind\nnoal 5\nverylongrpcnamexx 6 a\nneg -1 x\n"
            + "big 4294967295 b\nbig2 2147483648\nover 4294967296\noct 010\nhex 0x10 h\nbad 1x\nsp 7 \ncr 8\r\n"
            + "cm 9 # c\nnul 10\u{0} x\n  lead 11 l\nb -0 x\nlast 12 z"
        #expect(enumerate(file) == """
            portmapper      100000  portmap sunrpc rpcbind
            noal            5
            verylongrpcnamexx 6  a
            big             -1  b
            big2            -2147483648
            oct             10
            sp              7
            cr              8
            cm              9
            nul             10
            lead            11  l
            b               0  x
            last            12  z

            """)
    }

    static let file = "portmapper 100000 portmap SunRPC\nbig 4294967295 B\n123 77\ndup 100000 D\n"

    @Test(arguments: [
        ("100000", "portmapper      100000  portmap SunRPC\n"),
        ("portmap", "portmapper      100000  portmap SunRPC\n"),
        ("SunRPC", "portmapper      100000  portmap SunRPC\n"),
        ("100000x", "portmapper      100000  portmap SunRPC\n"),
        ("4295067296", "portmapper      100000  portmap SunRPC\n"),
        ("4294967295", "big             -1  B\n"),
        ("99999999999999999999", "big             -1  B\n"),
        ("77", "123             77\n"),
        ("dup", "dup             100000  D\n"),
    ])
    func hits(key: String, expected: String) {
        #expect(lookup(Self.file, key) == expected)
    }

    @Test(arguments: ["sunrpc", "Portmapper", "-1", "123", "+100000", ""])
    func misses(key: String) {
        #expect(lookup(Self.file, key) == nil)
    }
}
