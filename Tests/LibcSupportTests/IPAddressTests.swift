import Testing
@testable import LibcSupport

/// Runs `body` with `text` as a borrowed ByteString.
func withBytes<R>(_ text: String, _ body: (ByteString) -> R) -> R {
    var copy = text
    return copy.withUTF8 { body(ByteString(start: $0.baseAddress, count: $0.count)) }
}

@Suite("IP address text")
struct IPAddressTests {
    func pton(_ text: String) -> String? {
        withBytes(text) { IPAddress.parse($0)?.description }
    }

    @Test("inet_ntop forms glibc prints", arguments: [
        ("::ffff:0:0", "::ffff:0.0.0.0"),
        ("::0.0.1.2", "::102"),
        ("1:0:0:1:0:0:0:1", "1:0:0:1::1"),
        ("1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0"),
        ("0:0:1::", "0:0:1::"),
        ("::ffff:1.2.3.4", "::ffff:1.2.3.4"),
        ("::1.2.3.4", "::1.2.3.4"),
        ("ABCD::", "abcd::"),
        ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
        ("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"),
        ("1::2:3:4:5:6:7", "1:0:2:3:4:5:6:7"),
        ("0:0:0:0:0:0:0:0", "::"),
        ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
        ("1::1.2.3.4", "1::102:304"),
        ("::1:2:3:4:5:6:7", "0:1:2:3:4:5:6:7"),
        ("0::", "::"),
        ("::0:ffff:1.2.3.4", "::ffff:1.2.3.4"),
        ("::ffff:0:1.2.3.4", "::ffff:0:102:304"),
        ("::1", "::1"),
        ("::", "::"),
        ("2001:0db8:0000:0000:0000:0000:0000:0002", "2001:db8::2"),
        ("10.0.0.1", "10.0.0.1"),
        ("255.255.255.255", "255.255.255.255"),
        ("0.0.0.0", "0.0.0.0"),
    ])
    func ntop(_ input: String, _ expected: String) {
        #expect(pton(input) == expected)
    }

    @Test("inet_pton rejects", arguments: [
        "00001::", "::ffff:01.2.3.4", "1:2:3:4:5:6:7:8:9", ":1::", "1:::", "1:2:3:4:5:6:7:8::",
        "::ffff:1.2.3", "010.0.0.9", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4.", ".1.2.3.4",
        "fe80::1%eth0", "", ":", ":::", "1:2", "1::2::3", "g::", "1.2.3.4::", "::1.2.3.4:5",
        "1:2:3:4:5:6:7:1.2.3.4", " 1.2.3.4", "1.2.3.4 ", "12345::", "::12345",
    ])
    func rejects(_ input: String) {
        #expect(pton(input) == nil)
    }

    @Test("legacy inet_aton numbers", arguments: [
        ("1.2.3", "1.2.0.3"), ("010.0.0.9", "8.0.0.9"), ("127.1", "127.0.0.1"),
        ("4294967295", "255.255.255.255"), ("0x7f.1", "127.0.0.1"), ("0", "0.0.0.0"),
        ("1.2.3.4", "1.2.3.4"), ("1.65535", "1.0.255.255"), ("1.2.65535", "1.2.255.255"),
    ])
    func legacy(_ input: String, _ expected: String) {
        let value = withBytes(input) { IPAddress.parseLegacyV4($0) }
        #expect(value.map { IPAddress(v4: $0).description } == expected)
    }

    @Test("legacy rejects", arguments: ["", "1.2.3.4.5", "256.1.1.1", "08", "1..2", "1.2.3.", "4294967296", "1.16777216", "a", "1.2.3.256", "0x"])
    func legacyRejects(_ input: String) {
        #expect(withBytes(input) { IPAddress.parseLegacyV4($0) } == nil)
    }

    @Test("digits-only legacy form refuses hex")
    func noHex() {
        #expect(withBytes("0x7f.1") { IPAddress.parseLegacyV4($0, allowHex: false) } == nil)
        #expect(withBytes("010.1") { IPAddress.parseLegacyV4($0, allowHex: false) } == 0x0800_0001)
    }
}
