@testable import LibcSupport
import CLibc

// The file scanner every lookup uses: the first byte picks the search
// window (1...64 bytes, so window boundaries are crossed all the time),
// the second the needle's length; then the needle, then the file. Every
// occurrence must be real, inside its line, in order, and none missed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScanner(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    guard input.count >= 2 else { return 0 }
    let window = Int(input[0] % 64) + 1
    let needleLength = Int(input[1] % 16) + 1
    guard input.count >= 2 + needleLength else { return 0 }
    let needle = input.slice(2, 2 + needleLength)
    let file = input.dropFirst(2 + needleLength)

    var expected: [Int] = []
    if file.count >= needle.count {
        for i in 0...(file.count - needle.count) where file.slice(i, i + needle.count) == needle {
            expected.append(i)
        }
    }
    var found: [Int] = []
    var occurrences = FileScanner.Occurrences(bytes: file, needle: needle, window: window)
    while let occurrence = occurrences.next() {
        let at = occurrence.lineStart + occurrence.offset
        precondition(occurrence.line.firstIndex(of: 0x0A) == nil, "a line holds a newline")
        precondition(occurrence.offset + needle.count <= occurrence.line.count || needle.firstIndex(of: 0x0A) != nil)
        precondition(occurrence.lineStart == 0 || file[occurrence.lineStart - 1] == 0x0A, "line start not after a newline")
        found.append(at)
    }
    precondition(found == expected, "occurrences \(found) but expected \(expected)")
    var whole = 0
    for line in FileScanner(file).lines { whole += line.count + 1 }
    precondition(whole == file.count || whole == file.count + 1)
    return 0
}
