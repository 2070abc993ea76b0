import Foundation
@testable import LibcSupport

/// Captures what a formatter writes to an OutputBuffer.
func render(_ body: (inout OutputBuffer) -> Void) -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
    let fd = open(url.path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
    precondition(fd >= 0)
    defer { close(fd); unlink(url.path) }
    do {
        var output = OutputBuffer(FileDescriptor(rawValue: fd))
        body(&output)
        output.flush()
    }
    return (try? String(contentsOf: url, encoding: .utf8)) ?? "<unreadable>"
}
