import Foundation
import Testing

/// Differential tests of `getent netgroup` and `getent aliases`.
@Suite("getent netgroup and aliases vs glibc",
       .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason),
       .enabled(if: Sandbox.toolExists("getent"), "build/getent is missing: run make first"))
struct GetentNetgroupAliasesTests {
    static let etc: [String: String?] = [
        "nsswitch.conf": NetworkFixtures.filesSwitch,
        "netgroup": NetworkFixtures.netgroup,
        "aliases": NetworkFixtures.aliases,
        "aliases.inc": NetworkFixtures.aliasesInclude,
    ]

    static let netgroupNames: [String] = [
        "trusted", "admins", "spaced", "continued", "cycle1", "cycle2", "dangling", "short", "long", "words",
        "open", "empty", "stack", "left", "right", "deep", "spill", "bad", "tail", "fields", "empties",
        "glued", "#", "indented", "crlf", "nul", "Case", "case", "self", "last", "TRUSTED", "trust", "",
        "nosuch", "(h8,u8,d8)", "a,b,c",
    ]

    @Test("netgroup listings", arguments: netgroupNames)
    func netgroupListing(name: String) {
        Differential.expectSameGetent(["netgroup", name], etc: Self.etc)
    }

    static let memberships: [[String]] = [
        ["trusted", "host1", "alice", "example.com"], ["trusted", "host1", "alice", "other.org"],
        ["trusted", "HOST1", "alice", "EXAMPLE.COM"], ["trusted", "host1", "Alice", "example.com"],
        ["trusted", "host2", "anyone", "anywhere"], ["trusted", "anyhost", "bob", "anywhere"],
        ["trusted", "-", "-", "-"], ["trusted", "", "", ""], ["trusted", "", "bob", ""],
        ["trusted", "", "alice", "example.com"], ["admins", "host1", "alice", "example.com"],
        ["admins", "adminhost", "root", "example.com"], ["admins", "adminhost", "root", "x"],
        ["stack", "d", "u", "d"], ["cycle1", "c2", "x", "y"], ["dangling", "m", "", ""],
        ["continued", "h8", "u8", "d8"], ["nosuch", "a", "b", "c"], ["Case", "upperhost", "UpperUser", "upperdomain"],
        ["Case", "upperhost", "upperuser", "upperdomain"], ["empties", "x", "y", "z"], ["bad", "t", "", ""],
    ]

    @Test("netgroup membership", arguments: memberships)
    func netgroupMembership(arguments: [String]) {
        Differential.expectSameGetent(["netgroup"] + arguments, etc: Self.etc)
    }

    @Test func netgroupArgumentCounts() {
        let (ours, glibc) = Differential.expectSameGetent(["netgroup"], etc: Self.etc)
        #expect(ours.status == 3)
        #expect(ours.stderrText == glibc.stderrText)
        Differential.expectSameGetent(["netgroup", "trusted", "admins"], etc: Self.etc)
        Differential.expectSameGetent(["netgroup", "trusted", "host1", "alice"], etc: Self.etc)
        Differential.expectSameGetent(["netgroup", "trusted", "host1", "alice", "example.com", "x"], etc: Self.etc)
    }

    @Test func netgroupThroughTheHostSwitch() {
        // The host's nsswitch.conf says "netgroup: nis": no such source here.
        var etc = Self.etc
        etc["nsswitch.conf"] = nil
        Differential.expectSameGetent(["netgroup", "trusted"], etc: etc)
        Differential.expectSameGetent(["netgroup", "trusted", "host1", "alice", "example.com"], etc: etc)
        Differential.expectSameGetent(["-s", "netgroup:files", "netgroup", "trusted"], etc: etc)
        Differential.expectSameGetent(["-s", "files", "netgroup", "admins", "host1", "alice", "example.com"], etc: etc)
    }

    static let aliasKeys: [String] = [
        "postmaster", "POSTMASTER", "Postmaster", "root", "continued", "two", "three", "four", "separate",
        "notcontinued", "commented", "comment", "spacename ", "spacename", "lead", "nocolon", "emptylist",
        "pipe", "quoted", "dup", "crlf", "nul", "Case", "case", "CASE", "abcdefghijklmn", "abcdefghijklmno",
        "include", "included", "missing", "partmissing", "notinclude", "upperinclude", "noempty", "last",
        "", "nosuch", "root:", "inc1",
    ]

    @Test("aliases lookups", arguments: aliasKeys)
    func aliasLookup(key: String) {
        Differential.expectSameGetent(["aliases", key], etc: Self.etc)
    }

    @Test func aliasesEnumeration() {
        Differential.expectSameGetent(["aliases"], etc: Self.etc)
        Differential.expectSameGetent(["aliases", "root", "nosuch", "dup"], etc: Self.etc)
    }
}
