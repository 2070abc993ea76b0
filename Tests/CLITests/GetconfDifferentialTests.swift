import Foundation
import Testing

/// build/getconf against glibc's /usr/bin/getconf on this machine: stdout,
/// stderr and exit status, for every name and every form.
@Suite("getconf against glibc", .serialized)
struct GetconfDifferentialTests {
    init() throws {
        try #require(Sandbox.toolExists("getconf"), "build/getconf is missing: run make first")
    }

    static let names = GetconfHarness.glibcListing.map(\.name)

    @Test("glibc lists 320 names")
    func glibcListing() {
        #expect(Self.names.count == 320)
    }

    @Test("every name of getconf -a, singly", arguments: GetconfHarness.glibcListing.map(\.name))
    func singleName(name: String) {
        let ours = GetconfHarness.run(GetconfHarness.ours, [name])
        let theirs = GetconfHarness.run(GetconfHarness.glibc, [name])
        if GetconfHarness.glibcOnlyNames.contains(name) {
            #expect(ours.status == 2)
            #expect(ours.stdout.isEmpty)
            #expect(ours.stderrText == "getconf: Unrecognized variable `\(name)'\n")
            return
        }
        #expect(ours.status == theirs.status && ours.stderr == theirs.stderr, "\(name)\n\(ours)\n\(theirs)")
        if let value = GetconfHarness.deliberateValue(of: name) {
            #expect(ours.stdoutText == value + "\n", "\(name)")
        } else if GetconfHarness.liveNames.contains(name) {
            #expect(GetconfHarness.closeEnough(ours.stdoutText, theirs.stdoutText), "\(name): \(ours.stdoutText) vs \(theirs.stdoutText)")
        } else {
            #expect(ours.stdoutText == theirs.stdoutText, "\(name)")
        }
    }

    @Test("getconf -a, and -a PATH", arguments: [nil, "/", "/tmp", "/proc", "/nonexistent", "", "/etc/passwd/x", "/dev/null"] as [String?])
    func all(path: String?) {
        let arguments = ["-a"] + (path.map { [$0] } ?? [])
        let ours = GetconfHarness.run(GetconfHarness.ours, arguments)
        let theirs = GetconfHarness.run(GetconfHarness.glibc, arguments)
        #expect(ours.status == 0 && theirs.status == 0)
        #expect(ours.stderr.isEmpty && theirs.stderr.isEmpty)
        let ourLines = ours.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
        let theirLines = theirs.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !GetconfHarness.glibcOnlyNames.contains(String(line.prefix { $0 != " " })) }
        #expect(ourLines.count == theirLines.count)
        for (our, their) in zip(ourLines, theirLines) {
            let name = String(their.prefix { $0 != " " })
            if let value = GetconfHarness.deliberateValue(of: name) {
                let expected = value == "undefined" ? "" : value
                #expect(our == name.padding(toLength: 35, withPad: " ", startingAt: 0) + expected, "\(name)")
            } else if GetconfHarness.liveNames.contains(name) {
                #expect(our.prefix(35) == their.prefix(35))
                #expect(GetconfHarness.closeEnough(String(our.dropFirst(35)), String(their.dropFirst(35))), "\(name)")
            } else {
                #expect(our == their)
            }
        }
    }

    static let pathNames = [
        "LINK_MAX", "_POSIX_LINK_MAX", "MAX_CANON", "_POSIX_MAX_CANON", "MAX_INPUT", "_POSIX_MAX_INPUT", "NAME_MAX",
        "_POSIX_NAME_MAX", "PATH_MAX", "_POSIX_PATH_MAX", "PIPE_BUF", "_POSIX_PIPE_BUF", "SOCK_MAXBUF",
        "_POSIX_ASYNC_IO", "_POSIX_CHOWN_RESTRICTED", "_POSIX_NO_TRUNC", "_POSIX_PRIO_IO", "_POSIX_SYNC_IO",
        "_POSIX_VDISABLE", "FILESIZEBITS", "POSIX_ALLOC_SIZE_MIN", "POSIX_REC_INCR_XFER_SIZE", "POSIX_REC_MAX_XFER_SIZE",
        "POSIX_REC_MIN_XFER_SIZE", "POSIX_REC_XFER_ALIGN", "SYMLINK_MAX", "POSIX2_SYMLINKS",
        "NO_TRUNC", "VDISABLE", // the same, by their names without _POSIX_
    ]

    /// Paths on several kinds of file system, and paths that fail.
    static let paths: [String] = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("getconf-paths-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("regular").path
        _ = FileManager.default.createFile(atPath: file, contents: Data())
        let fifo = directory.appendingPathComponent("fifo").path
        mkfifo(fifo, 0o600)
        let loop = directory.appendingPathComponent("loop").path
        try? FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let long = "/" + String(repeating: "a", count: 5000)
        return ["/", "/tmp", "/proc", "/nonexistent", "", "/etc/passwd/x", long, file, fifo, loop,
                "/dev/null", "/sys", "/dev", "/dev/pts", "/dev/shm"]
    }()

    @Test("every file system name on each path", arguments: paths)
    func pathNames(path: String) {
        for name in Self.pathNames {
            GetconfHarness.expectSame([name, path])
        }
    }

    @Test("command-line forms and their errors", arguments: [
        [], ["-h"], ["-x"], ["--foo"], ["-v"], ["-"], ["--"], ["--", "PAGESIZE"],
        ["--", "-a"], ["-aa"], ["PAGESIZE", "PAGESIZE"], ["PAGESIZE", "/"], ["PAGESIZE", "/", "x"], ["-v", "X"],
        ["-v", "X", "-v", "Y", "PAGESIZE"], ["x", "--help"], ["--he"], ["--vers"], ["--v", "X", "PAGESIZE"],
        ["-h", "PAGESIZE"], ["LINK_MAX"], ["PATH_MAX"], ["-a", "-a"], ["-a", "/", "/"], ["--usage"], ["-?"],
        ["--", "-v", "X", "PAGESIZE"], ["--", "--help"], ["--", "--", "PAGESIZE"], ["-v", "X", "--", "-a"],
        ["-a", "--", "/"], ["-vX"], ["-v", "X", "--help"], ["-v", "X", "--version"], ["--", "-a", "/"], ["--", "-v"],
        ["-v", "X", "-a", "--", "/"], ["--foo", "/", "x"], ["-v", "X", "PAGESIZE", "/"], ["-v", "X", "PATH_MAX"],
        ["-v", "X", "NOPE"], ["-v", "X", "PATH_MAX", "/", "/"], ["NOPE"], ["NOPE", "/"], ["pagesize"], [""], ["", "/"],
        ["_POSIX_NOPE"], ["VERSION"], ["PIPE"], ["V7_LP64_OFF64"], ["JOB_CONTROL"], ["NO_TRUNC", "/"],
        ["-v", "POSIX_V7_LP64_OFF64", "PAGESIZE"], ["-vPOSIX_V6_LP64_OFF64", "LINK_MAX", "/"],
        ["-v", "XBS5_LP64_OFF64", "--", "PAGESIZE"], ["-v", "POSIX_V7_LP64_OFF64", "-a", "/proc"],
        ["-a", "PAGESIZE"], ["-a", "--help"], ["-a", "--"],
    ] as [[String]])
    func forms(arguments: [String]) {
        let (ours, theirs) = (GetconfHarness.run(GetconfHarness.ours, arguments), GetconfHarness.run(GetconfHarness.glibc, arguments))
        #expect(ours.status == theirs.status && ours.stderr == theirs.stderr, "\(arguments)\n\(ours)\n\(theirs)")
        if arguments.contains("-a") && theirs.status == 0 {
            // Listings differ by the deliberate lines; compared in `all`.
            #expect(ours.stdout.count > 10_000)
        } else {
            #expect(ours.stdout == theirs.stdout, "\(arguments)")
        }
    }

    @Test("diagnostics name the program as it was run")
    func programName() {
        let command = "exec -a /usr/bin/getconf \"$0\" NOPE"
        let ours = Sandbox.run("/bin/bash", ["-c", command, GetconfHarness.ours])
        let theirs = Sandbox.run("/bin/bash", ["-c", command, GetconfHarness.glibc])
        #expect(ours.stderrText == "/usr/bin/getconf: Unrecognized variable `NOPE'\n")
        #expect(ours == theirs)
    }
}

/// Where getconf deliberately differs from glibc (each documented in
/// man/getconf.1).
@Suite("getconf beyond glibc")
struct GetconfExtensionTests {
    init() throws {
        try #require(Sandbox.toolExists("getconf"), "build/getconf is missing: run make first")
    }

    func ours(_ arguments: [String]) -> ToolResult { GetconfHarness.run(GetconfHarness.ours, arguments) }

    @Test("GNU_LIBC_VERSION and GNU_LIBPTHREAD_VERSION are unknown: this is not glibc")
    func notGlibc() {
        for name in GetconfHarness.glibcOnlyNames {
            let result = ours([name])
            #expect(result.status == 2 && result.stdout.isEmpty)
        }
        #expect(!ours(["-a"]).stdoutText.contains("glibc"))
    }

    @Test("SSIZE_MAX is the true ssize_t maximum")
    func ssizeMax() {
        #expect(ours(["SSIZE_MAX"]).stdoutText == "9223372036854775807\n")
        #expect(ours(["_POSIX_SSIZE_MAX"]).stdoutText == "32767\n")
    }

    @Test("plain NPROCESSORS_CONF and NPROCESSORS_ONLN", arguments: ["CONF", "ONLN"])
    func processorSpellings(suffix: String) {
        let plain = ours(["NPROCESSORS_" + suffix])
        #expect(plain.status == 0)
        #expect(plain == ours(["_NPROCESSORS_" + suffix]))
        #expect(plain.stdout == Sandbox.run(GetconfHarness.glibc, ["_NPROCESSORS_" + suffix]).stdout)
    }

    @Test("<limits.h> minimum and maximum values glibc rejects", arguments: [
        ("_POSIX_AIO_LISTIO_MAX", 2), ("_POSIX_AIO_MAX", 1), ("_POSIX_CLOCKRES_MIN", 20_000_000),
        ("_POSIX_DELAYTIMER_MAX", 32), ("_POSIX_HOST_NAME_MAX", 255), ("_POSIX_LOGIN_NAME_MAX", 9),
        ("_POSIX_MQ_OPEN_MAX", 8), ("_POSIX_MQ_PRIO_MAX", 32), ("_POSIX_RE_DUP_MAX", 255), ("_POSIX_RTSIG_MAX", 8),
        ("_POSIX_SEM_NSEMS_MAX", 256), ("_POSIX_SEM_VALUE_MAX", 32767), ("_POSIX_SIGQUEUE_MAX", 32),
        ("_POSIX_SS_REPL_MAX", 4), ("_POSIX_SYMLINK_MAX", 255), ("_POSIX_SYMLOOP_MAX", 8),
        ("_POSIX_THREAD_DESTRUCTOR_ITERATIONS", 4), ("_POSIX_THREAD_KEYS_MAX", 128), ("_POSIX_THREAD_THREADS_MAX", 64),
        ("_POSIX_TIMER_MAX", 32), ("_POSIX_TTY_NAME_MAX", 9), ("_POSIX2_BC_BASE_MAX", 99), ("_POSIX2_BC_DIM_MAX", 2048),
        ("_POSIX2_BC_SCALE_MAX", 99), ("_POSIX2_BC_STRING_MAX", 1000), ("_POSIX2_CHARCLASS_NAME_MAX", 14),
        ("_POSIX2_COLL_WEIGHTS_MAX", 2), ("_POSIX2_EXPR_NEST_MAX", 32), ("_POSIX2_RE_DUP_MAX", 255),
        ("_XOPEN_IOV_MAX", 16), ("_XOPEN_NAME_MAX", 255), ("_XOPEN_PATH_MAX", 1024),
    ] as [(String, Int)])
    func posixLimits(name: String, value: Int) {
        #expect(ours([name]) == ToolResult(stdout: Data("\(value)\n".utf8), stderr: Data(), status: 0))
        #expect(Sandbox.run(GetconfHarness.glibc, [name]).status == 2, "glibc now knows \(name)")
        // Without its prefix, a name means what it means to glibc: the prefix
        // rule does not reach the names beyond glibc's.
        let unprefixed = [String(name.drop { $0 == "_" }.drop { $0 != "_" }.dropFirst())]
        #expect(ours(unprefixed) == GetconfHarness.run(GetconfHarness.glibc, unprefixed), "\(unprefixed)")
    }

    @Test("-v checks the specification")
    func specification() {
        #expect(ours(["-v", "POSIX_V7_LP64_OFF64", "PAGESIZE"]).status == 0)
        let unsupported = ours(["-v", "POSIX_V7_ILP32_OFF32", "PAGESIZE"])
        #expect(unsupported.status == 2 && unsupported.stdout.isEmpty)
        #expect(unsupported.stderrText == "getconf: specification `POSIX_V7_ILP32_OFF32' is not supported on this system\n")
        let unknown = ours(["-v", "BOGUS", "-a"])
        #expect(unknown.status == 2 && unknown.stdout.isEmpty)
        #expect(unknown.stderrText == "getconf: Unrecognized specification `BOGUS'\n")
        #expect(ours(["-v", "", "PAGESIZE"]).status == 2)
        // glibc's own errors come first.
        #expect(ours(["-v", "BOGUS", "NOPE"]).stderrText == "getconf: Unrecognized variable `NOPE'\n")
    }

    @Test("--help and --version print on stdout and exit 0")
    func helpAndVersion() {
        let help = ours(["--help"])
        #expect(help.status == 0 && help.stderr.isEmpty)
        #expect(help.stdoutText.hasPrefix("Usage: getconf [-v SPEC] VAR\n"))
        let version = ours(["--version"])
        #expect(version.status == 0 && version.stdoutText.hasPrefix("getconf (libc-support) "))
        // Only as the first argument, whatever follows (as in glibc).
        #expect(ours(["--help", "x"]) == help)
        #expect(ours(["--version", "--help"]) == version)
        #expect(ours(["--help", "--version"]) == help)
    }

    @Test("a write error is reported, not ignored", arguments: [["PAGESIZE"], ["-a"], ["--help"]])
    func writeError(arguments: [String]) {
        let result = Sandbox.run("/bin/sh", ["-c", "exec \"$0\" \"$@\" > /dev/full", GetconfHarness.ours] + arguments)
        #expect(result.status == 1)
        #expect(result.stderrText.hasSuffix(": write error: No space left on device\n"))
    }
}
