import Foundation
import Testing

/// The network databases under `getent --root DIR` (ours only, so exact
/// expected outputs): every file, `:include:` files of the aliases too, is
/// read inside DIR.
@Suite("getent --root: network databases",
       .enabled(if: Sandbox.toolExists("getent"), "build/getent is missing: run make first"))
struct GetentNetworkRootTests {
    @Test func filesAndIncludesComeFromTheRoot() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("getent-network-root-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let files = [
            "etc/nsswitch.conf": NetworkFixtures.filesSwitch,
            "etc/services": "rootsvc 4242/tcp rootalias\n",
            "etc/protocols": "rootproto 242 RP\n",
            "etc/networks": "rootnet 10.42\n",
            "etc/rpc": "rootrpc 424242 rr\n",
            "etc/ethers": "4:2:4:2:4:2 roothost\n",
            "etc/netgroup": "rootgroup (h,u,d)\n",
            "etc/aliases": "rootlist: a, :include:/etc/list.inc\n",
            "etc/list.inc": "b, c\n",
        ]
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let expected: [([String], String)] = [
            (["services", "rootalias"], "rootsvc               4242/tcp rootalias\n"),
            (["protocols", "242"], "rootproto             242 RP\n"),
            (["networks", "10.42.0.0"], "rootnet               10.42.0.0\n"),
            (["rpc", "rr"], "rootrpc         424242  rr\n"),
            (["ethers", "roothost"], "4:2:4:2:4:2 roothost\n"),
            (["netgroup", "rootgroup"], "rootgroup             (h,u,d)\n"),
            (["netgroup", "rootgroup", "h", "u", "d"], "rootgroup             (h,u,d) = 1\n"),
            (["aliases", "rootlist"], "rootlist:       a, b, c\n"),
            (["aliases"], "rootlist:       a, b, c\n"),
        ]
        for (arguments, output) in expected {
            let result = Sandbox.run(Sandbox.tool("getent"), ["--root", root.path] + arguments)
            #expect(result.stdoutText == output, "\(arguments): \(result)")
            #expect(result.status == 0, "\(arguments): \(result)")
        }
        // The host's own files are not seen.
        let miss = Sandbox.run(Sandbox.tool("getent"), ["--root", root.path, "services", "ssh"])
        #expect(miss.status == 2 && miss.stdout.isEmpty)
    }
}
