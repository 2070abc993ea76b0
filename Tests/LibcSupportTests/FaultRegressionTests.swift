import Testing
@testable import LibcSupport

/// Differences from glibc found by the fault tests (Tests/CLITests/Faults),
/// pinned at the unit level after the fix.
@Suite("Fault regressions")
struct FaultRegressionTests {
    static func withBytes<R>(_ text: String, _ body: (ByteString) -> R) -> R {
        var copy = text
        return copy.withUTF8 { body(ByteString(start: $0.baseAddress, count: $0.count)) }
    }

    /// `getent ahosts ::1%lo`: glibc finds nothing; an interface name is a
    /// zone only for link-scoped addresses. Numbers are zones for any.
    @Test("interface-name zones only for link-scoped IPv6 addresses", arguments: [
        ("::1%lo", false), ("2001:db8::1%lo", false), ("::ffff:127.0.0.1%lo", false), ("fec0::1%lo", false),
        ("ff05::1%lo", false), ("fe80::1%lo", true), ("febf::1%lo", true), ("ff02::1%lo", true),
        ("ff01::1%lo", true), ("ff12::1%lo", true), ("::1%1", true), ("::1%0", true), ("2001:db8::1%01", true),
        ("fe80::1%", false), ("fe80::1%+1", false), ("fe80::1%no-such-interface", false),
    ])
    func interfaceZones(_ text: String, _ accepted: Bool) {
        #expect((Self.withBytes(text) { AddressLookup.parseScoped($0) } != nil) == accepted, "\(text)")
    }

    /// `getent -s '[NOTFOUND=return]' passwd root`: glibc answers nothing
    /// (exit 2); ours ignored the override and answered from files. An
    /// override failing after a source is still ignored.
    @Test("-s overrides that fail before their first source leave no sources", arguments: [
        ("[NOTFOUND=return]", [String]?.some([])), ("  [x", []), ("[", []), ("\t[NOTFOUND=return] files", []),
        ("files [bogus=return]", nil), ("files [", nil), ("files [UNAVAIL] dns", nil),
        ("files dns", ["files", "dns"]), ("", []),
    ])
    func overrideBeforeFirstSource(_ text: String, _ expected: [String]?) {
        Self.withBytes(text) { bytes in
            var settings = SwitchSettings(fileContents: nil)
            settings.override(nil, with: bytes)
            let sources = settings.configuration(for: ByteString("passwd")).map { $0.sources.map { $0.name.string } }
            #expect(sources == expected, "-s '\(text)'")
        }
    }

    /// A DNS reply for victim.test A: the header, the question, then
    /// `records` (each an A record for the question name, 10.9.9.9).
    static func reply(answerCount: UInt16, records: Int, cutLast: Int = 0) -> [UInt8] {
        var message: [UInt8] = [0x12, 0x34, 0x81, 0x80, 0, 1, UInt8(answerCount >> 8), UInt8(answerCount & 0xFF), 0, 0, 0, 0]
        message += [6] + Array("victim".utf8) + [4] + Array("test".utf8) + [0, 0, 1, 0, 1]
        for _ in 0..<records {
            message += [0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 10, 9, 9, 9]
        }
        return Array(message.dropLast(cutLast))
    }

    static func answers(_ message: [UInt8]) -> Int {
        message.withUnsafeBufferPointer { buffer in
            var count = 0
            DNSResponse(ByteString(start: buffer.baseAddress, count: buffer.count)).forEachAnswer { _ in count += 1 }
            return count
        }
    }

    /// A hostile server answered with an answer count of 65535 and one good
    /// record: glibc finds nothing, ours printed 10.9.9.9.
    @Test("a DNS answer section shorter than its count yields no answers")
    func incompleteAnswerSection() {
        #expect(Self.answers(Self.reply(answerCount: 1, records: 1)) == 1)
        #expect(Self.answers(Self.reply(answerCount: 2, records: 2)) == 2)
        #expect(Self.answers(Self.reply(answerCount: 0xFFFF, records: 1)) == 0)
        #expect(Self.answers(Self.reply(answerCount: 3, records: 2)) == 0)
        #expect(Self.answers(Self.reply(answerCount: 2, records: 2, cutLast: 1)) == 0)
        #expect(Self.answers(Self.reply(answerCount: 1, records: 0)) == 0)
    }
}
