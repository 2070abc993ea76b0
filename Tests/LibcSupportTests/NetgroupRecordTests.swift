import Testing
import LibcSupport

/// Expected outputs were observed from glibc 2.36's getent on the same files.
@Suite("netgroup parser, expansion and membership")
struct NetgroupRecordTests {
    func listing(_ file: String, _ name: String) -> String? {
        withBytes(file, key: name) { bytes, name in
            var found = false
            let text = rendered { found = NetgroupExpansion.writeListing(of: name, in: bytes, to: &$0) }
            return found ? text : nil
        }
    }

    func member(_ file: String, _ group: String, _ host: String, _ user: String, _ domain: String) -> Bool {
        withBytes(file) { bytes in
            withBytes(group) { g in withBytes(host) { h in withBytes(user) { u in withBytes(domain) { d in
                NetgroupExpansion.contains(host: h, user: u, domain: d, in: g, file: bytes)
            } } } }
        }
    }

    static let file = "g1 (h1,u1,d1) (h2,,) (,u3,) (-,-,-)\ng2 g1 (h4,u4,d4)\ng3 ( h5 , u5 , d5 )   (h6,u6,d6)# c\n"
        + "g4 (h7,u7,d7) \\\n  (h8,u8,d8)\ncyc1 cyc2 (c1,,)\ncyc2 cyc1 (c2,,)\nmiss nosuch (m,,)\nbad (a,b)\n"
        + "bad2 (a,b,c,d)\nbad3 a,b,c\nbad4 (a,b,c\nempty\ng1 (dup,,)\nnest3 g2 g3\nsp\t(x,y,z)\n"

    @Test(arguments: [
        ("g1", "g1                    (h1,u1,d1) (h2,,) ( ,u3,) (-,-,-)\n"),
        ("g2", "g2                    (h4,u4,d4) (h1,u1,d1) (h2,,) ( ,u3,) (-,-,-)\n"),
        ("g3", "g3                    (h5,u5,d5) (h6,u6,d6)\n"),
        ("g4", "g4                    (h7,u7,d7) (h8,u8,d8)\n"),
        ("cyc1", "cyc1                  (c1,,) (c2,,)\n"),
        ("miss", "miss                  (m,,)\n"),
        ("bad", "bad                  \n"),
        ("bad2", "bad2                  (a,b,c,d)\n"),
        ("bad3", "bad3                 \n"),
        ("bad4", "bad4                 \n"),
        ("empty", "empty                \n"),
        ("nest3", "nest3                 (h5,u5,d5) (h6,u6,d6) (h4,u4,d4) (h1,u1,d1) (h2,,) ( ,u3,) (-,-,-)\n"),
        ("sp", "sp                    (x,y,z)\n"),
    ])
    func listings(name: String, expected: String) {
        #expect(listing(Self.file, name) == expected)
    }

    @Test func namesAreExactAndStartTheLine() {
        #expect(listing(Self.file, "G1") == nil)
        #expect(listing(Self.file, "g") == nil)
        #expect(listing(Self.file, "") == nil)
        #expect(listing("  c5 (q,r,s)\n", "c5") == nil)
        #expect(listing("n8(a,b,c)\nn9\n", "n8") == nil)
        #expect(listing("n8(a,b,c)\nn9\n", "n8(a,b,c)") == "n8(a,b,c)            \n")
        #expect(listing("# (a,b,c)\n", "#") == "#                     (a,b,c)\n")
    }

    @Test func pendingGroupsAreAStack() {
        let file = "top a b c\na (a,,) x\nb (b,,)\nc (c,,)\nx (x,,)\ntop2 a b\nbb a (b,,)\ntop3 top3 (t,,)\n"
            + "top4 bb a\ntop5 (t,,) (t,,) a\ntop6 a b cc\ncc a (c,,)\ntop7 a2 b2 c2\na2 (a,,) d2\nb2 (b,,)\n"
            + "c2 (c,,) d2\nd2 (d,,)\ndd a a\n"
        #expect(listing(file, "top") == "top                   (c,,) (b,,) (a,,) (x,,)\n")
        #expect(listing(file, "top3") == "top3                  (t,,)\n")
        #expect(listing(file, "top4") == "top4                  (a,,) (x,,) (b,,)\n")
        #expect(listing(file, "top5") == "top5                  (t,,) (t,,) (a,,) (x,,)\n")
        #expect(listing(file, "top6") == "top6                  (c,,) (b,,) (a,,) (x,,)\n")
        #expect(listing(file, "top7") == "top7                  (c,,) (d,,) (b,,) (a,,)\n")
        #expect(listing(file, "dd") == "dd                    (a,,) (x,,)\n")
    }

    @Test func fieldsEndAtTheNextSeparatorWherever() {
        let file = "m1 (a,b) (c,d,e)\nm2 (c,d,e) (a,b) (f,g,h)\nm3 (c,d,e) bogus( (f,g,h)\n"
            + "m4 (c,d,e)(f,g,h)x(i,j,k)\nm5 ((a,b,c))\nm6 (a,(b),c)\nm7 (a,b,c) (x) nested\nnested (n,,)\n"
            + "m8 (a b,c d,e f)\nm9 (,,) ( ,,) (-,,) (, ,) (,, )\nm10 (a,b,c)(x)(d,e,f)\nm11 nested (x) (a,b,c)\n"
            + "m12 (a,b,c) (x,y\nm13 (a,b,c) (x,y,z\n"
        #expect(listing(file, "m1") == "m1                    (a,b),d,e)\n")
        #expect(listing(file, "m2") == "m2                    (c,d,e) (a,b),g,h)\n")
        #expect(listing(file, "m3") == "m3                    (c,d,e) (f,g,h)\n")
        #expect(listing(file, "m4") == "m4                    (c,d,e) (f,g,h)\n")
        #expect(listing(file, "m5") == "m5                    ((a,b,c)\n")
        #expect(listing(file, "m6") == "m6                    (a,(b),c)\n")
        #expect(listing(file, "m7") == "m7                    (a,b,c)\n")
        #expect(listing(file, "m8") == "m8                    (a,c,e)\n")
        #expect(listing(file, "m9") == "m9                    ( ,,) ( ,,) (-,,) ( ,,) ( ,,)\n")
        #expect(listing(file, "m10") == "m10                   (a,b,c) (x)(d,e,f)\n")
        #expect(listing(file, "m11") == "m11                   (x),b,c) (n,,)\n")
        #expect(listing(file, "m12") == "m12                   (a,b,c)\n")
        #expect(listing(file, "m13") == "m13                   (a,b,c)\n")
    }

    @Test func continuationLinesNulAndWhiteSpace() {
        let file = "c1 (a,b,c) # (d,e,f)\nc2 (a,b,c) \\\n# (d,e,f)\nc3 (a,b,c)\\\n(d,e,f)\nc4 (a,b,c) \\\r\n(d,e,f)\n"
            + "c6\t(a,b,c)\\\\\n(d,e,f)\nc7 (a,b,c) \\ (g,h,i)\nc8 (a,b,c)#(x,y,z)\nc9 (a,b,c\\\n,d)\n"
            + "n1 (a,b,c)\r\nn2 (a,b,c)\r(d,e,f)\nn3 (a\r,b\u{0B},c\u{0C})\nn4\r(x,y,z)\n"
            + "z1 (a,b,c)\u{0}junk\\\n(d,e,f)\nz2 (a,b,c) \\\nx\u{0}y (d,e,f)\nz3 (q,,)\n"
            + "g (a,b,c) \\\nh (d,e,f)\nk1 (a,b,c) \\\n\\\nk (d,e,f)\nlast (a,b,c) \\"
        #expect(listing(file, "c1") == "c1                    (a,b,c) (d,e,f)\n")
        #expect(listing(file, "c2") == "c2                    (a,b,c) (d,e,f)\n")
        #expect(listing(file, "c3") == "c3                    (a,b,c) (d,e,f)\n")
        #expect(listing(file, "c4") == "c4                    (a,b,c)\n")
        #expect(listing(file, "(d,e,f)") == "(d,e,f)              \n")
        #expect(listing(file, "c6") == "c6                    (a,b,c) (d,e,f)\n")
        #expect(listing(file, "c7") == "c7                    (a,b,c) (g,h,i)\n")
        #expect(listing(file, "c8") == "c8                    (a,b,c)\n")
        #expect(listing(file, "c9") == "c9                    (a,b,c)\n")
        #expect(listing(file, "n1") == "n1                    (a,b,c)\n")
        #expect(listing(file, "n2") == "n2                    (a,b,c) (d,e,f)\n")
        #expect(listing(file, "n3") == "n3                    (a,b,c)\n")
        #expect(listing(file, "n4") == "n4                    (x,y,z)\n")
        #expect(listing(file, "z1") == "z1                    (a,b,c)\n")
        #expect(listing(file, "z2") == "z2                    (a,b,c)\n")
        #expect(listing(file, "z3") == "z3                    (q,,)\n")
        #expect(listing(file, "g") == "g                     (a,b,c) (d,e,f)\n")
        #expect(listing(file, "h") == nil)
        #expect(listing(file, "k") == nil)
        #expect(listing(file, "last") == "last                  (a,b,c)\n")
    }

    @Test func membershipLikeInnetgr() {
        let file = "g1 (h1,u1,d1) (h2,,) (,u3,) (-,-,-) g2\ng2 (h4,u4,d4)\ng3 (-,u5,-)\n"
        #expect(member(file, "g1", "h1", "u1", "d1"))
        #expect(!member(file, "g1", "h1", "u1", "d2"))
        #expect(member(file, "g1", "h2", "x", "y"))
        #expect(member(file, "g1", "h4", "u4", "d4"))
        #expect(!member(file, "g1", "h4", "u4", "x"))
        #expect(member(file, "g1", "-", "-", "-"))
        #expect(!member(file, "g1", "", "", ""))
        #expect(member(file, "g1", "", "u3", ""))
        #expect(!member(file, "g1", "", "u1", "d1"))
        #expect(!member(file, "g3", "any", "u5", "any"))
        #expect(member(file, "g1", "H1", "u1", "d1"))
        #expect(!member(file, "g1", "h1", "U1", "d1"))
        #expect(member(file, "g1", "h1", "u1", "D1"))
        #expect(!member(file, "nosuch", "a", "b", "c"))
        withBytes(file) { bytes in
            let text = rendered { out in
                withBytes("g1") { g in withBytes("h1") { h in withBytes("u1") { u in withBytes("D1") { d in
                    let member = NetgroupExpansion.contains(host: h, user: u, domain: d, in: g, file: bytes)
                    NetgroupExpansion.writeMembership(host: h, user: u, domain: d, in: g, isMember: member, to: &out)
                } } } }
            }
            #expect(text == "g1                    (h1,u1,D1) = 1\n")
        }
    }
}
