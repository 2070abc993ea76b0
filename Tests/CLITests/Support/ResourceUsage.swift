import Foundation
import Glibc

/// Runs a command and measures what it used: its peak resident memory
/// (`ru_maxrss` from `wait4`, the largest of the process and the programs
/// it exec'd into) and its wall time. Output goes to /dev/null (or a file),
/// so large outputs cost nothing here.
enum ResourceUsage {
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
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = Date()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        if spawned != 0 { return Measurement(status: -1, maxResidentKiB: 0, seconds: 0) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(start)
        // WIFEXITED / WEXITSTATUS / WTERMSIG by hand (macros).
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return Measurement(status: code, maxResidentKiB: usage.ru_maxrss, seconds: seconds)
    }
}
