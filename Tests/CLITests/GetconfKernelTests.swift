import Foundation
import Testing

/// Our getconf and glibc's on kernel answers this machine does not give:
/// every file system type, other resource limits, memory sizes and CPU
/// lists, missing /sys and /proc. Both tools see the same faked kernel.
@Suite("getconf against glibc on other kernels", .serialized)
struct GetconfKernelTests {
    init() throws {
        try #require(Sandbox.toolExists("getconf"), "build/getconf is missing: run make first")
    }

    /// Lines of `getconf -a` for `names` only.
    static func lines(_ result: ToolResult, _ names: Set<String>) -> [String] {
        result.stdoutText.split(separator: "\n").map(String.init).filter { names.contains(String($0.prefix { $0 != " " })) }
    }

    static let pathNames: Set<String> = Set(GetconfDifferentialTests.pathNames)

    /// The file system magic numbers Linux documents (statfs(2),
    /// <linux/magic.h>) and others seen in the wild.
    static let magics: [Int] = [
        0x00011954, 0x002f, 0x00c0ffee, 0x00c36400, 0x01021994, 0x01021997, 0x01161970, 0x012fd16d,
        0x012ff7b4, 0x012ff7b5, 0x012ff7b6, 0x012ff7b7, 0x0187, 0x09041934, 0x0bd00bd0, 0x11307854, 0x13661366,
        0x1373, 0x137d, 0x137f, 0x138f, 0x15013346, 0x19540119, 0x19800202, 0x19830326, 0x1badface, 0x1cd1,
        0x20030528, 0x2011bab0, 0x23c9b64e, 0x24051905, 0x2468, 0x2478, 0x27e0eb, 0x28cd3d45, 0x2fc12fc1, 0x3153464a,
        0x3434, 0x414a53, 0x4244, 0x42465331, 0x42494e4d, 0x43415d53, 0x444d4142, 0x453dcd28, 0x454d444d, 0x47504653,
        0x482b, 0x4858, 0x4d44, 0x4d5a, 0x50495045, 0x517b, 0x52654973, 0x5345434d, 0x5346414f, 0x5346544e,
        0x534f434b, 0x54190100, 0x564c, 0x57ac6e9d, 0x58295829, 0x58465342, 0x5941ff53, 0x5a3c69f0, 0x5a4f4653,
        0x6165676c, 0x61756673, 0x62646576, 0x62656570, 0x62656572, 0x63677270, 0x64626720, 0x64646178, 0x65735543,
        0x65735546, 0x67596969, 0x68191122, 0x6969, 0x6b414653, 0x6c6f6f70, 0x6e736673, 0x726a6f6e, 0x7275, 0x72b6,
        0x73636673, 0x73717368, 0x73727279, 0x73757245, 0x7461636f, 0x74726163, 0x7655821, 0x786f4256, 0x794c7630,
        0x858458f6, 0x9123683e, 0x958458f6, 0x9660, 0x9fa0, 0x9fa1, 0x9fa2, 0xa501fcf5, 0xaad7aaea, 0xabba1974,
        0xadf5, 0xadff, 0xbacbacbc, 0xbad1dea, 0xbeefdead, 0xc2993d87, 0xc97e8168, 0xca451a4e, 0xcafe4a11,
        0xde5e81e4, 0xe0f5e1e2, 0xef51, 0xef53, 0xf15f, 0xf2f52010, 0xf97cff8c, 0xf995e849, 0xfe534d42, 0xff534d42,
        0x12345678, 0,
    ]

    static let regularFile = KernelFixture.file("x")

    @Test("file system names for every file system type", .enabled(if: KernelFixture.canTrace, KernelFixture.fakeKernelMissing),
          arguments: magics)
    func fileSystemTypes(magic: Int) {
        let options = ["-t", String(magic)]
        for path in ["/", Self.regularFile] {
            let ours = KernelFixture.faked(options, GetconfHarness.ours, ["-a", path])
            let theirs = KernelFixture.faked(options, GetconfHarness.glibc, ["-a", path])
            #expect(ours.status == 0 && theirs.status == 0)
            #expect(Self.lines(ours, Self.pathNames) == Self.lines(theirs, Self.pathNames), "magic \(String(magic, radix: 16)) \(path)")
            #expect(Self.lines(ours, Self.pathNames).count == 27)
        }
        for name in ["LINK_MAX", "FILESIZEBITS", "POSIX2_SYMLINKS"] {
            #expect(KernelFixture.faked(options, GetconfHarness.ours, [name, "/"]) ==
                    KernelFixture.faked(options, GetconfHarness.glibc, [name, "/"]), "\(name) magic \(String(magic, radix: 16))")
        }
    }

    @Test("block, fragment and name sizes", .enabled(if: KernelFixture.canTrace, KernelFixture.fakeKernelMissing), arguments: [
        ["-b", "4096", "-n", "0", "-f", "0"], ["-b", "0", "-n", "0", "-f", "0"], ["-b", "512", "-n", "14", "-f", "0"],
        ["-b", "1024", "-n", "255", "-f", "2048"], ["-b", "65536", "-n", "1024", "-f", "65536"],
        ["-b", "-1", "-n", "-1", "-f", "-1"], ["-b", "3", "-n", "3", "-f", "5"], ["-b", "-2", "-n", "-7", "-f", "-3"],
    ])
    func sizes(options: [String]) {
        let ours = KernelFixture.faked(options, GetconfHarness.ours, ["-a", "/"])
        let theirs = KernelFixture.faked(options, GetconfHarness.glibc, ["-a", "/"])
        #expect(Self.lines(ours, Self.pathNames) == Self.lines(theirs, Self.pathNames), "\(options)")
        for name in ["NAME_MAX", "POSIX_ALLOC_SIZE_MIN", "POSIX_REC_MIN_XFER_SIZE", "POSIX_REC_XFER_ALIGN"] {
            #expect(KernelFixture.faked(options, GetconfHarness.ours, [name, "/"]) ==
                    KernelFixture.faked(options, GetconfHarness.glibc, [name, "/"]), "\(name) \(options)")
        }
    }

    static let limitNames: Set<String> = ["ARG_MAX", "_POSIX_ARG_MAX", "CHILD_MAX", "_POSIX_CHILD_MAX", "OPEN_MAX",
                                          "_POSIX_OPEN_MAX", "SIGQUEUE_MAX"]

    @Test("resource limits, limited and unlimited", .enabled(if: KernelFixture.canTrace, KernelFixture.fakeKernelMissing), arguments: [
        // RLIMIT_STACK 3, RLIMIT_NPROC 6, RLIMIT_NOFILE 7, RLIMIT_SIGPENDING 11; -1 is unlimited.
        ["-r", "3:-1:-1", "-r", "6:-1:-1", "-r", "7:-1:-1", "-r", "11:-1:-1"],
        ["-r", "3:5:10", "-r", "6:0:0", "-r", "7:0:0", "-r", "11:0:0"],
        ["-r", "3:1048576:-1", "-r", "6:1:1", "-r", "7:3:3", "-r", "11:1:1"],
        ["-r", "3:33554432:-1", "-r", "6:4194304:-1", "-r", "7:1048576:1048576", "-r", "11:123456:-1"],
        // The largest limits Linux allows (RLIMIT_NOFILE stops below 2^31).
        ["-r", "3:4611686018427387904:-1", "-r", "6:4194304:-1", "-r", "7:1073741816:1073741816", "-r", "11:1099511627776:-1"],
        ["-r", "3:524287:-1"], ["-r", "3:524288:-1"], ["-r", "3:25165824:-1"], ["-r", "3:25165828:-1"],
    ])
    func resourceLimits(options: [String]) {
        let ours = KernelFixture.faked(options, GetconfHarness.ours, ["-a"])
        let theirs = KernelFixture.faked(options, GetconfHarness.glibc, ["-a"])
        #expect(Self.lines(ours, Self.limitNames) == Self.lines(theirs, Self.limitNames), "\(options)")
        for name in Self.limitNames {
            #expect(KernelFixture.faked(options, GetconfHarness.ours, [name]) ==
                    KernelFixture.faked(options, GetconfHarness.glibc, [name]), "\(name) \(options)")
        }
    }

    @Test("memory in pages for any sysinfo unit", .enabled(if: KernelFixture.canTrace, KernelFixture.fakeKernelMissing), arguments: [
        "1000000:300000:4096", "1000000:300000:1", "100000:30000:65536", "4096:4095:1", "0:0:4096",
        "9223372036854775807:4611686018427387904:1", "25276514304:23309066240:1",
    ])
    func memory(sizes: String) {
        for name in ["_PHYS_PAGES", "_AVPHYS_PAGES"] {
            #expect(KernelFixture.faked(["-s", sizes], GetconfHarness.ours, [name]) ==
                    KernelFixture.faked(["-s", sizes], GetconfHarness.glibc, [name]), "\(name) \(sizes)")
        }
    }

    @Test("clock ticks and the smallest thread stack from the auxiliary vector",
          .enabled(if: KernelFixture.canTrace, KernelFixture.fakeKernelMissing), arguments: [
        ["-x", "17=250", "-x", "51=1000"], ["-x", "17=1000", "-x", "51=16384"], ["-x", "17=100", "-x", "51=20000"],
        ["-x", "51=65536"], ["-x", "51=11000"],
    ])
    func auxiliaryVector(options: [String]) {
        for name in ["CLK_TCK", "PTHREAD_STACK_MIN"] {
            #expect(KernelFixture.faked(options, GetconfHarness.ours, [name]) ==
                    KernelFixture.faked(options, GetconfHarness.glibc, [name]), "\(name) \(options)")
        }
    }

    // MARK: - Files of /sys and /proc

    static let processorNames = ["_NPROCESSORS_CONF", "_NPROCESSORS_ONLN"]
    /// A /proc/stat with 7 CPUs, so that falling back to it shows.
    static let procStat = KernelFixture.file("cpu  1 2 3\ncpu0 1\ncpu1 1\ncpu2 1\ncpu3 1\ncpu4 1\ncpu5 1\ncpu6 1\nintr 5\n")

    func expectSameInNamespace(_ setup: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let ours = KernelFixture.inNamespace(setup, GetconfHarness.ours, arguments)
        let theirs = KernelFixture.inNamespace(setup, GetconfHarness.glibc, arguments)
        #expect(ours.status != 125, "namespace setup failed: \(ours.stderrText)", sourceLocation: sourceLocation)
        if arguments.first == "-a" {
            // Listings differ by the deliberate lines: compare the file system ones.
            #expect(ours.status == theirs.status && ours.stderr == theirs.stderr, sourceLocation: sourceLocation)
            #expect(Self.lines(ours, Self.pathNames) == Self.lines(theirs, Self.pathNames),
                    "\(arguments) after \(setup)", sourceLocation: sourceLocation)
        } else {
            #expect(ours == theirs, "\(arguments) after \(setup)\n\(ours)\n\(theirs)", sourceLocation: sourceLocation)
        }
    }

    @Test("CPU lists in sysfs, well-formed or not", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason), arguments: [
        "0-7\n", "0,2-3\n", "0-3,8-11", "5", "", "\n", "garbage", "0-3 ", "3-1", "0-", "0-1,", ",0", "0-1x", "00-01",
        " 0-1", "0-1\n5-6", "1-2,2-3", "0-1,,5", "0-1 ,5", "0-1, 5", "4-4", "0--1", "0-1\t", "7,1", "0-1023",
        "0x2", "+1", "1-+2", "1 2", "1-2-3", "0-18446744073709551615", "0-4294967295", "1,2,3\n4",
    ])
    func cpuLists(list: String) {
        let file = KernelFixture.file(list)
        let setup = "mount --bind \(file) /sys/devices/system/cpu/possible; mount --bind \(file) /sys/devices/system/cpu/online; mount --bind \(Self.procStat) /proc/stat"
        for name in Self.processorNames { expectSameInNamespace(setup, [name]) }
    }

    @Test("/proc/stat when sysfs is missing", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason), arguments: [
        "cpu  1\ncpu0 1\ncpu1 1\n", "cpu0\ncpu1\ncpu2", "cpu0 1\nxcpu1 1\ncpu2 1\n", "cpux\ncpu9\ncpu\n", "cpu0\n\ncpu1\n",
        "cpu0 1\nintr 1\ncpu1\n", "cpu0\ncpu 1\ncpu1\n", "cpu0\ncpu0\ncpu0\ncpu0\n", "cpu0x\n",
        String(repeating: "cpu  1 2 3\n", count: 1) + (0..<300).map { "cpu\($0) " + String(repeating: "123456 ", count: 10) + "\n" }.joined(),
    ])
    func procStat(stat: String) {
        let setup = "umount -l /sys; mount --bind \(KernelFixture.file(stat)) /proc/stat"
        for name in Self.processorNames { expectSameInNamespace(setup, [name]) }
    }

    @Test("without /sys and /proc: CPU affinity, NGROUPS_MAX, ext4 by the mount table",
          .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason))
    func noSysNoProc() {
        let empty = KernelFixture.tree([:])
        expectSameInNamespace("umount -l /sys", ["LINK_MAX", "/"])
        expectSameInNamespace("umount -l /sys; mount --bind \(empty) /proc", ["LINK_MAX", "/"])
        for name in Self.processorNames + ["NGROUPS_MAX"] {
            expectSameInNamespace("umount -l /sys; mount --bind \(empty) /proc", [name])
            expectSameInNamespace("umount -l /sys; mount --bind \(empty) /proc; exec taskset -c 0 \"$0\" \"$@\"", [name])
        }
        let ours = KernelFixture.inNamespace("umount -l /sys; mount --bind \(empty) /proc", GetconfHarness.ours, ["-a"])
        // Without sysfs the caches are unknown, unless CPUID describes them.
        let caches = GetconfHarness.cachesFromCPUID
            ? GetconfHarness.glibcListing.first { $0.name == "LEVEL1_DCACHE_SIZE" }?.value ?? "" : ""
        #expect(ours.status == 0 && ours.stdoutText.contains("\nLEVEL1_DCACHE_SIZE                 \(caches)\n"))
    }

    @Test("ext4 told from ext2/3 through the mount table", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason), arguments: [
        "ext4", "ext3", "ext2", "ext4dev", "xfs", "EXT4",
    ])
    func mountTable(type: String) {
        let empty = KernelFixture.tree([:])
        let etc = KernelFixture.tree(["mtab": "# fixture\n/dev/x /nonexistent ext4 rw 0 0\n/dev/x\t/\t\(type)\trw 0 0\n/dev/y / ext4 rw 0 0\n"])
        // /sys gone, /proc empty: the answer comes from /etc/mtab.
        expectSameInNamespace("umount -l /sys; mount --bind \(empty) /proc; mount --bind \(etc) /etc", ["LINK_MAX", "/"])
    }

    @Test("ngroups_max as the kernel file says", .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason), arguments: [
        "65536\n", "123", "  77\n", "-5", "+5", "5 ", "junk", "", "99999999999999999999", "12x", "-1\n", "0",
    ])
    func groups(contents: String) {
        expectSameInNamespace("mount --bind \(KernelFixture.file(contents)) /proc/sys/kernel/ngroups_max", ["NGROUPS_MAX"])
    }

    /// File system types this kernel can mount here (in a namespace).
    static let mountableTypes: [String] = {
        guard Sandbox.namespacesAvailable else { return [] }
        return ["tmpfs", "ramfs", "proc", "sysfs", "mqueue", "devpts", "cgroup2", "bpf", "debugfs", "tracefs",
                "hugetlbfs", "securityfs", "pstore"].filter { type in
            KernelFixture.inNamespace("mount -t \(type) none \(KernelFixture.tree([:]))", "/bin/true", []).status == 0
        }
    }()

    @Test("real file systems of several types", arguments: mountableTypes)
    func fileSystems(type: String) {
        let mountPoint = KernelFixture.tree([:])
        let setup = "mount -t \(type) none \(mountPoint)"
        expectSameInNamespace(setup, ["-a", mountPoint])
        for name in ["LINK_MAX", "FILESIZEBITS", "POSIX2_SYMLINKS", "NAME_MAX"] {
            expectSameInNamespace(setup, [name, mountPoint])
        }
    }

    /// ext2, ext3 and ext4 images that mkfs can make and a loop device can
    /// mount here.
    static let extImages: [(type: String, image: String)] = {
        guard Sandbox.namespacesAvailable else { return [] }
        return ["ext2", "ext3", "ext4"].compactMap { type in
            let image = KernelFixture.scratch.appendingPathComponent("\(type).img").path
            guard Sandbox.run("/usr/bin/truncate", ["-s", "8M", image]).status == 0,
                  Sandbox.run("/usr/bin/env", ["PATH=/usr/sbin:/sbin:/usr/bin:/bin", "mkfs.\(type)", "-q", "-F", image]).status == 0,
                  KernelFixture.inNamespace("mount -o loop \(image) \(KernelFixture.tree([:]))", "/bin/true", []).status == 0
            else { return nil }
            return (type, image)
        }
    }()

    @Test("ext2, ext3 and ext4 volumes, with and without /sys", arguments: extImages.map(\.type))
    func extVolumes(type: String) throws {
        let image = try #require(Self.extImages.first { $0.type == type }).image
        let mountPoint = KernelFixture.tree([:])
        let mount = "mount -o loop \(image) \(mountPoint)"
        let empty = KernelFixture.tree([:])
        for setup in [mount, "\(mount); umount -l /sys", "\(mount); mount --bind \(empty) /sys/fs/ext4"] {
            expectSameInNamespace(setup, ["LINK_MAX", mountPoint])
            expectSameInNamespace(setup, ["-a", mountPoint])
        }
    }
}

/// The sysfs cache description where getconf uses it (not x86, where CPUID
/// answers, as for glibc), checked against the fixture itself. On x86 the
/// fixture must change nothing: the values stay glibc's. CacheGeometryTests
/// covers the sysfs reading on every architecture.
@Suite("getconf cache names from sysfs")
struct GetconfCacheTests {
    static let sysfsUsed = !GetconfHarness.cachesFromCPUID
    static let sysfsSkipReason: Comment = "x86: the cache names come from CPUID"

    static func run(_ tree: [String: String], _ names: [String]) -> [String] {
        let directory = KernelFixture.tree(tree)
        return names.map { name in
            KernelFixture.inNamespace("mount --bind \(directory) /sys/devices/system/cpu/cpu0/cache",
                                      GetconfHarness.ours, [name]).stdoutText
        }
    }

    static func index(_ level: Int, _ type: String, _ size: String, _ ways: String, _ line: String) -> [String: String] {
        ["level": "\(level)\n", "type": "\(type)\n", "size": "\(size)\n", "ways_of_associativity": "\(ways)\n",
         "coherency_line_size": "\(line)\n"]
    }

    static func tree(_ indexes: [[String: String]]) -> [String: String] {
        var files: [String: String] = [:]
        for (i, index) in indexes.enumerated() {
            for (name, contents) in index { files["index\(i)/\(name)"] = contents }
        }
        return files
    }

    @Test("a four-level hierarchy",
          .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason), .enabled(if: sysfsUsed, sysfsSkipReason))
    func fourLevels() {
        let tree = Self.tree([
            Self.index(1, "Instruction", "64K", "4", "64"), Self.index(1, "Data", "48K", "12", "64"),
            Self.index(2, "Unified", "2048K", "16", "64"), Self.index(3, "Unified", "36864K", "12", "64"),
            Self.index(4, "Unified", "131072K", "16", "128"),
        ])
        #expect(Self.run(tree, ["LEVEL1_ICACHE_SIZE", "LEVEL1_ICACHE_ASSOC", "LEVEL1_DCACHE_SIZE", "LEVEL1_DCACHE_ASSOC",
                                "LEVEL2_CACHE_SIZE", "LEVEL3_CACHE_SIZE", "LEVEL4_CACHE_SIZE", "LEVEL4_CACHE_LINESIZE"]) ==
                ["65536\n", "4\n", "49152\n", "12\n", "2097152\n", "37748736\n", "134217728\n", "128\n"])
    }

    @Test("missing levels and attributes are undefined",
          .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason), .enabled(if: sysfsUsed, sysfsSkipReason))
    func missing() {
        var data = Self.index(1, "Data", "32K", "8", "64")
        data["ways_of_associativity"] = nil
        let tree = Self.tree([data, Self.index(2, "Data", "512K", "8", "64")])
        #expect(Self.run(tree, ["LEVEL1_DCACHE_ASSOC", "LEVEL1_ICACHE_SIZE", "LEVEL2_CACHE_SIZE", "LEVEL3_CACHE_SIZE"]) ==
                ["undefined\n", "undefined\n", "524288\n", "undefined\n"])
    }

    @Test("x86: a sysfs fixture changes nothing, the values are CPUID's as glibc's",
          .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason),
          .enabled(if: !sysfsUsed, "sysfs is what getconf uses here"))
    func cpuidIgnoresSysfs() {
        let tree = Self.tree([Self.index(1, "Data", "4K", "1", "16"), Self.index(2, "Unified", "8K", "1", "16")])
        let names = GetconfHarness.glibcListing.map(\.name).filter { $0.hasPrefix("LEVEL") }
        #expect(names.count == 15)
        let expected = names.map { name in
            let value = GetconfHarness.glibcListing.first { $0.name == name }!.value
            return (value.isEmpty ? "undefined" : value) + "\n"
        }
        #expect(Self.run(tree, names) == expected)
        #expect(Self.run([:], names) == expected)
    }

    @Test("no cache directory at all",
          .enabled(if: Sandbox.namespacesAvailable, Sandbox.namespaceSkipReason), .enabled(if: sysfsUsed, sysfsSkipReason))
    func none() {
        #expect(Self.run([:], ["LEVEL1_DCACHE_LINESIZE"]) == ["undefined\n"])
    }
}
