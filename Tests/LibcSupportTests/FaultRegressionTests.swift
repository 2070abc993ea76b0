import Testing
@testable import LibcSupport

/// Differences from glibc found by the fault tests (Tests/CLITests/Faults),
/// pinned at the unit level after the fix.
@Suite("Fault regressions")
struct FaultRegressionTests {
    static func withBytes<R>(_ text: String, _ body: (ByteString) -> R) -> R {
        var copy = text
        return copy.withUTF8 { body(ByteString(start: $0.baseAddress, count: $0.count)) }
    }

    /// `getent ahosts ::1%lo`: glibc finds nothing; an interface name is a
    /// zone only for link-scoped addresses. Numbers are zones for any.
    @Test("interface-name zones only for link-scoped IPv6 addresses", arguments: [
        ("::1%lo", false), ("2001:db8::1%lo", false), ("::ffff:127.0.0.1%lo", false), ("fec0::1%lo", false),
        ("ff05::1%lo", false), ("fe80::1%lo", true), ("febf::1%lo", true), ("ff02::1%lo", true),
        ("ff01::1%lo", true), ("ff12::1%lo", true), ("::1%1", true), ("::1%0", true), ("2001:db8::1%01", true),
        ("fe80::1%", false), ("fe80::1%+1", false), ("fe80::1%no-such-interface", false),
    ])
    func interfaceZones(_ text: String, _ accepted: Bool) {
        #expect((Self.withBytes(text) { AddressLookup.parseScoped($0) } != nil) == accepted, "\(text)")
    }

    /// `getent -s '[NOTFOUND=return]' passwd root`: glibc answers nothing
    /// (exit 2); ours ignored the override and answered from files. An
    /// override failing after a source is still ignored.
    @Test("-s overrides that fail before their first source leave no sources", arguments: [
        ("[NOTFOUND=return]", [String]?.some([])), ("  [x", []), ("[", []), ("\t[NOTFOUND=return] files", []),
        ("files [bogus=return]", nil), ("files [", nil), ("files [UNAVAIL] dns", nil),
        ("files dns", ["files", "dns"]), ("", []),
    ])
    func overrideBeforeFirstSource(_ text: String, _ expected: [String]?) {
        Self.withBytes(text) { bytes in
            var settings = SwitchSettings(fileContents: nil)
            settings.override(nil, with: bytes)
            let sources = settings.configuration(for: ByteString("passwd")).map { $0.sources.map { $0.name.string } }
            #expect(sources == expected, "-s '\(text)'")
        }
    }
}
