import Foundation
import Testing

/// getent on database files that are missing, unreadable, a directory,
/// empty, full of NUL bytes or invalid UTF-8, have a 10 MB line, or change
/// during the lookup. Where glibc's tool has an answer, ours must give the
/// same stdout and status; it must never be killed by a signal.
@Suite("Faults: database files", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason))
struct FaultsFileTests {
    /// A database, the file it reads, and a key that exists in the real /etc.
    struct Database: CustomStringConvertible, Sendable {
        var name: String
        var file: String
        var key: String
        var description: String { "\(name) \(key)" }
    }

    static let databases: [Database] = [
        Database(name: "passwd", file: "passwd", key: "root"),
        Database(name: "passwd", file: "passwd", key: "0"),
        Database(name: "group", file: "group", key: "root"),
        Database(name: "group", file: "group", key: "0"),
        Database(name: "shadow", file: "shadow", key: "root"),
        Database(name: "gshadow", file: "gshadow", key: "root"),
        Database(name: "initgroups", file: "group", key: "root"),
        Database(name: "hosts", file: "hosts", key: "localhost"),
        Database(name: "ahosts", file: "hosts", key: "localhost"),
        Database(name: "services", file: "services", key: "ssh"),
        Database(name: "protocols", file: "protocols", key: "tcp"),
        Database(name: "networks", file: "networks", key: "loopback"),
        Database(name: "rpc", file: "rpc", key: "portmapper"),
        Database(name: "ethers", file: "ethers", key: "host.example"),
        Database(name: "aliases", file: "aliases", key: "postmaster"),
        Database(name: "netgroup", file: "netgroup", key: "trusted"),
    ]

    static let switchOnly: [String: String?] = ["nsswitch.conf": FaultSandbox.filesOnlySwitch]

    /// The lookup and the enumeration of every database after `setup`.
    static func expectSame(files: [String: String?], setup: String = "", asNobody: Bool = false,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let cases = databases.flatMap { [[$0.name, $0.key], [$0.name]] }
        FaultSandbox.expectSameGetentBatch(files, setup: setup, cases, asNobody: asNobody, sourceLocation: sourceLocation)
    }

    static var databaseFiles: [String] { Array(Set(databases.map(\.file))).sorted() }

    @Test("missing files")
    func missingFile() {
        var files = Self.switchOnly
        for file in Self.databaseFiles { files[file] = .some(nil) }
        Self.expectSame(files: files)
    }

    @Test("a directory in each file's place")
    func directoryInPlace() {
        var files = Self.switchOnly
        for file in Self.databaseFiles { files[file] = .some(nil) }
        Self.expectSame(files: files, setup: Self.databaseFiles.map { "mkdir /etc/\($0)" }.joined(separator: "; "))
    }

    @Test("unreadable files (mode 000, not root)")
    func unreadableFile() {
        let setup = Self.databaseFiles.map { file in
            "[ -e /etc/\(file) ] || echo '# fixture' > /etc/\(file); "
                + "cp --remove-destination /etc/\(file) /etc/\(file).copy && "
                + "mv /etc/\(file).copy /etc/\(file) && chmod 000 /etc/\(file)"
        }.joined(separator: "\n")
        Self.expectSame(files: Self.switchOnly, setup: setup, asNobody: true)
    }

    @Test("empty files")
    func emptyFile() {
        var files = Self.switchOnly
        for file in Self.databaseFiles { files[file] = "" }
        Self.expectSame(files: files)
    }

    // MARK: odd bytes

    static let passwdWithNUL: [UInt8] = Array("""
        root:x:0:0:root:/root:/bin/sh
        nul\0user:x:1001:1001:a NUL inside the name:/home/n:/bin/sh
        gecos:x:1002:1002:NUL\0in gecos:/home/g:/bin/sh
        \0lead:x:1003:1003:leading NUL:/home/l:/bin/sh
        shell:x:1004:1004:NUL in shell:/home/s:/bin/sh\0junk
        after:x:1005:1005:after the NULs:/home/a:/bin/sh

        """.utf8) + [0, 0, 0, 0x0A] + Array("last:x:1006:1006::/home/z:/bin/sh\n".utf8)

    static let nulKeys = ["root", "nul", "nul\u{1}user", "gecos", "1002", "lead", "1003", "shell", "1004",
                          "after", "1005", "last", "1006", "junk"]

    @Test("NUL bytes inside passwd lines")
    func nulBytes() {
        let files: [String: Data?] = ["nsswitch.conf": Data(FaultSandbox.filesOnlySwitch.utf8),
                                      "passwd": Data(Self.passwdWithNUL)]
        FaultSandbox.expectSameGetentBatch(files, Self.nulKeys.map { ["passwd", $0] })
    }

    @Test("NUL bytes: enumeration of passwd and group")
    func nulBytesEnumeration() {
        let group = Array("root:x:0:\nnul\0grp:x:100:a,b\nmem:x:101:a\0b,c\nok:x:102:\n".utf8)
        let files: [String: Data?] = ["nsswitch.conf": Data(FaultSandbox.filesOnlySwitch.utf8),
                                      "passwd": Data(Self.passwdWithNUL), "group": Data(group)]
        FaultSandbox.expectSameGetentBatch(files, [["passwd"], ["group"]]
            + ["root", "nul", "100", "mem", "101", "ok", "102"].map { ["group", $0] })
    }

    /// Names that are not UTF-8 pass through as bytes, in keys and output.
    @Test("invalid UTF-8 in names and keys")
    func invalidUTF8() throws {
        let passwd: [UInt8] = [0xFF, 0xFE, 0x75] + Array(":x:2000:2000:".utf8) + [0xC3, 0x28] + Array(":/home/x:/bin/sh\n".utf8)
            + Array("caf".utf8) + [0xE9] + Array(":x:2001:2001::/home/c:/bin/sh\n".utf8)
        let hosts: [UInt8] = Array("10.1.1.1 h".utf8) + [0xF0, 0x9F, 0x98] + Array(" alias\n10.1.1.2 ok\n".utf8)
        let files: [String: Data?] = ["nsswitch.conf": Data(FaultSandbox.filesOnlySwitch.utf8),
                                      "passwd": Data(passwd), "hosts": Data(hosts)]
        // Keys with raw bytes go through the shell: build them with printf.
        let cases: [(String, [String])] = [
            ("$(printf '\\377\\376u')", ["passwd"]),
            ("$(printf 'caf\\351')", ["passwd"]),
            ("2000", ["passwd"]),
            ("$(printf 'h\\360\\237\\230')", ["hosts"]),
            ("alias", ["hosts"]),
            ("10.1.1.1", ["hosts"]),
        ]
        for (key, database) in cases {
            let ours = FaultSandbox.run(files, setup: "set -- \(database[0]) \"\(key)\"",
                                        Sandbox.tool("getent"), [])
            let glibc = FaultSandbox.run(files, setup: "set -- \(database[0]) \"\(key)\"",
                                         Differential.glibcGetent, [])
            #expect(ours.status == glibc.status, "getent \(database[0]) \(key): ours \(FaultSandbox.summary(ours)), glibc \(FaultSandbox.summary(glibc))")
            #expect(FaultSandbox.same(ours.stdout, glibc.stdout), "getent \(database[0]) \(key): ours \(FaultSandbox.summary(ours)), glibc \(FaultSandbox.summary(glibc))")
        }
        FaultSandbox.expectSameGetent(files, ["passwd"])
        FaultSandbox.expectSameGetent(files, ["hosts"])
    }

    @Test("a 10 MB line before, at and after the key")
    func tenMegabyteLine() {
        let long = String(repeating: "g", count: 10 * 1024 * 1024)
        let passwd = """
            root:x:0:0:root:/root:/bin/sh
            long:x:1001:1001:\(long):/home/long:/bin/sh
            after:x:1002:1002::/home/after:/bin/sh
            \(long)
            last:x:1003:1003::/home/last:/bin/sh

            """
        let group = "root:x:0:\nbig:x:100:\(String(repeating: "m,", count: 1024 * 1024))end\nafter:x:101:\n"
        let hosts = "127.0.0.1 localhost\n10.0.0.1 \(String(repeating: "a", count: 10 * 1024 * 1024))\n10.0.0.2 after\n"
        let files: [String: String?] = ["nsswitch.conf": FaultSandbox.filesOnlySwitch,
                                        "passwd": passwd, "group": group, "hosts": hosts]
        let cases = ["root", "long", "1001", "after", "1002", "last", "1003", "missing"].map { ["passwd", $0] }
            + [["passwd"]] + ["big", "100", "after", "101"].map { ["group", $0] } + [["initgroups", "m"]]
            + ["after", "10.0.0.2", "10.0.0.1", "localhost"].map { ["hosts", $0] }
        FaultSandbox.expectSameGetentBatch(files, cases)
    }

    /// A key repeated a million times in one line (and so found a million
    /// times by a byte search): every lookup stays linear in the file. Each
    /// database's lookup must answer as glibc does within a few seconds
    /// (glibc reads line by line and is linear).
    // A hang guard, not a speed test: both tools answer in seconds, and the
    // quadratic scan this guards against would run for hours.
    @Test("a key repeated a million times in one line: no quadratic scan", .timeLimit(.minutes(10)))
    func keyRepeatedInOneLine() {
        let repeated = { (word: String, separator: String) in
            Array(repeating: word, count: 1_000_000).joined(separator: separator)
        }
        let files: [String: String?] = [
            "nsswitch.conf": FaultSandbox.filesOnlySwitch,
            "passwd": "root:x:0:0:root:/root:/bin/sh\nm:x:7:7:\(repeated("m", " ")):/:/bin/sh\n"
                + "one:x:1:1:\(repeated("1", ",")):/:/bin/sh\nlast:x:9:9::/:/bin/sh\n",
            "group": "root:x:0:\nbig:x:100:\(repeated("m", ","))\nones:x:101:\(repeated("1", ","))\nm:x:7:\n",
            "shadow": "m:\(repeated("m", "")):1:2:3:4:5:6:\n",
            "hosts": "127.0.0.1 localhost\n10.0.0.1 \(repeated("h", " "))\n10.0.0.2 h\n",
            "services": "svc 1/tcp \(repeated("s", " "))\ns 2/tcp\n",
            "protocols": "proto 250 \(repeated("p", " "))\np 251\n",
            "networks": "net 10.1 \(repeated("n", " "))\nn 10.2\n",
            "rpc": "prog 200000 \(repeated("r", " "))\nr 200001\n",
            "ethers": "00:11:22:33:44:55 \(repeated("e", ""))\n00:11:22:33:44:56 e\n",
            "aliases": "a: \(repeated("a", ","))\nb: a\n",
            "netgroup": "g \(repeated("(g,g,g)", " "))\nh (h,,)\n",
        ]
        let cases: [[String]] = [
            ["passwd", "m"], ["passwd", "1"], ["passwd", "7"], ["passwd", "9"], ["passwd", "last"],
            ["group", "m"], ["group", "1"], ["group", "7"], ["initgroups", "m"], ["initgroups", "1"],
            ["shadow", "m"], ["hosts", "h"], ["ahostsv4", "h"], ["services", "s"], ["protocols", "p"],
            ["networks", "n"], ["rpc", "r"], ["ethers", "e"], ["aliases", "a"], ["netgroup", "g"], ["netgroup", "h"],
        ]
        FaultSandbox.expectSameGetentBatch(files, cases)
    }
}
