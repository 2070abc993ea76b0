import Foundation
import Testing

/// Command-line handling compared with glibc's getent: options anywhere,
/// `--`, errors and their exit statuses, usage text.
@Suite("getent options vs glibc", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason),
       .enabled(if: Sandbox.toolExists("getent"), "build/getent is missing: run make first"))
struct GetentOptionTests {
    static let calls: [[String]] = [
        [], ["foo"], ["foo", "bar"], ["pass"], ["PASSWD"], ["-"], ["passwd", "-"], ["--", "passwd", "root"],
        ["passwd", "--", "root"], ["passwd", "--", "-s"], ["--", "-x"], ["-x"], ["-x", "passwd"], ["-xV"],
        ["--bogus"], ["--servicex=files"], ["--service"], ["-s"], ["passwd", "-s"], ["--help=x"], ["--usage=x"],
        ["--version=1"], ["--no-idn=1"], ["--n"], ["--no"], ["--no-a", "passwd", "root"], ["-Ai", "passwd", "root"],
        ["--no-idn", "--no-addrconfig", "passwd", "root"], ["-A", "-i", "group", "0"], ["--usage"],
        ["--usage", "--help"], ["--u"], ["-s", "foo:files", "passwd", "root"], ["-s", "foo:files", "-x"],
        ["passwd", "root", "-x"], ["passwd", "root", "--bogus", "-V"], ["--serv", "passwd", "root"],
        ["-s", "files", "--", "passwd", "-s"], ["passwd", "root", "--"], ["-i"], ["-A", "foo"],
        ["initgroups"], ["initgroups", "-s", "files"], ["shadow", "--", "--"],
    ]

    @Test("command line", arguments: calls)
    func commandLine(_ arguments: [String]) {
        let (ours, glibc) = Differential.expectSameGetent(arguments, etc: AccountFixtures.standard)
        // The diagnostics are glibc's too (only the program path differs).
        let normalize = { (text: String, tool: String) in text.replacingOccurrences(of: tool, with: "getent") }
        #expect(normalize(ours.stderrText, Sandbox.tool("getent")) == normalize(glibc.stderrText, Differential.glibcGetent))
    }

    @Test("--help lists the same options and databases", arguments: [["--help"], ["-?"], ["--h"], ["passwd", "root", "--help"]])
    func help(_ arguments: [String]) {
        let ours = Sandbox.run(Sandbox.tool("getent"), arguments)
        let glibc = Sandbox.run(Differential.glibcGetent, arguments)
        #expect(ours.status == 0)
        // glibc's ends with its distributor's bug-report address; ours stops before it.
        #expect(glibc.stdoutText.hasPrefix(ours.stdoutText))
        #expect(ours.stdoutText.hasSuffix("netgroup networks passwd protocols rpc services shadow\n"))
    }

    @Test("--version names libc-support", arguments: [["--version"], ["-V"], ["foo", "-V"], ["--v"]])
    func version(_ arguments: [String]) {
        let ours = Sandbox.run(Sandbox.tool("getent"), arguments)
        #expect(ours.status == 0)
        #expect(ours.stdoutText.hasPrefix("getent (libc-support)"))
        #expect(!ours.stdoutText.contains("GLIBC"))
    }

    @Test("usage wraps like argp for any program name", arguments: ["abc", "abcd", "abcde", "getent", "x"])
    func usageWrapping(_ name: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("getent-name-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ours = directory.appendingPathComponent(name), theirs = directory.appendingPathComponent(name + "-glibc")
        try FileManager.default.createDirectory(at: theirs, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: ours, withDestinationURL: URL(fileURLWithPath: Sandbox.tool("getent")))
        try FileManager.default.createSymbolicLink(at: theirs.appendingPathComponent(name),
                                                   withDestinationURL: URL(fileURLWithPath: Differential.glibcGetent))
        let a = Sandbox.run(ours.path, ["--usage"]), b = Sandbox.run(theirs.appendingPathComponent(name).path, ["--usage"])
        #expect(a.stdout == b.stdout)
        let c = Sandbox.run(ours.path, ["-x"]), d = Sandbox.run(theirs.appendingPathComponent(name).path, ["-x"])
        #expect(c.status == d.status)
        #expect(c.stderrText.replacingOccurrences(of: ours.path, with: "P")
                == d.stderrText.replacingOccurrences(of: theirs.appendingPathComponent(name).path, with: "P"))
    }

    @Test("a write error is an error")
    func writeError() {
        let result = Sandbox.run("/bin/sh", ["-c", "\(Sandbox.tool("getent")) passwd root > /dev/full"])
        #expect(result.status != 0)
        #expect(result.stderrText.contains("No space left on device"))
    }
}
