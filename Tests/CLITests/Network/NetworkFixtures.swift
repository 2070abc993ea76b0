import Foundation

/// Fixture files for the network-database tests, written for this project.
/// Each holds the odd lines glibc's getent has an opinion about.
enum NetworkFixtures {
    /// Files only for every network database (the host's switch says
    /// `db files` for some, and `nis` for netgroup).
    static let filesSwitch = "services: files\nprotocols: files\nnetworks: files\nrpc: files\n"
        + "ethers: files\nnetgroup: files\naliases: files\n"

    static let services = """
        # Network services, fixture edition
        tcpmux\t\t1/tcp\t\t\t\t# TCP port service multiplexer
        echo\t\t7/tcp
        echo\t\t7/udp
        http\t\t80/tcp\t\twww www-http\t# WorldWideWeb HTTP
        http\t\t80/udp
        http-alt\t8080/tcp\twebcache WWW
        https\t\t443/tcp
        https\t\t443/udp
        kerberos\t88/tcp\t\tkerberos5 krb5 kerberos-sec\t# Kerberos v5
        sctpsvc\t\t9/sctp\t\tdiscard-sctp
        ddpsvc\t\t9/ddp\t\tdiscard-ddp
        upper\t\t81/TCP\t\tUpperAlias
        Mixed\t\t82/tcp\t\tMiXeD
        averyveryverylongservicename 83/tcp longalias
        oct\t\t0120/tcp
        hex\t\t0x51/tcp
        plus\t\t+84/tcp
        negzero\t\t-0/udp
        wrap\t\t70000/tcp
        max\t\t65535/tcp
        wrapmax\t\t4294967295/udp
        toobig\t\t4294967296/tcp
        neg\t\t-1/tcp
        badnum\t\t85x/tcp
        nohex\t\t0x/tcp
        badoct\t\t089/tcp
        bare\t\t86
        baresp\t\t87 
        slashonly\t88/
        spaced\t\t89 /tcp
        multislash\t90/tcp/x
        commented\t91/tcp#comment alias
        cut\t\t92/tcp\tone#two three
        f#oo\t\t93/tcp
        crlf\t\t94/tcp\tcralias\r
          indented\t95/tcp
        nul\t\t96/tcp\u{0}hidden
        9pfs\t\t564/tcp
        65536\t\t97/tcp
        dup\t\t98/tcp\tfirst
        dup\t\t99/tcp\tsecond
        samealias\t100/tcp\tdup
        tab\t101/tcp\tx\t\ty  
        justname
        last\t\t102/tcp\tlastalias
        """ // no final newline

    static let protocols = """
        # Internet protocols, fixture edition
        ip\t0\tIP\t\t# internet protocol, pseudo protocol number
        icmp\t1\tICMP\t\t# internet control message protocol
        tcp\t6\tTCP
        udp\t17\tUDP
        ipv6-icmp 58\tIPv6-ICMP
        big\t256\tBIG
        max\t2147483647
        wrap\t2147483648\tWRAP
        all\t4294967295\tALL
        toobig\t4294967296\tTOOBIG
        neg\t-1\tNEG
        negzero\t-0\tNZ
        plus\t+7
        oct\t010\tOCT
        hex\t0x10
        bad\t1x
        nonum
        sp\t11 \tSP
        crlf\t12\tCRLF\r
        nul\t13\u{0} NUL
        cm\t14# comment
        123\t77
        dup\t6\tfirst
        Case\t15\tCaseAlias
          indented\t16\tind
        veryveryverylongprotocolname 18 long
        last\t19\tLAST
        """

    static let rpc = """
        # RPC program numbers, fixture edition
        portmapper\t100000\tportmap sunrpc rpcbind
        rstatd\t\t100001\trstat rup perfmeter rstat_svc
        nfs\t\t100003\tnfsprog
        noalias\t\t100004
        verylongrpcnamexx 100005 long
        all\t\t4294967295\tALL
        wrap\t\t2147483648
        toobig\t\t4294967296
        neg\t\t-1
        negzero\t\t-0\tnz
        oct\t\t010
        hex\t\t0x10\th
        bad\t\t1x
        sp\t\t7 
        crlf\t\t8\r
        cm\t\t9 # c
        nul\t\t10\u{0} x
          indented\t11\tind
        123\t\t77
        dup\t\t100000\tD
        Case\t\t12\tCaseAlias
        last\t\t13\tz
        """

    static let networks = """
        # Networks, fixture edition
        default\t\t0.0.0.0
        loopback\t127.0.0.0
        link-local\t169.254.0.0\tLL linklocal
        ten\t\t10\t\tTEN
        sub\t\t1.2.3
        twoparts\t172.16
        full\t\t192.168.1.1
        hexnet\t\t0x0a.0x01
        octnet\t\t012.0.0.1
        wrapnet\t\t4294967297
        toobig\t\t256
        fiveparts\t1.2.3.4.5
        trailingdot\t1.2.3.
        noaddr
        junk\t\tabc
        10.1\t\t10.1
        Mixed\t\t5\t\tAliasMixed
        crlf\t\t11.0.0.0\tcralias\r
        cm\t\t12 # comment
        nul\t\t13\u{0} x
          indented\t14\tind
        dup\t\t10
        last\t\t15\t\tLAST
        """

    static let ethers = """
        # ethers, fixture edition
        08:00:20:00:00:01\tsun1
        8:0:20:0:0:2\t\tsun2\talias-ignored
        AA:BB:CC:DD:EE:FF\tUpperMac
        0:0:0:0:0:0\t\tzero # comment
          9:0:0:0:0:1\tindented
        9:0:0:0:0:2\tcrlf\r
        9:0:0:0:0:3
        9:0:0:0:0:4#c nospace
        009:0:0:0:0:5\tthreedigits
        9: 0:0:0:0:6\tspacedpart
        9:-0:0:0:0:7\tnegzero
        0x9:0:0:0:0:8\thexprefix
        9:0:0:0:0:0ff\tpadded
        9:0:0:0:0:100\ttoobig
        1:2:3:4:5\t\tfiveparts
        1:2:3:4:5:6:7\tsevenparts
        1-2-3-4-5-6\tdashes
        x:0:0:0:0:9\tnothex
        9::0:0:0:a\temptypart
        9:0:0:0:0:bx\tjunk
        9:0:0:0:1:0\tnul\u{0}x
        9:0:0:0:1:1\tdup
        9:0:0:0:1:2\tdup
        9:0:0:0:1:1\tsecondname
        Mixed-Case:0:0:0:0:0\tbadmac
        9:0:0:0:1:3\tMiXeD
        9:0:0:0:1:4\tlast
        """

    static let netgroup = """
        trusted\t(host1,alice,example.com) (host2,,) (,bob,) (-,-,-)
        admins\ttrusted (adminhost,root,example.com)
        spaced\t( h5 , u5 , d5 )   (h6,u6,d6)
        continued (h7,u7,d7) \\
        \t(h8,u8,d8)
        cycle1\tcycle2 (c1,,)
        cycle2\tcycle1 (c2,,)
        dangling\tnosuch (m,,)
        short\t(a,b)
        long\t(a,b,c,d)
        words\ta,b,c
        open\t(a,b,c
        empty
        trusted\t(duplicate,,)
        stack\tleft middle right
        left\t(l,,) deep
        middle\t(m,,)
        right\t(r,,) deep
        deep\t(d,,)
        spill\t(a,b) (c,d,e)
        bad\t(c,d,e) (x) tail
        tail\t(t,,)
        fields\t(a b,c d,e f)
        empties\t(,,) ( ,,) (-,,) (, ,) (,, )
        glued\t(a,b,c)(x)(d,e,f)
        # (hash,,)
          indented (i,,)
        crlf\t(cr,lf,x)\r
        nul\t(n,u,l)\u{0} (hidden,,)
        Case\t(UpperHost,UpperUser,UpperDomain)
        self\tself (s,,)
        last\t(last,,)
        """

    /// The include file `aliases` refers to (written into the fixture /etc).
    static let aliasesInclude = """
        inc1, inc2
        # a comment
          inc3 ,inc4
        \r
        inc5 # trailing comment
        ,inc6,,inc7
        """

    static let aliases = """
        # Mail aliases, fixture edition
        postmaster:\troot
        root:\t\talice, bob,carol ,  dave
        continued: one,
          two,
        \tthree
          four
        separate: a,

          notcontinued
        commented: a # comment
        # comment line
        spacename : z
          lead: w
        nocolon x
        emptylist:
        pipe:\t\t"|/usr/bin/filter", /var/mail/box, \\\\root
        quoted:\t\t"a b", c
        dup:\t\tfirst
        dup:\t\tsecond
        crlf:\t\ta, b\r
        nul:\t\ta\u{0}b, c
        Case:\t\tlower
        abcdefghijklmn: fifteen
        abcdefghijklmno: sixteen
        include:\t:include:/etc/aliases.inc
        included: x, :include:/etc/aliases.inc, y
        missing:\t:include:/etc/aliases.nonexistent
        partmissing:\t:include:/etc/aliases.nonexistent, kept
        notinclude:\tx:include:/etc/aliases.inc
        upperinclude:\t:INCLUDE:/etc/aliases.inc
        noempty:
        noempty:\tsecond
        last:\t\tend
        """
}
