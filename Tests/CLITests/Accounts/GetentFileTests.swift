import Foundation
import Testing

/// Unusual files: permissions, absence, sizes, line endings, bytes that are
/// not text. Compared with glibc's getent on the same files.
@Suite("getent account files vs glibc", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason),
       .enabled(if: Sandbox.toolExists("getent"), "build/getent is missing: run make first"))
struct GetentFileTests {
    static let switchOnly: [String: String?] = ["nsswitch.conf": AccountFixtures.filesSwitch]

    @Test("shadow and gshadow without permission", arguments: [
        ["shadow"], ["shadow", "root"], ["shadow", "root", "full"], ["gshadow"], ["gshadow", "root"],
    ])
    func noPermission(_ arguments: [String]) {
        let ours = Sandbox.runWithEtc(AccountFixtures.standard, Sandbox.tool("getent"), arguments, user: "65534")
        let glibc = Sandbox.runWithEtc(AccountFixtures.standard, Differential.glibcGetent, arguments, user: "65534")
        #expect(ours.status == glibc.status)
        #expect(ours.stdout == glibc.stdout)
        // glibc says nothing; we give the reason.
        #expect(ours.stderrText.contains("Permission denied"), "\(ours)")
        #expect(ours.stderrText.contains("/etc/\(arguments[0])"))
    }

    @Test("passwd stays readable for everyone", arguments: [["passwd", "root"], ["group", "0"], ["initgroups", "alice"]])
    func unprivilegedPasswd(_ arguments: [String]) {
        let ours = Sandbox.runWithEtc(AccountFixtures.standard, Sandbox.tool("getent"), arguments, user: "65534")
        let glibc = Sandbox.runWithEtc(AccountFixtures.standard, Differential.glibcGetent, arguments, user: "65534")
        #expect(ours.status == glibc.status)
        #expect(ours.stdout == glibc.stdout)
        #expect(ours.stderr.isEmpty)
    }

    @Test("missing files", arguments: [
        ["passwd"], ["passwd", "root"], ["group", "0"], ["shadow"], ["gshadow", "root"], ["initgroups", "alice"],
    ])
    func missing(_ arguments: [String]) {
        var files = Self.switchOnly
        for name in ["passwd", "group", "shadow", "gshadow"] { files[name] = .some(nil) }
        let (ours, _) = Differential.expectSameGetent(arguments, etc: files)
        #expect(ours.stderr.isEmpty)
    }

    @Test("empty files", arguments: [["passwd"], ["passwd", "root"], ["group"], ["shadow", "x"], ["gshadow"]])
    func empty(_ arguments: [String]) {
        var files = Self.switchOnly
        for name in ["passwd", "group", "shadow", "gshadow"] { files[name] = "" }
        Differential.expectSameGetent(arguments, etc: files)
    }

    @Test("CRLF line endings keep the CR", arguments: [
        ["passwd"], ["passwd", "a"], ["passwd", "1"], ["group"], ["group", "g"], ["group", "5"], ["shadow"], ["gshadow"],
    ])
    func crlf(_ arguments: [String]) {
        var files = Self.switchOnly
        files["passwd"] = "a:x:1:2:gecos:/home/a:/bin/sh\r\nb:x:3:4\r\nc:x:5:6::/:\r\n"
        files["group"] = "g:x:5:a,b\r\nh:x:6\r\ni:x:7:\r\n"
        files["shadow"] = "a:x:1:2:3:4:5:6:7\r\nb:x:1:2:3:4:5::\r\nc:x:1:2:3\r\n"
        files["gshadow"] = "g:x:a:b\r\nh:x::\r\n"
        Differential.expectSameGetent(arguments, etc: files)
    }

    @Test("a line longer than 64 KiB", arguments: [["passwd"], ["passwd", "long"], ["passwd", "5"], ["passwd", "after"],
                                                    ["group", "long"], ["group", "after"], ["initgroups", "m99999"]])
    func longLine(_ arguments: [String]) {
        var files = Self.switchOnly
        let gecos = String(repeating: "g", count: 100_000)
        files["passwd"] = "root:x:0:0::/:\nlong:x:5:5:\(gecos):/h:/s\nafter:x:6:6::/:\n"
        let members = (0..<20_000).map { "m\($0 * 5)" }.joined(separator: ",")
        files["group"] = "root:x:0:\nlong:x:5:\(members)\nafter:x:6:m99999\n"
        Differential.expectSameGetent(arguments, etc: files)
    }

    @Test("a group with thousands of members", arguments: [
        ["group", "big"], ["group", "1000"], ["group"], ["initgroups", "user0"], ["initgroups", "user4999"],
        ["initgroups", "user5000"],
    ])
    func manyMembers(_ arguments: [String]) {
        var files = Self.switchOnly
        let members = (0..<5000).map { "user\($0)" }.joined(separator: ",")
        files["group"] = "root:x:0:\nbig:x:1000:\(members)\nsmall:x:1001:user4999,user1\n"
        Differential.expectSameGetent(arguments, etc: files)
    }

    @Test("thousands of groups for one user", arguments: [["initgroups", "alice"], ["initgroups", "bob"], ["group", "g2999"]])
    func manyGroups(_ arguments: [String]) {
        var files = Self.switchOnly
        files["group"] = (0..<3000).map { "g\($0):x:\(10_000 + $0 % 2500):alice\($0 % 3 == 0 ? ",bob" : "")" }
            .joined(separator: "\n") + "\n"
        Differential.expectSameGetent(arguments, etc: files)
    }

    @Test("NUL bytes and bytes that are not UTF-8", arguments: [
        ["passwd"], ["passwd", "a"], ["passwd", "2"], ["group"], ["group", "g"], ["shadow"], ["gshadow"],
    ])
    func binary(_ arguments: [String]) {
        var bytes: [String: Data?] = ["nsswitch.conf": Data(AccountFixtures.filesSwitch.utf8)]
        bytes["passwd"] = Data([0xff, 0xfe, 0x3a, 0x78, 0x3a, 0x31, 0x3a, 0x31, 0x3a, 0x01, 0x3a, 0x2f, 0x3a, 0x80, 0x0a])
            + Data("a:x:2:2:g\0hidden:/h:/s\n\0b:x:3:3::/:\n".utf8) + Data((0..<256).map { UInt8($0) }) + Data("\nc:x:4:4::/:\n".utf8)
        bytes["group"] = Data("g:x:1:a\0,b\n\0\0\0\ng2:x:2:\u{1}\n".utf8) + Data([0xc3, 0x28, 0x3a, 0x78, 0x3a, 0x33, 0x3a, 0x0a])
        bytes["shadow"] = Data("a:x:1:2:3:4:5:6:7\0junk\n".utf8) + Data((0..<256).map { UInt8(255 - $0) })
        bytes["gshadow"] = Data("g:x:\0a:b\n\u{7f}:x::\n".utf8)
        let ours = Sandbox.runWithEtc(bytes, Sandbox.tool("getent"), arguments)
        let glibc = Sandbox.runWithEtc(bytes, Differential.glibcGetent, arguments)
        #expect(ours.status == glibc.status)
        #expect(ours.stdout == glibc.stdout, "ours:\n\(ours)\nglibc:\n\(glibc)")
    }
}
