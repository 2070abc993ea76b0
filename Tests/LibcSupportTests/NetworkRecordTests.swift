import Testing
import LibcSupport

/// Expected outputs were observed from glibc 2.36's getent on the same files.
@Suite("networks parser and lookup")
struct NetworkRecordTests {
    func enumerate(_ file: String) -> String {
        withBytes(file) { bytes in
            rendered { out in
                for line in LineSequence(bytes) { NetworkRecord.parse(line)?.write(to: &out) }
            }
        }
    }

    func lookup(_ file: String, _ key: String) -> String? {
        withBytes(file, key: key) { bytes, key in
            NetworkRecord.lookup(key, in: bytes).map { record in rendered { record.write(to: &$0) } }
        }
    }

    @Test func numbersArePaddedOnTheRight() {
        let file = "a 1\nb 1.2\nc 1.2.3\nd 1.2.3.4\ne 1.2.3.4.5\nf 0x10\ng 010\nh 0x10.0x20\ni 256\nj 1.256\n"
            + "k 4294967295\nl 4294967296\nm 0\nn 127\no 10.0.0.0 alias1 alias2\np 255.255.255.255\nq 1.2.3.\n"
            + "r .1\ns 1..2\nt abc\nu 1.2.3 #c\nv 1.2.3\r\nw\t169.254.0.0  x\ny 012.0.0.1\nz 09\n"
        #expect(enumerate(file) == """
            a                     1.0.0.0
            b                     1.2.0.0
            c                     1.2.3.0
            d                     1.2.3.4
            e                     255.255.255.255
            f                     16.0.0.0
            g                     8.0.0.0
            h                     16.32.0.0
            i                     255.255.255.255
            j                     255.255.255.255
            k                     255.255.255.255
            l                     0.0.0.0
            m                     0.0.0.0
            n                     127.0.0.0
            o                     10.0.0.0 alias1 alias2
            p                     255.255.255.255
            q                     255.255.255.255
            r                     255.255.255.255
            s                     255.255.255.255
            t                     255.255.255.255
            u                     1.2.3.0
            v                     1.2.3.0
            w                     169.254.0.0 x
            y                     10.0.0.1
            z                     255.255.255.255

            """)
    }

    @Test func partsWrapAt32BitsAndKeepTheirPosition() {
        let file = "a 0.1.2.3\nb 0.0.1\nc 0.1\nd 0.0.0.1\ne 4294967297\nf 1.0\nh 00.1\ni 0x1.0x0.0x0.0x0\n"
            + "k 0x100000000\nl 1.4294967298\nm 1.0x\nn 1. 2\no +1\np -1\nq 0x\nr 1.-2\ns 1.2.3.4.\n"
            + "t 0xfff\nu 0377\nv 0400\nw 0X1F\nx 0xAb\ny 4294967551\nz 08\n"
        #expect(enumerate(file) == """
            a                     0.1.2.3
            b                     0.0.1.0
            c                     0.1.0.0
            d                     0.0.0.1
            e                     1.0.0.0
            f                     1.0.0.0
            h                     0.1.0.0
            i                     1.0.0.0
            k                     0.0.0.0
            l                     1.2.0.0
            m                     255.255.255.255
            n                     255.255.255.255 2
            o                     255.255.255.255
            p                     255.255.255.255
            q                     255.255.255.255
            r                     255.255.255.255
            s                     255.255.255.255
            t                     255.255.255.255
            u                     255.0.0.0
            v                     255.255.255.255
            w                     31.0.0.0
            x                     171.0.0.0
            y                     255.0.0.0
            z                     255.255.255.255

            """)
    }

    @Test func aNameAloneIsAnEntry() {
        #expect(enumerate("onlyname\nsp \n#c\n  \nn3 10 a#b c\nlast 11 z") == """
            onlyname              255.255.255.255
            sp                    255.255.255.255
            n3                    10.0.0.0 a
            last                  11.0.0.0 z

            """)
    }

    static let file = "ten 10.0.0.0 TEN\nloop 127 LOOP\nsub 1.2.3\nfull 1.2.3.4\nbad 1.2.3.4.5\n10.1 10.1\n"
        + "zero 0\nMixed 5 AliasMixed\ndup 10\nsp 0.0.0.1\nc 1.0.0.2\na 1.255.255.255\nb 1.2.255.255\n"

    @Test(arguments: [
        ("ten", "ten"), ("TEN", "ten"), ("Ten", "ten"), ("10.0", "ten"), ("10.0.0", "ten"), ("10.0.0.0", "ten"),
        ("10.0.0.0 ", "ten"), ("10.0.0.0 x", "ten"), ("10.0.0.0\t", "ten"), ("0x0a000000", "ten"),
        ("012.0.0.0", "ten"), ("167772160", "ten"), ("127.0.0.0", "loop"), ("1.2.3.0", "sub"),
        ("1.2.3.4", "full"), ("255.255.255.255", "bad"), ("1.2.3.4.5", "bad"), ("1abc", "bad"),
        ("4294967295", "bad"), ("4294967296", "bad"), ("0x", "bad"), ("1.", "bad"), ("1..2", "bad"),
        ("256.0.0.0", "bad"), ("1.16777216", "bad"), ("1.2.65536", "bad"), ("08", "bad"), ("0x1g", "bad"),
        ("1.+2", "bad"), ("1. 2", "bad"), ("1.0x", "bad"), ("1.2.3.4,", "bad"), ("10.0.0.0.0", "bad"),
        ("99999999999999999999", "bad"), ("10.1.0.0", "10.1"), ("0", "zero"), ("0.0.0.0", "zero"),
        ("mixed", "Mixed"), ("aliasmixed", "Mixed"), ("1", "sp"), ("1 x", "sp"), ("0X1", "sp"),
        ("00000000000000000000001", "sp"), ("1.0.0.0x02", "c"), ("1.0.0.0002", "c"),
        ("1.16777215", "a"), ("1.2.65535", "b"), ("dup", "dup"),
    ])
    func hits(key: String, name: String) {
        let line = lookup(Self.file, key)
        #expect(line?.hasPrefix(name + " ") == true, "\(key) gave \(line ?? "nothing")")
    }

    @Test(arguments: ["10", "0xa", "012", "127", "1.2.3", "0.1.2.3", "10.1", "5", "10 ", " 10.0.0.0", "", "te"])
    func misses(key: String) {
        #expect(lookup(Self.file, key) == nil)
    }
}
