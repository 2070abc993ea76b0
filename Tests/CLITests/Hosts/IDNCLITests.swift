import Testing

/// `getent ahosts` and its kin on Unicode names, against glibc's getent
/// (libidn2 underneath): the lookup form of each name and the canonical
/// name printed back in Unicode, with and without `-i`.
@Suite("Hosts: IDN against glibc", .enabled(if: HostsDifferential.ready, HostsDifferential.skipReason))
struct IDNCLITests {
    static let hosts = """
        10.1.0.1 fix.example
        10.1.0.2 example.com
        10.1.0.3 xn--ber-goa.example
        10.1.0.4 xn--o39a.example
        10.1.0.5 xn--fa-hia.example
        10.1.0.6 xn--3xa.example xn--4xa.example
        10.1.0.7 xn--11b6iy14e.example
        10.1.0.8 xn--9dbne9b.example
        10.1.0.9 xn--mgbh0fb.example
        10.1.0.10 xn--x-dha.example
        10.1.0.11 xn--tda.xn--tda
        10.1.0.12 xn--d-toa.example
        10.1.0.13 (3).example
        10.1.0.14 xn--ab-miv.example
        10.1.0.15 xn--tda..example
        10.1.0.16 xn--tda.example
        10.1.0.17 xii.example
        10.1.0.18 kg.example
        10.1.0.19 xn--i-9bb.example
        10.1.0.20 c.example
        10.1.0.21 xn--_x-wka.example
        10.1.0.22 xn--bsh.xn--tda
        10.1.0.23 xn--a0.xn--tda
        10.1.0.24 XN--TDA.upper
        10.1.0.25 xn--ls8h.xn--tda
        10.1.0.26 fass.example
        10.1.0.27 ab.example
        2001:db8::1 xn--ber-goa.example

        """

    @Test("lookup forms and canonical names", arguments: [
        "ﬁx.example", "ｅｘａｍｐｌｅ．ｃｏｍ", "u\u{0308}ber.example", "\u{1100}\u{1161}.example", "faß.example",
        "ς.example", "Σ.example", "\u{0915}\u{094D}\u{200D}.example", "שלום.example", "مثال.example",
        "a\u{05D0}.example", "¡hola.example", "-ü.example", "ü\u{00AD}x.example", "xn--tda.ü", "ǅ.example",
        "⑶.example", "½.example", "a≠b.example", "ü..example", "ü.example.", "Ⅻ.example", "㎏.example",
        "İ.example", "ꟲ.example", "\u{0301}a.example", "ü\u{200B}x.example", "ü_x.example", "ü x.example",
        "xn--bsh.ü", "ÜBER.EXAMPLE", "über。example", "a\u{200D}b.example", "ü\u{E000}.example",
        "\u{0D04}.example", String(repeating: "ü", count: 60) + ".example",
    ])
    func lookup(_ name: String) {
        let etc: [String: String?] = ["hosts": Self.hosts, "nsswitch.conf": "hosts: files\n"]
        for database in ["ahosts", "ahostsv4", "ahostsv6", "hosts"] {
            HostsDifferential.expectSame([database, name], etc: etc)
        }
        HostsDifferential.expectSame(["ahosts", "-i", name], etc: etc)
    }

    @Test("canonical names from the file decoded, or kept whole when a label does not decode", arguments: [
        "xn--ber-goa.example", "xn--tda.xn--tda", "xn--a0.xn--tda", "XN--TDA.upper", "xn--ls8h.xn--tda",
        "xn--bsh.xn--tda", "xn--tda..example", "xn--_x-wka.example",
    ])
    func canonical(_ name: String) {
        let etc: [String: String?] = ["hosts": Self.hosts, "nsswitch.conf": "hosts: files\n"]
        HostsDifferential.expectSame(["ahosts", name], etc: etc)
        HostsDifferential.expectSame(["ahostsv4", "--no-idn", name], etc: etc)
    }
}
