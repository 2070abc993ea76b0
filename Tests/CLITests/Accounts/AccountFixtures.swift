import Foundation

/// Fixture files for the account-database tests, written for this project.
/// Every odd line glibc's getent has an opinion about appears somewhere.
enum AccountFixtures {
    /// The switch as the tests want it unless a case says otherwise: files
    /// only, so glibc does not ask systemd (which synthesizes root/nobody).
    static let filesSwitch = "passwd: files\ngroup: files\nshadow: files\ngshadow: files\n"

    static let passwd = """
        root:x:0:0:root:/root:/bin/sh
        # comment:x:5:5::/:

           \t
        short:x:1:1
        six:x:2:2:g:/h
        seven:x:3:3:g:/h:/s
        eight:x:4:4:g:/h:/s:extra
        nouid:x::5:g:/h:/s
        nogid:x:6::g:/h:/s
        baduid:x:7a:7:g:/h:/s
        spuid:x: 8:8:g:/h:/s
        plusuid:x:+9:9:g:/h:/s
        lead0:x:010:10:g:/h:/s
        hex:x:0x11:11:g:/h:/s
        neg:x:-12:12:g:/h:/s
        negzero:x:-0:-0:g:/h:/s
        big:x:4294967295:13:g:/h:/s
        bigger:x:4294967296:14:g:/h:/s
        huge:x:99999999999999999999:15:g:/h:/s
          lead:x:16:16:g:/h:/s
        tab\tname:x:17:17:g:/h:/s
        cr:x:18:18:g:/h:/s\r
        :x:19:19:empty name:/h:/s
        sp :x:20:20:g:/h:/s
        uidsp:x:21 :21:g:/h:/s
        nul:x:22:22:g\0x:/h:/s
        dup:x:23:23:first:/h:/s
        dup:x:24:24:second:/h:/s
        dupuid:x:23:23:third:/h:/s
        nopw::25:25:g:/h:/s
        spaces: x:30:30: g: h: s
        +plus:x:26:26:g:/h:/s
        -minus:x:27:27:g:/h:/s
        +
        -
        +@ng
        -@ng:x:28:28:::
        +plus2
        +a:
        +b:x
        +c:x:1:
        +d:x:abc:def:g:h:s
        u1000:x:1000:100:User 1000:/home/u1000:/bin/bash
        nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
        last:x:29:29:g:/h:/s
        """ // no final newline: the last line still counts

    static let group = """
        root:x:0:
        users:x:100:bob,alice
        wheel:x:10:alice,bob,carol
        extra:x:2000:alice,carol
        extra2:x:2000:bob
        x:x:5:carol,carol
        big:x:4294967295:carol
        +plus:x:7:alice
        -minus:x:8:alice
        +
        bad:x:1:b:c
        sp:x:3: a, ,b,
        empty:x:3000
        nomem:x:3001:
        crlf:x:3002:alice\r
        crgid:x:3003\r
        gidsp:x: 3004 :alice
        plusgid:x:+3005:alice
        # wheel:x:10:mallory
        :x:77:
         99:x:99:
        tab:x:3006:\talice\t,\tbob
        trailing:x:3007:alice,bob,
        nulmem:x:3008:alice\0,mallory
        bigger:x:4294967296:alice
        nogroup:x:65534:
        +@ng
        +a
        +b:
        +c:x
        +d:x:
        +e:x::alice
        dup:x:4000:first
        dup:x:4001:second
        """

    static let shadow = """
        root:!:19000:0:99999:7:::
        full:x:1:2:3:4:5:6:7
        emptyflag:x:1:2:3:4:5:6:
        allempty:x:::::::
        toomany:x::::::::
        old:x:1:2:3
        oldempty:x:1:2:
        six:x:1:2:3:4
        seven:x:1:2:3:4:5
        eightempty:x:1:2:3:4:5:
        eight:x:1:2:3:4:5:6
        neg:x:-1:2:3:4:5:6:7
        negzero:x:-0:2:3:4:5:6:-0
        int32:x:2147483647:2147483648:4294967295:4:5:6:7
        wide:x:4294967296:2:3:4:5:6:7
        flagmax:x:1:2:3:4:5:6:4294967295
        flagwide:x:1:2:3:4:5:6:4294967296
        spaced:x: 1:2:3:4:5:6: 7
        trailing:x:1 :2:3:4:5:6:7
        crflag:x:1:2:3:4:5:6:7\r
        crempty:x:1:2:3:4:5::\r
        +
        -minus
        +plus:
        +plusx:x
        +full:x:1:2:3:4:5:6:7
        # root:x:1:2:3:4:5:6:7
          lead:x:1:2:3:4:5:6:7
        dup:first:1:2:3:4:5:6:7
        dup:second:1:2:3:4:5:6:7

        """

    static let gshadow = """
        root:*::
        name
        name2:
        pw:x
        admins:x:a,b
        full:x:a, b,,c,: d,,e,
        bad:x::a:b
        +
        +plus:x:a:b
        -minus
        crlf:x::alice\r
        # full:x:mallory:mallory
        dup:first::
        dup:second::

        """

    /// The fixture set for most cases.
    static var standard: [String: String?] {
        ["nsswitch.conf": filesSwitch, "passwd": passwd, "group": group, "shadow": shadow, "gshadow": gshadow]
    }

    /// `standard` with another nsswitch.conf.
    static func with(switch text: String?) -> [String: String?] {
        var files = standard
        files["nsswitch.conf"] = text
        return files
    }
}
