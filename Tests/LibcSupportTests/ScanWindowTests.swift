import Foundation
import Testing
@testable import LibcSupport

/// The scans over large files work in windows of `MappedFile.scanWindow`
/// bytes and let go of the pages behind them: no occurrence may be lost at
/// a window boundary, and released pages must still read back unchanged.
@Suite("Scan windows")
struct ScanWindowTests {
    static let window = MappedFile.scanWindow

    /// Offsets of `needle` in `haystack`, the slow obvious way.
    static func naiveOffsets(_ needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard needle.count <= haystack.count else { return [] }
        return (0...(haystack.count - needle.count)).filter { i in
            haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle
        }
    }

    static func scannedOffsets(_ needle: [UInt8], in bytes: ByteString) -> [Int] {
        needle.withUnsafeBufferPointer { n in
            FileScanner(bytes).occurrences(of: ByteString(start: n.baseAddress, count: n.count))
                .map { $0.lineStart + $0.offset }
        }
    }

    /// A buffer of `size` filler lines with `needle` placed at `offsets`.
    static func haystack(size: Int, needle: [UInt8], at offsets: [Int]) -> [UInt8] {
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: size)
        for i in stride(from: 63, to: size, by: 64) { bytes[i] = 0x0A }
        for offset in offsets { bytes.replaceSubrange(offset..<(offset + needle.count), with: needle) }
        return bytes
    }

    @Test("occurrences across and at window boundaries are all found, in order")
    func boundaries() {
        let needle = Array("key:1234:".utf8)
        let w = Self.window
        // Apart from each other (no overlaps); each straddles or touches a
        // boundary in its own way.
        let offsets = [0, w - 2 * needle.count, w - needle.count /* ends at the boundary */, w + 8,
                       2 * w - 4 /* straddles */, 2 * w + 20, 3 * w - needle.count + 2 /* straddles */]
        let bytes = Self.haystack(size: 3 * w + 100, needle: needle, at: offsets)
        let found = bytes.withUnsafeBufferPointer { Self.scannedOffsets(needle, in: ByteString(start: $0.baseAddress, count: $0.count)) }
        #expect(found == offsets)
    }

    @Test("a needle at the very end of a multi-window file, and a miss")
    func endOfFile() {
        let needle = Array("zed:x:".utf8)
        let size = 2 * Self.window + 7
        let bytes = Self.haystack(size: size, needle: needle, at: [size - needle.count])
        bytes.withUnsafeBufferPointer { buffer in
            let all = ByteString(start: buffer.baseAddress, count: buffer.count)
            #expect(Self.scannedOffsets(needle, in: all) == [size - needle.count])
            #expect(Self.scannedOffsets(Array("absent".utf8), in: all) == [])
            // One byte short of the needle at the end.
            #expect(Self.scannedOffsets(needle, in: all.prefix(size - 1)) == [])
        }
    }

    @Test("a mapped file scanned past several windows still reads back unchanged")
    func releasedPagesReadBack() throws {
        let needle = Array("last:x:99:".utf8)
        let size = 3 * Self.window + 4096
        let content = Self.haystack(size: size, needle: needle, at: [Self.window / 2, size - needle.count - 1])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scan-window-\(getpid())")
        try Data(content).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try MappedFile(path: url.path)
        let found = Self.scannedOffsets(needle, in: file.bytes)
        #expect(found == [Self.window / 2, size - needle.count - 1])
        // The first occurrence's page was let go after the scan passed it;
        // it must read back as it was.
        let first = file.bytes.slice(Self.window / 2, Self.window / 2 + needle.count)
        #expect(Array(first.buffer) == needle)
        var lines = 0, total = 0
        for line in file.lines { lines += 1; total += line.count + 1 }
        #expect(total == size + 1 || total == size)
        #expect(Array(file.bytes.buffer) == content)
    }

    @Test("releasing pages of memory that is not a mapped file does nothing")
    func releaseIgnoresHeap() {
        var bytes = [UInt8](repeating: 7, count: 3 * 4096)
        bytes.withUnsafeMutableBufferPointer { buffer in
            MappedFile.releasePages(ByteString(start: buffer.baseAddress, count: buffer.count))
        }
        #expect(bytes.allSatisfy { $0 == 7 })
    }

    @Test("the hosts name search finds every match across small windows", arguments: [1, 2, 3, 7, 64])
    func hostsWindows(_ window: Int) {
        let text = Array("10.0.0.1 Host\n10.0.0.2 xhostx HOST\n#host\n10.0.0.3 hoSt".utf8)
        let name = Array("host".utf8)
        text.withUnsafeBufferPointer { t in
            name.withUnsafeBufferPointer { n in
                let bytes = ByteString(start: t.baseAddress, count: t.count)
                let key = ByteString(start: n.baseAddress, count: n.count)
                let finder = CaseInsensitiveFinder(key)
                var expected: [Int] = []
                var at = 0
                while let hit = finder.find(in: bytes, from: at) { expected.append(hit); at = hit + 1 }
                var found: [Int] = []
                var from = 0, kept = 0
                while let hit = HostsFile.find(finder, key.count, in: bytes, from: &from, kept: &kept, window: window) {
                    found.append(hit)
                    from = hit + 1
                }
                #expect(found == expected)
                #expect(expected.count == 5)
            }
        }
    }

    @Test("firstOffset and the case-insensitive search find matches across windows")
    func genericSearchWindows() {
        let w = Self.window
        for needle in [Array("k9:".utf8), Array("loopback".utf8), Array("host9999".utf8)] {
            let offsets = [3, w - needle.count - 10, w - 2, 2 * w + 1, 3 * w - 1]
            let bytes = Self.haystack(size: 3 * w + 64, needle: needle, at: offsets)
            bytes.withUnsafeBufferPointer { buffer in
                let file = ByteString(start: buffer.baseAddress, count: buffer.count)
                needle.withUnsafeBufferPointer { n in
                    let key = ByteString(start: n.baseAddress, count: n.count)
                    var found: [Int] = []
                    var from = 0
                    while let hit = file.firstOffset(of: key, from: from) { found.append(hit); from = hit + 1 }
                    #expect(found == offsets, "firstOffset \(String(decoding: needle, as: UTF8.self))")
                    var occurrences = CaseInsensitiveOccurrences(of: key, in: file)
                    var insensitive: [Int] = []
                    while let hit = occurrences.next() { insensitive.append(hit) }
                    #expect(insensitive == offsets, "case-insensitive \(String(decoding: needle, as: UTF8.self))")
                }
            }
        }
    }
}
