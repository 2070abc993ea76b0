import CLibc
import LibcSupport

/// The fuzzer's input as the library sees file contents: borrowed bytes.
/// libFuzzer may pass a null pointer for an empty input.
@inline(__always)
func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> ByteString {
    ByteString(start: size == 0 ? nil : data, count: size)
}

/// Keeps a value alive and observable, so the optimizer cannot drop the
/// work that produced it (the targets only care that parsing does not fail).
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Calls `body` with the input split at NUL bytes into a C argument vector
/// (each argument NUL-terminated, the vector nil-terminated), as the kernel
/// hands argv to a program. An empty input is a lone empty argv[0].
func withArguments(_ bytes: ByteString, _ body: (Arguments) -> Void) {
    var pieces: [ByteString] = []
    var start = 0
    for i in 0..<bytes.count where bytes[i] == 0 {
        pieces.append(bytes.slice(start, i))
        start = i + 1
    }
    pieces.append(bytes.slice(start, bytes.count))
    let vector = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: pieces.count + 1)
    for (i, piece) in pieces.enumerated() {
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: piece.count + 1)
        for j in 0..<piece.count { copy[j] = CChar(bitPattern: piece[j]) }
        copy[piece.count] = 0
        vector[i] = copy
    }
    vector[pieces.count] = nil
    // Keep the originals: parsing may reorder the vector in place.
    let originals = Array(UnsafeBufferPointer(start: vector, count: pieces.count))
    body(Arguments(count: Int32(pieces.count), vector: vector))
    for pointer in originals { pointer?.deallocate() }
    vector.deallocate()
}

/// The input as a lookup: its first line is the key, the rest the file.
func splitKeyAndFile(_ bytes: ByteString) -> (key: ByteString, file: ByteString) {
    guard let newline = bytes.firstIndex(of: 0x0A) else { return (bytes, .empty) }
    return (bytes.prefix(newline), bytes.dropFirst(newline + 1))
}


/// A fresh buffer writing to /dev/null.
func nullOutput() -> OutputBuffer {
    OutputBuffer(FileDescriptor(rawValue: nullDescriptor))
}

let nullDescriptor: Int32 = clibc_open("/dev/null", O_WRONLY)
