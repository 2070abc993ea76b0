import Foundation
import LibcSupport

// `withBytes(_:_:)` (one text as a ByteString) is shared with the other
// parser tests (IPAddressTests.swift).

/// Runs `body` with a file's and a key's bytes as `ByteString`s.
func withBytes<T>(_ file: String, key: String, _ body: (ByteString, ByteString) -> T) -> T {
    withBytes(file) { f in withBytes(key) { k in body(f, k) } }
}

/// What `body` writes to an `OutputBuffer`, as text.
func rendered(_ body: (inout OutputBuffer) -> Void) -> String {
    let path = NSTemporaryDirectory() + "libc-support-output-\(UUID().uuidString)"
    let fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
    precondition(fd >= 0, "cannot create \(path)")
    defer { close(fd); unlink(path) }
    var output = OutputBuffer(FileDescriptor(rawValue: fd))
    body(&output)
    precondition(output.flush(), "write to \(path) failed")
    return (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<unreadable>"
}

/// A temporary file holding `contents`, removed by `body`'s end.
func withTemporaryFile<T>(_ contents: String, _ body: (String) -> T) -> T {
    let path = NSTemporaryDirectory() + "libc-support-fixture-\(UUID().uuidString)"
    _ = FileManager.default.createFile(atPath: path, contents: Data(contents.utf8))
    defer { unlink(path) }
    return body(path)
}
