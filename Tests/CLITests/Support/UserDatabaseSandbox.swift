import Foundation
import Testing

/// Runs our getent and glibc's on the same systemd user database: in one
/// private mount namespace whose /etc holds the fixtures (drop-in records
/// under `userdb/`), with a private /run/systemd where the real
/// systemd-userdbd is started (unless `daemon` is false) and where extra
/// varlink services of the test (sockets elsewhere) are linked in. The
/// daemon is stopped by its process id when the cases are done, whatever
/// happens; nothing is left in the real /etc or /run.
enum UserDatabaseSandbox {
    static let daemonPath = "/lib/systemd/systemd-userdbd"

    /// Whether the real daemon can be used here.
    static let daemonAvailable: Bool = {
        guard Sandbox.namespacesAvailable, FileManager.default.isExecutableFile(atPath: daemonPath) else { return false }
        let probe = runCases(etc: [:], cases: [["passwd", "root"]], daemon: true)
        return probe.first?.glibc.status == 0 && !probe.isEmpty && probe[0].daemonStarted
    }()

    static let daemonSkipReason: Comment =
        "systemd-userdbd (package systemd-userdbd) is not installed or cannot run here, or private mount namespaces are not allowed (run as root)"

    struct CaseResult {
        var ours: ToolResult
        var glibc: ToolResult
        var daemonStarted: Bool
    }

    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs every case (getent arguments) with both tools.
    static func runCases(etc files: [String: String?], cases: [[String]], daemon: Bool = true,
                         services: [String: String] = [:], ours: String = Sandbox.tool("getent"),
                         glibc: Bool = true, asUser user: String? = nil) -> [CaseResult] {
        let prefix = user.map { "setpriv --reuid=\($0) --regid=\($0) --clear-groups " } ?? ""
        let results = FileManager.default.temporaryDirectory.appendingPathComponent("udb-results-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        // Writable by the user the tools may run as.
        try? FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: results.path)
        defer { try? FileManager.default.removeItem(at: results) }
        var script = """
        set -u
        R=\(quote(results.path))
        # Privileged record companions are root's only, as systemd wants them.
        chmod 600 /etc/userdb/*-privileged 2>/dev/null
        mount -t tmpfs tmpfs /run/systemd || exit 125
        mkdir -p /run/systemd/userdb
        pid=
        trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "$pid" ] && wait "$pid" 2>/dev/null' EXIT

        """
        for (name, target) in services {
            script += "ln -s \(quote(target)) /run/systemd/userdb/\(quote(name))\n"
        }
        if daemon {
            script += """
            \(daemonPath) </dev/null >/dev/null 2>&1 & pid=$!
            i=0
            while [ ! -S /run/systemd/userdb/io.systemd.Multiplexer ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done
            [ -S /run/systemd/userdb/io.systemd.Multiplexer ] && touch "$R/daemon"

            """
        }
        for (index, arguments) in cases.enumerated() {
            let words = arguments.map(quote).joined(separator: " ")
            script += """
            \(prefix)\(quote(ours)) \(words) >"$R/\(index).ours.out" 2>"$R/\(index).ours.err"; echo $? >"$R/\(index).ours.rc"

            """
            if glibc {
                script += """
                \(prefix)/usr/bin/getent \(words) >"$R/\(index).glibc.out" 2>"$R/\(index).glibc.err"; echo $? >"$R/\(index).glibc.rc"

                """
            }
        }
        let run = Sandbox.runWithEtc(files, "/bin/sh", ["-c", script])
        let daemonStarted = FileManager.default.fileExists(atPath: results.appendingPathComponent("daemon").path)
        func load(_ index: Int, _ tool: String) -> ToolResult {
            let base = results.appendingPathComponent("\(index).\(tool)")
            let out = (try? Data(contentsOf: base.appendingPathExtension("out"))) ?? Data()
            let err = (try? Data(contentsOf: base.appendingPathExtension("err"))) ?? Data()
            let rcText = (try? String(contentsOf: base.appendingPathExtension("rc"), encoding: .utf8)) ?? ""
            let rc = Int32(rcText.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
            return ToolResult(stdout: out, stderr: err + (rc == -1 ? Data("sandbox: \(run)".utf8) : Data()), status: rc)
        }
        return cases.indices.map { CaseResult(ours: load($0, "ours"), glibc: load($0, "glibc"), daemonStarted: daemonStarted) }
    }

    /// Runs the cases and expects identical stdout and exit status for each.
    static func expectSame(etc files: [String: String?], cases: [[String]], daemon: Bool = true,
                           services: [String: String] = [:], asUser user: String? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let results = runCases(etc: files, cases: cases, daemon: daemon, services: services, asUser: user)
        for (arguments, result) in zip(cases, results) {
            #expect(result.ours.status == result.glibc.status,
                    "exit status of getent \(arguments): ours \(result.ours.status), glibc \(result.glibc.status)\nours: \(result.ours)\nglibc: \(result.glibc)",
                    sourceLocation: sourceLocation)
            #expect(result.ours.stdout == result.glibc.stdout,
                    "stdout of getent \(arguments) differs\n--- ours ---\n\(result.ours.stdoutText)--- glibc ---\n\(result.glibc.stdoutText)",
                    sourceLocation: sourceLocation)
        }
    }
}
