import Foundation
import Testing
@testable import LibcSupport

/// Parses `line` as the enumeration does and writes it back.
func written<Record: AccountRecord>(_ type: Record.Type, _ line: String) -> String? {
    withBytes(line) { bytes -> String? in
        guard let content = RecordLine.content(bytes), let record = Record.parse(content) else { return nil }
        var output = OutputBuffer(.standardOutput, capacity: 1 << 20)
        var text: String? = nil
        if record.write(to: &output) {
            text = output.contentsForTesting()
        } else {
            text = "<unwritable>"
        }
        output.discardForTesting()
        return text
    }
}

@Suite("passwd lines")
struct PasswdRecordTests {
    @Test("valid lines are written back as glibc writes them", arguments: [
        ("root:x:0:0:root:/root:/bin/sh", "root:x:0:0:root:/root:/bin/sh\n"),
        ("short:x:1:1", "short:x:1:1:::\n"),
        ("six:x:2:2:g:/h", "six:x:2:2:g:/h:\n"),
        ("a:x:1:2:", "a:x:1:2:::\n"),
        ("spuid:x: 8:8:g:/h:/s", "spuid:x:8:8:g:/h:/s\n"),
        ("plus:x:+9:9:g:/h:/s", "plus:x:9:9:g:/h:/s\n"),
        ("lead0:x:010:10:g:/h:/s", "lead0:x:10:10:g:/h:/s\n"),
        ("z:x:-0:-0:g:/h:/s", "z:x:0:0:g:/h:/s\n"),
        ("big:x:4294967295:13:g:/h:/s", "big:x:4294967295:13:g:/h:/s\n"),
        ("  lead:x:16:16:g:/h:/s", "lead:x:16:16:g:/h:/s\n"),
        ("cr:x:18:18:g:/h:/s\r", "cr:x:18:18:g:/h:/s\r\n"),
        (":x:19:19:e:/h:/s", ":x:19:19:e:/h:/s\n"),
        ("nul:x:22:22:g\0x:/h:/s", "nul:x:22:22:g::\n"),
        ("sp: x:1:2: g: h: s", "sp: x:1:2: g: h: s\n"),
        ("eight:x:4:4:g:/h:/s:extra", "<unwritable>"),
        ("+plus:x:26:26:g:/h:/s", "+plus:x:::g:/h:/s\n"),
        ("+", "+::::::\n"),
        ("+a:", "+a::::::\n"),
        ("+a:x::::", "+a:x:::::\n"),
        ("-@ng:x:28:28:::", "-@ng:x:::::\n"),
    ])
    func valid(_ line: String, _ expected: String) {
        #expect(written(PasswdRecord.self, line) == expected)
    }

    @Test("malformed lines are skipped", arguments: [
        "", "   ", "# comment:x:5:5::/:", " #c:x:1:1::/:", "a", "a:", "a:x", "a:x:", "a:x:1", "a:x:1:",
        "nouid:x::5:g:/h:/s", "nogid:x:6::g:/h:/s", "baduid:x:7a:7:g:/h:/s", "hex:x:0x11:11:g:/h:/s",
        "neg:x:-12:12:g:/h:/s", "bigger:x:4294967296:14:g:/h:/s", "huge:x:99999999999999999999:15:g:/h:/s",
        "uidsp:x:21 :21:g:/h:/s", "a:x:1:2\r", "a:x:1\r:2:g:h:s", "+a:x", "+a:x:1", "+a:x:1:",
        "+a:x:abc:def:g:h:s",
    ])
    func malformed(_ line: String) {
        #expect(written(PasswdRecord.self, line) == nil)
    }

    @Test func verbatimOnlyForPlainLines() {
        withBytes("u:x:1000:100:U:/home/u:/bin/sh") { #expect(PasswdRecord.parse($0)?.verbatim != nil) }
        withBytes("u:x:01000:100:U:/home/u:/bin/sh") { #expect(PasswdRecord.parse($0)?.verbatim == nil) }
        withBytes("u:x:1000:100:U:/home/u") { #expect(PasswdRecord.parse($0)?.verbatim == nil) }
    }
}

@Suite("group lines")
struct GroupRecordTests {
    @Test("valid lines", arguments: [
        ("a:x:1", "a:x:1:\n"), ("a:x:1:", "a:x:1:\n"), ("a:x:1:b", "a:x:1:b\n"),
        ("a:x:1:b,c,", "a:x:1:b,c\n"), ("a:x:1:,b,,c,", "a:x:1:b,c\n"), ("a:x:1:b c, d", "a:x:1:b c,d\n"),
        ("a:x:1: b", "a:x:1:b\n"), ("a:x:1:b\r", "a:x:1:b\r\n"), ("a:x:+1:b", "a:x:1:b\n"),
        ("a:x:1:\tb\t,\tc", "a:x:1:b\t,c\n"), ("a:x:1:b\0c,d", "a:x:1:b\n"), (":x:1:", ":x:1:\n"),
        ("a::1:", "a::1:\n"), ("+a:x:1:b", "+a:x::b\n"), ("+", "+:::\n"), ("+a:", "+a:::\n"),
        ("+a:x::b", "+a:x::b\n"), ("+a:x:1", "+a:x::\n"), ("a:x:1:b:c", "<unwritable>"),
    ])
    func valid(_ line: String, _ expected: String) {
        #expect(written(GroupRecord.self, line) == expected)
    }

    @Test("malformed lines", arguments: [
        "a", "a:", "a:x", "a:x:", "a:x::", "a:x:1\r", "a:x: 1 :b", "+a:x", "+a:x:", "+a:x:abc:b", "#a:x:1:",
    ])
    func malformed(_ line: String) {
        #expect(written(GroupRecord.self, line) == nil)
    }

    @Test func membership() {
        withBytes("g:x:1: alice,,bob ,carol") { bytes in
            let group = GroupRecord.parse(bytes)!
            withBytes("alice") { #expect(group.hasMember($0)) }
            withBytes("bob") { #expect(!group.hasMember($0)) }
            withBytes("bob ") { #expect(group.hasMember($0)) }
            withBytes("") { #expect(!group.hasMember($0)) }
        }
    }
}

@Suite("shadow lines")
struct ShadowRecordTests {
    @Test("valid lines", arguments: [
        ("a:x:1:2:3:4:5:6:7", "a:x:1:2:3:4:5:6:7\n"), ("a:x:1:2:3:4:5:6:", "a:x:1:2:3:4:5:6:\n"),
        ("a:x:::::::", "a:x:::::::\n"), ("a:x:1:2:3", "a:x:1:2:3::::\n"), ("a:x:1:2:3:4:5:6", "a:x:1:2:3:4:5:6:\n"),
        ("a:x: 1:2:3:4:5:6: 7", "a:x:1:2:3:4:5:6:7\n"), ("a:x:+5:2:3:4:5:6:7", "a:x:5:2:3:4:5:6:7\n"),
        ("a:x:-0:2:3:4:5:6:-0", "a:x:0:2:3:4:5:6:0\n"), ("a:x:2147483648:2:3:4:5:6:7", "a:x:-2147483648:2:3:4:5:6:7\n"),
        ("a:x:4294967295:2:3:4:5:6:7", "a:x::2:3:4:5:6:7\n"), ("a:x:1:2:3:4:5:6:4294967295", "a:x:1:2:3:4:5:6:4294967295\n"),
        ("+", "+::0:0:0::::\n"), ("-a", "-a::0:0:0::::\n"), ("+a:", "+a::0:0:0::::\n"),
        ("+a:x:::::::", "+a:x:::::::\n"), ("a:x\ty:1:2:3:4:5::7", "a:x\ty:1:2:3:4:5::7\n"),
    ])
    func valid(_ line: String, _ expected: String) {
        #expect(written(ShadowRecord.self, line) == expected)
    }

    @Test("malformed lines", arguments: [
        "a", "a:", "a:x", "a:x:1", "a:x:1:2", "a:x:1:2:", "a:x:1:2:3:4", "a:x:1:2:3:4:5", "a:x:1:2:3:4:5:",
        "a:x::::::", "a:x::::::::", "a:x:1:2:3:4:5:6:7:8", "a:x:-1:2:3:4:5:6:7", "a:x:abc:2:3:4:5:6:7",
        "a:x:1 :2:3:4:5:6:7", "a:x:1:2:3:4:5:6:7 ", "a:x:4294967296:2:3:4:5:6:7", "a:x:1:2:3:4:5:6:4294967296",
        "a:x:1:2:3:4:5:6:7\r", "a:x:1:2:3:4:5::\r", "+a:x", "+a:x:1:2", "a:x:0x1:2:3:4:5:6:7",
    ])
    func malformed(_ line: String) {
        #expect(written(ShadowRecord.self, line) == nil)
    }
}

@Suite("gshadow lines")
struct GshadowRecordTests {
    @Test("every prefix of the fields is valid", arguments: [
        ("a", "a:::\n"), ("a:", "a:::\n"), ("a:x", "a:x::\n"), ("a:x:", "a:x::\n"), ("a:x:b", "a:x:b:\n"),
        ("a:x:b:c", "a:x:b:c\n"), ("a:x:b,c:d,e", "a:x:b,c:d,e\n"), ("a:x: b, ,c,: d,,e,", "a:x:b,c:d,e\n"),
        ("a:x::d\r", "a:x::d\r\n"), ("+a", "+a:::\n"), ("a:x:b:c:d", "<unwritable>"),
    ])
    func valid(_ line: String, _ expected: String) {
        #expect(written(GshadowRecord.self, line) == expected)
    }
}

@Suite("numeric keys")
struct AccountKeyTests {
    @Test("ids", arguments: [("0", 0), ("+10", 10), (" 10", 10), ("\t1", 1), ("010", 10), ("-0", 0),
                             ("4294967295", 4_294_967_295)] as [(String, UInt32)])
    func ids(_ key: String, _ id: UInt32) {
        withBytes(key) { bytes in
            guard case .id(let value) = AccountKey(bytes) else { Issue.record("\(key) is no id"); return }
            #expect(value == id)
        }
    }

    @Test("out of range", arguments: ["4294967296", "18446744073709551616", "-1", "-4294967295", "99999999999999999999999"])
    func outOfRange(_ key: String) {
        withBytes(key) { bytes in
            guard case .outOfRange = AccountKey(bytes) else { Issue.record("\(key) should be out of range"); return }
        }
    }

    @Test("names", arguments: ["", " ", "+", "-", "1 ", "1e3", "0x10", "+-1", "++1", "root", "10a"])
    func names(_ key: String) {
        withBytes(key) { bytes in
            guard case .name = AccountKey(bytes) else { Issue.record("\(key) should be a name"); return }
        }
    }
}

@Suite("scanning helpers")
struct ScanTests {
    @Test func occurrencesComeWithTheirLines() {
        withBytes("alice:x:1\nbob:alice\nalicex\n") { bytes in
            let hits = Array(FileScanner(bytes).occurrences(of: ByteString("alice")))
            #expect(hits.map { $0.line.string } == ["alice:x:1", "bob:alice", "alicex"])
            #expect(hits.map { $0.offset } == [0, 4, 0])
        }
    }

    @Test func scannedLinesStopAtNUL() {
        withBytes("a:b\nc\0d\ne\nlast") { bytes in
            #expect(ScannedLines(bytes).map { $0.string } == ["a:b", "c", "e", "last"])
        }
    }

    @Test func colonPositions() {
        for length in 0..<40 {
            let line = String((0..<length).map { $0 % 3 == 1 ? ":" : ";" })
            withBytes(line) { bytes in
                let colons = ColonPositions(bytes)
                let expected = line.utf8.enumerated().filter { $0.element == 0x3A }.map { $0.offset }
                #expect(colons.count == expected.count)
                for index in 0..<min(8, expected.count) { #expect(colons[index] == expected[index]) }
            }
        }
    }

    @Test func plainIDs() {
        withBytes("0:10:010:4294967295:4294967296: 1:") { bytes in
            #expect(ByteScan.isPlainID(bytes, from: 0, to: 1))
            #expect(ByteScan.isPlainID(bytes, from: 2, to: 4))
            #expect(!ByteScan.isPlainID(bytes, from: 5, to: 8))
            #expect(ByteScan.isPlainID(bytes, from: 9, to: 19))
            #expect(!ByteScan.isPlainID(bytes, from: 20, to: 30))
            #expect(!ByteScan.isPlainID(bytes, from: 31, to: 33))
        }
    }

    @Test func retainedFileRejectsADirectory() {
        #expect(throws: Errno.isDirectory) { try RetainedFile.contents(of: "/tmp") }
    }

    /// Small files are read whole, large ones mapped; both give the bytes.
    @Test("retained files give every byte, read (small) or mapped (large)", arguments: [0, 1, 4_095, 65_536, 65_537, 300_000])
    func retainedFileContents(size: Int) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("retained-\(size)-\(UUID().uuidString)").path
        let data = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) })
        try data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = try path.withCString { try RetainedFile.contents(of: $0) }
        #expect(bytes.count == size)
        #expect(Data(UnsafeBufferPointer(start: bytes.start, count: bytes.count)) == data)
        // The tools keep these bytes for their lifetime; a test lets go of
        // the ones on the heap (LeakSanitizer sees those, not mappings).
        if size <= FileDescriptor.smallFileLimit { UnsafeMutableRawPointer(mutating: bytes.start)?.deallocate() }
    }

    /// sysfs gives every attribute a size of 4096, whatever its content: a
    /// short read of such a file is its content, not a truncation.
    @Test("a sysfs file, whose size is not its length, is read as it is")
    func retainedFileFromSysfs() throws {
        let path = "/sys/devices/system/cpu/online"
        guard let expected = FileManager.default.contents(atPath: path), !expected.isEmpty else { return }
        let bytes = try RetainedFile.contents(of: "/sys/devices/system/cpu/online")
        #expect(Data(UnsafeBufferPointer(start: bytes.start, count: bytes.count)) == expected)
        UnsafeMutableRawPointer(mutating: bytes.start)?.deallocate()
    }
}

@Suite("switch driver merging")
struct SwitchMergeTests {
    @Test func mergeKeepsTheHeldEntryWhenTheNextMisses() {
        var asked: [String] = []
        let status = withBytes("a [SUCCESS=merge] b c") { bytes in
            SwitchDriver.lookup(SwitchConfiguration(bytes)) { source, merging in
                asked.append("\(source.name.string)\(merging ? "+" : "")")
                return source.name.string == "a" ? .success : .notFound
            }
        }
        #expect(status == .success)
        #expect(asked == ["a", "b+"])
    }

    @Test func unknownSourcesArePassedOverWhileMerging() {
        var asked: [String] = []
        let status = withBytes("a [SUCCESS=merge] x b") { bytes in
            SwitchDriver.lookup(SwitchConfiguration(bytes)) { source, merging in
                if source.name.string == "x" { return nil }
                asked.append("\(source.name.string)\(merging ? "+" : "")")
                return .success
            }
        }
        #expect(status == .success)
        #expect(asked == ["a", "b+"])
    }
}
