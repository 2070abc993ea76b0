import Foundation
import Testing

/// Differential tests of the account databases: our static getent and
/// glibc's /usr/bin/getent run with the same arguments on the same fixture
/// /etc, in a private mount namespace; stdout bytes and exit status must be
/// equal.
@Suite("getent accounts vs glibc", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason),
       .enabled(if: Sandbox.toolExists("getent"), "build/getent is missing: run make first"))
struct GetentAccountTests {
    static let passwdKeys: [String] = [
        "root", "0", "short", "1", "six", "2", "seven", "3", "eight", "4", "nouid", "5", "nogid", "6",
        "baduid", "spuid", "8", "plusuid", "9", "lead0", "10", "hex", "11", "17", "neg", "negzero", "big",
        "4294967295", "bigger", "14", "huge", "lead", "  lead", "16", "tab\tname", "cr", "18", "", "19",
        "sp ", "sp", "uidsp", "21", "nul", "22", "dup", "23", "24", "dupuid", "nopw", "25", "spaces", "30",
        "+plus", "plus", "26", "-minus", "27", "+", "-", "+@ng", "@ng", "28", "+plus2", "+a", "+b", "+c",
        "+d", "u1000", "1000", "nobody", "65534", "last", "29", "-0", " 1", "+1", "\t1", "1 ", "01",
        "0x1", "nosuch", "99999", "root:x", "roo", "ROOT", "# comment",
    ]

    @Test("passwd KEY", arguments: passwdKeys)
    func passwdKey(_ key: String) {
        Differential.expectSameGetent(["passwd", "--", key], etc: AccountFixtures.standard)
    }

    static let groupKeys: [String] = [
        "root", "0", "users", "100", "wheel", "10", "extra", "extra2", "2000", "x", "5", "big", "4294967295",
        "+plus", "plus", "7", "-minus", "8", "+", "bad", "1", "sp", "3", "empty", "3000", "nomem", "3001",
        "crlf", "3002", "crgid", "3003", "gidsp", "3004", "plusgid", "3005", "# wheel", "", "77", "99",
        " 99", "tab", "3006", "trailing", "3007", "nulmem", "3008", "bigger", "nogroup", "65534", "+@ng",
        "+a", "+b", "+c", "+d", "+e", "dup", "4000", "4001", "-0", "+10", "nosuch", "12345",
    ]

    @Test("group KEY", arguments: groupKeys)
    func groupKey(_ key: String) {
        Differential.expectSameGetent(["group", "--", key], etc: AccountFixtures.standard)
    }

    static let shadowKeys: [String] = [
        "root", "full", "emptyflag", "allempty", "toomany", "old", "oldempty", "six", "seven", "eightempty",
        "eight", "neg", "negzero", "int32", "wide", "flagmax", "flagwide", "spaced", "trailing", "crflag",
        "crempty", "+", "-minus", "+plus", "+plusx", "+full", "lead", "dup", "0", "nosuch",
    ]

    @Test("shadow KEY", arguments: shadowKeys)
    func shadowKey(_ key: String) {
        Differential.expectSameGetent(["shadow", "--", key], etc: AccountFixtures.standard)
    }

    static let gshadowKeys: [String] = [
        "root", "name", "name2", "pw", "admins", "full", "bad", "+", "+plus", "-minus", "crlf", "dup", "nosuch",
    ]

    @Test("gshadow KEY", arguments: gshadowKeys)
    func gshadowKey(_ key: String) {
        Differential.expectSameGetent(["gshadow", "--", key], etc: AccountFixtures.standard)
    }

    @Test("enumeration", arguments: ["passwd", "group", "shadow", "gshadow"])
    func enumeration(_ database: String) {
        Differential.expectSameGetent([database], etc: AccountFixtures.standard)
    }

    static let initgroupsCalls: [[String]] = [
        ["alice"], ["bob"], ["carol"], ["a"], ["b"], ["mallory"], [""], ["nobody"],
        ["alice", "bob", "carol", "averyveryverylongusername12345"], ["twentyonecharacters12"],
        ["twentycharacters1234"], ["root"], [],
    ]

    @Test("initgroups USER...", arguments: initgroupsCalls)
    func initgroups(_ users: [String]) {
        Differential.expectSameGetent(["initgroups"] + users, etc: AccountFixtures.standard)
    }

    static let multipleKeys: [[String]] = [
        ["passwd", "root", "1000", "nosuch", "nobody"], ["passwd", "nosuch", "root"], ["group", "0", "wheel", "nosuch"],
        ["shadow", "root", "nosuch", "full"], ["gshadow", "root", "name"], ["passwd", "root", "root", "0"],
    ]

    @Test("several keys in one call", arguments: multipleKeys)
    func severalKeys(_ arguments: [String]) {
        Differential.expectSameGetent(arguments, etc: AccountFixtures.standard)
    }

    /// Numeric keys beyond the id type: glibc wraps them (to root for
    /// 4294967296); we answer "not found" (documented difference).
    @Test("out-of-range ids are not found", arguments: [
        ["passwd", "4294967296"], ["passwd", "18446744073709551616"], ["passwd", "--", "-1"],
        ["passwd", "--", "-4294967296"], ["group", "4294967296"], ["group", "--", "-4294967295"],
        ["passwd", "99999999999999999999999"],
    ])
    func outOfRange(_ arguments: [String]) {
        let ours = Sandbox.runWithEtc(AccountFixtures.standard, Sandbox.tool("getent"), arguments)
        #expect(ours.status == 2)
        #expect(ours.stdout.isEmpty)
    }

    @Test("systemd's build check on the machine's files", arguments: [["passwd", "65534"], ["group", "65534"]])
    func systemdBuildCheck(_ arguments: [String]) {
        let ours = Sandbox.run(Sandbox.tool("getent"), arguments)
        let glibc = Sandbox.run(Differential.glibcGetent, arguments)
        #expect(ours.status == 0)
        #expect(ours.stdout == glibc.stdout)
        #expect(ours.stdoutText.contains(":65534:"))
    }
}
