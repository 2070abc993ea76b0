import Testing
import LibcSupport

/// Expected outputs below were observed from glibc 2.36's getent on the
/// same file contents.
@Suite("services parser and lookup")
struct ServiceRecordTests {
    func enumerate(_ file: String) -> String {
        withBytes(file) { bytes in
            rendered { out in
                for line in LineSequence(bytes) { ServiceRecord.parse(line)?.write(to: &out) }
            }
        }
    }

    func lookup(_ file: String, _ key: String) -> String? {
        withBytes(file, key: key) { bytes, key in
            ServiceRecord.lookup(key, in: bytes).map { record in rendered { record.write(to: &$0) } }
        }
    }

    @Test func formatsLikeGlibc() {
        #expect(enumerate("http 80/tcp www WWW\n") == "http                  80/tcp www WWW\n")
        #expect(enumerate("averyveryverylongservicename 12/tcp\n") == "averyveryverylongservicename 12/tcp\n")
        #expect(enumerate("foo 12/tcp a b\tc # comment\n") == "foo                   12/tcp a b c\n")
    }

    @Test func portsAreReadLikeStrtoulBaseZeroAndCutTo16Bits() {
        let file = "x 0/tcp\ny 65535/tcp\nz 65536/tcp\nw 70000/tcp\nv -1/tcp\nu 1x/tcp\nr 012/tcp\ns 0x10/tcp\n"
            + "g 0X1f/tcp\nf 0x/tcp\np 08/tcp\na +5/tcp\nb -0/tcp\nc 4294967295/tcp\nd 4294967296/tcp\n"
            + "m 99999999999999999999/tcp\nn -18446744073709551615/tcp\n"
        #expect(enumerate(file) == """
            x                     0/tcp
            y                     65535/tcp
            z                     0/tcp
            w                     4464/tcp
            r                     10/tcp
            s                     16/tcp
            g                     31/tcp
            a                     5/tcp
            b                     0/tcp
            c                     65535/tcp
            n                     1/tcp

            """)
    }

    @Test func portMustBeFollowedBySlashOrLineEnd() {
        let file = "q 12\nr 13 \nt 12/\nd 12 x y\ne 12 /tcp\nc 5/tcp/x\nk\nj 5/tcp \ncr 13/tcp\r\nq2 12\r\n"
        #expect(enumerate(file) == """
            q                     12/
            t                     12/
            c                     5/tcp/x
            j                     5/tcp
            cr                    13/tcp

            """)
    }

    @Test func commentsWhiteSpaceAndNul() {
        let file = "  e 5/tcp\nf#o 5/tcp\ng 5/tcp#x y\nh 5/tcp x#y z\ni\t5/tcp\tx\t\ty  \nl\u{0B}15/tcp\n"
            + "a 5/tcp\u{0}garbage x\nb 6/t\u{0}cp x\nlast 7/tcp y"
        #expect(enumerate(file) == """
            e                     5/tcp
            g                     5/tcp
            h                     5/tcp x
            i                     5/tcp x y
            l                     15/tcp
            a                     5/tcp
            b                     6/t
            last                  7/tcp y

            """)
    }

    static let file = "http 80/tcp www WWW\nhttp 80/udp\nhttps 443/tcp\nq 12\nfoo 80/sctp\nfoo 81/TCP\n"
        + "bar 82/tcp www\ndup 90/tcp\ndup 91/tcp\n9p 564/tcp\n65536 6/tcp\nbig 65616/tcp\nc 5/tcp/x\n"

    @Test(arguments: [
        ("http", "http                  80/tcp www WWW\n"),
        ("80", "http                  80/tcp www WWW\n"),
        ("080", "http                  80/tcp www WWW\n"),
        ("80/tcp", "http                  80/tcp www WWW\n"),
        ("http/udp", "http                  80/udp\n"),
        ("www/tcp", "http                  80/tcp www WWW\n"),
        ("WWW", "http                  80/tcp www WWW\n"),
        ("foo/TCP", "foo                   81/TCP\n"),
        ("q/", "q                     12/\n"),
        ("12/", "q                     12/\n"),
        ("dup", "dup                   90/tcp\n"),
        ("9p", "9p                    564/tcp\n"),
        ("65536", "65536                 6/tcp\n"),
        ("5/tcp/x", "c                     5/tcp/x\n"),
        ("c/tcp/x", "c                     5/tcp/x\n"),
    ])
    func hits(key: String, expected: String) {
        #expect(lookup(Self.file, key) == expected)
    }

    @Test(arguments: ["http/sctp", "0x50", "0120", "+80", " 80", "80x", "/tcp", "http/", "HTTP", "foo/tcp",
                      "81/tcp", "65616", "123", "4294967376", "80/tcp/x", "80 /tcp", "", "ww", "tcp", "80/"])
    func misses(key: String) {
        #expect(lookup(Self.file, key) == nil)
    }

    @Test func keyForms() {
        withBytes("80/tcp") { #expect(ServiceQuery(key: $0).target == .port(80)) }
        withBytes("65535") { #expect(ServiceQuery(key: $0).target == .port(65535)) }
        withBytes("65536") { key in
            #expect(ServiceQuery(key: key).target == .name(key))
        }
        withBytes("http") { key in
            #expect(ServiceQuery(key: key).proto == nil)
        }
    }
}
