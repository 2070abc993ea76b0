import Testing
import LibcSupport

/// Expected outputs were observed from glibc 2.36's getent on the same files.
@Suite("ethers parser and lookup")
struct EtherRecordTests {
    func lookup(_ file: String, _ key: String) -> String? {
        withBytes(file, key: key) { bytes, key in
            EtherRecord.lookup(key, in: bytes).map { record in rendered { record.write(to: &$0) } }
        }
    }

    static let file = "01:02:03:04:05:06 lead\nAA:BB:CC:DD:EE:FF upper\n1:2:3:4:5 five\n1:2:3:4:5:6:7 seven\n"
        + "100:2:3:4:5:6 big\n1-2-3-4-5-6 dash\n0:0:0:0:0:0\tzero # c\n8:0:20:1:2:3 h1 h2\n"
        + "  9:0:0:0:0:1 lead2\n9:0:0:0:0:2 cr\r\nx:0:0:0:0:3 bad\n9:0:0:0:0:4\n9::0:0:0:5 empty\n"
        + "9:0:0:0:0:6x junk\n9:0:0:0:0:7#c nospace\n009:0:0:0:0:8 z3\n9: 0:0:0:0:9 sp\n9:-0:0:0:0:a neg\n"
        + "9:0:0:0:0: b sp2\n0x9:0:0:0:0:c hx\n+9:0:0:0:0:d plus\n9:0:0:0:0:0ff b0\n9:0:0:0:0:100 b1\n"
        + "9:0:0:0:0:e:f extra\n9:0:0:0:0:10,x comma\n9:0:0:0:1:0 nul\u{0}x\n"

    @Test(arguments: [
        ("lead", "1:2:3:4:5:6 lead\n"),
        ("LEAD", "1:2:3:4:5:6 LEAD\n"),
        ("upper", "aa:bb:cc:dd:ee:ff upper\n"),
        ("zero", "0:0:0:0:0:0 zero\n"),
        ("h1", "8:0:20:1:2:3 h1\n"),
        ("lead2", "9:0:0:0:0:1 lead2\n"),
        ("cr", "9:0:0:0:0:2 cr\n"),
        ("z3", "9:0:0:0:0:8 z3\n"),
        ("sp", "9:0:0:0:0:9 sp\n"),
        ("neg", "9:0:0:0:0:a neg\n"),
        ("sp2", "9:0:0:0:0:b sp2\n"),
        ("hx", "9:0:0:0:0:c hx\n"),
        ("plus", "9:0:0:0:0:d plus\n"),
        ("b0", "9:0:0:0:0:ff b0\n"),
        ("nul", "9:0:0:0:1:0 nul\n"),
        ("", "9:0:0:0:0:4 \n"),
        ("1:2:3:4:5:6", "1:2:3:4:5:6 lead\n"),
        ("01:02:03:04:05:06", "1:2:3:4:5:6 lead\n"),
        ("aa:bb:cc:dd:ee:ff", "aa:bb:cc:dd:ee:ff upper\n"),
        ("AA:BB:CC:DD:EE:FF", "aa:bb:cc:dd:ee:ff upper\n"),
        ("9:0:0:0:0:2", "9:0:0:0:0:2 cr\n"),
        ("9:0:0:0:0:4", "9:0:0:0:0:4 \n"),
        ("9:0:0:0:0:04", "9:0:0:0:0:4 \n"),
        ("9:0:0:0:0:4 ", "9:0:0:0:0:4 \n"),
        ("9:0:0:0:0:4 x", "9:0:0:0:0:4 \n"),
        ("9:0:0:0:0:7", "9:0:0:0:0:7 \n"),
        ("9:0:0:0:0:ff", "9:0:0:0:0:ff b0\n"),
    ])
    func hits(key: String, expected: String) {
        #expect(lookup(Self.file, key) == expected)
    }

    @Test(arguments: ["five", "seven", "big", "dash", "h2", "bad", "junk", "nospace", "empty", "b1", "extra",
                      "comma", "x", "9:0:0:0:0:5", "9:0:0:0:0:6", "9:0:0:0:0:e", "9:0:0:0:0:10", "1-2-3-4-5-6",
                      "9:0:0:0:0:4x", "009:0:0:0:0:4", "9:0:0:0:0", "9:0:0:0:0:4:5", "9:0:0:0:0:"])
    func misses(key: String) {
        #expect(lookup(Self.file, key) == nil)
    }

    @Test func keysOfOneOrTwoHexDigits() {
        withBytes("a:B:0c:D0:e:ff") { key in
            #expect(EtherAddress.parseKey(key) == EtherAddress(bits: 0x0A0B_0CD0_0EFF))
        }
        withBytes("a:b:c:d:e") { #expect(EtherAddress.parseKey($0) == nil) }
        withBytes("0a:0b:0c:0d:0e:100") { #expect(EtherAddress.parseKey($0) == nil) }
    }
}
