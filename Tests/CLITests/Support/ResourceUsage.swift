import Foundation
import Glibc

/// Runs a command and measures what it used: its peak resident memory and
/// its wall time. Output goes to /dev/null (or a file), so large outputs
/// cost nothing here.
///
/// The memory figure comes from GNU time (`%M`), which forks a small copy
/// of itself and reports that child's `ru_maxrss`. Spawning the command
/// from the test process directly would not do: posix_spawn shares the
/// test process's memory until exec, and the kernel counts that (hundreds
/// of megabytes) as the command's peak.
enum ResourceUsage {
    static let time = "/usr/bin/time"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: time) }

    struct Measurement {
        var status: Int32
        var maxResidentKiB: Int
        var seconds: Double
    }

    /// Runs `executable` with `arguments`; stdout to `stdoutPath` (default
    /// /dev/null), stderr to `stderrPath` (default /dev/null).
    static func run(_ executable: String, _ arguments: [String],
                    stdoutPath: String = "/dev/null", stderrPath: String = "/dev/null") -> Measurement {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("rusage-\(UUID().uuidString)").path
        defer { unlink(report) }
        let argv = ([time, "-f", "%M", "-o", report, executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = Date()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, time, &actions, nil, argv, environ)
        if spawned != 0 { return Measurement(status: -1, maxResidentKiB: 0, seconds: 0) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(start)
        // WIFEXITED / WEXITSTATUS / WTERMSIG by hand (macros).
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        // GNU time's report ends with the figure ("Command exited with
        // non-zero status N" may come first).
        let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        let kib = text.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? -1
        return Measurement(status: code, maxResidentKiB: kib, seconds: seconds)
    }
}
