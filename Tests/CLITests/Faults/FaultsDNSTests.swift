import Foundation
import Testing

/// getent against DNS servers that misbehave: garbage, truncated packets,
/// wrong ids, compression loops, oversized names, a server that never
/// answers. Each case runs our getent and glibc's against the same server
/// in the same fixture /etc and expects exactly glibc's answer (stdout and
/// status), within the time the configuration allows.
@Suite("Faults: hostile DNS servers",
       .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason))
struct FaultsDNSTests {
    /// resolv.conf's limits for these cases: one second per try, two tries.
    static let timeout = 1, attempts = 2

    static func etc(server: String) -> [String: String?] {
        [
            "nsswitch.conf": "passwd: files\ngroup: files\nhosts: files dns\n",
            "hosts": "127.0.0.1 localhost\n",
            "resolv.conf": "nameserver \(server)\noptions timeout:\(timeout) attempts:\(attempts)\n",
        ]
    }

    /// Each behaviour gets its own loopback address, so a late reply from one
    /// case can never reach another.
    static func address(for behaviour: HostileDNSServer.Behaviour) -> String {
        let index = HostileDNSServer.Behaviour.allCases.firstIndex(of: behaviour)!
        return "127.53.\(index / 200).\(index % 200 + 10)"
    }

    struct Outcome {
        var result: ToolResult
        var seconds: Double
    }

    static func run(_ tool: String, _ arguments: [String], server: String) -> Outcome {
        let start = Date()
        let result = Sandbox.runWithEtc(etc(server: server), tool, arguments)
        return Outcome(result: result, seconds: Date().timeIntervalSince(start))
    }

    static let databases = ["hosts", "ahosts", "ahostsv4"]

    @Test("a hostile server gives glibc's answer, no crash, no hang",
          arguments: HostileDNSServer.Behaviour.allCases)
    func hostileServer(_ behaviour: HostileDNSServer.Behaviour) throws {
        let address = Self.address(for: behaviour)
        guard let server = HostileDNSServer(address: address, behaviour: behaviour) else {
            Issue.record("cannot bind \(address):53 (needs root)")
            return
        }
        defer { server.stop() }
        for database in Self.databases {
            let arguments = [database, "victim.test"]
            let glibc = Self.run(Differential.glibcGetent, arguments, server: address)
            let ours = Self.run(Sandbox.tool("getent"), arguments, server: address)
            let context = "\(behaviour) getent \(arguments)\nours: \(FaultSandbox.summary(ours.result))\nglibc: \(FaultSandbox.summary(glibc.result))"
            #expect(ours.result.status == glibc.result.status, "\(context)")
            #expect(FaultSandbox.same(ours.result.stdout, glibc.result.stdout), "\(context)")
            #expect(ours.result.status < 128, "killed by a signal: \(context)")
            // Never slower than the configured limits allow: per query
            // family, attempts x timeout, plus start-up slack.
            let limit = Double(2 * Self.attempts * Self.timeout) + 1.0
            #expect(ours.seconds <= max(limit, glibc.seconds + 0.5),
                    "\(context)\nours took \(ours.seconds) s, glibc \(glibc.seconds) s")
            switch behaviour {
            case .correct, .wrongIDThenCorrect:
                #expect(ours.result.status == 0, "\(context)")
                #expect(ours.result.stdoutText.contains("10.9.9.9"), "\(context)")
            default:
                #expect(!ours.result.stdoutText.contains("10.9.9.9"), "believed a bad answer: \(context)")
            }
        }
        #expect(server.queries > 0, "the server saw no query: is dns in the switch?")
    }
}
