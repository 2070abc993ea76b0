import Foundation
import Testing

/// A database file that changes while getent reads it. strace pauses the
/// tool at the call that reads /etc/passwd by a second — the `read` of a
/// small file (up to 64 KiB), the `mmap` of a larger one — and the test
/// replaces or truncates the file in that window, so the race is decided,
/// not hoped for.
@Suite("Faults: files changing during a lookup",
       .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason),
       .enabled(if: FaultSandbox.straceAvailable, FaultSandbox.straceSkipReason))
struct FaultsChangingFileTests {
    static let before = """
        root:x:0:0:root:/root:/bin/sh
        alice:x:1000:1000:Alice Before:/home/alice:/bin/sh
        bob:x:1001:1001:Bob Before:/home/bob:/bin/sh

        """
    static let after = """
        root:x:0:0:root:/root:/bin/sh
        carol:x:1002:1002:Carol After:/home/carol:/bin/sh
        alice:x:1000:1000:Alice After:/home/alice:/bin/sh

        """

    /// The passwd file: `before`, or with `padding` comment lines after it
    /// (comments, so the answers stay the same) to make it a mapped file.
    static func files(padding: Int = 0) -> [String: String?] {
        let comments = String(repeating: "# padding to make the file larger than the read limit\n", count: padding)
        return ["nsswitch.conf": FaultSandbox.filesOnlySwitch, "passwd": before + comments]
    }

    /// Runs `tool ARGS` under strace with `syscall` on `path` delayed by a
    /// second, on return (`delay_exit`) or before it runs (`delay_enter`),
    /// and runs `change` (shell) 0.4 s in.
    static func pausedRun(_ tool: String, _ arguments: [String], syscall: String = "read",
                          delay: String = "delay_exit", padding: Int = 0,
                          path: String = "/etc/passwd", change: String) -> ToolResult {
        let setup = """
            printf '%s' \(FaultSandbox.quoted(after)) > /etc/passwd.new
            strace -f -o /dev/null -P \(path) -e trace=\(syscall) -e inject=\(syscall):\(delay)=1000000 "$0" "$@" &
            traced=$!
            sleep 0.4
            \(change)
            wait $traced
            exit $?
            """
        return FaultSandbox.run(files(padding: padding), setup: setup, tool, arguments)
    }

    @Test("a file replaced by rename during the lookup: the answer comes from the old file",
          arguments: [("read", 0), ("mmap", 2_000)])
    func replacedByRename(syscall: String, padding: Int) {
        for key in ["alice", "1000", "bob", "carol"] {
            let ours = Self.pausedRun(Sandbox.tool("getent"), ["passwd", key], syscall: syscall, padding: padding,
                                      change: "mv /etc/passwd.new /etc/passwd")
            // glibc reads the file after opening it: pause it at the open.
            let glibc = Self.pausedRun(Differential.glibcGetent, ["passwd", key], syscall: "openat",
                                       change: "mv /etc/passwd.new /etc/passwd")
            #expect(ours.status == glibc.status, "getent passwd \(key): ours \(FaultSandbox.summary(ours)), glibc \(FaultSandbox.summary(glibc))")
            #expect(FaultSandbox.same(ours.stdout, glibc.stdout), "getent passwd \(key): ours \(FaultSandbox.summary(ours)), glibc \(FaultSandbox.summary(glibc))")
            let old = Self.before.split(separator: "\n").first { $0.hasPrefix(key + ":") || $0.contains(":\(key):\(key):") }
            #expect(FaultSandbox.same(ours.stdoutText, old.map { $0 + "\n" } ?? ""), "getent passwd \(key): \(FaultSandbox.summary(ours))")
        }
        // Enumeration: the whole old file, never a mix.
        let ours = Self.pausedRun(Sandbox.tool("getent"), ["passwd"], syscall: syscall, padding: padding,
                                  change: "mv /etc/passwd.new /etc/passwd")
        #expect(ours.status == 0)
        #expect(FaultSandbox.same(ours.stdoutText, Self.before), "\(FaultSandbox.summary(ours))")
    }

    /// A small file is truncated between its `fstat` and its `read` (the
    /// read gets less than the size), a large one after its `mmap` (reading
    /// the mapping faults): both are the same report.
    @Test("a file truncated during the lookup: reported, status 1, no crash",
          arguments: [("read", "delay_enter", 0), ("mmap", "delay_exit", 2_000)])
    func truncatedDuringLookup(syscall: String, delay: String, padding: Int) {
        for arguments in [["passwd", "bob"], ["passwd", "1001"], ["passwd"], ["passwd", "nobody-here"]] {
            let ours = Self.pausedRun(Sandbox.tool("getent"), arguments, syscall: syscall, delay: delay,
                                      padding: padding, change: ": > /etc/passwd")
            #expect(ours.status == 1, "getent \(arguments) (\(syscall)): \(FaultSandbox.summary(ours))")
            #expect(FaultSandbox.same(ours.stdoutText, ""), "getent \(arguments) (\(syscall)): \(FaultSandbox.summary(ours))")
            #expect(FaultSandbox.same(ours.stderrText, "getent: /etc/passwd: file changed while being read\n"), "getent \(arguments) (\(syscall)): \(FaultSandbox.summary(ours))")
        }
    }

    @Test("a file rewritten in place over and over: every answer is right or an error, never a crash")
    func rewrittenInPlace() {
        // 2,000 users so the file spans pages; the key is the last one.
        let users = (0..<2000).map { "user\($0):x:\(10000 + $0):100:User \($0):/home/u\($0):/bin/sh\n" }.joined()
        let files: [String: String?] = ["nsswitch.conf": FaultSandbox.filesOnlySwitch, "passwd": users]
        let expected = "user1999:x:11999:100:User 1999:/home/u1999:/bin/sh\n"
        let setup = """
            cp /etc/passwd /etc/passwd.full
            ( while :; do cat /etc/passwd.full > /etc/passwd; : > /etc/passwd; head -c 70000 /etc/passwd.full > /etc/passwd; done ) &
            writer=$!
            i=0; ok=0; missing=0; changed=0; other=0
            while [ $i -lt 300 ]; do
                out=$("$0" passwd user1999 2>/etc/err); status=$?
                if [ $status -eq 0 ] && [ "$out" = \(FaultSandbox.quoted(String(expected.dropLast()))) ]; then ok=$((ok+1))
                elif [ $status -eq 2 ] && [ -z "$out" ]; then missing=$((missing+1))
                elif [ $status -eq 1 ] && [ -z "$out" ] && grep -q 'file changed while being read' /etc/err; then changed=$((changed+1))
                else other=$((other+1)); echo "unexpected: status $status out [$out] err [$(cat /etc/err)]"; fi
                i=$((i+1))
            done
            kill $writer; wait $writer 2>/dev/null
            echo "ok=$ok missing=$missing changed=$changed other=$other"
            exit 0
            """
        let result = FaultSandbox.run(files, setup: setup, Sandbox.tool("getent"), [])
        #expect(result.status == 0, "\(FaultSandbox.summary(result))")
        #expect(result.stdoutText.hasSuffix("other=0\n"), "\(result.stdoutText)")
        #expect(!result.stdoutText.contains("unexpected"), "\(result.stdoutText)")
    }
}
