import Foundation
import Testing

/// What getent and getconf do to the system, watched with strace: getent
/// opens only the files of the database asked for (never shadow for
/// passwd), opens every file read-only, never creates, removes, renames or
/// changes a file, writes only to stdout and stderr, and runs no other
/// program. getconf opens nothing but read-only system information.
@Suite("Security: files opened, nothing written, nothing run",
       .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason),
       .enabled(if: FaultSandbox.straceAvailable, FaultSandbox.straceSkipReason))
struct SecurityTests {
    /// Every system call that opens, creates, changes or removes a file,
    /// starts a program or a process, or sends data.
    static let watched = [
        "open", "openat", "openat2", "creat", "execve", "execveat", "fork", "vfork", "clone", "clone3",
        "unlink", "unlinkat", "rename", "renameat", "renameat2", "mkdir", "mkdirat", "rmdir", "link", "linkat",
        "symlink", "symlinkat", "chmod", "fchmod", "fchmodat", "chown", "fchown", "fchownat", "lchown",
        "truncate", "ftruncate", "mknod", "mknodat", "utimensat", "socket", "connect", "bind",
        "write", "writev", "pwrite64", "pwritev", "sendto", "sendmsg", "sendmmsg", "ptrace", "kill",
    ].joined(separator: ",")

    /// One traced system call: its name, its text, and the path it names.
    struct Call {
        var name: String
        var text: String
        var path: String?
        var firstArgument: String
    }

    /// Runs `tool ARGS` under strace in the fixture /etc and returns the
    /// calls it made (after its own execve).
    static func trace(_ tool: String, _ arguments: [String], files: [String: String?]) -> (ToolResult, [Call]) {
        let directory = FaultSandbox.scratchDirectory("strace")
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("log").path
        let setup = "exec strace -f -qq -s 256 -o \(FaultSandbox.quoted(log)) -e trace=\(watched) \"$0\" \"$@\""
        let result = FaultSandbox.run(files, setup: setup, tool, arguments)
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        var calls: [Call] = []
        // Paths of open descriptors, to resolve openat(fd, "relative").
        var openPaths: [String: String] = [:]
        for line in text.split(separator: "\n") {
            // "PID name(args) = result"; skip signals and exits.
            var body = Substring(line)
            if let space = body.firstIndex(of: " "), body[..<space].allSatisfy(\.isNumber) {
                body = body[body.index(after: space)...].drop { $0 == " " }
            }
            guard let paren = body.firstIndex(of: "("), !body.hasPrefix("+++"), !body.hasPrefix("---") else { continue }
            let name = String(body[..<paren])
            let arguments = body[body.index(after: paren)...]
            let first = String(arguments.prefix { $0 != "," && $0 != ")" })
            var path: String?
            if let quote = arguments.firstIndex(of: "\"") {
                let rest = arguments[arguments.index(after: quote)...]
                if let end = rest.firstIndex(of: "\"") { path = String(rest[..<end]) }
            }
            if name == "openat", let relative = path, !relative.hasPrefix("/"), first != "AT_FDCWD" {
                path = (openPaths[first] ?? "<descriptor \(first)>") + "/" + relative
            }
            if ["open", "openat"].contains(name), let path, let equals = body.range(of: ") = ", options: .backwards) {
                let result = body[equals.upperBound...].prefix { $0.isNumber }
                if !result.isEmpty { openPaths[String(result)] = path }
            }
            calls.append(Call(name: name, text: String(body), path: path, firstArgument: first))
        }
        return (result, calls)
    }

    static let files: [String: String?] = [
        "nsswitch.conf": FaultSandbox.filesOnlySwitch,
        "passwd": "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000:Alice:/home/alice:/bin/sh\n",
        "group": "root:x:0:\nusers:x:100:alice\nalice:x:1000:\n",
        "shadow": "root:*:19000:0:99999:7:::\nalice:!:19000:0:99999:7:::\n",
        "gshadow": "root:*::\nusers:!::alice\n",
        "hosts": "127.0.0.1 localhost\n10.0.0.1 host.example host\n",
        "services": "ssh 22/tcp\nhttp 80/tcp www\n",
        "protocols": "ip 0 IP\ntcp 6 TCP\n",
        "networks": "loopback 127.0.0.0\n",
        "rpc": "portmapper 100000 portmap sunrpc\n",
        "ethers": "00:11:22:33:44:55 host.example\n",
        "aliases": "postmaster: root\n",
        "netgroup": "trusted (host.example,alice,)\n",
    ]

    struct Case: CustomStringConvertible, Sendable {
        var arguments: [String]
        /// Files it may open (read-only), besides /etc/nsswitch.conf.
        var allowed: Set<String>
        /// Whether it may open sockets (address lookups ask the kernel
        /// which address families are configured, over netlink).
        var sockets = false
        var description: String { arguments.joined(separator: " ") }
    }

    static let hostFiles: Set<String> = ["/etc/hosts", "/etc/host.conf", "/etc/resolv.conf", "/etc/gai.conf"]

    static let cases: [Case] = [
        Case(arguments: ["passwd", "root"], allowed: ["/etc/passwd"]),
        Case(arguments: ["passwd", "1000"], allowed: ["/etc/passwd"]),
        Case(arguments: ["passwd"], allowed: ["/etc/passwd"]),
        Case(arguments: ["passwd", "nobody-here"], allowed: ["/etc/passwd"]),
        Case(arguments: ["group", "users"], allowed: ["/etc/group"]),
        Case(arguments: ["group"], allowed: ["/etc/group"]),
        Case(arguments: ["initgroups", "alice"], allowed: ["/etc/group", "/etc/passwd"]),
        Case(arguments: ["shadow", "root"], allowed: ["/etc/shadow"]),
        Case(arguments: ["shadow"], allowed: ["/etc/shadow"]),
        Case(arguments: ["gshadow", "users"], allowed: ["/etc/gshadow"]),
        Case(arguments: ["hosts", "host"], allowed: hostFiles),
        Case(arguments: ["hosts", "10.0.0.1"], allowed: hostFiles),
        Case(arguments: ["ahosts", "host"], allowed: hostFiles, sockets: true),
        Case(arguments: ["services", "ssh"], allowed: ["/etc/services"]),
        Case(arguments: ["protocols", "tcp"], allowed: ["/etc/protocols"]),
        Case(arguments: ["networks", "loopback"], allowed: ["/etc/networks"]),
        Case(arguments: ["rpc", "portmapper"], allowed: ["/etc/rpc"]),
        Case(arguments: ["ethers", "host.example"], allowed: ["/etc/ethers"]),
        Case(arguments: ["aliases", "postmaster"], allowed: ["/etc/aliases"]),
        Case(arguments: ["netgroup", "trusted"], allowed: ["/etc/netgroup"]),
        Case(arguments: ["--help"], allowed: []),
        Case(arguments: ["bogus-database"], allowed: []),
    ]

    static let modifying: Set<String> = [
        "creat", "unlink", "unlinkat", "rename", "renameat", "renameat2", "mkdir", "mkdirat", "rmdir", "link",
        "linkat", "symlink", "symlinkat", "chmod", "fchmod", "fchmodat", "chown", "fchown", "fchownat", "lchown",
        "truncate", "ftruncate", "mknod", "mknodat", "utimensat", "ptrace", "kill",
    ]
    static let spawning: Set<String> = ["execve", "execveat", "fork", "vfork", "clone", "clone3"]

    /// The checks every tool run must pass.
    static func check(_ calls: [Call], allowed: Set<String>, sockets: Bool, context: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!calls.isEmpty, "no system calls traced for \(context)", sourceLocation: sourceLocation)
        // The first call is the tool's own execve (strace starting it).
        for call in calls.dropFirst() {
            #expect(!spawning.contains(call.name), "\(context) started a program or process: \(call.text)",
                    sourceLocation: sourceLocation)
            #expect(!modifying.contains(call.name), "\(context) changed the file system: \(call.text)",
                    sourceLocation: sourceLocation)
            if ["open", "openat", "openat2"].contains(call.name) {
                let flags = call.text.split(separator: ",").dropFirst(call.name == "open" ? 1 : 2).first ?? ""
                #expect(flags.contains("O_RDONLY") && !flags.contains("O_CREAT") && !flags.contains("O_TRUNC")
                        && !flags.contains("O_APPEND"), "\(context) opened a file for writing: \(call.text)",
                        sourceLocation: sourceLocation)
                if let path = call.path {
                    #expect(allowed.contains(path) || path == "/etc/nsswitch.conf",
                            "\(context) opened \(path), which it has no business reading",
                            sourceLocation: sourceLocation)
                }
            }
            if ["write", "writev", "pwrite64", "pwritev"].contains(call.name) {
                #expect(call.firstArgument == "1" || call.firstArgument == "2",
                        "\(context) wrote to a descriptor other than stdout and stderr: \(call.text)",
                        sourceLocation: sourceLocation)
            }
            if ["socket", "connect", "bind", "sendto", "sendmsg", "sendmmsg"].contains(call.name) {
                #expect(sockets, "\(context) used the network: \(call.text)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("getent opens only its database's files, read-only; writes and runs nothing", arguments: cases)
    func getentFootprint(_ testCase: Case) {
        let (result, calls) = Self.trace(Sandbox.tool("getent"), testCase.arguments, files: Self.files)
        #expect(result.status < 128, "getent \(testCase) was killed: \(FaultSandbox.summary(result))")
        Self.check(calls, allowed: testCase.allowed, sockets: testCase.sockets, context: "getent \(testCase)")
        // The one promise spelled out: no shadow file unless asked for.
        if !["shadow", "gshadow"].contains(testCase.arguments[0]) {
            #expect(!calls.contains { $0.path == "/etc/shadow" || $0.path == "/etc/gshadow" },
                    "getent \(testCase) read a shadow file")
        }
    }

    @Test("getconf opens only read-only system information; writes and runs nothing",
          arguments: [["PAGESIZE"], ["-a"], ["PATH_MAX", "/"], ["_NPROCESSORS_ONLN"], ["LONG_BIT"], ["BOGUS"]])
    func getconfFootprint(_ arguments: [String]) {
        let (result, calls) = Self.trace(Sandbox.tool("getconf"), arguments, files: [:])
        #expect(result.status < 128, "getconf \(arguments) was killed: \(FaultSandbox.summary(result))")
        let opened = Set(calls.compactMap { ["open", "openat"].contains($0.name) ? $0.path : nil })
        let system = opened.filter { $0.hasPrefix("/proc/") || $0.hasPrefix("/sys/") || $0 == "/" }
        Self.check(calls, allowed: system, sockets: false, context: "getconf \(arguments)")
    }
}
