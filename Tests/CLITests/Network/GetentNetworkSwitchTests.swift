import Foundation
import Testing

/// The network databases through the name-service switch: missing files,
/// nsswitch.conf variants, `-s` overrides and options anywhere.
@Suite("getent network databases: switch and files vs glibc",
       .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason),
       .enabled(if: Sandbox.toolExists("getent"), "build/getent is missing: run make first"))
struct GetentNetworkSwitchTests {
    static let files: [String: String?] = [
        "services": NetworkFixtures.services,
        "protocols": NetworkFixtures.protocols,
        "networks": NetworkFixtures.networks,
        "rpc": NetworkFixtures.rpc,
        "ethers": NetworkFixtures.ethers,
        "netgroup": NetworkFixtures.netgroup,
        "aliases": NetworkFixtures.aliases,
    ]

    /// A key each database finds in its fixture.
    static let databases: [(database: String, file: String, key: String)] = [
        ("services", "services", "http"), ("protocols", "protocols", "tcp"), ("networks", "networks", "loopback"),
        ("rpc", "rpc", "nfs"), ("ethers", "ethers", "sun1"), ("netgroup", "netgroup", "trusted"),
        ("aliases", "aliases", "root"),
    ]

    static func etc(switch text: String?, _ extra: [String: String?] = [:]) -> [String: String?] {
        var etc = files
        etc["nsswitch.conf"] = .some(text)
        for (name, content) in extra { etc[name] = .some(content) }
        return etc
    }

    static let switchVariants: [String?] = [
        nil,  // no nsswitch.conf at all: files
        "hosts: files\n",  // no line for the database: files
        "services: db files\nprotocols: db files\nnetworks: db files\nrpc: db files\nethers: db files\n"
            + "netgroup: db files\naliases: db files\n",
        "services: files [NOTFOUND=return] db\nprotocols: files [NOTFOUND=return] db\nnetworks: files\n"
            + "rpc: files\nethers: files\nnetgroup: files\naliases: files\n",
        "services: db\nprotocols: dns\nnetworks: nis\nrpc: ldap\nethers: sss\nnetgroup: nis\naliases: nis\n",
        "services: db [UNAVAIL=return] files\nprotocols: [NOTFOUND=return] files\nnetworks: files [SUCCESS=continue] db\n"
            + "rpc: files files\nethers: files [!SUCCESS=return]\nnetgroup: files [SUCCESS=return]\naliases: files\n",
        "services:files\nprotocols:\tfiles\nnetworks :files\nrpc: FILES\nethers: files # comment\nnetgroup:\n"
            + "aliases: files nis\n",
    ]

    @Test("every database under switch variants", arguments: switchVariants)
    func underSwitch(text: String?) {
        let etc = Self.etc(switch: text)
        for (database, _, key) in Self.databases {
            Differential.expectSameGetent([database, key], etc: etc)
            Differential.expectSameGetent([database, "nosuch"], etc: etc)
        }
        for database in ["services", "protocols", "networks", "rpc", "aliases"] {
            Differential.expectSameGetent([database], etc: etc)
        }
    }

    @Test("a missing file", arguments: databases.map(\.database))
    func missingFile(database: String) {
        let (_, file, key) = Self.databases.first { $0.database == database }!
        var etc = Self.etc(switch: NetworkFixtures.filesSwitch)
        etc[file] = .some(nil)
        Differential.expectSameGetent([database, key], etc: etc)
        Differential.expectSameGetent([database], etc: etc)
    }

    @Test("an empty file", arguments: databases.map(\.database))
    func emptyFile(database: String) {
        let (_, file, key) = Self.databases.first { $0.database == database }!
        let etc = Self.etc(switch: NetworkFixtures.filesSwitch, [file: ""])
        Differential.expectSameGetent([database, key], etc: etc)
        Differential.expectSameGetent([database], etc: etc)
    }

    static let serviceOptions: [[String]] = [
        ["-s", "services:files", "services", "http"], ["-s", "files", "services", "http"],
        ["--service=files", "services", "http"], ["--service", "services:files", "services", "80/udp"],
        ["-sfiles", "services", "http"], ["-s", "services:db", "services", "http"],
        ["-s", "protocols:db", "services", "http"], ["-s", "services:db files", "services", "http"],
        ["services", "-s", "files", "http"], ["services", "http", "-s", "services:db"],
        ["-s", "services:files", "services"], ["-s", "services:db", "services"],
        ["-s", "s:files", "services", "http"], ["-s", "services:files [NOTFOUND=return] db", "services", "nosuch"],
        ["--", "services", "http"], ["-i", "services", "http"], ["-A", "protocols", "udp"],
        ["-s", "protocols:files", "protocols", "udp"], ["-s", "rpc:files", "rpc"], ["-s", "networks:files", "networks"],
        ["-s", "ethers:files", "ethers", "sun1"], ["-s", "aliases:files", "aliases", "root"],
        ["-s", "netgroup:files", "netgroup", "admins"], ["-s", "n:files", "netgroup", "admins"],
    ]

    @Test("options and -s overrides", arguments: serviceOptions)
    func withOptions(arguments: [String]) {
        Differential.expectSameGetent(arguments, etc: Self.etc(switch: "services: db\nprotocols: db\nnetworks: nis\n"
            + "rpc: db\nethers: db\nnetgroup: nis\naliases: nis\n"))
    }

    @Test func binaryGarbageAndHugeLines() {
        var garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) })
        garbage.append(contentsOf: Array("\nhttp 80/tcp www\n".utf8))
        let huge = String(repeating: "x", count: 200_000) + " 1/tcp " + String(repeating: "alias ", count: 20_000)
            + "\nhttp 80/tcp\n"
        for (name, content) in [("services", garbage), ("protocols", garbage), ("networks", garbage),
                                ("rpc", garbage), ("ethers", garbage), ("netgroup", garbage), ("aliases", garbage)] {
            var etc: [String: Data?] = ["nsswitch.conf": Data(NetworkFixtures.filesSwitch.utf8)]
            etc[name] = content
            let key = Self.databases.first { $0.file == name }!.key
            for arguments in [[Self.databases.first { $0.file == name }!.database, key],
                              [Self.databases.first { $0.file == name }!.database]] {
                let ours = Sandbox.runWithEtc(etc, Sandbox.tool("getent"), arguments)
                let glibc = Sandbox.runWithEtc(etc, Differential.glibcGetent, arguments)
                #expect(ours.status == glibc.status, "\(arguments) on garbage \(name)")
                #expect(ours.stdout == glibc.stdout, "\(arguments) on garbage \(name)")
            }
        }
        let etc = Self.etc(switch: NetworkFixtures.filesSwitch, ["services": huge])
        Differential.expectSameGetent(["services", "http"], etc: etc)
        Differential.expectSameGetent(["services", "alias"], etc: etc)
        Differential.expectSameGetent(["services", "1"], etc: etc)
        Differential.expectSameGetent(["services"], etc: etc)
    }

    @Test func writeErrorsAreReported() {
        let etc = Self.etc(switch: NetworkFixtures.filesSwitch)
        for arguments in [["services"], ["services", "http"], ["netgroup", "trusted"], ["aliases"]] {
            let script = "exec \"$0\" \"$@\" > /dev/full"
            let ours = Sandbox.runWithEtc(etc, "/bin/sh", ["-c", script, Sandbox.tool("getent")] + arguments)
            #expect(ours.status != 0, "getent \(arguments) > /dev/full exited 0")
            #expect(!ours.stderr.isEmpty, "getent \(arguments) > /dev/full said nothing")
        }
    }
}
