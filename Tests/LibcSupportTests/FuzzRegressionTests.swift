import Testing
@testable import LibcSupport

/// Inputs found by the fuzz targets in fuzz/ (and the edge cases they are
/// built around), replayed through the same entry points as unit tests so
/// that a fixed crash stays fixed under `swift test` and the sanitizers.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// Runs `body` with `bytes` as a borrowed ByteString, as a mapped file is seen.
    static func withBytes<R>(_ bytes: [UInt8], _ body: (ByteString) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { buffer in
            try body(ByteString(start: buffer.baseAddress, count: buffer.count))
        }
    }

    static func lines(_ text: [UInt8]) -> [[UInt8]] {
        withBytes(text) { bytes in LineSequence(bytes).map { Array($0.buffer) } }
    }

    @Test("line splitting: empty input, lone newlines, no final newline, NUL and CR bytes")
    func lineSplitting() {
        #expect(Self.lines([]) == [])
        #expect(Self.lines(Array("\n".utf8)) == [[]])
        #expect(Self.lines(Array("\n\n".utf8)) == [[], []])
        #expect(Self.lines(Array("a\nb".utf8)) == [Array("a".utf8), Array("b".utf8)])
        #expect(Self.lines([0x61, 0x00, 0x0D, 0x0A, 0x00]) == [[0x61, 0x00, 0x0D], [0x00]])
    }

    @Test("decimal numbers: empty, signs, overflow by one, limits")
    func decimalNumbers() {
        func parse(_ s: String, limit: UInt64 = .max) -> UInt64? {
            Self.withBytes(Array(s.utf8)) { $0.parseDecimal(limit: limit) }
        }
        #expect(parse("") == nil)
        #expect(parse("-1") == nil)
        #expect(parse("+1") == nil)
        #expect(parse(" 1") == nil)
        #expect(parse("4294967295", limit: UInt64(UInt32.max)) == 4_294_967_295)
        #expect(parse("4294967296", limit: UInt64(UInt32.max)) == nil)
        #expect(parse("18446744073709551615") == .max)
        #expect(parse("18446744073709551616") == nil)
        #expect(parse("99999999999999999999999") == nil)
        #expect(parse("0000000000000000000000001") == 1)
    }

    /// fuzz getconf-sources: a CPU list whose range spans almost all of
    /// UInt64 ("2--2": strtoul reads "-2" as 2^64 - 2) overflowed the total
    /// (a trap, so getconf _NPROCESSORS_ONLN crashed on such a list).
    @Test("CPU lists with ranges near UInt64.max are malformed, not a crash")
    func cpuListOverflow() {
        func count(_ text: String) -> Int? { Self.withBytes(Array(text.utf8)) { ProcessorCount.countCPUList($0) } }
        #expect(count("-2 0-1-12 2--2  10-12 2 0 3g1 ") == nil)
        #expect(count("2--2") == nil)
        #expect(count("0-1,5--1") == nil)
        #expect(count("0-3,8-11") == 8)
        #expect(count("0") == 1)
    }
}
