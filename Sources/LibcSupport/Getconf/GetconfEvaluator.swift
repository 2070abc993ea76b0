/// Computes the values of getconf names.
///
/// Several names share one fact (every file system name needs the same
/// `statfs`, every cache name the same CPUID leaves or sysfs directories, both page counts
/// the same `sysinfo`), so the evaluator remembers each fact once it has
/// asked the kernel: `getconf -a` costs one call per fact, not per name.
struct GetconfEvaluator: ~Copyable {
    /// The path file system names are asked about (NUL-terminated).
    let path: UnsafePointer<CChar>

    private var fileSystem: FileSystemState = .unknown
    private var isExt4: Bool?
    /// `stat` of the path, shared by `_POSIX_ASYNC_IO` and the ext4 check.
    private var pathStatus: Result<FileStatus, Errno>?
    /// Soft resource limits once asked (several names share each one).
    private var limits = ResourceLimitCache()
    private var processorCaches: ProcessorCacheState = .unknown
    private var caches: CacheGeometry?
    private var memory: MemoryState = .unknown
    private var groupLimit: Int?

    private enum FileSystemState {
        case unknown
        case known(FileSystemStatus)
        case failed(Errno)
    }

    /// CPUID's description of the caches, once asked; `.unavailable` sends
    /// the cache names to sysfs.
    private enum ProcessorCacheState {
        case unknown
        case known(CPUIDCacheTable)
        case unavailable
    }

    private enum MemoryState {
        case unknown
        case known(MemoryStatus)
        case unavailable
    }

    init(path: UnsafePointer<CChar>) {
        self.path = path
    }

    /// The value of `variable` on this system (for file system names: for
    /// the evaluator's path).
    mutating func value(of variable: GetconfVariable) -> GetconfValue {
        // An empty path names no file, whatever is asked about it.
        if variable.kind == .path && path[0] == 0 { return .failure(.noSuchFile) }
        switch variable.source {
        case .number(let value): return .number(value)
        case .unsignedNumber(let value): return .unsignedNumber(value)
        case .text(let text): return .text(ByteString(text))
        case .undefined: return .undefined
        case .pageSize: return .number(AuxiliaryVector.pageSize)
        case .clockTicks: return .number(AuxiliaryVector.clockTicks)
        case .argumentSpace: return .number(ArgumentSpace.limit(stackLimit: limits.softLimit(.stack)))
        case .softLimit(let limit):
            guard let value = limits.softLimit(limit) else { return .undefined }
            return GetconfEvaluator.number(Int64(clamping: value))
        case .processorsConfigured: return .number(ProcessorCount.configured())
        case .processorsOnline: return .number(ProcessorCount.online())
        case .physicalPages:
            guard let memory = memoryStatus() else { return .undefined }
            return .number(MemoryStatus.pages(memory.total, unitSize: memory.unitSize, pageSize: AuxiliaryVector.pageSize))
        case .availablePages:
            guard let memory = memoryStatus() else { return .undefined }
            return .number(MemoryStatus.pages(memory.available, unitSize: memory.unitSize, pageSize: AuxiliaryVector.pageSize))
        case .groupLimit:
            if groupLimit == nil { groupLimit = GroupLimit.current() }
            return GetconfEvaluator.number(Int64(groupLimit!))
        case .threadStackMinimum: return .number(ThreadStackMinimum.current())
        case .cache(let level, let kind, let attribute):
            if case .unknown = processorCaches {
                processorCaches = CPUIDCacheTable.decode(ProcessorCPUID()).map { .known($0) } ?? .unavailable
            }
            if case .known(let table) = processorCaches {
                guard let value = table.value(level: Int(level), kind: kind, attribute: attribute) else { return .undefined }
                return .number(value)
            }
            if caches == nil { caches = CacheGeometry() }
            guard let value = caches!.value(level: Int(level), kind: kind, attribute: attribute) else { return .undefined }
            return .number(value)
        case .asynchronousIO:
            // Asynchronous I/O works on regular files and block devices.
            switch fileStatus() {
            case .success(let status): return status.isRegularFile || status.isBlockDevice ? .number(1) : .undefined
            case .failure(let error): return .failure(error)
            }
        case .linkMax, .nameMax, .fileSizeBits, .symbolicLinks, .chownRestricted,
             .allocationSizeMinimum, .transferSizeMinimum, .transferAlignment:
            return fileSystemValue(variable.source)
        }
    }

    private mutating func fileSystemValue(_ source: GetconfVariable.Source) -> GetconfValue {
        let status: FileSystemStatus
        switch fileSystemStatus() {
        case .known(let known): status = known
        case .failed(let error): return .failure(error)
        case .unknown: return .undefined
        }
        let limits = FileSystemLimits.forMagic(status.magic)
        switch source {
        case .linkMax:
            if status.magic == FileSystemLimits.extMagic {
                if isExt4 == nil {
                    if case .success(let status) = fileStatus() { isExt4 = Ext4Detection.isExt4(status) } else { isExt4 = false }
                }
                return .number(isExt4! ? FileSystemLimits.ext4LinkMax : FileSystemLimits.ext2LinkMax)
            }
            return .number(limits.linkMax)
        case .nameMax: return GetconfEvaluator.number(status.nameMax)
        case .fileSizeBits: return .number(limits.fileSizeBits)
        case .symbolicLinks: return .number(limits.hasSymbolicLinks ? 1 : 0)
        case .chownRestricted: return .number(1)
        case .transferSizeMinimum: return GetconfEvaluator.number(status.blockSize)
        case .allocationSizeMinimum, .transferAlignment:
            // Old kernels report no fragment size; the block size is the unit then.
            return GetconfEvaluator.number(status.fragmentSize != 0 ? status.fragmentSize : status.blockSize)
        default: return .undefined
        }
    }

    private mutating func fileSystemStatus() -> FileSystemState {
        if case .unknown = fileSystem {
            do {
                fileSystem = .known(try FileSystemStatus(path: path))
            } catch {
                fileSystem = .failed(error)
            }
        }
        return fileSystem
    }

    private mutating func fileStatus() -> Result<FileStatus, Errno> {
        if pathStatus == nil {
            do throws(Errno) {
                pathStatus = .success(try FileStatus(path: path))
            } catch {
                pathStatus = .failure(error)
            }
        }
        return pathStatus!
    }

    private mutating func memoryStatus() -> MemoryStatus? {
        if case .unknown = memory {
            memory = MemoryStatus.current().map { .known($0) } ?? .unavailable
        }
        if case .known(let status) = memory { return status }
        return nil
    }

    /// A number as C interfaces return it: -1 means "no value".
    static func number(_ value: Int64) -> GetconfValue {
        value == -1 ? .undefined : .number(Int(value))
    }
}
