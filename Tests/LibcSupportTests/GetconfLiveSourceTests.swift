import Foundation
import CLibc
import Glibc
import Testing
@testable import LibcSupport

/// Each kernel value source against what this (glibc) host reports through
/// its own interfaces, or against the kernel files read independently.
@Suite("getconf value sources: this machine")
struct GetconfLiveSourceTests {
    @Test("page size and clock ticks come from the auxiliary vector")
    func auxiliaryVector() {
        #expect(AuxiliaryVector.pageSize == sysconf(Int32(_SC_PAGESIZE)))
        #expect(AuxiliaryVector.clockTicks == sysconf(Int32(_SC_CLK_TCK)))
        #expect(AuxiliaryVector.minimumSignalStackSize == Int(getauxval(UInt(51))))
    }

    @Test("resource limits")
    func resourceLimits() {
        func soft(_ resource: Int32) -> UInt64? {
            var limit = rlimit()
            #expect(getrlimit(__rlimit_resource_t(resource), &limit) == 0)
            return limit.rlim_cur == rlim_t.max ? nil : UInt64(limit.rlim_cur)
        }
        // Linux's generic resource numbers.
        #expect(ResourceLimit.stack.softLimit == soft(3))
        #expect(ResourceLimit.processes.softLimit == soft(6))
        #expect(ResourceLimit.openFiles.softLimit == soft(7))
        #expect(ResourceLimit.pendingSignals.softLimit == soft(11))
        #expect(ArgumentSpace.current() == sysconf(Int32(_SC_ARG_MAX)))
    }

    @Test("processor counts agree with glibc's sysconf")
    func processors() {
        #expect(ProcessorCount.configured() == sysconf(Int32(_SC_NPROCESSORS_CONF)))
        #expect(ProcessorCount.online() == sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #expect(ProcessorAffinity.count == ProcessInfo.processInfo.activeProcessorCount
                || ProcessorAffinity.count! <= ProcessorCount.online())
    }

    @Test("physical pages agree with glibc's sysconf")
    func memory() throws {
        let status = try #require(MemoryStatus.current())
        let pages = MemoryStatus.pages(status.total, unitSize: status.unitSize, pageSize: AuxiliaryVector.pageSize)
        #expect(pages == sysconf(Int32(_SC_PHYS_PAGES)))
        let available = MemoryStatus.pages(status.available, unitSize: status.unitSize, pageSize: AuxiliaryVector.pageSize)
        let glibc = sysconf(Int32(_SC_AVPHYS_PAGES))
        #expect(abs(available - glibc) < max(glibc / 20, 4096), "free memory moves, but not by 5% between two calls")
    }

    @Test("NGROUPS_MAX")
    func groups() {
        #expect(GroupLimit.current() == sysconf(Int32(_SC_NGROUPS_MAX)))
    }

    @Test("statfs of / and /proc")
    func fileSystemStatus() throws {
        for path in ["/", "/proc", "/tmp"] {
            let ours = try FileSystemStatus(path: path)
            var theirs = statfs()
            #expect(statfs(path, &theirs) == 0)
            #expect(ours.magic == Int64(theirs.f_type))
            #expect(ours.nameMax == Int64(theirs.f_namelen))
            #expect(ours.blockSize == Int64(theirs.f_bsize))
            #expect(ours.fragmentSize == Int64(theirs.f_frsize))
            #expect(pathconf(path, Int32(_PC_NAME_MAX)) == Int(ours.nameMax))
        }
        #expect(throws: Errno(ENOENT)) { try FileSystemStatus(path: "/nonexistent/x") }
        #expect(throws: Errno(ENOTDIR)) { try FileSystemStatus(path: "/etc/passwd/x") }
    }

    @Test("ext4 is told from ext2/3 as the kernel's /sys/fs/ext4 lists it")
    func ext4() throws {
        var root = statfs()
        #expect(statfs("/", &root) == 0)
        try #require(root.f_type == 0xEF53, "/ is not on ext2/3/4 here")
        #expect(Ext4Detection.isExt4(path: "/") == (pathconf("/", Int32(_PC_LINK_MAX)) == 65000))
    }

    @Test("cache geometry matches sysfs read independently")
    func caches() throws {
        let base = "/sys/devices/system/cpu/cpu0/cache"
        try #require(FileManager.default.fileExists(atPath: base), "no sysfs cache information here")
        let geometry = CacheGeometry()
        var index = 0
        while FileManager.default.fileExists(atPath: "\(base)/index\(index)") {
            func read(_ file: String) -> String? {
                (try? String(contentsOfFile: "\(base)/index\(index)/\(file)", encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let level = Int(read("level")!)!
            let kind: CacheGeometry.Kind = switch read("type")! {
            case "Instruction": .instruction
            case "Data": level == 1 ? .data : .unified
            default: .unified
            }
            let size = read("size").flatMap { Int($0.dropLast()) }.map { $0 * 1024 }
            #expect(geometry.value(level: level, kind: kind, attribute: .size) == size)
            #expect(geometry.value(level: level, kind: kind, attribute: .associativity) == read("ways_of_associativity").flatMap { Int($0) })
            #expect(geometry.value(level: level, kind: kind, attribute: .lineSize) == read("coherency_line_size").flatMap { Int($0) })
            index += 1
        }
        #expect(geometry.cacheCount == index)
        #expect(geometry.value(level: 9, kind: .unified, attribute: .size) == nil)
    }
}
