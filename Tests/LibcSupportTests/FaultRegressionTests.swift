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

    /// `getent group m` on a group line listing "m" a million times ran for
    /// minutes: each occurrence rescanned its whole line for the line's
    /// bounds. Occurrences in one line now share the bounds, and a parsed
    /// line can be skipped.
    // A hang guard, not a speed test: the linear scan takes well under a
    // second even in a debug build; the quadratic one ran for hours.
    @Test("occurrences in one long line share its bounds; skipLine skips the rest", .timeLimit(.minutes(3)))
    func occurrencesInOneLine() {
        let line = "big:x:100:" + Array(repeating: "m", count: 1_000_000).joined(separator: ",")
        let text = Array(("root:x:0:\n" + line + "\nm:x:7:\n").utf8)
        text.withUnsafeBufferPointer { buffer in
            let bytes = ByteString(start: buffer.baseAddress, count: buffer.count)
            let key = ByteString("m")
            var count = 0
            var occurrences = FileScanner(bytes).occurrences(of: key)
            while let occurrence = occurrences.next() {
                if count < 3 || occurrence.lineStart != 10 {
                    #expect(occurrence.line[occurrence.offset] == UInt8(ascii: "m"))
                }
                count += 1
            }
            #expect(count == 1_000_001)
            var skipping = FileScanner(bytes).occurrences(of: key)
            var lines: [Int] = []
            while let occurrence = skipping.next() {
                lines.append(occurrence.lineStart)
                skipping.skipLine()
            }
            #expect(lines == [10, 10 + line.utf8.count + 1])
        }
    }

    static func ethers(_ text: String, _ key: String) -> String? {
        withBytes(text) { file in
            withBytes(key) { k in
                EtherRecord.lookup(k, in: file).map { "\($0.host.string)" }
            }
        }
    }

    /// `getent ethers e` after a 1,000,000-byte line: glibc finds nothing
    /// (its lookup stops at a line of 1,023 bytes or more), ours answered.
    @Test("ethers: a line of 1,023 bytes or more ends the lookup", arguments: [1002, 1003, 1004, 1005, 2000])
    func ethersLongLine(_ hostLength: Int) {
        let long = "00:11:22:33:44:55 " + String(repeating: "e", count: hostLength)  // 18 + n bytes
        let fitsWithNewline = long.utf8.count + 1 <= 1022
        let fitsAtEnd = long.utf8.count <= 1022
        let before = long + "\n00:11:22:33:44:56 e\n"
        #expect((Self.ethers(before, "e") != nil) == fitsWithNewline, "host of \(hostLength) before the entry")
        #expect((Self.ethers(before, "00:11:22:33:44:56") != nil) == fitsWithNewline)
        #expect((Self.ethers(before, String(repeating: "e", count: hostLength)) != nil) == fitsWithNewline)
        // After the entry it does not matter.
        #expect(Self.ethers("00:11:22:33:44:56 e\n" + long + "\n", "e") != nil)
        // The last line, without a newline.
        #expect((Self.ethers("00:11:22:33:44:56 e\n" + long, "00:11:22:33:44:55") != nil) == fitsAtEnd)
    }
}
