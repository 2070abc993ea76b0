import Testing
@testable import LibcSupport

/// Runs `body` with `text` as a ByteString that stays valid during the call.
func withBytes<R>(_ text: String, _ body: (ByteString) throws -> R) rethrows -> R {
    var copy = text
    return try copy.withUTF8 { try body(ByteString(start: $0.baseAddress, count: $0.count)) }
}

@Suite("nsswitch.conf action items and sources")
struct SwitchConfigurationTests {
    func names(_ text: String) -> [String] {
        withBytes(text) { bytes in SwitchConfiguration(bytes).sources.map { $0.name.string } }
    }

    @Test func plainSources() {
        #expect(names("files systemd") == ["files", "systemd"])
        #expect(names("  files\tdns\r") == ["files", "dns"])
        #expect(names("") == [])
        #expect(names("files:files ]x bo]gus") == ["files:files", "]x", "bo]gus"])
    }

    @Test func actionsAttachToThePrecedingSource() {
        withBytes("files [NOTFOUND=return] dns [!UNAVAIL=return]") { bytes in
            let sources = Array(SwitchConfiguration(bytes).sources)
            #expect(sources.count == 2)
            #expect(sources[0].action(for: .notFound) == .stop)
            #expect(sources[0].action(for: .success) == .stop)
            #expect(sources[0].action(for: .unavailable) == .next)
            #expect(sources[1].action(for: .unavailable) == .next)
            #expect(sources[1].action(for: .notFound) == .stop)
            #expect(sources[1].action(for: .tryAgain) == .stop)
            #expect(sources[1].action(for: .success) == .stop)
        }
    }

    @Test func keywordsIgnoreCaseAndSpacing() {
        withBytes("bogus [ unavail = CONTINUE  notFound=Merge ]files") { bytes in
            let sources = Array(SwitchConfiguration(bytes).sources)
            #expect(sources.map { $0.name.string } == ["bogus", "files"])
            #expect(sources[0].action(for: .unavailable) == .next)
            #expect(sources[0].action(for: .notFound) == .merge)
        }
        #expect(names("bogus[UNAVAIL=continue] files") == ["bogus", "files"])
    }

    @Test func laterItemsOverrideEarlierOnes() {
        withBytes("bogus [UNAVAIL=continue UNAVAIL=return !SUCCESS=continue]") { bytes in
            let source = SwitchConfiguration(bytes).sources.first { _ in true }!
            #expect(source.action(for: .unavailable) == .next)
            #expect(source.action(for: .success) == .stop)
        }
        withBytes("bogus [UNAVAIL=return !UNAVAIL=continue]") { bytes in
            let source = SwitchConfiguration(bytes).sources.first { _ in true }!
            #expect(source.action(for: .unavailable) == .stop)
            #expect(source.action(for: .notFound) == .next)
        }
    }

    @Test("syntax errors leave no sources", arguments: [
        "[NOTFOUND=return] files", "files [bogus=return] dns", "files [UNAVAIL] dns", "files [] dns",
        "files [UNAVAIL=retur] dns", "files [UNAVAIL=return dns",
        "files [UNAVAIL=continue,NOTFOUND=continue] dns", "files [ ! UNAVAIL=return] dns",
        "files [!!UNAVAIL=return] dns", "files [UNAVAIL==return] dns", "files [UNAVAIL=cont1nue] dns",
        "files [[UNAVAIL=return] dns",
    ])
    func invalid(_ text: String) {
        withBytes(text) { bytes in
            let configuration = SwitchConfiguration(bytes)
            #expect(!configuration.isValid)
            #expect(Array(configuration.sources).isEmpty)
        }
    }

    @Test func aSecondGroupInARowEndsTheList() {
        #expect(names("files [NOTFOUND=return] [UNAVAIL=return] dns") == ["files"])
    }

    @Test func nulEndsTheText() {
        #expect(names("files\0dns") == ["files"])
    }
}

@Suite("nsswitch.conf lines")
struct SwitchFileTests {
    func line(_ file: String, _ database: String) -> String? {
        withBytes(file) { bytes in
            withBytes(database) { name in SwitchFile.configuration(for: name, in: bytes)?.text.string }
        }
    }

    @Test func findsTheLastLineForADatabase() {
        #expect(line("passwd: files\ngroup: dns\npasswd: compat\n", "passwd") == "compat")
        #expect(line("passwd: files\n", "group") == nil)
    }

    @Test func ignoresALastLineWithoutNewline() {
        #expect(line("passwd: files\npasswd: bogus", "passwd") == "files")
        #expect(line("passwd: bogus", "passwd") == nil)
    }

    @Test func nameRules() {
        #expect(line("  passwd  :  files  \n", "passwd") == "files  ")
        #expect(line("passwd files\n", "passwd") == "files")
        #expect(line("passwd::files\n", "passwd") == "files")
        #expect(line("PASSWD: bogus\nPasswd: x\npasswdx: y\n#passwd: z\n", "passwd") == nil)
        #expect(line("passwd\n", "passwd") == "")
        #expect(line("pass\0wd: bogus\n", "passwd") == nil)
    }
}

@Suite("switch driver")
struct SwitchDriverTests {
    /// Runs a lookup where each source name maps to a status (nil: no such source).
    func lookup(_ text: String, _ statuses: [String: ServiceStatus]) -> (ServiceStatus, [String]) {
        var asked: [String] = []
        let status = withBytes(text) { bytes in
            SwitchDriver.lookup(SwitchConfiguration(bytes)) { source, _ in
                asked.append(source.name.string)
                return statuses[source.name.string]
            }
        }
        return (status, asked)
    }

    @Test func defaultsStopAtTheFirstAnswer() {
        let (status, asked) = lookup("a b c", ["a": .notFound, "b": .success, "c": .success])
        #expect(status == .success)
        #expect(asked == ["a", "b"])
    }

    @Test func notFoundReturn() {
        let (status, asked) = lookup("a [NOTFOUND=return] b", ["a": .notFound, "b": .success])
        #expect(status == .notFound)
        #expect(asked == ["a"])
    }

    @Test func unknownSourceKeepsTheStatus() {
        // Before any source the status is UNAVAIL.
        #expect(lookup("x [UNAVAIL=return] b", ["b": .success]).0 == .unavailable)
        #expect(lookup("x [!UNAVAIL=return] b", ["b": .success]).0 == .success)
        // After a success with continue, an unknown source keeps SUCCESS and returns.
        let (status, asked) = lookup("a [SUCCESS=continue] x b", ["a": .success, "b": .notFound])
        #expect(status == .success)
        #expect(asked == ["a", "x"])
    }

    @Test func noSourcesIsUnavailable() {
        #expect(lookup("", [:]).0 == .unavailable)
        #expect(lookup("a [bogus=x] b", ["a": .success]).0 == .unavailable)
    }

    @Test func enumerationStartsWhereOpeningStops() {
        var read: [String] = []
        withBytes("a [SUCCESS=continue] b c") { bytes in
            SwitchDriver.enumerate(SwitchConfiguration(bytes), begin: { _ in .success }, entries: { source in
                read.append(source.name.string)
                return .notFound
            })
        }
        #expect(read == ["b", "c"])
    }

    @Test func enumerationStopsOnReturn() {
        var read: [String] = []
        withBytes("a [NOTFOUND=return] b") { bytes in
            SwitchDriver.enumerate(SwitchConfiguration(bytes), begin: { _ in .success }, entries: { source in
                read.append(source.name.string)
                return .notFound
            })
        }
        #expect(read == ["a"])
    }
}
