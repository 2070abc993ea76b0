import Testing
@testable import LibcSupport

/// OutputBuffer's own copy of short pieces (overlapping word moves).
@Suite("output buffer: short copies")
struct OutputBufferCopyTests {
    @Test("every length from 1 to 70 bytes, at every alignment, copies exactly those bytes")
    func lengths() {
        let source = (0..<80).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for offset in 0..<8 {
            for count in 1...70 {
                var output = OutputBuffer(.standardOutput, capacity: 256)
                output.append(repeating: 0xEE, count: offset)
                source.withUnsafeBytes { output.append(UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + count)])) }
                output.append(UInt8(ascii: "|"))
                let expected = [UInt8](repeating: 0xEE, count: offset) + source[offset..<(offset + count)] + [UInt8(ascii: "|")]
                let bytes = Array(UnsafeBufferPointer(start: output.storage, count: output.used))
                #expect(bytes == expected, "offset \(offset), count \(count)")
                output.discardForTesting()
            }
        }
    }

    @Test("padding longer than the buffer is written in pieces")
    func longPadding() {
        var output = OutputBuffer(.standardOutput, capacity: 16)
        output.append(repeating: UInt8(ascii: " "), count: 10)
        #expect(output.used == 10)
        output.discardForTesting()
    }
}
