import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A real DNS server for the host tests: Debian's dnsmasq on a loopback
/// address, port 53 (glibc's resolver only talks to port 53), answering
/// from the records given and NXDOMAIN for every other name (`--local=/#/`).
/// Started per test and stopped by its process id whatever happens.
final class DNSServer {
    static let executable = "/usr/sbin/dnsmasq"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: executable) }
    static let skipReason: Comment = "dnsmasq (Debian package dnsmasq-base, installed by scripts/setup) is needed for the DNS tests"

    let address: String
    let directory: URL
    private(set) var pid: pid_t = 0

    /// Starts dnsmasq on `address` with `options` (record options such as
    /// `--host-record=NAME,ADDR`). Returns nil if it does not come up.
    init?(address: String = "127.1.2.3", options: [String]) {
        self.address = address
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("libc-support-dns-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pidFile = directory.appendingPathComponent("pid").path
        let arguments = [DNSServer.executable, "-k", "--no-resolv", "--no-hosts", "--conf-file=/dev/null",
                         "--listen-address=\(address)", "--bind-interfaces", "--port=53",
                         "--pid-file=\(pidFile)", "--user=root", "--local=/#/",
                         "--log-facility=\(directory.appendingPathComponent("log").path)"] + options
        // posix_spawn, not Foundation's Process: Foundation reaps its
        // children with a blocking wait on each one it launched, so a
        // long-running child would hang every later Process (observed).
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_RDWR, 0) }
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { for p in cArguments { free(p) } }
        // The test runner's threads block most signals and a spawned child
        // inherits that mask: unblock them so SIGTERM stops the server.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var child: pid_t = 0
        if posix_spawn(&child, DNSServer.executable, &actions, &attributes, &cArguments, environ) != 0 { return nil }
        pid = child
        // Ready when it answers: glibc's getent resolves the probe name.
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { pid = 0; stop(); return nil }
            if FileManager.default.fileExists(atPath: pidFile) && answers() { return }
            usleep(20_000)
        }
        stop()
        return nil
    }

    deinit { stop() }

    /// Whether the server answers an A query for `probe.test` (UDP, 1 s).
    private func answers() -> Bool {
        let v6 = address.contains(":")
        let fd = socket(v6 ? AF_INET6 : AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        if fd < 0 { return false }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let query: [UInt8] = [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
                              5] + Array("probe".utf8) + [4] + Array("test".utf8) + [0, 0, 1, 0, 1]
        let sent: Int
        if v6 {
            var sin6 = sockaddr_in6()
            sin6.sin6_family = sa_family_t(AF_INET6)
            sin6.sin6_port = in_port_t(53).bigEndian
            inet_pton(AF_INET6, address, &sin6.sin6_addr)
            sent = withUnsafePointer(to: &sin6) { p in
                p.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, query, query.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var sin = sockaddr_in()
            sin.sin_family = sa_family_t(AF_INET)
            sin.sin_port = in_port_t(53).bigEndian
            inet_pton(AF_INET, address, &sin.sin_addr)
            sent = withUnsafePointer(to: &sin) { p in
                p.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, query, query.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        if sent < 0 { return false }
        var reply = [UInt8](repeating: 0, count: 512)
        let n = recv(fd, &reply, reply.count, 0)
        return n >= 12 && reply[0] == 0x12 && reply[1] == 0x34
    }

    /// Stops the server by its process id (idempotent) and removes its files.
    func stop() {
        if pid > 0 {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            var waited = 0
            while waitpid(pid, &status, WNOHANG) == 0 {
                waited += 1
                if waited == 200 { kill(pid, SIGKILL) } // 2 s
                usleep(10_000)
            }
            pid = 0
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A UDP socket bound to port 53 of a loopback address that never answers:
/// a dead but reachable server, so resolvers wait for their time-out.
final class SilentServer {
    let fd: Int32

    init?(address: String) {
        fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        if fd < 0 { return nil }
        var sin = sockaddr_in()
        sin.sin_family = sa_family_t(AF_INET)
        sin.sin_port = in_port_t(53).bigEndian
        inet_pton(AF_INET, address, &sin.sin_addr)
        let bound = withUnsafePointer(to: &sin) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if bound != 0 { close(fd); return nil }
    }

    deinit { close(fd) }
}
