import Foundation
import Testing
import LibcSupport

/// Lookups stay linear on hostile files: long lines full of partial
/// matches, thousands of continuation lines, include files that are not
/// regular files. (A quadratic scan of these 2 MB inputs would take hours.)
@Suite("database scans on hostile input")
struct DatabaseScanTests {
    static let run = String(repeating: "x", count: 2_000_000)

    @Test func longLinesOfPartialMatches() {
        let file = Self.run + " 1/tcp\n" + Self.run + "\nlast 2/tcp x\n"
        withBytes(file, key: "x") { bytes, key in
            #expect(ServiceRecord.lookup(key, in: bytes)?.port == 2)
            #expect(ProtocolRecord.lookup(key, in: bytes) == nil)
        }
        withBytes(Self.run + "\nxx 1 X\n", key: "X") { bytes, key in
            #expect(NetworkRecord.lookup(key, in: bytes)?.name.string == "xx")
        }
        // glibc's ethers lookup stops at a line of 1,023 bytes or more (see
        // EtherRecord.longestLine): nothing is found past the long line,
        // and the search through its partial matches stays linear.
        withBytes(Self.run + "\n1:2:3:4:5:6 X\n", key: "x") { bytes, key in
            #expect(EtherRecord.lookup(key, in: bytes) == nil)
        }
        withBytes("1:2:3:4:5:6 X\n" + Self.run + "\n", key: "x") { bytes, key in
            #expect(EtherRecord.lookup(key, in: bytes)?.address == EtherAddress(bits: 0x0102_0304_0506))
        }
        withBytes(Self.run + "\nx (a,b,c)\n", key: "x") { bytes, key in
            #expect(NetgroupRecord.find(key, in: bytes) != nil)
        }
    }

    @Test func aliasesWithManyCandidates() {
        let colons = String(repeating: "x:", count: 1_000_000)
        withBytes("a: " + colons + "\n" + colons + "\n", key: "x") { bytes, key in
            #expect(AliasRecord.lookup(key, in: bytes)?.name.string == "x")
        }
        let continued = "a: b\n" + String(repeating: "  x: y\n", count: 300_000) + "x: found\n"
        withBytes(continued, key: "X") { bytes, key in
            let record = AliasRecord.lookup(key, in: bytes)
            #expect(record.map { r in rendered { r.write(to: &$0) } } == "x:              found\n")
        }
        let indented = String(repeating: "  nocolon\n", count: 300_000) + "  x: y\n"
        withBytes(indented, key: "x") { bytes, key in
            #expect(AliasRecord.lookup(key, in: bytes) != nil)
        }
    }

    @Test func includeFilesMustBeRegular() {
        withBytes("zero: :include:/dev/zero\nnull: :include:/dev/null\ndir: :include:/\nok: a\n") { bytes in
            let text = rendered { out in AliasRecord.forEach(in: bytes) { $0.write(to: &out) } }
            #expect(text == "ok:             a\n")
        }
        let fifo = NSTemporaryDirectory() + "libc-support-fifo-\(UUID().uuidString)"
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        withBytes("fifo: :include:\(fifo), kept\n") { bytes in
            let text = rendered { out in AliasRecord.forEach(in: bytes) { $0.write(to: &out) } }
            #expect(text == "fifo:           kept\n")
        }
    }

    @Test func deepNetgroupNesting() {
        // A chain of 2,000 netgroups, each naming the next, and a cycle back.
        var file = ""
        for i in 0..<2000 { file += "g\(i) g\(i + 1) (h\(i),,)\n" }
        file += "g2000 g0 (end,,)\n"
        withBytes(file, key: "g0") { bytes, key in
            var count = 0
            let outcome = NetgroupExpansion.forEachTriple(of: key, in: bytes) { _, _, _ in count += 1; return true }
            #expect(outcome == .finished)
            #expect(count == 2001)
        }
    }
}

@Suite("case-insensitive search")
struct CaseInsensitiveSearchTests {
    /// Every occurrence, the slow way.
    func naive(_ needle: [UInt8], _ haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        func lower(_ b: UInt8) -> UInt8 { (b >= 65 && b <= 90) ? b | 0x20 : b }
        return (0...(haystack.count - needle.count)).filter { start in
            (0..<needle.count).allSatisfy { lower(haystack[start + $0]) == lower(needle[$0]) }
        }
    }

    @Test func agreesWithANaiveSearch() {
        // Small alphabets make many overlapping and partial matches.
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aAbB9-.:".utf8)
        for _ in 0..<2000 {
            let haystack = (0..<Int.random(in: 0...60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let needle = (0..<Int.random(in: 0...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let from = Int.random(in: 0...max(0, haystack.count), using: &generator)
            let found: [Int] = haystack.withUnsafeBufferPointer { h in
                needle.withUnsafeBufferPointer { n in
                    Array(CaseInsensitiveOccurrences(of: ByteString(start: n.baseAddress, count: n.count),
                                                     in: ByteString(start: h.baseAddress, count: h.count), from: from))
                }
            }
            #expect(found == naive(needle, haystack).filter { $0 >= from },
                    "needle \(String(decoding: needle, as: UTF8.self)) in \(String(decoding: haystack, as: UTF8.self)) from \(from)")
        }
    }
}
