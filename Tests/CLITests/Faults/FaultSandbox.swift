import Foundation
import Testing

/// Helpers shared by the fault tests: running a tool in the fixture /etc
/// after a shell setup step (make a file a directory, take its
/// permissions away, ...), and the tools the tests need.
enum FaultSandbox {
    /// Runs `tool ARGS` in a private mount namespace whose /etc holds
    /// `files`, after running the shell commands `setup` there (with /etc
    /// already in place and writable: it is the case's own copy). With
    /// `asNobody`, the tool runs as uid/gid 65534 with no groups.
    static func run(_ files: [String: Data?], setup: String = "", _ tool: String, _ arguments: [String],
                    asNobody: Bool = false, stdin: Data = Data()) -> ToolResult {
        let exec = asNobody
            ? "exec setpriv --reuid=65534 --regid=65534 --clear-groups \"$0\" \"$@\""
            : "exec \"$0\" \"$@\""
        return Sandbox.runWithEtc(files, "/bin/sh", ["-c", setup + "\n" + exec, tool] + arguments, stdin: stdin)
    }

    static func run(_ files: [String: String?], setup: String = "", _ tool: String, _ arguments: [String],
                    asNobody: Bool = false) -> ToolResult {
        run(files.mapValues { $0.map { Data($0.utf8) } }, setup: setup, tool, arguments, asNobody: asNobody)
    }

    /// Runs ours and glibc's getent the same way and expects the same
    /// stdout and status, and that ours was not killed by a signal.
    @discardableResult
    static func expectSameGetent(_ files: [String: Data?], setup: String = "", _ arguments: [String],
                                 asNobody: Bool = false, compareStderr: Bool = false,
                                 sourceLocation: SourceLocation = #_sourceLocation) -> (ours: ToolResult, glibc: ToolResult) {
        let ours = run(files, setup: setup, Sandbox.tool("getent"), arguments, asNobody: asNobody)
        let glibc = run(files, setup: setup, Differential.glibcGetent, arguments, asNobody: asNobody)
        let shown = shortened(arguments)
        #expect(ours.status < 128, "getent \(shown) was killed by signal \(ours.status - 128)\n\(FaultSandbox.summary(ours))",
                sourceLocation: sourceLocation)
        #expect(ours.status == glibc.status,
                "exit status of getent \(shown): ours \(ours.status), glibc \(glibc.status)\nours: \(ours.stderrText)",
                sourceLocation: sourceLocation)
        #expect(FaultSandbox.same(ours.stdout, glibc.stdout),
                "stdout of getent \(shown) differs\n--- ours ---\n\(ours.stdoutText.prefix(2000))--- glibc ---\n\(glibc.stdoutText.prefix(2000))",
                sourceLocation: sourceLocation)
        if compareStderr {
            let ourText = ours.stderrText.replacingOccurrences(of: Sandbox.tool("getent"), with: "getent")
            let glibcText = glibc.stderrText.replacingOccurrences(of: Differential.glibcGetent, with: "getent")
            #expect(FaultSandbox.same(ourText, glibcText), "stderr of getent \(shown) differs\n--- ours ---\n\(ourText)--- glibc ---\n\(glibcText)",
                    sourceLocation: sourceLocation)
        }
        return (ours, glibc)
    }

    @discardableResult
    static func expectSameGetent(_ files: [String: String?], setup: String = "", _ arguments: [String],
                                 asNobody: Bool = false, compareStderr: Bool = false,
                                 sourceLocation: SourceLocation = #_sourceLocation) -> (ours: ToolResult, glibc: ToolResult) {
        expectSameGetent(files.mapValues { $0.map { Data($0.utf8) } }, setup: setup, arguments,
                         asNobody: asNobody, compareStderr: compareStderr, sourceLocation: sourceLocation)
    }

    /// Runs `tool` once per argument list in `cases`, all in one private
    /// mount namespace (one fixture /etc, one `setup`), which is much
    /// cheaper than a namespace per case. Each case's stdout, stderr and
    /// status are kept apart.
    static func runBatch(_ files: [String: Data?], setup: String = "", _ tool: String, _ cases: [[String]],
                         asNobody: Bool = false) -> [ToolResult] {
        let directory = scratchDirectory("batch")
        defer { try? FileManager.default.removeItem(at: directory) }
        try? FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory.path)
        let runner = asNobody ? "setpriv --reuid=65534 --regid=65534 --clear-groups \"$0\"" : "\"$0\""
        var script = setup + "\n"
        for (index, arguments) in cases.enumerated() {
            let base = quoted(directory.appendingPathComponent("\(index)").path)
            script += "\(runner) \(arguments.map(quoted).joined(separator: " ")) >\(base).out 2>\(base).err; echo $? >\(base).status\n"
        }
        let result = Sandbox.runWithEtc(files, "/bin/sh", ["-c", script, tool])
        return cases.indices.map { index in
            let base = directory.appendingPathComponent("\(index)")
            let read = { (suffix: String) in (try? Data(contentsOf: base.appendingPathExtension(suffix))) ?? Data() }
            let status = Int32(String(decoding: read("status"), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
            if status == -1 {
                return ToolResult(stdout: Data(), stderr: Data("batch did not run: \(FaultSandbox.summary(result))".utf8), status: -1)
            }
            return ToolResult(stdout: read("out"), stderr: read("err"), status: status)
        }
    }

    /// Our getent's and glibc's results for every case, compared: same
    /// stdout and status (and stderr, with the program path shown as
    /// `getent`), ours never killed by a signal.
    static func expectSameGetentBatch(_ files: [String: Data?], setup: String = "", _ cases: [[String]],
                                      asNobody: Bool = false, compareStderr: Bool = false,
                                      sourceLocation: SourceLocation = #_sourceLocation) {
        let ours = runBatch(files, setup: setup, Sandbox.tool("getent"), cases, asNobody: asNobody)
        let glibc = runBatch(files, setup: setup, Differential.glibcGetent, cases, asNobody: asNobody)
        for (index, arguments) in cases.enumerated() {
            let shown = shortened(arguments)
            let (o, g) = (ours[index], glibc[index])
            #expect(o.status >= 0 && o.status < 128, "getent \(shown): \(FaultSandbox.summary(o))", sourceLocation: sourceLocation)
            #expect(o.status == g.status, "exit status of getent \(shown): ours \(o.status), glibc \(g.status)\nours: \(o.stderrText)",
                    sourceLocation: sourceLocation)
            #expect(FaultSandbox.same(o.stdout, g.stdout),
                    "stdout of getent \(shown) differs\n--- ours ---\n\(o.stdoutText.prefix(2000))--- glibc ---\n\(g.stdoutText.prefix(2000))",
                    sourceLocation: sourceLocation)
            if compareStderr {
                let ourText = o.stderrText.replacingOccurrences(of: Sandbox.tool("getent"), with: "getent")
                let glibcText = g.stderrText.replacingOccurrences(of: Differential.glibcGetent, with: "getent")
                #expect(FaultSandbox.same(ourText, glibcText), "stderr of getent \(shown) differs\n--- ours ---\n\(ourText)--- glibc ---\n\(glibcText)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    static func expectSameGetentBatch(_ files: [String: String?], setup: String = "", _ cases: [[String]],
                                      asNobody: Bool = false, compareStderr: Bool = false,
                                      sourceLocation: SourceLocation = #_sourceLocation) {
        expectSameGetentBatch(files.mapValues { $0.map { Data($0.utf8) } }, setup: setup, cases, asNobody: asNobody,
                              compareStderr: compareStderr, sourceLocation: sourceLocation)
    }

    /// An nsswitch.conf that uses only the files (no systemd, no DNS), so
    /// glibc's answers come from the fixtures alone.
    static let filesOnlySwitch = """
        passwd: files
        group: files
        shadow: files
        gshadow: files
        hosts: files
        networks: files
        protocols: files
        services: files
        ethers: files
        rpc: files
        netgroup: files
        aliases: files

        """

    /// Whether strace can trace here (ptrace may be forbidden in containers).
    static let straceAvailable: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else { return false }
        return Sandbox.run("/usr/bin/strace", ["-f", "-o", "/dev/null", "/bin/true"]).status == 0
    }()

    static let straceSkipReason: Comment = "strace is missing or cannot trace here (scripts/setup installs it; ptrace must be allowed)"

    /// A scratch directory for big generated files, removed by the caller.
    static func scratchDirectory(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("libc-support-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Whether two outputs are equal. Used instead of `#expect(a == b)` on
    /// outputs: on a mismatch Swift Testing diffs the two collections,
    /// which takes minutes for outputs of a few hundred kilobytes.
    static func same(_ a: Data, _ b: Data) -> Bool { a == b }
    static func same(_ a: String, _ b: String) -> Bool { a == b }

    /// A result for a failure message: status and the first 2,000
    /// characters of each stream.
    static func summary(_ result: ToolResult) -> String {
        func cut(_ text: String) -> String {
            text.count > 2000 ? String(text.prefix(2000)) + "... (\(text.utf8.count) bytes)\n" : text
        }
        return "status \(result.status)\n--- stdout ---\n\(cut(result.stdoutText))--- stderr ---\n\(cut(result.stderrText))"
    }

    /// Arguments as shown in a failure message: long ones cut, at most ten
    /// (Swift Testing formats huge messages very slowly).
    static func shortened(_ arguments: [String]) -> String {
        let shown = arguments.prefix(10).map { $0.count > 80 ? String($0.prefix(80)) + "..." : $0 }
        let more = arguments.count > 10 ? " and \(arguments.count - 10) more" : ""
        return "\(shown)\(more)"
    }

    /// Single-quotes `text` for /bin/sh.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
