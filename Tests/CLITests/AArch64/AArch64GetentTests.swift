import Foundation
import Testing

/// getent built for aarch64, run under qemu, prints the same bytes and exits
/// with the same status as the x86_64 build, on the same fixture /etc (a
/// private mount namespace, as in the other CLI tests).
@Suite("aarch64 getent under qemu vs the x86_64 build",
       .enabled(if: AArch64Emulator.available, AArch64Emulator.skipReason),
       .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason))
struct AArch64GetentTests {
    /// Every database on the fixtures of the other suites, through files only
    /// (nothing reaches DNS, systemd or myhostname).
    static let etc: [String: String?] = [
        "nsswitch.conf": AccountFixtures.filesSwitch + NetworkFixtures.filesSwitch
            + "hosts: files\nethers: files\nnetgroup: files\naliases: files\ninitgroups: files\n",
        "passwd": AccountFixtures.passwd,
        "group": AccountFixtures.group,
        "shadow": AccountFixtures.shadow,
        "gshadow": AccountFixtures.gshadow,
        "services": NetworkFixtures.services,
        "protocols": NetworkFixtures.protocols,
        "networks": NetworkFixtures.networks,
        "rpc": NetworkFixtures.rpc,
        "ethers": NetworkFixtures.ethers,
        "netgroup": NetworkFixtures.netgroup,
        "aliases": NetworkFixtures.aliases,
        "aliases.inc": NetworkFixtures.aliasesInclude,
        "hosts": HostsFileCLITests.hosts,
    ]

    @Test("every database, listed and looked up", arguments: [
        ["passwd"], ["passwd", "root", "1000", "u1000", "dup", "nosuch"],
        ["group"], ["group", "wheel", "10", "2000", "nosuch"],
        ["shadow"], ["shadow", "root", "nosuch"],
        ["gshadow"], ["gshadow", "wheel"],
        ["initgroups", "alice", "bob"],
        ["services"], ["services", "http", "80/tcp", "53/udp", "nosuch"],
        ["protocols"], ["protocols", "tcp", "17", "nosuch"],
        ["networks"], ["networks", "loopback", "127.0.0.0"],
        ["rpc"], ["rpc", "nfs", "100003"],
        ["ethers"], ["ethers", "sun1"],
        ["netgroup", "trusted", "cycle1"],
        ["aliases"], ["aliases", "root", "nosuch"],
        ["hosts"], ["hosts", "localhost", "10.0.0.1", "dual", "both6", "nosuch"],
        ["ahosts", "both.local"], ["ahostsv4", "dual"], ["ahostsv6", "dual", "localhost"],
        ["-s", "files", "passwd", "root"], ["-i", "hosts", "MiXeD.Case"],
    ] as [[String]])
    func databases(arguments: [String]) {
        let (aarch64, x86_64) = AArch64Emulator.runWithEtc(Self.etc, "getent", arguments)
        #expect(x86_64.status != 125, "the sandbox failed: \(x86_64)")
        #expect(aarch64 == x86_64, "getent \(arguments)\n--- aarch64 ---\n\(aarch64)\n--- x86_64 ---\n\(x86_64)")
    }

    @Test("errors and exit codes", arguments: [
        [], ["nosuchdb"], ["passwd", "nosuch"], ["-x"], ["-s"], ["--help"], ["-?"], ["--usage"], ["-V"],
        ["services", "99999/tcp"], ["hosts", ""],
    ] as [[String]])
    func errors(arguments: [String]) {
        let (aarch64, x86_64) = AArch64Emulator.runWithEtc(Self.etc, "getent", arguments)
        #expect(aarch64 == x86_64, "getent \(arguments)\n--- aarch64 ---\n\(aarch64)\n--- x86_64 ---\n\(x86_64)")
    }
}
