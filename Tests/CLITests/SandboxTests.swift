import Foundation
import Testing

@Suite("Test sandbox")
struct SandboxTests {
    @Test("fixtures replace /etc files for glibc's tools", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason))
    func fixturesAreSeenByGlibc() {
        let passwd = "alice:x:1234:1234:Alice:/home/alice:/bin/sh\n"
        let result = Sandbox.runWithEtc(["passwd": passwd], "/usr/bin/getent", ["passwd"])
        #expect(result.status == 0)
        #expect(result.stdoutText == passwd)
    }

    @Test("a nil fixture removes the file", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason))
    func nilRemovesFile() {
        let result = Sandbox.runWithEtc(["netgroup": nil, "hosts": "10.1.2.3 only\n"], "/bin/cat", ["/etc/hosts"])
        #expect(result.stdoutText == "10.1.2.3 only\n")
    }
}
