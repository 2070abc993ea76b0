import Foundation
import Testing

/// Hostile command lines: every option with a missing or bad value, keys
/// with newlines, colons and other odd bytes, an empty key, 10,000 keys in
/// one call. getent's and getconf's stdout, stderr and status must be
/// glibc's (option errors are part of the interface).
@Suite("Faults: arguments", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason))
struct FaultsArgumentTests {
    static let passwd = """
        root:x:0:0:root:/root:/bin/sh
        daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
        alice:x:1000:1000:Alice:/home/alice:/bin/sh
        +nis:x:2000:2000:::
        -minus:x:2001:2001:::
        big:x:4294967294:4294967294:Largest:/:/bin/sh

        """
    static let group = "root:x:0:\nusers:x:100:alice,daemon\nalice:x:1000:\n"
    static let files: [String: String?] = [
        "nsswitch.conf": FaultSandbox.filesOnlySwitch,
        "passwd": passwd,
        "group": group,
        "hosts": "127.0.0.1 localhost\n::1 localhost ip6-localhost\n10.0.0.1 host.example host\n",
    ]

    /// Option errors and odd option forms: stdout, stderr and status as glibc's.
    static let optionCases: [[String]] = [
        ["-s"], ["--service"], ["--service="], ["-s", ""], ["-s", "passwd:"], ["-s", ":files"],
        ["-s", "bogus", "passwd", "root"], ["-s", "files:files", "passwd", "root"],
        ["-s", "passwd:bogus", "passwd", "root"], ["-s", "passwd:files", "group", "root"],
        ["-s", "files", "passwd", "root"], ["-sfiles", "passwd", "root"], ["--serv=files", "passwd", "root"],
        ["--s=files", "passwd", "root"], ["--service=files", "passwd", "root"],
        ["passwd", "root", "-s"], ["passwd", "-s", "files", "root"], ["passwd", "root", "-s", "files"],
        ["-x"], ["--bogus"], ["-"], ["--"], ["--", "-s", "passwd"], ["--", "passwd", "root"],
        ["passwd", "--", "-s"], ["-i"], ["-A"], ["--no-idn"], ["--no-addrconfig"],
        ["-i", "passwd", "root"], ["-A", "passwd", "root"],
        ["--help=x"], ["--version=1"], ["--usage=1"], ["--service=files=x", "passwd", "root"],
        [], [""], ["", ""], ["bogusdb"], ["bogusdb", "x"], ["PASSWD", "root"], ["passwd "],
        ["-s", "files", "-s", "passwd:files", "passwd", "root"],
        ["-s", "[NOTFOUND=return]", "passwd", "root"], ["-s", "files [", "passwd", "root"],
        ["-s", "passwd:files [SUCCESS=continue] files", "passwd", "root"],
    ]

    @Test("getent option errors")
    func getentOptions() {
        FaultSandbox.expectSameGetentBatch(Self.files, Self.optionCases, compareStderr: true)
    }

    static let oddKeys: [String] = [
        "", " ", "root\n", "ro\not", "\n", "root:x", ":", "root:", ":root", "0:0", " root", "root ",
        "\troot", "root\t", "+", "-", "+nis", "nis", "-minus", "minus", "*", "root*", "%", "\\", "root\\",
        "ROOT", "Root", "0x0", "00", "000", "-0", "+0", " 0", "0 ", "1000", "01000", "1000.0", "1e3",
        "4294967294", "4294967295", "-1", "-4294967295", "x", "users", "alice,daemon", "alice,",
    ]

    @Test("odd keys for passwd, group and initgroups")
    func oddKeysForAccounts() {
        let cases = ["passwd", "group", "initgroups"].flatMap { database in Self.oddKeys.map { [database, $0] } }
        FaultSandbox.expectSameGetentBatch(Self.files, cases)
    }

    static let oddHostKeys: [String] = [
        "", " ", "localhost\n", "local host", "localhost.", "LOCALHOST", ".", "..", "host.example.",
        "::1", "::1%lo", "::ffff:127.0.0.1", "127.1", "0x7f.1", "127.0.0.1\n", "10.0.0.1 ", "10.0.0.01",
        "1.2.3.4.5", "256.0.0.1", "::", "[::1]", "host:80", "ip6-localhost", "\u{e9}t\u{e9}",
    ]

    @Test("odd keys for hosts")
    func oddKeysForHosts() {
        let cases = ["hosts", "ahostsv4", "ahosts"].flatMap { database in Self.oddHostKeys.map { [database, $0] } }
        FaultSandbox.expectSameGetentBatch(Self.files, cases)
    }

    /// An id one past the type's range is not found: glibc wraps it to
    /// another id (4294967296 is root); ours never answers a wrapped id.
    @Test("numeric keys out of range never wrap")
    func outOfRangeIDs() {
        let keys = ["4294967296", "4294967297", "18446744073709551616", "4294968296", "99999999999999999999999"]
        let cases = ["passwd", "group"].flatMap { database in keys.map { [database, $0] } }
        let results = FaultSandbox.runBatch(Self.files.mapValues { $0.map { Data($0.utf8) } }, Sandbox.tool("getent"), cases)
        for (arguments, ours) in zip(cases, results) {
            #expect(ours.status == 2, "getent \(arguments): \(FaultSandbox.summary(ours))")
            #expect(FaultSandbox.same(ours.stdoutText, ""), "getent \(arguments): \(FaultSandbox.summary(ours))")
        }
    }

    @Test("10,000 keys in one call")
    func tenThousandKeys() {
        let users = (0..<5000).map { "user\($0):x:\(10000 + $0):100:User \($0):/home/u\($0):/bin/sh\n" }.joined()
        let files: [String: String?] = ["nsswitch.conf": FaultSandbox.filesOnlySwitch, "passwd": Self.passwd + users,
                                        "group": Self.group]
        var keys: [String] = []
        for i in 0..<10_000 {
            switch i % 4 {
            case 0: keys.append("user\((i * 7) % 5000)")
            case 1: keys.append("\(10000 + (i * 13) % 5000)")
            case 2: keys.append("missing\(i)")
            default: keys.append("\(90000 + i)")
            }
        }
        let result = FaultSandbox.expectSameGetent(files, ["passwd"] + keys)
        #expect(result.ours.stdoutText.split(separator: "\n").count == 5000)
        FaultSandbox.expectSameGetent(files, ["group"] + keys.prefix(2000))
        // All found: status 0.
        FaultSandbox.expectSameGetent(files, ["passwd"] + (0..<10_000).map { "user\($0 % 5000)" })
    }

    // MARK: getconf

    static let getconfCases: [[String]] = [
        [], ["-v"], ["-v", ""], ["-v", "POSIX_V7_LP64_OFF64", "PAGESIZE"],
        ["-vPOSIX_V7_LP64_OFF64", "PAGESIZE"], ["PAGESIZE", "extra"], ["PATH_MAX"], ["PATH_MAX", "/"],
        ["PATH_MAX", "/nonexistent"], ["NAME_MAX", "/etc/passwd/x"], ["BOGUS"], [""],
        ["-x"], ["-"], ["--"], ["--", "PAGESIZE"], ["PATH_MAX", "/", "extra"], ["_POSIX_PATH_MAX"],
        ["LINK_MAX", "/tmp\nx"], ["PAGESIZE\n"], ["PAGE SIZE"], ["pagesize"], ["-v"],
    ]

    @Test("getconf argument errors", arguments: getconfCases)
    func getconfArguments(_ arguments: [String]) {
        let ours = Sandbox.run(Sandbox.tool("getconf"), arguments)
        let glibc = Sandbox.run(Differential.glibcGetconf, arguments)
        #expect(ours.status < 128, "getconf \(arguments) was killed: \(FaultSandbox.summary(ours))")
        #expect(ours.status == glibc.status, "getconf \(arguments): ours \(FaultSandbox.summary(ours))\nglibc \(FaultSandbox.summary(glibc))")
        #expect(FaultSandbox.same(ours.stdout, glibc.stdout), "getconf \(arguments): ours \(FaultSandbox.summary(ours))\nglibc \(FaultSandbox.summary(glibc))")
        let ourText = ours.stderrText.replacingOccurrences(of: Sandbox.tool("getconf"), with: "getconf")
        let glibcText = glibc.stderrText.replacingOccurrences(of: Differential.glibcGetconf, with: "getconf")
        #expect(FaultSandbox.same(ourText, glibcText), "getconf \(arguments): ours \(FaultSandbox.summary(ours))\nglibc \(FaultSandbox.summary(glibc))")
    }

    /// Deliberate differences (man/getconf.1): -v checks its specification.
    @Test("getconf -v with an unknown specification: the documented error")
    func getconfUnknownSpecification() {
        let ours = Sandbox.run(Sandbox.tool("getconf"), ["-v", "bogus", "PAGESIZE"])
        #expect(ours.status == 2, "\(FaultSandbox.summary(ours))")
        #expect(ours.stdout.isEmpty, "\(FaultSandbox.summary(ours))")
        #expect(ours.stderrText.hasSuffix(": Unrecognized specification `bogus'\n"), "\(FaultSandbox.summary(ours))")
    }
}
