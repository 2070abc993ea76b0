import Foundation
import Testing
@testable import LibcSupport

/// The command-line grammar, as observed from glibc's getconf.
@Suite("getconf command line")
struct GetconfRequestTests {
    /// Parses `getconf ARGS` and describes the request in a comparable form.
    static func parse(_ words: [String]) -> String {
        let argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: words.count + 2)
        argv[0] = strdup("getconf")
        for (i, word) in words.enumerated() { argv[i + 1] = strdup(word) }
        argv[words.count + 1] = nil
        defer {
            for i in 0...words.count { free(argv[i]) }
            argv.deallocate()
        }
        let arguments = Arguments(count: Int32(words.count + 1), vector: argv)
        switch GetconfRequest(arguments) {
        case .help: return "help"
        case .version: return "version"
        case .usage: return "usage"
        case .all(let specification, let path):
            return "all spec=\(specification?.string ?? "-") path=\(String(cString: path))"
        case .one(let specification, let name, let pathIndex):
            return "one spec=\(specification?.string ?? "-") name=\(name.string) path=\(pathIndex.map { String(cString: argv[$0]!) } ?? "-")"
        }
    }

    @Test("forms", arguments: [
        ([], "usage"),
        (["PAGESIZE"], "one spec=- name=PAGESIZE path=-"),
        (["LINK_MAX", "/"], "one spec=- name=LINK_MAX path=/"),
        (["PAGESIZE", "/", "x"], "usage"),
        (["-a"], "all spec=- path=/"),
        (["-a", "/tmp"], "all spec=- path=/tmp"),
        (["-a", "/", "/"], "usage"),
        (["--help"], "help"), (["--help", "x"], "help"), (["--version", "--help"], "version"),
        (["x", "--help"], "one spec=- name=x path=--help"),
        (["--he"], "one spec=- name=--he path=-"),
        (["-h"], "one spec=- name=-h path=-"),
        (["-v", "POSIX_V7_LP64_OFF64", "PAGESIZE"], "one spec=POSIX_V7_LP64_OFF64 name=PAGESIZE path=-"),
        (["-vPOSIX_V7_LP64_OFF64", "PAGESIZE"], "one spec=POSIX_V7_LP64_OFF64 name=PAGESIZE path=-"),
        (["-va", "PAGESIZE"], "one spec=a name=PAGESIZE path=-"),
        (["-v", "-a", "PAGESIZE"], "one spec=-a name=PAGESIZE path=-"),
        (["-v"], "usage"), (["-vX"], "usage"), (["-v", "X"], "usage"),
        (["-v", "X", "-a"], "all spec=X path=/"),
        (["-a", "-v", "X"], "usage"),
        (["-v", "X", "-v", "Y", "PAGESIZE"], "usage"),
        (["--", "PAGESIZE"], "one spec=- name=PAGESIZE path=-"),
        (["--", "-a"], "one spec=- name=-a path=-"),
        (["--"], "usage"),
        (["-a", "--"], "all spec=- path=--"),
        (["-a", "--", "/"], "usage"),
        (["--", "--", "PAGESIZE"], "one spec=- name=-- path=PAGESIZE"),
        (["-v", "X", "--", "-a"], "one spec=X name=-a path=-"),
        (["-v", "--", "PAGESIZE"], "one spec=-- name=PAGESIZE path=-"),
        (["--", "-v", "X", "PAGESIZE"], "usage"),
        (["--", "--help"], "one spec=- name=--help path=-"),
        ([""], "one spec=- name= path=-"),
        (["-aa"], "one spec=- name=-aa path=-"),
    ] as [([String], String)])
    func forms(words: [String], request: String) {
        #expect(Self.parse(words) == request)
    }
}
