import Foundation
import Testing

/// A 1 GB /etc/passwd and a 1 GB /etc/hosts (generated in /tmp, deleted
/// afterwards): the lookup of the last entry still answers, in bounded
/// memory — peak resident memory stays far below the file's size, because
/// the scan maps the file and lets go of the pages it has passed.
@Suite("Faults: a 1 GB file", .serialized,
       .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason),
       .enabled(if: ResourceUsage.available, "GNU time (/usr/bin/time) measures peak memory; scripts/setup installs it"))
struct FaultsLargeFileTests {
    static let gigabyte = 1 << 30
    /// Peak resident memory a lookup in the 1 GB file may add to the same
    /// lookup in a one-line file: some pages in flight, nowhere near 1 GB.
    /// Relative, because the tool's own footprint differs between builds
    /// (the AddressSanitizer build starts at about 16 MB). Under
    /// AddressSanitizer (`make sanitizers` sets ASAN_OPTIONS) the checked
    /// reads of the mapped file also touch shadow memory: the debug build
    /// measured 8-10 MB more there, still nothing like the file's size.
    static let growthLimitKiB = (ProcessInfo.processInfo.environment["ASAN_OPTIONS"] == nil ? 8 : 32) * 1024

    /// The peak resident memory of `getent DATABASE KEY` on a one-line
    /// file: the tool's own footprint, to which the large-file lookups are
    /// compared.
    static func baselineKiB(_ database: String, line: String, key: String, directory: URL) -> Int {
        let small = directory.appendingPathComponent("small-\(database)")
        try? line.write(to: small, atomically: true, encoding: .utf8)
        let (m, _) = measure(Sandbox.tool("getent"), [database, key], file: small, over: database, directory: directory)
        return m.maxResidentKiB
    }

    /// Expects a lookup's peak within `growthLimitKiB` of the baseline.
    static func expectBounded(_ peakKiB: Int, baseline: Int, _ what: String) {
        #expect(peakKiB > 0 && baseline > 0 && peakKiB < baseline + growthLimitKiB,
                "\(what) on a 1 GB file peaked at \(peakKiB) KiB (\(baseline) KiB on a one-line file)")
    }

    /// Writes `filler` lines up to 1 GB, then `tail`, into a fresh file.
    static func makeFile(in directory: URL, name: String, head: String, filler: String, tail: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(head.utf8))
        let chunkLines = (1 << 20) / filler.utf8.count
        let chunk = Data(String(repeating: filler, count: chunkLines).utf8)
        var written = head.utf8.count
        while written < gigabyte {
            try handle.write(contentsOf: chunk)
            written += chunk.count
        }
        try handle.write(contentsOf: Data(tail.utf8))
        return url
    }

    /// Runs `tool ARGS` with `file` bind-mounted over /etc/NAME (and a
    /// files-only switch), measuring its peak memory and output.
    static func measure(_ tool: String, _ arguments: [String], file: URL, over name: String,
                        directory: URL) -> (ResourceUsage.Measurement, String) {
        let switchFile = directory.appendingPathComponent("nsswitch.conf")
        try? FaultSandbox.filesOnlySwitch.write(to: switchFile, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let script = "mount --bind \(FaultSandbox.quoted(switchFile.path)) /etc/nsswitch.conf && "
            + "mount --bind \(FaultSandbox.quoted(file.path)) /etc/\(name) && exec \"$0\" \"$@\""
        let m = ResourceUsage.run("/usr/bin/unshare", ["-m", "--propagation", "private", "sh", "-c", script, tool] + arguments,
                                  stdoutPath: output.path)
        return (m, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }

    @Test("1 GB passwd: the last user by name and by uid, and a miss, in bounded memory")
    func gigabytePasswd() throws {
        let directory = FaultSandbox.scratchDirectory("1g-passwd")
        defer { try? FileManager.default.removeItem(at: directory) }
        let last = "zed:x:4242:4242:The Last:/home/zed:/bin/sh\n"
        let file = try Self.makeFile(in: directory, name: "passwd", head: "root:x:0:0:root:/root:/bin/sh\n",
                                     filler: "filler:x:5000:5000:Filler Line:/nonexistent:/usr/sbin/nologin\n",
                                     tail: last)
        let baseline = Self.baselineKiB("passwd", line: last, key: "zed", directory: directory)
        for (arguments, expected, status) in [(["passwd", "zed"], last, Int32(0)),
                                              (["passwd", "4242"], last, 0),
                                              (["passwd", "root"], "root:x:0:0:root:/root:/bin/sh\n", 0),
                                              (["passwd", "nobody-at-all"], "", 2)] {
            let (m, out) = Self.measure(Sandbox.tool("getent"), arguments, file: file, over: "passwd", directory: directory)
            #expect(m.status == status, "getent \(arguments)")
            #expect(out == expected, "getent \(arguments)")
            Self.expectBounded(m.maxResidentKiB, baseline: baseline, "getent \(arguments)")
        }
    }

    @Test("1 GB hosts: the last name and address, in bounded memory")
    func gigabyteHosts() throws {
        let directory = FaultSandbox.scratchDirectory("1g-hosts")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try Self.makeFile(in: directory, name: "hosts", head: "127.0.0.1 localhost\n",
                                     filler: "0.0.0.0 ads.tracker.filler.example.com\n",
                                     tail: "10.42.0.1 last.example last\n")
        let baseline = Self.baselineKiB("hosts", line: "10.42.0.1 last.example last\n", key: "last", directory: directory)
        for (arguments, expected, status) in [(["hosts", "last"], "10.42.0.1       last.example last\n", Int32(0)),
                                              (["hosts", "10.42.0.1"], "10.42.0.1       last.example last\n", 0),
                                              (["hosts", "absent.example"], "", 2)] {
            let (m, out) = Self.measure(Sandbox.tool("getent"), arguments, file: file, over: "hosts", directory: directory)
            #expect(m.status == status, "getent \(arguments)")
            #expect(out == expected, "getent \(arguments)")
            Self.expectBounded(m.maxResidentKiB, baseline: baseline, "getent \(arguments)")
        }
    }

    /// The other file databases search by word (case-sensitive for
    /// services, ignoring case for networks) through the same bounded scans.
    @Test("1 GB services and networks: the last entry and a miss, in bounded memory", arguments: [
        ("services", "filler          9999/tcp   alias-one alias-two   # comment\n", "lastsvc 4242/tcp\n",
         ["lastsvc", "alias-two", "absent"], ["lastsvc               4242/tcp\n", "filler                9999/tcp alias-one alias-two\n", ""]),
        ("networks", "filler.net 10.9   alias-one alias-two   # comment\n", "lastnet 10.42\n",
         ["LASTNET", "absent"], ["lastnet               10.42.0.0\n", ""]),
    ])
    func gigabyteWordDatabases(_ database: String, _ filler: String, _ tail: String, _ keys: [String], _ expected: [String]) throws {
        let directory = FaultSandbox.scratchDirectory("1g-\(database)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try Self.makeFile(in: directory, name: database, head: "", filler: filler, tail: tail)
        let baseline = Self.baselineKiB(database, line: tail, key: keys[0], directory: directory)
        for (key, output) in zip(keys, expected) {
            let (m, out) = Self.measure(Sandbox.tool("getent"), [database, key], file: file, over: database, directory: directory)
            #expect(m.status == (output.isEmpty ? 2 : 0), "getent \(database) \(key)")
            #expect(out == output, "getent \(database) \(key)")
            Self.expectBounded(m.maxResidentKiB, baseline: baseline, "getent \(database) \(key)")
        }
    }
}
