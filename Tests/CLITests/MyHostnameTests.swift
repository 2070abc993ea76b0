import Foundation
import Testing

/// The `myhostname` source against glibc with libnss-myhostname, in private
/// network and UTS namespaces set up with known host names, addresses and
/// default routes (and on the machine as it is).
@Suite("getent myhostname source")
struct MyHostnameTests {
    static let moduleInstalled = FileManager.default.fileExists(atPath: "/lib/x86_64-linux-gnu/libnss_myhostname.so.2")
        || FileManager.default.fileExists(atPath: "/usr/lib/x86_64-linux-gnu/libnss_myhostname.so.2")

    /// Whether network namespaces with veth links can be made here.
    static let networkNamespaces: Bool = {
        let result = Sandbox.run("/usr/bin/unshare", ["-n", "-u", "sh", "-c",
                                                      "ip link add v0 type veth peer name v1 && echo ok"])
        return result.stdoutText == "ok\n"
    }()

    static let available = moduleInstalled && networkNamespaces
    static let skipReason: Comment =
        "needs libnss-myhostname (Debian package) for glibc's side, and network namespaces with veth links (root)"

    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs each case with both tools after `setup` in new network and UTS
    /// namespaces (and a mount namespace where nsswitch.conf asks myhostname
    /// only, unless `nsswitch` says otherwise), and expects the same output.
    static func expectSame(setup: String, cases: [[String]], nsswitch: String = "hosts: myhostname\n",
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let results = FileManager.default.temporaryDirectory.appendingPathComponent("myhost-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: results) }
        var script = "set -e\nR=\(quote(results.path))\n\(setup)\nset +e\n"
        for (index, arguments) in cases.enumerated() {
            let words = arguments.map(quote).joined(separator: " ")
            script += "\(quote(Sandbox.tool("getent"))) \(words) >\"$R/\(index).ours\"; echo $? >>\"$R/\(index).ours\"\n"
            script += "/usr/bin/getent \(words) >\"$R/\(index).glibc\"; echo $? >>\"$R/\(index).glibc\"\n"
        }
        // Sandbox.runWithEtc binds the fixture /etc; unshare -n -u gives the network and host name.
        let run = Sandbox.runWithEtc(["nsswitch.conf": nsswitch], "/usr/bin/unshare", ["-n", "-u", "sh", "-c", script])
        #expect(run.status == 0, "setup failed: \(run)", sourceLocation: sourceLocation)
        for (index, arguments) in cases.enumerated() {
            let ours = (try? String(contentsOf: results.appendingPathComponent("\(index).ours"), encoding: .utf8)) ?? "<none>"
            let glibc = (try? String(contentsOf: results.appendingPathComponent("\(index).glibc"), encoding: .utf8)) ?? "<none>"
            #expect(ours == glibc, "getent \(arguments) (stdout and exit status last)\n--- ours ---\n\(ours)--- glibc ---\n\(glibc)",
                    sourceLocation: sourceLocation)
        }
    }

    static func cases(_ keys: [String], databases: [String] = ["hosts", "ahosts", "ahostsv4", "ahostsv6"]) -> [[String]] {
        keys.flatMap { key in databases.map { [$0, key] } }
    }

    static let names = ["testhost", "testhost.", "TESTHOST", "testhost..", "other", "localhost", "LocalHost", "localhost.",
                        "a.localhost", "a.b.LOCALHOST", ".localhost", "localhost.localdomain", "x.localhost.localdomain",
                        "x.localdomain", "localhostx", "_gateway", "_GATEWAY.", "_outbound", "_Outbound"]

    @Test("a machine without addresses", .enabled(if: available, skipReason))
    func noAddresses() {
        Self.expectSame(setup: "hostname testhost; ip link set lo up",
                        cases: Self.cases(Self.names + ["127.0.0.1", "127.0.0.2", "127.0.0.3", "::1"]) + [["hosts", "testhost", "localhost", "127.0.0.2"]])
    }

    @Test("addresses, scopes and default gateways", .enabled(if: available, skipReason))
    func addressesAndGateways() {
        let setup = """
        hostname testhost
        ip link set lo up
        ip link add v0 type veth peer name v1
        ip link set v0 addrgenmode none
        ip link set v1 addrgenmode none
        ip link set v0 up
        ip link set v1 up
        ip addr add 10.9.8.7/24 dev v0
        ip addr add 10.9.9.9/24 dev v0
        ip addr add 169.254.3.3/16 dev v1 scope link
        ip -6 addr add fd42::7/64 dev v0 nodad
        ip -6 addr add fe80::7/64 dev v0 nodad
        ip -6 addr add 2001:db8::9/64 dev v1 nodad
        ip route add default via 10.9.8.1 metric 100
        ip route add default via 10.9.9.1 metric 10
        ip -6 route add default via fd42::1 metric 50
        """
        Self.expectSame(setup: setup, cases: Self.cases(Self.names + [
            "10.9.8.7", "10.9.9.9", "169.254.3.3", "fd42::7", "fe80::7", "2001:db8::9", "10.9.8.1", "10.9.9.1", "fd42::1",
            "127.0.0.1", "127.0.0.2", "::1", "10.9.8.8", "fd42::8",
        ]))
    }

    @Test("only IPv4, and the files and dns sources around it", .enabled(if: available, skipReason))
    func ipv4Only() {
        let setup = """
        hostname v4host
        ip link set lo up
        ip link add v0 type veth peer name v1
        ip link set v0 addrgenmode none
        ip link set v1 addrgenmode none
        ip link set v0 up
        ip link set v1 up
        ip addr add 192.168.77.5/24 dev v0
        ip route add default via 192.168.77.1
        """
        Self.expectSame(setup: setup, cases: Self.cases(["v4host", "localhost", "_gateway", "_outbound", "192.168.77.5", "192.168.77.1"]),
                        nsswitch: "hosts: files myhostname\n")
    }

    @Test("this machine as it is", .enabled(if: moduleInstalled && Sandbox.namespacesAvailable, skipReason))
    func thisMachine() {
        let host = ProcessInfo.processInfo.hostName
        var keys = [host, "localhost", "_gateway", "_outbound", "127.0.0.1", "127.0.0.2", "::1"]
        let files: [String: String?] = ["nsswitch.conf": "hosts: myhostname\n"]
        for arguments in Self.cases(keys) {
            Differential.expectSameGetent(arguments, etc: files)
        }
    }
}
