import Foundation
import Testing

/// The `systemd` source against the real systemd-userdbd (drop-in records)
/// and glibc's libnss_systemd reading the same records, plus varlink test
/// services that both ask.
@Suite("getent systemd source", .serialized)
struct SystemdSourceTests {
    static let nsswitch = """
    passwd:         files systemd
    group:          files systemd
    shadow:         files systemd
    gshadow:        files systemd
    hosts:          files
    """

    /// Drop-in records, with the UID/GID links as copies.
    static let records: [String: String] = {
        var files: [String: String] = [
            "testu.user": #"{"userName":"testu","uid":61234,"gid":61234,"realName":"Test U","homeDirectory":"/home/testu","shell":"/bin/bash"}"#,
            "minimal.user": #"{"userName":"minimal","uid":61300}"#,
            "reg.user": #"{"userName":"reg","uid":1500}"#,
            "priv.user": #"{"userName":"priv","uid":61400,"gid":100,"realName":"Priv, User","homeDirectory":"/home/priv","shell":"/bin/zsh","lastPasswordChangeUSec":1700000000000000,"passwordChangeMinUSec":86400000000,"passwordChangeMaxUSec":8640000000000,"passwordChangeWarnUSec":604800000000,"passwordChangeInactiveUSec":1209600000000,"notAfterUSec":1800000000000000,"memberOf":["testg2"]}"#,
            "priv.user-privileged": #"{"privileged":{"hashedPassword":["$6$abc$defghijk","$6$second"]}}"#,
            "locked.user": #"{"userName":"locked","uid":1600,"locked":true,"lastPasswordChangeUSec":0,"realName":"tab\there:colon"}"#,
            "pm.user": #"{"userName":"pm","uid":61402,"shell":"/bin/sh","perMachine":[{"matchHostname":"no-such-host","homeDirectory":"/other"}]}"#,
            "nouid.user": #"{"userName":"nouid"}"#,
            "bad.user": #"{"userName":"bad:name","uid":61420}"#,
            "u524288.user": #"{"userName":"u524288","uid":524288}"#,
            "dreg.user": #"{"userName":"dreg","uid":61500,"disposition":"regular"}"#,
            "testg.group": #"{"groupName":"testg","gid":61234,"members":["testu","alice","testu"]}"#,
            "testg2.group": #"{"groupName":"testg2","gid":61410,"members":["m1"],"administrators":["adm1"]}"#,
            "testg2.group-privileged": #"{"privileged":{"hashedPassword":["$6$grp"]}}"#,
            "nogid.group": #"{"groupName":"nogid"}"#,
        ]
        let links: [(String, String)] = [
            ("61234.user", "testu.user"), ("61300.user", "minimal.user"), ("1500.user", "reg.user"),
            ("61400.user", "priv.user"), ("61400.user-privileged", "priv.user-privileged"), ("1600.user", "locked.user"),
            ("61402.user", "pm.user"), ("524288.user", "u524288.user"), ("61500.user", "dreg.user"),
            ("61234.group", "testg.group"), ("61410.group", "testg2.group"), ("61410.group-privileged", "testg2.group-privileged"),
        ]
        for (link, target) in links { files[link] = files[target] }
        return files
    }()

    static func etc(nsswitch: String = nsswitch, records: [String: String] = records) -> [String: String?] {
        var files: [String: String?] = ["nsswitch.conf": nsswitch]
        for (name, text) in records { files["userdb/" + name] = text }
        return files
    }

    static let lookups: [[String]] = [
        ["passwd", "testu"], ["passwd", "61234"], ["passwd", "minimal"], ["passwd", "61300"], ["passwd", "reg"],
        ["passwd", "priv"], ["passwd", "61400"], ["passwd", "locked"], ["passwd", "pm"], ["passwd", "nouid"],
        ["passwd", "bad:name"], ["passwd", "61420"], ["passwd", "u524288"], ["passwd", "dreg"], ["passwd", "missing"],
        ["passwd", "root"], ["passwd", "0"], ["passwd", "65534"], ["passwd", "testu", "missing", "reg"],
        ["group", "testg"], ["group", "61234"], ["group", "testg2"], ["group", "nogid"], ["group", "missing"], ["group", "0"],
        ["shadow", "testu"], ["shadow", "priv"], ["shadow", "locked"], ["shadow", "missing"],
        ["gshadow", "testg"], ["gshadow", "testg2"],
        ["initgroups", "testu"], ["initgroups", "priv"],
        ["-s", "systemd", "passwd", "root", "nobody", "0", "65534"],
        ["-s", "systemd", "group", "root", "nogroup", "nobody", "0", "65534"],
        ["-s", "systemd", "shadow", "root", "nobody"],
        ["-s", "systemd", "gshadow", "root", "nogroup"],
        ["-s", "passwd:files", "passwd", "testu"],
        ["-s", "passwd:systemd", "passwd", "testu", "daemon"],
        ["-s", "systemd", "initgroups", "root"],
    ]

    static let enumerations: [[String]] = [
        ["passwd"], ["group"], ["shadow"], ["gshadow"],
        ["-s", "systemd", "passwd"], ["-s", "systemd", "group"], ["-s", "systemd", "shadow"], ["-s", "systemd", "gshadow"],
    ]

    @Test("lookups through systemd-userdbd match glibc", .enabled(if: UserDatabaseSandbox.daemonAvailable, UserDatabaseSandbox.daemonSkipReason))
    func lookupsWithDaemon() {
        UserDatabaseSandbox.expectSame(etc: Self.etc(), cases: Self.lookups)
    }

    @Test("enumeration through systemd-userdbd matches glibc", .enabled(if: UserDatabaseSandbox.daemonAvailable, UserDatabaseSandbox.daemonSkipReason))
    func enumerationWithDaemon() {
        UserDatabaseSandbox.expectSame(etc: Self.etc(), cases: Self.enumerations)
    }

    @Test("drop-in records without the daemon match glibc", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason))
    func lookupsWithoutDaemon() {
        // glibc's module reads the drop-in directories itself when no service runs.
        UserDatabaseSandbox.expectSame(etc: Self.etc(), cases: Self.lookups + Self.enumerations, daemon: false)
    }

    @Test("shadow records without their privileged part, as a user", .enabled(if: UserDatabaseSandbox.daemonAvailable, UserDatabaseSandbox.daemonSkipReason))
    func unprivilegedShadow() {
        // The privileged companions are readable by root only.
        let cases = [["shadow", "priv", "reg", "testu"], ["gshadow", "testg2", "testg"], ["-s", "systemd", "shadow"],
                     ["-s", "systemd", "gshadow"], ["passwd", "priv"], ["-s", "systemd", "passwd"]]
        for daemon in [true, false] {
            UserDatabaseSandbox.expectSame(etc: Self.etc(), cases: cases, daemon: daemon, asUser: "65534")
        }
    }

    @Test("switch configurations with and without systemd", .enabled(if: UserDatabaseSandbox.daemonAvailable, UserDatabaseSandbox.daemonSkipReason))
    func switchConfigurations() {
        let configurations = [
            "passwd: files\ngroup: files\n",
            "passwd: systemd files\ngroup: systemd files\n",
            "passwd: files [NOTFOUND=return] systemd\ngroup: files [!UNAVAIL=return] systemd\n",
            "passwd: systemd [SUCCESS=continue] files\ngroup: files [SUCCESS=merge] systemd\n",
        ]
        for configuration in configurations {
            UserDatabaseSandbox.expectSame(etc: Self.etc(nsswitch: configuration), cases: [
                ["passwd", "testu"], ["passwd", "root"], ["group", "testg"], ["group", "root"], ["passwd"], ["group"],
            ])
        }
    }

    @Test("memberships and records from another varlink service", .enabled(if: UserDatabaseSandbox.daemonAvailable, UserDatabaseSandbox.daemonSkipReason))
    func membershipsFromAService() {
        let directory = URL(fileURLWithPath: "/tmp/udb-cli-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = VarlinkTestServer(path: directory.appendingPathComponent("s").path)
        server.users = [["userName": "svcuser", "uid": 62001, "gid": 62001, "realName": "Service User"]]
        server.groups = [["groupName": "svcgroup", "gid": 62010, "members": ["svcuser"]]]
        server.memberships = [("svcuser", "svcgroup"), ("testu", "svcgroup"), ("carol", "svcgroup"), ("svcuser", "testg")]
        server.start()
        defer { server.stop() }
        UserDatabaseSandbox.expectSame(etc: Self.etc(), cases: [
            ["passwd", "svcuser"], ["passwd", "62001"], ["group", "svcgroup"], ["group", "62010"], ["group", "testg"],
            ["initgroups", "svcuser"], ["initgroups", "testu"],
        ], services: ["io.test.Members": server.path])
        // glibc's module reads the services' enumerations as their answers
        // arrive: the same lines, in an order that varies between services.
        let results = UserDatabaseSandbox.runCases(etc: Self.etc(), cases: [["passwd"], ["group"]],
                                                   services: ["io.test.Members": server.path])
        for result in results {
            #expect(result.ours.status == result.glibc.status)
            #expect(result.ours.stdoutText.split(separator: "\n").sorted() == result.glibc.stdoutText.split(separator: "\n").sorted(),
                    "ours:\n\(result.ours.stdoutText)glibc:\n\(result.glibc.stdoutText)")
            #expect(result.ours.stdoutText.contains("svcuser:x:62001") || result.ours.stdoutText.contains("svcgroup:x:62010"))
        }
    }

    @Test("without nsswitch.conf, systemd is used when userdbd runs", .enabled(if: UserDatabaseSandbox.daemonAvailable, UserDatabaseSandbox.daemonSkipReason))
    func noSwitchFile() {
        var files = Self.etc()
        files["nsswitch.conf"] = .some(nil)
        let cases = [["passwd", "testu"], ["group", "testg"], ["passwd", "root"], ["initgroups", "testu"]]
        let running = UserDatabaseSandbox.runCases(etc: files, cases: cases, daemon: true, glibc: false)
        #expect(running.map(\.ours.stdoutText) == [
            "testu:x:61234:61234:Test U:/home/testu:/bin/bash\n", "testg:x:61234:testu,alice\n",
            "root:x:0:0:root:/root:/bin/bash\n", "testu" + String(repeating: " ", count: 16) + "\n",
        ])
        // No daemon: the files only (glibc's default too).
        let stopped = UserDatabaseSandbox.runCases(etc: files, cases: cases, daemon: false)
        for result in stopped where result.glibc.stdout != result.ours.stdout || result.glibc.status != result.ours.status {
            Issue.record("ours \(result.ours) glibc \(result.glibc)")
        }
        #expect(stopped.map(\.ours.status) == [2, 2, 0, 0])
    }

    @Test("a user found in the files never reaches the socket", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason))
    func filesFirstNeverConnects() {
        let directory = URL(fileURLWithPath: "/tmp/udb-cli-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = VarlinkTestServer(path: directory.appendingPathComponent("s").path)
        server.users = [["userName": "root", "uid": 0]]
        server.start()
        defer { server.stop() }
        let results = UserDatabaseSandbox.runCases(etc: Self.etc(), cases: [["passwd", "root"], ["passwd", "0"], ["group", "root"]],
                                                   daemon: false, services: ["io.systemd.DropIn": server.path])
        #expect(results.map(\.ours.status) == [0, 0, 0])
        // glibc's module does not connect for these either.
        #expect(server.requestLog.isEmpty, "requests: \(server.requestLog)")
    }

    @Test("a service that never answers is skipped after the timeout", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason))
    func stuckServiceTimesOut() {
        let directory = URL(fileURLWithPath: "/tmp/udb-cli-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let silent = VarlinkTestServer(path: directory.appendingPathComponent("silent").path, behaviour: .silent)
        let good = VarlinkTestServer(path: directory.appendingPathComponent("good").path)
        good.users = [["userName": "late", "uid": 62100]]
        silent.start()
        good.start()
        defer { silent.stop(); good.stop() }
        let start = Date()
        let results = UserDatabaseSandbox.runCases(
            etc: Self.etc(), cases: [["passwd", "late"]], daemon: false,
            services: ["io.test.A.silent": silent.path, "io.test.B.good": good.path],
            glibc: false)
        let elapsed = Date().timeIntervalSince(start)
        #expect(results.first?.ours.stdoutText == "late:x:62100:62100:late:/:/usr/sbin/nologin\n")
        #expect(results.first?.ours.status == 0)
        #expect(elapsed < 15, "took \(elapsed) s")
    }
}
