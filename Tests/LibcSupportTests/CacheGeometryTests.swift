import Foundation
import Testing
@testable import LibcSupport

/// The sysfs cache description (architectures without CPUID), read from
/// fixture directories laid out like `/sys/devices/system/cpu/cpu0/cache`.
/// The same cases run through the binary in GetconfCacheTests where sysfs is
/// what getconf uses.
@Suite("getconf cache names from a sysfs-like directory")
struct CacheGeometryTests {
    static func index(_ level: Int, _ type: String, _ size: String, _ ways: String, _ line: String) -> [String: String] {
        ["level": "\(level)\n", "type": "\(type)\n", "size": "\(size)\n", "ways_of_associativity": "\(ways)\n",
         "coherency_line_size": "\(line)\n"]
    }

    /// The values of `names` (level, kind, attribute) with the caches
    /// `indexes` describe.
    static func values(_ indexes: [[String: String]],
                       _ names: [(Int, CacheGeometry.Kind, CacheGeometry.Attribute)]) throws -> [Int?] {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        for (i, index) in indexes.enumerated() {
            let directory = base.appendingPathComponent("index\(i)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (name, contents) in index {
                try Data(contents.utf8).write(to: directory.appendingPathComponent(name))
            }
        }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let descriptor = base.path.withCString { try? SmallFile.openDirectory($0) }
        let geometry = CacheGeometry(directory: descriptor)
        return names.map { geometry.value(level: $0.0, kind: $0.1, attribute: $0.2) }
    }

    @Test("a four-level hierarchy")
    func fourLevels() throws {
        let indexes = [
            Self.index(1, "Instruction", "64K", "4", "64"), Self.index(1, "Data", "48K", "12", "64"),
            Self.index(2, "Unified", "2048K", "16", "64"), Self.index(3, "Unified", "36864K", "12", "64"),
            Self.index(4, "Unified", "131072K", "16", "128"),
        ]
        #expect(try Self.values(indexes, [(1, .instruction, .size), (1, .instruction, .associativity), (1, .data, .size),
                                          (1, .data, .associativity), (2, .unified, .size), (3, .unified, .size),
                                          (4, .unified, .size), (4, .unified, .lineSize)]) ==
                [65536, 4, 49152, 12, 2_097_152, 37_748_736, 134_217_728, 128])
    }

    @Test("missing levels and attributes are undefined; a data cache stands for its level")
    func missing() throws {
        var data = Self.index(1, "Data", "32K", "8", "64")
        data["ways_of_associativity"] = nil
        #expect(try Self.values([data, Self.index(2, "Data", "512K", "8", "64")],
                                [(1, .data, .associativity), (1, .instruction, .size), (2, .unified, .size),
                                 (3, .unified, .size)]) == [nil, nil, 524_288, nil])
    }

    @Test("an empty directory, and none at all")
    func none() throws {
        #expect(try Self.values([], [(1, .data, .lineSize)]) == [nil])
        #expect(CacheGeometry(directory: nil).value(level: 1, kind: .data, attribute: .size) == nil)
    }
}
