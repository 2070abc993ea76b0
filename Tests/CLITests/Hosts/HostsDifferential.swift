import Foundation
import Testing

/// Differential runs for the host databases: like `Differential`, with an
/// explicit locale (glibc converts IDN input from the locale's charset; ours
/// always reads UTF-8) and a name-service line that never reaches
/// `myhostname`.
enum HostsDifferential {
    static let environmentPrefix = ["LC_ALL=C.UTF-8"]

    static var ready: Bool { Sandbox.namespacesAvailable && Sandbox.toolExists("getent") }
    static let skipReason: Comment = "needs build/getent (make) and private mount namespaces (root)"

    static func run(_ executable: String, _ arguments: [String], etc files: [String: String?]) -> ToolResult {
        Sandbox.runWithEtc(files, "/usr/bin/env", environmentPrefix + [executable] + arguments)
    }

    /// Runs ours and glibc's `getent ARGS` on the same /etc and expects the
    /// same stdout and status; returns both results.
    @discardableResult
    static func expectSame(_ arguments: [String], etc files: [String: String?],
                           sourceLocation: SourceLocation = #_sourceLocation) -> (ours: ToolResult, glibc: ToolResult) {
        let ours = run(Sandbox.tool("getent"), arguments, etc: files)
        let theirs = run(Differential.glibcGetent, arguments, etc: files)
        #expect(ours.status == theirs.status,
                "exit status of getent \(arguments): ours \(ours.status), glibc \(theirs.status)\nours: \(ours)\nglibc: \(theirs)",
                sourceLocation: sourceLocation)
        #expect(ours.stdout == theirs.stdout,
                "stdout of getent \(arguments) differs\n--- ours ---\n\(ours.stdoutText)--- glibc ---\n\(theirs.stdoutText)",
                sourceLocation: sourceLocation)
        return (ours, theirs)
    }
}
