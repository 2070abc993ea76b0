@testable import LibcSupport

extension OutputBuffer {
    /// What is buffered, as text (tests only; nothing is written).
    func contentsForTesting() -> String {
        String(decoding: UnsafeBufferPointer(start: storage, count: used), as: UTF8.self)
    }

    /// Drops what is buffered so that nothing reaches the descriptor.
    mutating func discardForTesting() { used = 0 }
}
