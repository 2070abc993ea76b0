/// The CPU caches as the kernel describes them in
/// `/sys/devices/system/cpu/cpu0/cache/index*/`, for the `LEVEL*_CACHE_*`
/// names where CPUID cannot answer (``CPUIDCacheTable``: architectures other
/// than x86, vendors it does not decode).
///
/// Opening sysfs files is the expensive part (several microseconds each), so
/// the `cache` directory is opened once and its files read relative to it;
/// each `index*` directory's `level` and `type` are read to identify it, its
/// size, associativity and line size only when asked for.
public struct CacheGeometry: ~Copyable {
    /// Which cache of a level: level 1 is split into instruction and data
    /// caches, the other levels are unified.
    public enum Kind: UInt8, Sendable {
        case instruction
        case data
        case unified
    }

    /// What is asked about a cache.
    public enum Attribute: UInt8, Sendable {
        /// Total size in bytes (`size`, e.g. `32K`).
        case size
        /// Ways of associativity (`ways_of_associativity`).
        case associativity
        /// Line size in bytes (`coherency_line_size`).
        case lineSize

        var fileName: StaticString {
            switch self {
            case .size: return "size"
            case .associativity: return "ways_of_associativity"
            case .lineSize: return "coherency_line_size"
            }
        }
    }

    /// What one `index*` directory describes, packed in 16 bits (level,
    /// kind) so the whole list lives in the value itself, without a heap
    /// allocation; the position in the list is the directory's number.
    struct Entry {
        let level: Int
        let kind: Kind

        var packed: UInt16 { UInt16(UInt8(clamping: level)) | UInt16(kind.rawValue) << 8 }

        init(level: Int, kind: Kind) {
            self.level = level
            self.kind = kind
        }

        init(packed: UInt16) {
            level = Int(packed & 0xFF)
            kind = Kind(rawValue: UInt8(packed >> 8)) ?? .unified
        }
    }

    /// The most `index*` directories read; CPUs have four or five caches.
    static let capacity = 8
    /// Eight packed entries.
    private var storage: (UInt64, UInt64) = (0, 0)
    private var count = 0
    private let directory: FileDescriptor?

    /// Identifies the caches of CPU 0; no caches if sysfs is not mounted.
    public init() {
        self.init(directory: try? SmallFile.openDirectory("/sys/devices/system/cpu/cpu0/cache"))
    }

    /// The caches a directory laid out like sysfs's `cache` describes
    /// (tests); takes ownership of `directory`.
    init(directory: FileDescriptor?) {
        self.directory = directory
        guard directory != nil else { return }
        while count < CacheGeometry.capacity {
            guard let level = readNumber("level", ofIndex: count), let kind = readKind(ofIndex: count) else { break }
            let packed = Entry(level: level, kind: kind).packed
            withUnsafeMutableBytes(of: &storage) { raw in
                raw.storeBytes(of: packed, toByteOffset: count * 2, as: UInt16.self)
            }
            count += 1
        }
    }

    deinit {
        directory?.close()
    }

    /// The number of caches found.
    public var cacheCount: Int { count }

    func entry(_ index: Int) -> Entry {
        withUnsafeBytes(of: storage) { Entry(packed: $0.load(fromByteOffset: index * 2, as: UInt16.self)) }
    }

    /// `attribute` of the cache at `level` of `kind`; nil if there is no such
    /// cache or the kernel does not say.
    public func value(level: Int, kind: Kind, attribute: Attribute) -> Int? {
        // A unified level may also be reported as a data cache.
        var fallback: Int? = nil
        for i in 0..<count where entry(i).level == level {
            if entry(i).kind == kind { return read(attribute, ofIndex: i) }
            if kind == .unified && entry(i).kind == .data && fallback == nil { fallback = i }
        }
        return fallback.flatMap { read(attribute, ofIndex: $0) }
    }

    func read(_ attribute: Attribute, ofIndex index: Int) -> Int? {
        if attribute == .size {
            return withText("size", ofIndex: index) { CacheGeometry.parseSize($0) }
        }
        return readNumber(attribute.fileName, ofIndex: index)
    }

    func readNumber(_ file: StaticString, ofIndex index: Int) -> Int? {
        withText(file, ofIndex: index) { text in
            guard let (value, end) = CNumberScanner.signed(text, from: 0),
                  CacheGeometry.isLineEnd(text, end), value >= 0, value <= Int64(Int32.max) else { return nil }
            return Int(value)
        }
    }

    func readKind(ofIndex index: Int) -> Kind? {
        withText("type", ofIndex: index) { text in
            let line = text.prefix(text.firstIndex(of: UInt8(ascii: "\n")) ?? text.count)
            if line == ByteString("Data") { return .data }
            if line == ByteString("Instruction") { return .instruction }
            if line == ByteString("Unified") { return .unified }
            return nil
        }
    }

    /// Parses a sysfs cache size such as `32K` or `1024K` (also `M`, `G`, or
    /// plain bytes) into bytes.
    public static func parseSize(_ text: ByteString) -> Int? {
        guard let (value, end) = CNumberScanner.signed(text, from: 0), value >= 0 else { return nil }
        var scale: Int64 = 1
        var i = end
        if i < text.count {
            switch text[i] {
            case UInt8(ascii: "K"): scale = 1 << 10; i += 1
            case UInt8(ascii: "M"): scale = 1 << 20; i += 1
            case UInt8(ascii: "G"): scale = 1 << 30; i += 1
            default: break
            }
        }
        guard isLineEnd(text, i) else { return nil }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: scale)
        return overflow ? nil : Int(bytes)
    }

    static func isLineEnd(_ text: ByteString, _ index: Int) -> Bool {
        index == text.count || text[index] == UInt8(ascii: "\n")
    }

    /// Reads `index<index>/<file>` and hands its text to `body`.
    func withText<R>(_ file: StaticString, ofIndex index: Int, _ body: (ByteString) -> R?) -> R? {
        guard let directory else { return nil }
        // "indexN/ways_of_associativity" and its NUL fit in 32 bytes; the file
        // contents (a short line) in the next 32.
        var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &storage) { raw in
            let name = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var path = PathBuilder(name, capacity: 32)
            path.append("index")
            path.append(decimal: UInt32(index))
            path.append(UInt8(ascii: "/"))
            path.append(file)
            guard let cPath = path.cString else { return nil }
            let contents = UnsafeMutableRawBufferPointer(rebasing: raw[32...])
            guard let n = try? SmallFile.read(cPath, relativeTo: directory, into: contents) else { return nil }
            return body(ByteString(start: contents.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n))
        }
    }
}
