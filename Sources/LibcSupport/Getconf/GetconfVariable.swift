/// One name `getconf` knows: what class of value it is and how the value is
/// obtained. The whole set is the table in `GetconfVariable.all`.
public struct GetconfVariable: Sendable {
    /// The classes of configuration values, after the C interfaces that
    /// answer them.
    public enum Kind: UInt8, Sendable {
        /// A system value (`sysconf`): a limit or an option of this system.
        case system
        /// A string (`confstr`): a search path or compiler flags.
        case string
        /// A file system value (`pathconf`): needs a path.
        case path
        /// A compile-time constant of `<limits.h>`.
        case limit
    }

    /// Where a value comes from.
    public enum Source: Sendable {
        /// A fixed number (options, `<limits.h>` constants).
        case number(Int)
        /// A fixed number above `Int.max` (`ULONG_MAX`).
        case unsignedNumber(UInt)
        /// A fixed string (`confstr` names).
        case text(StaticString)
        /// A valid name without a value on this system ("undefined").
        case undefined

        // sysconf: process and kernel facts.
        /// The page size (`AT_PAGESZ`).
        case pageSize
        /// Clock ticks per second (`AT_CLKTCK`).
        case clockTicks
        /// Argument space of `execve`, from `RLIMIT_STACK`.
        case argumentSpace
        /// A soft resource limit; unlimited is undefined.
        case softLimit(ResourceLimit)
        /// Possible CPUs.
        case processorsConfigured
        /// Online CPUs.
        case processorsOnline
        /// Main memory in pages (`sysinfo`).
        case physicalPages
        /// Free memory in pages (`sysinfo`).
        case availablePages
        /// `/proc/sys/kernel/ngroups_max`.
        case groupLimit
        /// Smallest thread stack, from `AT_MINSIGSTKSZ`.
        case threadStackMinimum
        /// A CPU cache property from sysfs.
        case cache(level: UInt8, CacheGeometry.Kind, CacheGeometry.Attribute)

        // pathconf: facts of the file system holding the path.
        /// `LINK_MAX` by file system type.
        case linkMax
        /// `f_namelen`.
        case nameMax
        /// `FILESIZEBITS` by file system type.
        case fileSizeBits
        /// `POSIX2_SYMLINKS` by file system type.
        case symbolicLinks
        /// 1 for any path that exists.
        case chownRestricted
        /// `f_frsize`, else `f_bsize`.
        case allocationSizeMinimum
        /// `f_bsize`.
        case transferSizeMinimum
        /// `f_frsize`, else `f_bsize`.
        case transferAlignment
        /// 1 for regular files and block devices.
        case asynchronousIO
    }

    /// The name as given on the command line.
    public let name: StaticString
    /// The class of value, which decides whether a path is needed.
    public let kind: Kind
    /// How the value is obtained.
    public let source: Source
    /// Whether `getconf -a` prints it: glibc's names, in glibc's order. The
    /// names beyond glibc's (POSIX `<limits.h>` minima, `NPROCESSORS_*`) are
    /// accepted but not listed, so `-a` stays byte-compatible.
    public let isListed: Bool

    // Always inlined: only then can the optimizer lay the table out as
    // constant data instead of building it at start-up (checked in the
    // Embedded build: `all` must be a data symbol with no initializer).
    @inline(__always)
    public init(_ name: StaticString, _ kind: Kind, _ source: Source, listed: Bool = true) {
        self.name = name
        self.kind = kind
        self.source = source
        self.isListed = listed
    }
}
