/// The accounts systemd's NSS module always resolves, even when no file
/// or service lists them: root and nobody (uid/gid 0 and 65534).
/// The nobody group is named as Debian's systemd names it, `nogroup`.
enum IntrinsicAccounts {
    static var rootUser: JSONUserRecord {
        JSONUserRecord(name: "root", uid: 0, gecos: "Super User", home: "/root", shell: "/bin/bash", passwdPassword: "x")
    }
    static var nobodyUser: JSONUserRecord {
        JSONUserRecord(name: "nobody", uid: 65534, gecos: "Kernel Overflow User", home: "/",
                   shell: "/usr/sbin/nologin", passwdPassword: "!*")
    }
    static var rootGroup: JSONGroupRecord { JSONGroupRecord(name: "root", gid: 0, groupPassword: "x") }
    static var nobodyGroupName: ByteString { ByteString("nogroup") }
    static var nobodyGroup: JSONGroupRecord { JSONGroupRecord(name: "nogroup", gid: 65534, groupPassword: "!*") }
}
