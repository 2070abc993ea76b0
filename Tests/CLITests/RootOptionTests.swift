import Foundation
import Testing

/// `getent --root DIR`: no glibc equivalent, so exact expected outputs.
@Suite("getent --root")
struct RootOptionTests {
    /// A root directory with fixture files (relative path -> contents) and
    /// symbolic links (relative path -> target).
    final class Root {
        let url: URL
        var path: String { url.path }

        init(files: [String: String], links: [String: String] = [:]) {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("getent-root-\(UUID().uuidString)")
            let fm = FileManager.default
            for (name, text) in files {
                let file = url.appendingPathComponent(name)
                try! fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try! Data(text.utf8).write(to: file)
            }
            for (name, target) in links {
                let link = url.appendingPathComponent(name)
                try! fm.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
                try! fm.createSymbolicLink(atPath: link.path, withDestinationPath: target)
            }
        }

        deinit { try? FileManager.default.removeItem(at: url) }
    }

    static let passwd = "alice:x:1001:1001:Alice:/home/alice:/bin/sh\nbob:x:1002:1002::/home/bob:/bin/bash\n"
    static let group = "staff:x:50:alice,bob\nalice:x:1001:\n"

    func getent(_ arguments: [String]) -> ToolResult {
        Sandbox.run(Sandbox.tool("getent"), arguments)
    }

    @Test func readsTheFilesOfTheRoot() {
        let root = Root(files: ["etc/passwd": Self.passwd, "etc/group": Self.group, "etc/nsswitch.conf": "passwd: files\ngroup: files\n"])
        for arguments in [["--root", root.path, "passwd", "alice"], ["--root=\(root.path)", "passwd", "alice"],
                          ["passwd", "alice", "--root", root.path], ["--ro", root.path, "passwd", "1001"]] {
            let result = getent(arguments)
            #expect(result.stdoutText == "alice:x:1001:1001:Alice:/home/alice:/bin/sh\n", "\(arguments)")
            #expect(result.status == 0, "\(arguments): \(result)")
        }
        let all = getent(["--root", root.path, "passwd"])
        #expect(all.stdoutText == Self.passwd)
        #expect(all.status == 0)
        let missing = getent(["--root", root.path, "passwd", "root"])
        #expect(missing.stdoutText == "", "root of the host must not be seen")
        #expect(missing.status == 2)
        let groups = getent(["--root", root.path, "group", "staff"])
        #expect(groups.stdoutText == "staff:x:50:alice,bob\n")
    }

    @Test func linksStayInsideTheRoot() {
        // Each link points at a host file; inside the root it names the root's file.
        let root = Root(files: ["etc/shadow": "fromroot:x:7:7:inside:/:/bin/sh\n", "etc/group2": "inside:x:77:\n",
                                "etc/nsswitch.conf": "passwd: files\ngroup: files\n"],
                        links: ["etc/passwd": "/etc/shadow", "etc/group": "../../../../../../../../etc/group2"])
        let result = getent(["--root", root.path, "passwd"])
        #expect(result.stdoutText == "fromroot:x:7:7:inside:/:/bin/sh\n")
        #expect(result.status == 0)
        #expect(getent(["--root", root.path, "passwd", "root"]).status == 2)
        #expect(getent(["--root", root.path, "group"]).stdoutText == "inside:x:77:\n")
    }

    @Test func aLinkLeadingNowhereIsAMissingFile() {
        let root = Root(files: ["etc/nsswitch.conf": "passwd: files\n"],
                        links: ["etc/passwd": "/etc/passwd", "etc/group": "/nonexistent"])
        // /etc/passwd -> /etc/passwd inside the root is a loop: the file is unavailable.
        let result = getent(["--root", root.path, "passwd", "root"])
        #expect(result.stdoutText == "")
        #expect(result.status == 2)
        #expect(getent(["--root", root.path, "group", "root"]).status == 2)
    }

    @Test func nsswitchOfTheRootAndLiveSourcesOff() {
        // The root's nsswitch.conf lists dns: skipped under --root, so a
        // name in no file is missing at once (no resolver is asked).
        let root = Root(files: ["etc/hosts": "10.1.2.3 inroot\n", "etc/nsswitch.conf": "hosts: dns files\npasswd: files\n",
                                "etc/resolv.conf": "nameserver 192.0.2.53\noptions timeout:5 attempts:2\n"])
        let start = Date()
        let miss = getent(["--root", root.path, "hosts", "not-in-files.example"])
        #expect(miss.status == 2)
        #expect(Date().timeIntervalSince(start) < 3, "DNS must not be asked under --root")
        let hit = getent(["--root", root.path, "hosts", "inroot"])
        #expect(hit.stdoutText == "10.1.2.3        inroot\n")
        #expect(hit.status == 0)
    }

    @Test func liveSourcesWhenAskedFor() {
        let root = Root(files: ["etc/hosts": "10.1.2.3 inroot\n", "etc/nsswitch.conf": "hosts: files myhostname\n"])
        // myhostname in the root's switch is skipped...
        #expect(getent(["--root", root.path, "hosts", "localhost"]).status == 2)
        #expect(getent(["--root", root.path, "ahosts", "x.localhost"]).status == 2)
        // ...and used when -s names it.
        let asked = getent(["--root", root.path, "-s", "hosts:files myhostname", "hosts", "localhost"])
        #expect(asked.stdoutText == "::1             localhost\n")
        #expect(asked.status == 0)
        #expect(getent(["-s", "myhostname", "--root", root.path, "hosts", "inroot"]).status == 2)
    }

    @Test func systemdDropInsOfTheRoot() {
        let root = Root(files: [
            "etc/passwd": Self.passwd,
            "etc/nsswitch.conf": "passwd: files systemd\ngroup: files systemd\n",
            "etc/userdb/svc.user": #"{"userName":"svc","uid":1500,"realName":"Service"}"#,
            "etc/userdb/1500.user": #"{"userName":"svc","uid":1500,"realName":"Service"}"#,
            "usr/lib/userdb/lib.group": #"{"groupName":"lib","gid":1600,"members":["svc"]}"#,
        ])
        #expect(getent(["--root", root.path, "passwd", "svc"]).stdoutText == "svc:x:1500:1500:Service:/home/svc:/bin/bash\n")
        #expect(getent(["--root", root.path, "passwd", "1500"]).stdoutText == "svc:x:1500:1500:Service:/home/svc:/bin/bash\n")
        #expect(getent(["--root", root.path, "group", "lib"]).stdoutText == "lib:x:1600:svc\n")
        #expect(getent(["--root", root.path, "passwd"]).stdoutText == Self.passwd + "svc:x:1500:1500:Service:/home/svc:/bin/bash\n")
        // Without systemd in the root's switch, the records are not seen.
        let plain = Root(files: ["etc/passwd": Self.passwd, "etc/nsswitch.conf": "passwd: files\n",
                                 "etc/userdb/svc.user": #"{"userName":"svc","uid":1500}"#])
        #expect(getent(["--root", plain.path, "passwd", "svc"]).status == 2)
    }

    @Test func errors() {
        let missing = getent(["--root", "/nonexistent/root", "passwd", "root"])
        #expect(missing.status == 1)
        #expect(missing.stderrText.contains("/nonexistent/root"))
        #expect(missing.stdoutText == "")
        let noArgument = getent(["passwd", "root", "--root"])
        #expect(noArgument.status == 64)
        #expect(noArgument.stderrText.contains("requires an argument"))
        let file = Root(files: ["plain": "x"])
        #expect(getent(["--root", file.path + "/plain", "passwd"]).status == 1)
    }
}
