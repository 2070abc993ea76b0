import Testing
@testable import LibcSupport

/// Expected lines observed with glibc's getent and systemd's NSS module
/// (systemd 252) on drop-in records served by systemd-userdbd.
@Suite("User and group records")
struct UserRecordTests {
    static let machine = JSONUserRecord.Machine(id: Array("3d1219c7c4c5404aaa1f6d2a48adfda4".utf8), hostName: Array("vm".utf8))

    func user(_ json: String) -> JSONUserRecord? {
        guard let value = try? JSONParser.parse(Array(json.utf8)) else { return nil }
        return JSONUserRecord(json: value, machine: Self.machine)
    }

    func passwd(_ json: String) -> String? {
        user(json).map { record in render { record.appendPasswdLine(to: &$0) } }
    }

    func shadow(_ json: String) -> String? {
        user(json).map { record in render { record.appendShadowLine(to: &$0) } }
    }

    @Test func fullRecord() {
        #expect(passwd(#"{"userName":"testu","uid":61234,"gid":61234,"realName":"Test U","homeDirectory":"/home/testu","shell":"/bin/bash"}"#)
                == "testu:x:61234:61234:Test U:/home/testu:/bin/bash\n")
    }

    @Test(arguments: [
        (500, "/:/usr/sbin/nologin"), (999, "/:/usr/sbin/nologin"), (1000, "/home/u:/bin/bash"),
        (60514, "/home/u:/bin/bash"), (61183, "/home/u:/bin/bash"), (61184, "/:/usr/sbin/nologin"),
        (65519, "/:/usr/sbin/nologin"), (65520, "/home/u:/bin/bash"), (65534, "/:/usr/sbin/nologin"),
        (524287, "/home/u:/bin/bash"), (524288, "/:/usr/sbin/nologin"), (1878982656, "/:/usr/sbin/nologin"),
        (1878982657, "/home/u:/bin/bash"), (2147483647, "/home/u:/bin/bash"), (2147483648, "/:/usr/sbin/nologin"),
        (4294967294, "/:/usr/sbin/nologin"),
    ])
    func defaultsByUIDRange(uid: Int, tail: String) {
        #expect(passwd(#"{"userName":"u","uid":\#(uid)}"#) == "u:x:\(uid):\(uid):u:\(tail)\n")
    }

    @Test func invalidIDs() {
        #expect(passwd(#"{"userName":"nouid"}"#) == "nouid:x:4294967295:4294967295:nouid:/:/usr/sbin/nologin\n")
        #expect(passwd(#"{"userName":"u","uid":65535}"#) == "u:x:4294967295:4294967295:u:/:/usr/sbin/nologin\n")
        #expect(passwd(#"{"userName":"u","uid":1500,"gid":70000}"#) == "u:x:1500:70000:u:/home/u:/bin/bash\n")
        #expect(passwd(#"{"userName":"u","uid":"1500"}"#) == nil)
        #expect(passwd(#"{"userName":"u","uid":-1}"#) == nil)
    }

    @Test func dispositionOverridesRange() {
        #expect(passwd(#"{"userName":"dreg","uid":61500,"disposition":"regular"}"#) == "dreg:x:61500:61500:dreg:/home/dreg:/bin/bash\n")
        #expect(passwd(#"{"userName":"dsys","uid":1600,"disposition":"system"}"#) == "dsys:x:1600:1600:dsys:/:/usr/sbin/nologin\n")
        #expect(passwd(#"{"userName":"dint","uid":1601,"disposition":"intrinsic"}"#) == "dint:x:1601:1601:dint:/:/usr/sbin/nologin\n")
    }

    @Test func realNameIsSanitized() {
        #expect(passwd(#"{"userName":"a7","uid":1707,"realName":"tab\there:colon","shell":"","homeDirectory":""}"#)
                == "a7:x:1707:1707:tab here colon:/home/a7:/bin/bash\n")
        #expect(passwd(#"{"userName":"a9","uid":1709,"realName":"has\nnewline"}"#) == "a9:x:1709:1709:has newline:/home/a9:/bin/bash\n")
        #expect(passwd(#"{"userName":"a11","uid":1711,"realName":""}"#) == "a11:x:1711:1711::/home/a11:/bin/bash\n")
        #expect(passwd(#"{"userName":"esc","uid":1604,"realName":"A\u00e9 b\\c","gid":70000}"#) == "esc:x:1604:70000:Aé b\\c:/home/esc:/bin/bash\n")
    }

    @Test func invalidNamesAreIgnored() {
        for name in ["bad:name", "a/b", "12345", "", "-x", ".", "..", "a b", "a,b"] {
            #expect(user(#"{"userName":"\#(name)","uid":1500}"#) == nil, "\(name)")
        }
        #expect(user(#"{"uid":1500}"#) == nil)
        #expect(user(#"["userName"]"#) == nil)
    }

    @Test func perMachineAndBinding() {
        let record = #"{"userName":"pm","uid":61402,"shell":"/bin/sh","perMachine":[{"matchMachineId":"3d1219c7c4c5404aaa1f6d2a48adfda4","shell":"/bin/pm-mid","realName":"Matched"},{"matchHostname":"othr","homeDirectory":"/other"}],"binding":{"3d1219c7c4c5404aaa1f6d2a48adfda4":{"homeDirectory":"/bound"}}}"#
        #expect(passwd(record) == "pm:x:61402:61402:pm:/bound:/bin/pm-mid\n")
        let byHost = #"{"userName":"h","uid":1500,"perMachine":[{"matchHostname":["x","vm"],"shell":"/bin/h"}]}"#
        #expect(passwd(byHost) == "h:x:1500:1500:h:/home/h:/bin/h\n")
    }

    @Test func shadowFields() {
        #expect(shadow(#"{"userName":"reg","uid":1500}"#) == "reg:!*:::::::\n")
        #expect(shadow(#"{"userName":"priv","uid":61400,"lastPasswordChangeUSec":1700000000000000,"passwordChangeMinUSec":86400000000,"passwordChangeMaxUSec":8640000000000,"passwordChangeWarnUSec":604800000000,"passwordChangeInactiveUSec":1209600000000,"notAfterUSec":1800000000000000,"privileged":{"hashedPassword":["$6$abc$defghijk","$6$second"]}}"#)
                == "priv:$6$abc$defghijk:19675:1:100:7:14:20833:\n")
        #expect(shadow(#"{"userName":"inl","uid":61401,"privileged":{"hashedPassword":["$y$inline"]},"locked":true}"#) == "inl:$y$inline::::::1:\n")
        #expect(shadow(#"{"userName":"a1","uid":1701,"privileged":{"hashedPassword":[""]}}"#) == "a1::::::::\n")
        #expect(shadow(#"{"userName":"e","uid":1602,"privileged":{"hashedPassword":[]},"passwordChangeNow":true}"#) == "e:!*:::::::\n")
        #expect(shadow(#"{"userName":"a2","uid":1702,"privileged":{"hashedPassword":["$6$x"]},"lastPasswordChangeUSec":0}"#) == "a2:$6$x:1::::::\n")
        #expect(shadow(#"{"userName":"a3","uid":1703,"passwordChangeNow":true,"lastPasswordChangeUSec":1700000000000000}"#) == "a3:!*:19675::::::\n")
        #expect(shadow(#"{"userName":"a4","uid":1704,"notAfterUSec":86400000000,"lastPasswordChangeUSec":86400000000}"#) == "a4:!*:1:::::1:\n")
        #expect(shadow(#"{"userName":"a5","uid":1705,"notAfterUSec":86399999999,"locked":false,"passwordChangeMinUSec":0,"passwordChangeMaxUSec":0,"passwordChangeWarnUSec":0,"passwordChangeInactiveUSec":0}"#) == "a5:!*::0:0:0:0:0:\n")
        #expect(shadow(#"{"userName":"a6","uid":1706,"notAfterUSec":1800000000000000,"locked":true,"passwordChangeMinUSec":43200000000,"passwordChangeMaxUSec":18446744073709551615}"#) == "a6:!*::0::::1:\n")
        #expect(shadow(#"{"userName":"esc","uid":1604,"lastPasswordChangeUSec":86399999999,"notAfterUSec":0}"#) == "esc:!*:0:::::1:\n")
    }

    func group(_ json: String) -> JSONGroupRecord? {
        guard let value = try? JSONParser.parse(Array(json.utf8)) else { return nil }
        return JSONGroupRecord(json: value)
    }

    @Test func groups() {
        let g1 = group(#"{"groupName":"g1","gid":1800,"members":["a","b","a"]}"#)
        #expect(g1.map { g in render { g.appendGroupLine(to: &$0) } } == "g1:x:1800:a,b\n")
        #expect(g1.map { g in render { g.appendGshadowLine(to: &$0) } } == "g1:!*::\n")
        let g2 = group(#"{"groupName":"g2"}"#)
        #expect(g2.map { g in render { g.appendGroupLine(to: &$0) } } == "g2:x:4294967295:\n")
        let g5 = group(#"{"groupName":"g5","gid":1802,"privileged":{"hashedPassword":["$1$a","$2"]},"members":["x"],"administrators":["y"]}"#)
        #expect(g5.map { g in render { g.appendGshadowLine(to: &$0) } } == "g5:$1$a::\n")
        #expect(group(#"{"groupName":"bad:g","gid":1}"#) == nil)
        #expect(group(#"{"groupName":"g","members":"a"}"#) == nil)
    }

    @Test func intrinsicAccounts() {
        #expect(render { IntrinsicAccounts.rootUser.appendPasswdLine(to: &$0) } == "root:x:0:0:Super User:/root:/bin/bash\n")
        #expect(render { IntrinsicAccounts.nobodyUser.appendPasswdLine(to: &$0) } == "nobody:!*:65534:65534:Kernel Overflow User:/:/usr/sbin/nologin\n")
        #expect(render { IntrinsicAccounts.nobodyUser.appendShadowLine(to: &$0) } == "nobody:!*:::::::\n")
        #expect(render { IntrinsicAccounts.rootGroup.appendGroupLine(to: &$0) } == "root:x:0:\n")
        #expect(render { IntrinsicAccounts.nobodyGroup.appendGroupLine(to: &$0) } == "nogroup:!*:65534:\n")
        #expect(render { IntrinsicAccounts.rootGroup.appendGshadowLine(to: &$0) } == "root:!*::\n")
    }
}
