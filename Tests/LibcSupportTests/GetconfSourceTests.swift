import Foundation
import Testing
@testable import LibcSupport

/// The parsers behind each value source, with the inputs glibc was observed
/// to accept or reject (run against fixture files bind-mounted over sysfs).
@Suite("getconf value sources: parsing")
struct GetconfSourceParsingTests {
    @Test("CPU lists count as glibc counts them; malformed ones fall back (nil)", arguments: [
        ("0-1\n", 2), ("0", 1), ("0\n", 1), ("0-3,8-11", 8), ("0,2-3", 3), ("5", 1), ("4-4", 1),
        ("0-1023", 1024), ("1-2,2-3", 4), ("00-01", 2), (" 0-1", 2), ("0-1,", 2), ("0-1, 5", 3),
        ("1 2", 2), ("+1", 1), ("1-+2", 2), ("1,2,3\n4", 3), ("0-1\n5-6", 2), ("0-1\n\n", 2), ("7,1", 2),
        ("1-2-3", 3), ("9999999999", 1),
    ] as [(String, Int)])
    func cpuLists(text: String, count: Int) {
        #expect(ProcessorCount.countCPUList(ByteString(text)) == count)
    }

    @Test("malformed CPU lists are refused", arguments: [
        "", "\n", "x", "garbage", "0-3 ", "0-1\t", "3-1", "0-", ",0", "0-1x", "0-1,,5", "0-1 ,5", "--1", "0--1",
        "0x2", "0-1\r\n", "1,,", "0-18446744073709551615", "0-99999999999999999999999", "0-4294967295",
        "0-2147483647",
    ])
    func malformedCPULists(text: String) {
        #expect(ProcessorCount.countCPUList(ByteString(text)) == nil)
    }

    @Test("/proc/stat: cpuN lines count until the first line not starting with cpu", arguments: [
        ("cpu  1\ncpu0 1\ncpu1 1\n", 2), ("cpu0\ncpu1\ncpu2", 3), ("cpu0 1\nxcpu1 1\ncpu2 1\n", 1),
        ("intr 1\ncpu0 1\ncpu1 1\n", 0), ("cpux\ncpu9\ncpu\n", 1), ("cpu0\n\ncpu1\n", 1), ("CPU0\n", 0),
        (" cpu0\ncpu1\n", 0), ("", 0), ("cpu-1\ncpu+1\n", 0), ("cpu\ncpu0\n", 1), ("cpu 1\nfoo\ncpu0\n", 0),
        ("cpu0\ncpu 1\ncpu1\n", 2), ("cpu0\ncpu0\ncpu0\ncpu0\n", 4), ("cpu0x\n", 1),
    ] as [(String, Int)])
    func statLines(text: String, count: Int) {
        // Fed whole and one byte at a time: reads may split lines anywhere.
        var whole = ProcessorCount.StatLineCounter()
        whole.consume(ByteString(text))
        #expect(whole.count == count)
        var bytewise = ProcessorCount.StatLineCounter()
        let bytes = ByteString(text)
        for i in 0..<bytes.count { bytewise.consume(bytes.slice(i, i + 1)) }
        #expect(bytewise.count == count)
    }

    @Test("/proc/sys/kernel/ngroups_max reads as strtol with nothing after the number", arguments: [
        ("65536\n", 65536), ("123", 123), ("  77\n", 77), ("-5", -5), ("+5", 5), ("5\n\n", 5), ("5\nx", 5),
        ("\n5", 5), ("-0", 0), ("0", 0), ("99999999999999999999", Int.max),
    ] as [(String, Int)])
    func groupLimit(text: String, value: Int) {
        #expect(GroupLimit.parse(ByteString(text)) == value)
    }

    @Test("malformed ngroups_max is refused", arguments: ["", "junk", "5 ", "12x", "--5"])
    func malformedGroupLimit(text: String) {
        #expect(GroupLimit.parse(ByteString(text)) == nil)
    }

    @Test("sysfs cache sizes", arguments: [
        ("32K\n", 32768), ("1024K", 1_048_576), ("32768K\n", 33_554_432), ("2M", 2_097_152), ("1G", 1 << 30), ("512", 512),
    ] as [(String, Int)])
    func cacheSizes(text: String, bytes: Int) {
        #expect(CacheGeometry.parseSize(ByteString(text)) == bytes)
    }

    @Test("malformed cache sizes are refused", arguments: ["", "K", "32KB", "32 K", "x", "-1K"])
    func malformedCacheSizes(text: String) {
        #expect(CacheGeometry.parseSize(ByteString(text)) == nil)
    }

    @Test("strtoul and strtol semantics")
    func cNumbers() {
        #expect(CNumberScanner.unsigned(ByteString(" \t42x"), from: 0)! == (42, 4))
        #expect(CNumberScanner.unsigned(ByteString("-3"), from: 0)!.value == UInt64.max - 2)
        #expect(CNumberScanner.unsigned(ByteString("99999999999999999999999"), from: 0)!.value == UInt64.max)
        #expect(CNumberScanner.unsigned(ByteString("+"), from: 0) == nil)
        #expect(CNumberScanner.unsigned(ByteString(""), from: 0) == nil)
        #expect(CNumberScanner.signed(ByteString("-9223372036854775809"), from: 0)!.value == Int64.min)
        #expect(CNumberScanner.signed(ByteString("-9223372036854775808"), from: 0)!.value == Int64.min)
        #expect(CNumberScanner.signed(ByteString("9223372036854775808"), from: 0)!.value == Int64.max)
        #expect(CNumberScanner.signed(ByteString("\n-12 "), from: 0)! == (-12, 4))
    }

    @Test("mount table lines, with the kernel's escapes")
    func mountEntries() throws {
        let entry = try #require(MountEntry(ByteString("/dev/vda / ext4 rw,relatime 0 0")))
        #expect(entry.directory.string == "/")
        #expect(entry.type.string == "ext4")
        let tabs = try #require(MountEntry(ByteString("  /dev/x\t/mnt/a\\040b\text3")))
        #expect(tabs.type.string == "ext3")
        #expect(tabs.withDirectoryPath { String(cString: $0) } == "/mnt/a b")
        let escapes = try #require(MountEntry(ByteString("d /a\\011\\012\\134\\777\\04 t")))
        #expect(escapes.withDirectoryPath { String(cString: $0) } == "/a\t\n\\\\777\\04")
        #expect(MountEntry(ByteString("# comment / ext4")) == nil)
        #expect(MountEntry(ByteString("   ")) == nil)
        #expect(MountEntry(ByteString("/dev/x /mnt")) == nil)
    }

    @Test("the argument space follows RLIMIT_STACK within the kernel's bounds", arguments: [
        (nil, 6_291_456), (8 << 20, 2_097_152), (100 << 10, 131_072), (1 << 20, 262_144),
        (32 << 20, 6_291_456), (UInt64.max - 1, 6_291_456), (0, 131_072),
    ] as [(UInt64?, Int)])
    func argumentSpace(stack: UInt64?, limit: Int) {
        #expect(ArgumentSpace.limit(stackLimit: stack) == limit)
    }

    @Test("memory in pages, exact for any unit", arguments: [
        (1_000_000, 4096, 4096, 1_000_000), (1_000_000, 1, 4096, 244), (30_000, 65536, 4096, 480_000),
        (300_000, 0, 4096, 0), (UInt64.max, UInt64.max, 4096, Int.max), (5, 4096, 16384, 1),
    ] as [(UInt64, UInt64, Int, Int)])
    func memoryPages(units: UInt64, unitSize: UInt64, pageSize: Int, pages: Int) {
        #expect(MemoryStatus.pages(units, unitSize: unitSize, pageSize: pageSize) == pages)
    }

    @Test("the smallest thread stack grows with the CPU's signal frame", arguments: [
        (0, 16384), (3376, 16384), (16384, 16384), (20000, 20000), (65536, 65536),
    ] as [(Int, Int)])
    func threadStack(signalStack: Int, minimum: Int) {
        #expect(ThreadStackMinimum.value(minimumSignalStackSize: signalStack) == minimum)
    }

    @Test("file system limits by magic number, as glibc reports them")
    func fileSystemLimits() {
        let magics = FileSystemLimits.table.map(\.magic)
        #expect(Set(magics).count == magics.count)
        #expect(FileSystemLimits.forMagic(0x58465342).linkMax == 2_147_483_647) // XFS
        #expect(FileSystemLimits.forMagic(0x9123683E).fileSizeBits == 255)      // Btrfs
        #expect(FileSystemLimits.forMagic(0x1CD1).hasSymbolicLinks == false)    // devpts
        #expect(FileSystemLimits.forMagic(0x0027E0EB).fileSizeBits == 64)       // cgroup
        let unknown = FileSystemLimits.forMagic(0x12345678)
        #expect(unknown.linkMax == 127 && unknown.fileSizeBits == 32 && unknown.hasSymbolicLinks)
        #expect(FileSystemLimits.forMagic(FileSystemLimits.extMagic).fileSizeBits == 64)
    }

    @Test("glibc's wording of errors")
    func errnoTexts() {
        #expect(Errno(ENOENT).text.string == "No such file or directory")
        #expect(Errno(ENAMETOOLONG).text.string == "File name too long")     // musl: "Filename too long"
        #expect(Errno(ELOOP).text.string == "Too many levels of symbolic links") // musl: "Symbolic link loop"
        #expect(Errno(ENOSPC).text.string == "No space left on device")
        #expect(Errno(41).text.isEmpty)
        #expect(Errno(9999).text.isEmpty)
        // Every message agrees with this (glibc) host's strerror.
        for number in 1..<Int32(Errno.texts.count) where !Errno(number).text.isEmpty {
            #expect(Errno(number).text.string == String(cString: strerror(number)), "errno \(number)")
        }
    }
}
