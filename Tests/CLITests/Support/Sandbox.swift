import Foundation
import Testing

/// The result of running a tool: its exact output bytes and exit status.
struct ToolResult: Equatable, CustomStringConvertible {
    var stdout: Data
    var stderr: Data
    var status: Int32

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }

    var description: String {
        "status \(status)\n--- stdout ---\n\(stdoutText)--- stderr ---\n\(stderrText)"
    }
}

/// Locates the binaries under test and runs them, optionally inside a private
/// mount namespace whose `/etc` holds fixture files, so that our tools and
/// glibc's read exactly the same files.
enum Sandbox {
    /// The directory of the static release binaries (`make` puts them in
    /// `build/`; `LIBC_SUPPORT_BUILD` overrides it).
    static let buildDirectory: URL = {
        if let dir = ProcessInfo.processInfo.environment["LIBC_SUPPORT_BUILD"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        // Tests/CLITests/Support/Sandbox.swift -> package root
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("build")
    }()

    /// Path of one of our built tools, e.g. `tool("getent")`.
    static func tool(_ name: String) -> String {
        buildDirectory.appendingPathComponent(name).path
    }

    /// Whether the built tool exists (the CLI tests need `make` first).
    static func toolExists(_ name: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: tool(name))
    }

    /// Whether this process may create a private mount namespace and
    /// bind-mount over /etc (root, or a system that allows it).
    static let namespacesAvailable: Bool = {
        let result = run("/usr/bin/unshare", ["-m", "--propagation", "private", "sh", "-c",
                                               "mount --bind /etc /etc && echo ok"])
        return result.status == 0 && result.stdoutText == "ok\n"
    }()

    static let namespaceSkipReason: Comment =
        "private mount namespaces (unshare -m, mount --bind) are not allowed here; run as root to compare with glibc on fixtures"

    /// Runs `executable` with `arguments`, returning its output and status.
    /// `stdin` is fed to it (empty by default: /dev/null-like).
    static func run(_ executable: String, _ arguments: [String], stdin: Data = Data(),
                    environment: [String: String]? = nil) -> ToolResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        do {
            try process.run()
        } catch {
            return ToolResult(stdout: Data(), stderr: Data("cannot run \(executable): \(error)".utf8), status: -1)
        }
        // Read both pipes concurrently so a large output cannot deadlock.
        let outData = Collected(), errData = Collected()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData.data = outPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData.data = errPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if !stdin.isEmpty { try? inPipe.fileHandleForWriting.write(contentsOf: stdin) }
        try? inPipe.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return ToolResult(stdout: outData.data, stderr: errData.data, status: status)
    }

    /// Output gathered by a reader thread; read only after `group.wait()`.
    private final class Collected: @unchecked Sendable { var data = Data() }

    /// A copy of the real /etc made once per test process: the fixture
    /// directories link to it for every file a case does not replace.
    private static let etcBase: URL = {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("libc-support-etc-\(getpid())")
        try? FileManager.default.removeItem(at: base)
        _ = run("/bin/cp", ["-a", "/etc", base.path])
        return base
    }()

    /// Runs `executable` in a private mount namespace whose /etc is the real
    /// one except for `files` (name relative to /etc -> contents; a nil
    /// content removes the file). Our tool and glibc's see the same /etc.
    static func runWithEtc(_ files: [String: Data?], _ executable: String, _ arguments: [String],
                           stdin: Data = Data(), user: String? = nil) -> ToolResult {
        let fm = FileManager.default
        let caseDir = fm.temporaryDirectory.appendingPathComponent("libc-support-case-\(UUID().uuidString)")
        let etc = caseDir.appendingPathComponent("etc")
        try! fm.createDirectory(at: etc, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: caseDir) }
        for entry in (try? fm.contentsOfDirectory(atPath: etcBase.path)) ?? [] where files.index(forKey: entry) == nil {
            try? fm.createSymbolicLink(atPath: etc.appendingPathComponent(entry).path,
                                       withDestinationPath: etcBase.appendingPathComponent(entry).path)
        }
        for (name, content) in files {
            guard let content else { continue }
            let url = etc.appendingPathComponent(name)
            try? fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! content.write(to: url)
            // Keep the real file's mode and group (shadow is 0640 root:shadow).
            if let attributes = try? fm.attributesOfItem(atPath: "/etc/" + name) {
                var keep: [FileAttributeKey: Any] = [:]
                keep[.posixPermissions] = attributes[.posixPermissions]
                keep[.groupOwnerAccountID] = attributes[.groupOwnerAccountID]
                try? fm.setAttributes(keep, ofItemAtPath: url.path)
            } else {
                try? fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
            }
        }
        try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: caseDir.path)
        try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: etc.path)
        var command = "mount --bind \"$0\" /etc || exit 125; shift; "
        if let user {
            command += "exec setpriv --reuid=\(user) --regid=\(user) --clear-groups \"$@\""
        } else {
            command += "exec \"$@\""
        }
        return run("/usr/bin/unshare", ["-m", "--propagation", "private", "sh", "-c", command,
                                        etc.path, "placeholder", executable] + arguments, stdin: stdin)
    }

    /// Convenience: text fixtures.
    static func runWithEtc(_ files: [String: String?], _ executable: String, _ arguments: [String],
                           stdin: Data = Data(), user: String? = nil) -> ToolResult {
        runWithEtc(files.mapValues { $0.map { Data($0.utf8) } }, executable, arguments, stdin: stdin, user: user)
    }
}
