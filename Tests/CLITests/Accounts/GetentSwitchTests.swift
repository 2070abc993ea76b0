import Foundation
import Testing

/// nsswitch.conf and -s handling for the account databases, compared with
/// glibc's getent on the same fixture files.
@Suite("getent name-service switch vs glibc", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason),
       .enabled(if: Sandbox.toolExists("getent"), "build/getent is missing: run make first"))
struct GetentSwitchTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var nsswitch: String?
        var arguments: [String]
        var testDescription: String { "\(nsswitch.map { $0.debugDescription } ?? "no nsswitch.conf") getent \(arguments)" }
    }

    static let cases: [Case] = [
        // Unknown sources are unavailable, never an error.
        Case(nsswitch: "passwd: bogus files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: sss ldap files systemd\n", arguments: ["passwd", "u1000"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["passwd"]),
        Case(nsswitch: "passwd: FILES\n", arguments: ["passwd", "root"]),
        // Missing line, missing file, last line without newline: files.
        Case(nsswitch: "group: bogus\n", arguments: ["passwd", "root"]),
        Case(nsswitch: nil, arguments: ["passwd", "root"]),
        Case(nsswitch: nil, arguments: ["group"]),
        Case(nsswitch: "", arguments: ["shadow", "root"]),
        Case(nsswitch: "passwd: bogus", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: files\npasswd: bogus", arguments: ["passwd", "root"]),
        // Empty and invalid lines: nothing.
        Case(nsswitch: "passwd:\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd:\n", arguments: ["passwd"]),
        Case(nsswitch: "passwd: files [bogus=return] files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: files [bogus=return] files\n", arguments: ["passwd"]),
        Case(nsswitch: "passwd: [NOTFOUND=return] files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: files [UNAVAIL] files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: files [NOTFOUND=return] [UNAVAIL=return] files\n", arguments: ["passwd", "root"]),
        // Line syntax.
        Case(nsswitch: "passwd files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "  passwd  :  bogus  \n", arguments: ["passwd", "root"]),
        Case(nsswitch: "PASSWD: bogus\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: files\npasswd: bogus\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: bogus\npasswd: files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "#passwd: bogus\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: bogus # files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: files# x\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: bogus\tfiles\r\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: bogus\0files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd::files\n", arguments: ["passwd", "root"]),
        // Action items.
        Case(nsswitch: "passwd: bogus [UNAVAIL=return] files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: bogus [!UNAVAIL=return] files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: bogus [!SUCCESS=return] files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: bogus [unavail=return] files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: bogus [ UNAVAIL = continue ] files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: bogus[UNAVAIL=continue]files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: bogus [UNAVAIL=continue UNAVAIL=return] files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: bogus [UNAVAIL=return !UNAVAIL=continue] files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: files [NOTFOUND=return] files\n", arguments: ["passwd", "nosuch"]),
        Case(nsswitch: "passwd: files [NOTFOUND=return] files\n", arguments: ["passwd"]),
        Case(nsswitch: "passwd: files files\n", arguments: ["passwd"]),
        Case(nsswitch: "passwd: files [SUCCESS=continue] files\n", arguments: ["passwd"]),
        Case(nsswitch: "passwd: files [SUCCESS=continue] files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: files [SUCCESS=return] files\n", arguments: ["passwd"]),
        Case(nsswitch: "passwd: files [SUCCESS=continue] bogus [UNAVAIL=return] files\n", arguments: ["passwd", "root"]),
        Case(nsswitch: "passwd: files [SUCCESS=continue] bogus [UNAVAIL=return] files\n", arguments: ["passwd"]),
        Case(nsswitch: "passwd: files [SUCCESS=continue] bogus [SUCCESS=continue] files\n", arguments: ["passwd"]),
        Case(nsswitch: "passwd: bogus [UNAVAIL=merge] files\n", arguments: ["passwd"]),
        Case(nsswitch: "passwd: files [NOTFOUND=merge] files\n", arguments: ["passwd"]),
        // compat: NIS lines are directives; without NIS they match nothing.
        Case(nsswitch: "passwd: compat\n", arguments: ["passwd"]),
        Case(nsswitch: "passwd: compat\n", arguments: ["passwd", "root", "seven", "0", "3", "last", "u1000"]),
        Case(nsswitch: "passwd: compat [NOTFOUND=return] files\n", arguments: ["passwd"]),
        Case(nsswitch: "passwd: compat [UNAVAIL=return] files\n", arguments: ["passwd"]),
        Case(nsswitch: "passwd: compat [UNAVAIL=return] files\n", arguments: ["passwd", "root", "u1000"]),
        Case(nsswitch: "passwd: compat [NOTFOUND=return] files\n", arguments: ["passwd", "u1000", "1000"]),
        Case(nsswitch: "group: compat\n", arguments: ["group"]),
        Case(nsswitch: "group: compat\n", arguments: ["group", "root", "wheel", "10", "bad", "dup", "4001"]),
        Case(nsswitch: "group: compat\n", arguments: ["initgroups", "alice", "carol"]),
        Case(nsswitch: "group: compat [UNAVAIL=return] files\n", arguments: ["initgroups", "alice"]),
        Case(nsswitch: "shadow: compat\n", arguments: ["shadow"]),
        Case(nsswitch: "shadow: compat\n", arguments: ["shadow", "root", "full", "lead"]),
        Case(nsswitch: "gshadow: compat\n", arguments: ["gshadow"]),
        Case(nsswitch: "gshadow: compat files\n", arguments: ["gshadow", "root"]),
        // merge: group members are appended.
        Case(nsswitch: "group: files [SUCCESS=merge] files\n", arguments: ["group", "wheel", "10", "root", "nosuch"]),
        Case(nsswitch: "group: files [SUCCESS=merge] bogus files\n", arguments: ["group", "wheel"]),
        Case(nsswitch: "group: files [SUCCESS=merge] compat\n", arguments: ["group", "users", "dup"]),
        Case(nsswitch: "group: files [SUCCESS=merge] files [SUCCESS=merge] files\n", arguments: ["group", "users"]),
        Case(nsswitch: "group: files [SUCCESS=merge] files\n", arguments: ["group"]),
        // initgroups follows its own line, else group's.
        Case(nsswitch: "group: bogus\n", arguments: ["initgroups", "alice"]),
        Case(nsswitch: "group: bogus\ninitgroups: files\n", arguments: ["initgroups", "alice"]),
        Case(nsswitch: "group: files\ninitgroups: bogus\n", arguments: ["initgroups", "alice"]),
        Case(nsswitch: "group: files files\n", arguments: ["initgroups", "alice"]),
        Case(nsswitch: "group: files [NOTFOUND=return] files\n", arguments: ["initgroups", "bob"]),
        Case(nsswitch: "group: compat files\n", arguments: ["initgroups", "alice", "carol", "mallory"]),
        Case(nsswitch: "group: compat [SUCCESS=return] files\n", arguments: ["initgroups", "alice"]),
        Case(nsswitch: "initgroups: compat files\n", arguments: ["initgroups", "alice"]),
        Case(nsswitch: "initgroups: files compat\n", arguments: ["initgroups", "alice"]),
        Case(nsswitch: "initgroups: bogus [UNAVAIL=return] files\n", arguments: ["initgroups", "alice"]),
        Case(nsswitch: "initgroups: bogus [NOTFOUND=return] files\n", arguments: ["initgroups", "alice"]),
        Case(nsswitch: "passwd: files [NOTFOUND=return] [UNAVAIL=return] files\n", arguments: ["passwd"]),
        Case(nsswitch: "passwd: bogus [UNAVAIL=continue] [UNAVAIL=continue] files\n", arguments: ["passwd", "root"]),
        // -s overrides.
        Case(nsswitch: "passwd: bogus\n", arguments: ["-s", "files", "passwd", "root"]),
        Case(nsswitch: "passwd: files\n", arguments: ["-s", "bogus", "passwd", "root"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["--service=files", "passwd", "root"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["--service", "files", "passwd", "root"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["--serv=files", "passwd", "root"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["-sfiles", "passwd", "root"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["passwd", "root", "-s", "files"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["passwd", "-s", "files", "root"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["-s", "passwd:files", "passwd", "root"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["-s", "p:files", "passwd", "root"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["-s", "group:files", "passwd", "root"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["-s", ":files", "passwd", "root"]),
        Case(nsswitch: "passwd: files\n", arguments: ["-s", "passwd:", "passwd", "root"]),
        Case(nsswitch: "passwd: files\n", arguments: ["-s", "", "passwd", "root"]),
        Case(nsswitch: "passwd: files\n", arguments: ["-s", "passwd:files:files", "passwd"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["-s", "passwd: files", "passwd", "root"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["-s", "files [x=y]", "passwd", "root"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["-s", "files", "-s", "files [x=y]", "passwd", "root"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["-s", "passwd:files", "-s", "bogus", "passwd", "root"]),
        Case(nsswitch: "passwd: bogus\n", arguments: ["-s", "bogus", "-s", "passwd:files", "passwd", "root"]),
        Case(nsswitch: "passwd: files\n", arguments: ["-s", "passwd:files [SUCCESS=continue] files", "passwd"]),
        Case(nsswitch: "passwd: files\n", arguments: ["-s", "passwd :files", "passwd", "root"]),
        Case(nsswitch: "passwd: files\n", arguments: ["-s", "publickey:files", "passwd", "root"]),
        Case(nsswitch: "group: files\n", arguments: ["-s", "group:bogus", "initgroups", "alice"]),
        Case(nsswitch: "group: bogus\n", arguments: ["-s", "initgroups:files", "initgroups", "alice"]),
        Case(nsswitch: "shadow: bogus\ngshadow: bogus\n", arguments: ["-s", "files", "shadow", "root"]),
    ]

    @Test("nsswitch.conf and -s", arguments: cases)
    func switchCase(_ testCase: Case) {
        Differential.expectSameGetent(testCase.arguments, etc: AccountFixtures.with(switch: testCase.nsswitch))
    }
}
