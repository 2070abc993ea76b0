import Foundation
import Testing

/// Runs our tool and glibc's with the same arguments on the same fixture
/// /etc and expects identical stdout bytes and exit status.
enum Differential {
    /// glibc's reference tools on this machine.
    static let glibcGetent = "/usr/bin/getent"
    static let glibcGetconf = "/usr/bin/getconf"

    /// Compares `getent ARGS` (ours vs glibc's) with `files` in /etc.
    @discardableResult
    static func expectSameGetent(_ arguments: [String], etc files: [String: String?] = [:],
                                 sourceLocation: SourceLocation = #_sourceLocation) -> (ours: ToolResult, glibc: ToolResult) {
        let ours = Sandbox.runWithEtc(files, Sandbox.tool("getent"), arguments)
        let theirs = Sandbox.runWithEtc(files, glibcGetent, arguments)
        #expect(ours.status == theirs.status,
                "exit status of getent \(arguments): ours \(ours.status), glibc \(theirs.status)\nours: \(ours)\nglibc: \(theirs)",
                sourceLocation: sourceLocation)
        #expect(ours.stdout == theirs.stdout,
                "stdout of getent \(arguments) differs\n--- ours ---\n\(ours.stdoutText)--- glibc ---\n\(theirs.stdoutText)",
                sourceLocation: sourceLocation)
        return (ours, theirs)
    }
}
