import Testing
import LibcSupport

/// Expected outputs were observed from glibc 2.36's getent on the same files.
@Suite("aliases parser and lookup")
struct AliasRecordTests {
    func enumerate(_ file: String) -> String {
        withBytes(file) { bytes in
            rendered { out in AliasRecord.forEach(in: bytes) { $0.write(to: &out) } }
        }
    }

    func lookup(_ file: String, _ key: String) -> String? {
        withBytes(file, key: key) { bytes, key in
            AliasRecord.lookup(key, in: bytes).map { record in rendered { record.write(to: &$0) } }
        }
    }

    @Test func membersKeepTrailingSpaceAndNamesArePadded() {
        let file = "postmaster: root\nroot: alice, bob,carol ,  dave\nverylongaliasnamehere: x\nCase: y\n"
            + "cm: a # comment\n# comment line\nsp : z\nnocolon x\nempty:\npipe: \"|/usr/bin/foo\", /var/mail/x, \\\\root\n"
            + "q: \"a b\", c\ndup: first\ndup: second\ncr: a, b\r\nnul: a\u{0}b, c\nabcdefghijklm: a\n"
            + "abcdefghijklmn: a\nabcdefghijklmno: a\nx:  b  ,  c  \ny: b c\nz:\tb\t,\tc\nw: b,\nlast: a"
        #expect(enumerate(file) == """
            postmaster:     root
            root:           alice, bob, carol , dave
            verylongaliasnamehere: x
            Case:           y
            cm:             a 
            sp :            z
            pipe:           "|/usr/bin/foo", /var/mail/x, \\\\root
            q:              "a b", c
            dup:            first
            dup:            second
            cr:             a, b\r
            nul:            a
            abcdefghijklm:  a
            abcdefghijklmn: a
            abcdefghijklmno: a
            x:              b  , c  
            y:              b c
            z:              b\t, c
            w:              b
            last:           a

            """)
    }

    @Test func continuationLines() {
        let head = "a: b\n"
        let tail = "\nz: y\n"
        let cases: [(String, String)] = [
            ("long: a,\n  b,\n\tc", "long:           a, b, c\n"),
            ("long: a\n b", "long:           a, b\n"),
            ("x: b,\n\n  c", "x:              b\n"),
            ("x: b,\n#c\n  c", "x:              b\n"),
            ("x: b\n  c d, e", "x:              b, c d, e\n"),
            ("x:  \n  c", "x:              c\n"),
            ("x: b\n  \n  c", "x:              b, c\n"),
            ("x: b # c\n  d", "x:              b , d\n"),
            ("x: b\n  #c, d", "x:              b\n"),
            ("x: b,  \n  c", "x:              b, c\n"),
        ]
        for (middle, expected) in cases {
            #expect(enumerate(head + middle + tail) == "a:              b\n" + expected + "z:              y\n",
                    "\(middle)")
        }
        #expect(enumerate("a: b\n  lead: w\nz: y\n") == "a:              b, lead: w\nz:              y\n")
        #expect(enumerate("a: b\nnocolon x\n  y: z\n") == "a:              b\ny:              z\n")
        #expect(enumerate("  y: z\na: b\n") == "y:              z\na:              b\n")
        #expect(enumerate("a: b\n#c\n  d: e\n") == "a:              b\nd:              e\n")
        #expect(enumerate("a: b\n\n  d: e\n") == "a:              b\nd:              e\n")
        #expect(enumerate("a: b\n\t\n  d: e\n") == "a:              b, d: e\n")
        #expect(enumerate("a: b\n\u{0B}c\n") == "a:              b, c\n")
        #expect(enumerate("a: b\n\rc: d\n") == "a:              b, c: d\n")
        #expect(enumerate("\ra: b\n") == "a:              b\n")
        #expect(enumerate("a: b\u{0}c\n  d\n") == "a:              b, d\n")
        #expect(enumerate("a: b\n\u{0}  d\n e\n") == "a:              b\n")
    }

    /// glibc loops forever on an empty member in the aliases file itself
    /// (`a: b,, c`, `a: ,b`, a continuation line starting with a comma);
    /// we drop the empty member, as glibc does in include files.
    @Test func emptyMembersAreDropped() {
        #expect(enumerate("x: b,, c\n") == "x:              b, c\n")
        #expect(enumerate("x: ,b\n") == "x:              b\n")
        #expect(enumerate("x: ,\n") == "")
        #expect(enumerate("long: a\n  , d\n") == "long:           a, d\n")
    }

    @Test func lookupIgnoresCaseAndSkipsEntriesWithoutMembers() {
        let file = "abcdefghijklmn: a\nCase: y\nsp : z\ndup: first\ndup: second\nempty:\nx: b,\n\n  c\n"
            + "e2:\ne2: second\na: b\n  lead: w\ncolon:x\n"
        #expect(lookup(file, "Case") == "Case:           y\n")
        #expect(lookup(file, "case") == "Case:           y\n")
        #expect(lookup(file, "CASE") == "Case:           y\n")
        #expect(lookup(file, "sp ") == "sp :            z\n")
        #expect(lookup(file, "dup") == "dup:            first\n")
        #expect(lookup(file, "e2") == "e2:             second\n")
        #expect(lookup(file, "colon") == "colon:          x\n")
        #expect(lookup(file, "sp") == nil)
        #expect(lookup(file, "empty") == nil)
        #expect(lookup(file, "c") == nil)
        #expect(lookup(file, "lead") == nil)
        #expect(lookup(file, "") == nil)
        #expect(lookup(file, "colon:x") == nil)
    }

    @Test func includeFiles() {
        withTemporaryFile("i1, i2\n# comment\n\n  i3 ,i4\ni5:x\n") { inc1 in
            withTemporaryFile(":include:\(inc1)\nn2\n") { inc2 in
                withTemporaryFile("noeol") { inc3 in
                    withTemporaryFile("i1 # x, y\n  i2\r\n\ti3,  , i4\n,i5,,i6\n") { inc4 in
                        let file = "a: x, :include:\(inc1), y\nb: :include:/nonexistent/file\nc: :include:\(inc2)\n"
                            + "d: :INCLUDE:\(inc1)\ne:  :include: \(inc1)\nf: :include:\(inc3), z\n"
                            + "g: x\n  :include:\(inc3)\ni: x:include:\(inc1)\nj: :include:\(inc1) , y\n"
                            + "k: :include:\(inc4)\nl: :include:/\nm: :include:\n"
                        #expect(enumerate(file) == """
                            a:              x, i1, i2, i3 , i4, i5:x, y
                            c:              :include:\(inc1), n2
                            d:              :INCLUDE:\(inc1)
                            f:              noeol, z
                            g:              x, noeol
                            i:              x:include:\(inc1)
                            j:              y
                            k:              i1 , i2\r, i3, i4, i5, i6

                            """)
                        #expect(lookup(file, "b") == nil)
                        #expect(lookup(file, "a") == "a:              x, i1, i2, i3 , i4, i5:x, y\n")
                    }
                }
            }
        }
    }

    /// glibc's enumeration silently drops an entry whose name and members
    /// take more than about 1 KB (its lookup finds it); we list it.
    @Test func longEntriesAreListed() {
        let long = String(repeating: "m", count: 5000)
        #expect(enumerate("a: x\nb: \(long), q\nc: z\n")
            == "a:              x\nb:              \(long), q\nc:              z\n")
    }
}
