import Foundation
import Testing
@testable import LibcSupport

/// The variable table: names, kinds, sources and the `-a` listing.
@Suite("getconf variable table")
struct GetconfTableTests {
    static let names = GetconfVariable.all.map { ByteString($0.name).string }
    static let listed = GetconfVariable.all.filter(\.isListed)

    @Test("every name appears once")
    func namesAreUnique() {
        #expect(Set(Self.names).count == Self.names.count)
    }

    @Test("-a lists glibc's 320 names minus the two glibc version strings, in glibc's order")
    func listedNames() {
        #expect(Self.listed.count == 318)
        let first = Self.listed.prefix(3).map { ByteString($0.name).string }
        #expect(first == ["LINK_MAX", "_POSIX_LINK_MAX", "MAX_CANON"])
        #expect(ByteString(Self.listed.last!.name).string == "_POSIX_RAW_SOCKETS")
        #expect(!Self.names.contains("GNU_LIBC_VERSION"))
        #expect(!Self.names.contains("GNU_LIBPTHREAD_VERSION"))
        // Listed names come first: the names beyond glibc's follow them all.
        let firstUnlisted = GetconfVariable.all.firstIndex { !$0.isListed }!
        #expect(GetconfVariable.all[firstUnlisted...].allSatisfy { !$0.isListed })
    }

    @Test("listed names fit the 35-column padding of -a")
    func namesFitPadding() {
        for variable in Self.listed {
            #expect(variable.name.utf8CodeUnitCount < 35, "\(ByteString(variable.name).string)")
        }
    }

    @Test("file system names, and only they, have file system sources or constants")
    func pathKindsMatchSources() {
        for variable in GetconfVariable.all {
            let name = ByteString(variable.name).string
            switch variable.source {
            case .linkMax, .nameMax, .fileSizeBits, .symbolicLinks, .chownRestricted,
                 .allocationSizeMinimum, .transferSizeMinimum, .transferAlignment, .asynchronousIO:
                #expect(variable.kind == .path, "\(name)")
            case .text:
                #expect(variable.kind == .string, "\(name)")
            case .number, .undefined, .unsignedNumber:
                #expect(variable.kind != .string, "\(name)")
            default:
                #expect(variable.kind == .system, "\(name)")
            }
        }
        #expect(GetconfVariable.all.filter { $0.kind == .path }.count == 27)
    }

    @Test("<limits.h> constants are numbers, with the C types' true values")
    func limitsAreConstants() throws {
        for variable in GetconfVariable.all where variable.kind == .limit {
            switch variable.source {
            case .number, .unsignedNumber: break
            default: Issue.record("\(ByteString(variable.name).string) is not a constant")
            }
        }
        #expect(try number("SSIZE_MAX") == Int.max) // glibc says 32767
        #expect(try number("_POSIX_SSIZE_MAX") == 32767)
        #expect(try number("LONG_BIT") == 64)
        #expect(try number("CHAR_MIN") == Int(CChar.min))
        #expect(try number("INT_MIN") == Int(Int32.min))
        guard case .unsignedNumber(let ulong) = GetconfVariable.named(ByteString("ULONG_MAX"))!.source else {
            Issue.record("ULONG_MAX is not unsigned")
            return
        }
        #expect(ulong == UInt.max)
    }

    @Test("the POSIX names beyond glibc's are accepted but not listed")
    func extensions() throws {
        for name in ["NPROCESSORS_CONF", "NPROCESSORS_ONLN", "_POSIX_AIO_MAX", "_POSIX_CLOCKRES_MIN", "_XOPEN_PATH_MAX",
                     "_POSIX2_CHARCLASS_NAME_MAX", "_POSIX_THREAD_KEYS_MAX"] {
            let variable = try #require(GetconfVariable.named(ByteString(name)), "\(name)")
            #expect(!variable.isListed, "\(name)")
        }
        #expect(try number("_POSIX_CLOCKRES_MIN") == 20_000_000)
        #expect(try number("_POSIX_AIO_LISTIO_MAX") == 2)
        #expect(try number("_XOPEN_IOV_MAX") == 16)
    }

    @Test("a name also stands for its listed _POSIX_ spelling, as in glibc")
    func posixPrefix() {
        #expect(GetconfVariable.named(ByteString("VERSION")).map { ByteString($0.name).string } == "_POSIX_VERSION")
        #expect(GetconfVariable.named(ByteString("NO_TRUNC")).map { ByteString($0.name).string } == "_POSIX_NO_TRUNC")
        // An exact name wins over the prefixed one.
        #expect(GetconfVariable.named(ByteString("SSIZE_MAX")).map { ByteString($0.name).string } == "SSIZE_MAX")
        // Names beyond glibc's are not reachable without their prefix.
        #expect(GetconfVariable.named(ByteString("CLOCKRES_MIN")) == nil)
        #expect(GetconfVariable.named(ByteString("pagesize")) == nil)
        #expect(GetconfVariable.named(ByteString("")) == nil)
        #expect(GetconfVariable.named(ByteString("_POSIX_")) == nil)
    }

    @Test("specification names: supported, unsupported, unknown")
    func specifications() {
        #expect(GetconfSpecification.status(of: ByteString("POSIX_V7_LP64_OFF64")) == .supported)
        #expect(GetconfSpecification.status(of: ByteString("POSIX_V6_LP64_OFF64")) == .supported)
        #expect(GetconfSpecification.status(of: ByteString("XBS5_LP64_OFF64")) == .supported)
        #expect(GetconfSpecification.status(of: ByteString("POSIX_V7_ILP32_OFF32")) == .unsupported)
        #expect(GetconfSpecification.status(of: ByteString("XBS5_LPBIG_OFFBIG")) == .unsupported)
        #expect(GetconfSpecification.status(of: ByteString("POSIX_V7_WIDTH_RESTRICTED_ENVS")) == .unknown)
        #expect(GetconfSpecification.status(of: ByteString("POSIX_V8_LP64_OFF64")) == .unknown)
        #expect(GetconfSpecification.status(of: ByteString("")) == .unknown)
        #expect(GetconfSpecification.status(of: ByteString("POSIX_V7_")) == .unknown)
    }

    func number(_ name: String) throws -> Int {
        let variable = try #require(GetconfVariable.named(ByteString(name)))
        guard case .number(let value) = variable.source else { throw Failure(name) }
        return value
    }

    struct Failure: Error { let name: String; init(_ name: String) { self.name = name } }
}

extension ByteString {
    /// A test-only view of a Swift string (kept alive for the process).
    init(_ string: String) {
        let copy = strdup(string)!
        self.init(cString: copy)
    }
}
