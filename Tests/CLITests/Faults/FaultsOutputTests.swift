import Foundation
import Testing

/// Output that cannot be written. glibc's getent and getconf exit 0 when
/// stdout is /dev/full or closed (their output is lost silently); ours
/// report the error on stderr and exit non-zero, a deliberate difference
/// documented in the man pages. A reader that goes away (`| head -1`)
/// ends the tool quietly by SIGPIPE, exactly as it ends glibc's.
@Suite("Faults: output", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason))
struct FaultsOutputTests {
    static let users = (0..<100_000).map { "user\($0):x:\(10000 + $0):100:User \($0):/home/u\($0):/bin/sh\n" }.joined()
    static let files: [String: String?] = [
        "nsswitch.conf": FaultSandbox.filesOnlySwitch,
        "passwd": "root:x:0:0:root:/root:/bin/sh\n" + users,
        "group": "root:x:0:\nusers:x:100:\n",
        "hosts": "127.0.0.1 localhost\n",
    ]

    static let getentCases: [[String]] = [
        ["passwd", "root"], ["passwd"], ["passwd", "root", "user5"], ["group", "root"], ["hosts", "localhost"],
        ["ahosts", "localhost"], ["services", "ssh"], ["protocols"], ["initgroups", "root"], ["--help"], ["--usage"],
        ["--version"],
    ]

    /// "No space left on device" in the C library's words (same in glibc and musl).
    static let noSpace = String(cString: strerror(ENOSPC))
    static let badDescriptor = String(cString: strerror(EBADF))

    /// The tool's stderr with its path (argv[0], which prefixes its
    /// messages as it prefixes glibc's) shown as its name.
    static func stderr(_ result: ToolResult, tool: String) -> String {
        result.stderrText.replacingOccurrences(of: Sandbox.tool(tool), with: tool)
    }

    @Test("getent > /dev/full: an error on stderr, non-zero exit", arguments: getentCases)
    func getentToFull(_ arguments: [String]) {
        let ours = FaultSandbox.run(Self.files, setup: "exec >/dev/full", Sandbox.tool("getent"), arguments)
        #expect(ours.status != 0 && ours.status < 128, "getent \(arguments) > /dev/full: \(FaultSandbox.summary(ours))")
        #expect(Self.stderr(ours, tool: "getent").hasPrefix("getent: "), "getent \(arguments) > /dev/full: \(FaultSandbox.summary(ours))")
        #expect(ours.stderrText.contains(Self.noSpace), "getent \(arguments) > /dev/full: \(FaultSandbox.summary(ours))")
    }

    @Test("getent with stdout closed: an error on stderr, non-zero exit", arguments: getentCases)
    func getentClosed(_ arguments: [String]) {
        let ours = FaultSandbox.run(Self.files, setup: "exec >&-", Sandbox.tool("getent"), arguments)
        #expect(ours.status != 0 && ours.status < 128, "getent \(arguments) >&-: \(FaultSandbox.summary(ours))")
        #expect(Self.stderr(ours, tool: "getent").hasPrefix("getent: "), "getent \(arguments) >&-: \(FaultSandbox.summary(ours))")
        #expect(ours.stderrText.contains(Self.badDescriptor), "getent \(arguments) >&-: \(FaultSandbox.summary(ours))")
    }

    /// A miss writes nothing, so there is no write error: same as glibc.
    @Test("a miss with stdout unwritable is still just a miss")
    func missWritesNothing() {
        for setup in ["exec >/dev/full", "exec >&-"] {
            FaultSandbox.expectSameGetent(Self.files, setup: setup, ["passwd", "nobody-here"])
        }
    }

    @Test("getent | head -1: the first line, then a quiet end by SIGPIPE like glibc's")
    func getentIntoHead() {
        let setup = "\"$0\" \"$@\" | head -1; echo \"status ${PIPESTATUS[0]}\"; exit 0"
        for (arguments, first) in [(["passwd"], "root:x:0:0:root:/root:/bin/sh\n"),
                                   (["passwd"] + (0..<20_000).map { "user\($0)" }, "user0:x:10000:100:User 0:/home/u0:/bin/sh\n")] {
            let ours = Sandbox.runWithEtc(Self.files, "/bin/bash", ["-c", setup, Sandbox.tool("getent")] + arguments)
            let glibc = Sandbox.runWithEtc(Self.files, "/bin/bash", ["-c", setup, Differential.glibcGetent] + arguments)
            #expect(FaultSandbox.same(ours.stdoutText, first + "status 141\n"), "\(FaultSandbox.summary(ours))")
            #expect(FaultSandbox.same(ours.stdout, glibc.stdout), "ours \(FaultSandbox.summary(ours))\nglibc \(FaultSandbox.summary(glibc))")
            #expect(FaultSandbox.same(ours.stderrText, ""), "\(FaultSandbox.summary(ours))")
        }
    }

    static let getconfCases: [[String]] = [["PAGESIZE"], ["-a"], ["PATH_MAX", "/"], ["--help"], ["--version"]]

    @Test("getconf > /dev/full and with stdout closed: an error, non-zero exit", arguments: getconfCases)
    func getconfUnwritable(_ arguments: [String]) {
        for (setup, reason) in [("exec >/dev/full", Self.noSpace), ("exec >&-", Self.badDescriptor)] {
            let ours = Sandbox.run("/bin/sh", ["-c", setup + "; exec \"$0\" \"$@\"", Sandbox.tool("getconf")] + arguments)
            #expect(ours.status != 0 && ours.status < 128, "getconf \(arguments) (\(setup)): \(FaultSandbox.summary(ours))")
            #expect(Self.stderr(ours, tool: "getconf").hasPrefix("getconf: "), "getconf \(arguments) (\(setup)): \(FaultSandbox.summary(ours))")
            #expect(ours.stderrText.contains(reason), "getconf \(arguments) (\(setup)): \(FaultSandbox.summary(ours))")
        }
    }

    @Test("getconf -a | head -1: quiet end by SIGPIPE like glibc's")
    func getconfIntoHead() {
        // getconf -a fits in a pipe's buffer: start it only after the
        // reader has closed its end, so both tools meet a closed pipe.
        let setup = "(sleep 0.3; exec \"$0\" -a) | (exec 0<&-; sleep 0.6); echo \"status ${PIPESTATUS[0]}\""
        let ours = Sandbox.run("/bin/bash", ["-c", setup, Sandbox.tool("getconf")])
        let glibc = Sandbox.run("/bin/bash", ["-c", setup, Differential.glibcGetconf])
        #expect(FaultSandbox.same(ours.stdout, glibc.stdout), "ours \(FaultSandbox.summary(ours))\nglibc \(FaultSandbox.summary(glibc))")
        #expect(FaultSandbox.same(ours.stdoutText, "status 141\n"), "\(FaultSandbox.summary(ours))")
        #expect(FaultSandbox.same(ours.stderrText, ""), "\(FaultSandbox.summary(ours))")
    }
}
