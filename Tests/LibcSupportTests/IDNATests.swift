import Testing
@testable import LibcSupport

@Suite("Punycode and IDNA")
struct IDNATests {
    func ascii(_ text: String) -> String? {
        withBytes(text) { IDNA.toASCII($0).map { String(decoding: $0, as: UTF8.self) } }
    }

    func unicode(_ text: String) -> String {
        withBytes(text) { String(decoding: IDNA.toUnicode($0), as: UTF8.self) }
    }

    @Test("lookup forms glibc (libidn2) uses", arguments: [
        ("bücher.example", "xn--bcher-kva.example"),
        ("BÜCHER.example", "xn--bcher-kva.example"),
        ("Bücher.Example", "xn--bcher-kva.example"),
        ("münchen.de", "xn--mnchen-3ya.de"),
        ("straße.de", "xn--strae-oqa.de"),
        ("faß.de", "xn--fa-hia.de"),
        ("βίος.gr", "xn--kxaf4bm.gr"),
        ("例え.テスト", "xn--r8jz45g.xn--zckzah"),
        ("bücher。example", "xn--bcher-kva.example"),
        ("ПРИМЕР.испытание", "xn--e1afmkfd.xn--80akhbyknj4f"),
        ("ＡＢＣ.com", "abc.com"),
        ("MÜNCHEN.DE", "xn--mnchen-3ya.de"),
        ("ΒΊΟΣ.gr", "xn--kxaf4bq.gr"),
        ("bücher..example", "xn--bcher-kva..example"),    // empty labels pass
        ("\u{00A0}x.de", " x.de"),                           // mapped to a space: an ASCII label, not checked
        ("ǅ.de", "xn--d-toa.de"),                          // title case to the lower-case pair
        ("ﬁ.de", "fi.de"),                                // ligature
        ("ｅｘａｍｐｌｅ．ｃｏｍ", "example.com"),           // full width
        ("ü\u{00AD}b", "xn--b-dha"),                       // soft hyphen ignored
        ("u\u{0308}.de", "xn--tda.de"),                      // NFC
        ("\u{1100}\u{1161}", "xn--o39a"),                     // conjoining jamo composed
        ("a≠b", "xn--ab-miv"),                             // disallowed_STD3_valid passes
        ("xn--bsh.ü", "xn--bsh.xn--tda"),                   // an A-label of U+2476 (STD3 mapped) passes
        ("\u{0915}\u{094D}\u{200C}", "xn--11b6iv14e"),       // ZWNJ after a virama
        ("ا١۱", "xn--mgb0j6q"),                            // Arabic and European digits together
        ("\u{A7F2}x.de", "cx.de"),                          // Unicode 14 mapping
    ])
    func toASCII(_ input: String, _ expected: String) {
        #expect(ascii(input) == expected)
    }

    @Test("names libidn2 refuses", arguments: [
        "💩.la", "a\u{2603}.de", "a×b.de", "x\u{E000}.de", "a\u{2014}b.de", "¡x.de", "½.de", "ü!b.de", "-ü.de",
        "ü-.de", "üb--x.de", "\u{0308}a.de", "a\u{200D}b", "aא", "1א", "\u{0D04}.de", "\u{0870}.de", "xn--a.ü",
        "xn--ls8h.ü", "xn--u-ccb.ü", "xn---tda.ü", "xn--tda-.ü",
        String(repeating: "ü", count: 60), String(repeating: "a", count: 64) + ".ü",
    ])
    func refused(_ input: String) {
        #expect(ascii(input) == nil)
    }

    @Test("invalid UTF-8 is refused")
    func badUTF8() {
        let bytes: [UInt8] = [0x62, 0xC3, 0x28, 0x2E, 0x64, 0x65]
        let result = bytes.withUnsafeBufferPointer { IDNA.toASCII(ByteString(start: $0.baseAddress, count: $0.count)) }
        #expect(result == nil)
        let truncated: [UInt8] = [0x62, 0xE2, 0x82]
        #expect(truncated.withUnsafeBufferPointer { IDNA.toASCII(ByteString(start: $0.baseAddress, count: $0.count)) } == nil)
    }

    @Test("canonical names decoded as glibc prints them", arguments: [
        ("xn--bcher-kva.example", "bücher.example"),
        ("XN--BCHER-KVA.example", "BüCHER.example"),
        ("xn--zz-bad", "z\u{81}\u{80}z"),
        ("xn--ls8h.la", "💩.la"),
        ("abc--def", "abc--def"),
        ("xn--nxasmq6b.gr", "βόλοσ.gr"),
        ("xn--a-b", "xn--a-b"),
        ("xn--", "xn--"),
        ("xn--a-", "xn--a-"),
        ("xn--99999999999", "xn--99999999999"),
        ("plain.example", "plain.example"),
    ])
    func toUnicode(_ input: String, _ expected: String) {
        #expect(unicode(input) == expected)
    }

    @Test("Punycode round trip of RFC 3492 sample")
    func rfcSample() {
        // (A) Arabic (Egyptian) from RFC 3492 section 7.1.
        let scalars: [UInt32] = [0x0644, 0x064A, 0x0647, 0x0645, 0x0627, 0x0628, 0x062A, 0x0643, 0x0644,
                                 0x0645, 0x0648, 0x0634, 0x0639, 0x0631, 0x0628, 0x064A, 0x061F]
        let encoded = Punycode.encode(scalars).map { String(decoding: $0, as: UTF8.self) }
        #expect(encoded == "egbpdaj6bu4bxfgehfvwxn")
        let decoded = withBytes("egbpdaj6bu4bxfgehfvwxn") { Punycode.decode($0) }
        #expect(decoded == scalars)
    }
}
