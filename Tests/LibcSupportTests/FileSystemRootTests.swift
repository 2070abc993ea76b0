import Foundation
import Testing
@testable import LibcSupport

/// `--root DIR`: paths and symbolic links resolve inside DIR, never outside.
@Suite("File system root", .serialized)
struct FileSystemRootTests {
    let base: URL

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("fsroot-\(UUID().uuidString)")
        let fm = FileManager.default
        let etc = base.appendingPathComponent("etc")
        try fm.createDirectory(at: etc, withIntermediateDirectories: true)
        try Data("inside passwd\n".utf8).write(to: etc.appendingPathComponent("passwd"))
        try Data("inside shadow\n".utf8).write(to: etc.appendingPathComponent("shadow"))
        let links: [(String, String)] = [
            ("etc/absolute", "/etc/passwd"),
            ("etc/hostshadow", "/etc/shadow"),
            ("etc/escape", "../../../../../../../../etc/shadow"),
            ("etc/relative", "passwd"),
            ("etc/chain", "absolute"),
            ("dirlink", "/etc"),
            ("updir", ".."),
            ("loop", "loop"),
            ("etc/missing", "/nonexistent/file"),
        ]
        for (name, target) in links {
            try fm.createSymbolicLink(atPath: base.appendingPathComponent(name).path, withDestinationPath: target)
        }
    }

    func readKeeping(_ path: String, walk: Bool) -> Result<String, Errno> {
        do {
            var root = try FileSystemRoot(path: base.path)
            root.forceWalk = walk
            let fd = try path.withCString { try root.openForReading($0) }
            defer { fd.close() }
            let file = try MappedFile(descriptor: fd)
            return .success(file.bytes.string)
        } catch let error as Errno {
            return .failure(error)
        } catch {
            return .failure(Errno(-1))
        }
    }

    @Test(arguments: [false, true])
    func linksResolveInsideTheRoot(walk: Bool) {
        defer { try? FileManager.default.removeItem(at: base) }
        let cases: [(String, Result<String, Errno>)] = [
            ("/etc/passwd", .success("inside passwd\n")),
            ("etc/passwd", .success("inside passwd\n")),
            ("/etc/absolute", .success("inside passwd\n")),
            ("/etc/hostshadow", .success("inside shadow\n")),
            ("/etc/escape", .success("inside shadow\n")),
            ("/etc/relative", .success("inside passwd\n")),
            ("/etc/chain", .success("inside passwd\n")),
            ("/dirlink/passwd", .success("inside passwd\n")),
            ("/updir/updir/etc/passwd", .success("inside passwd\n")),
            ("/../../../etc/passwd", .success("inside passwd\n")),
            ("/etc/../etc/./passwd", .success("inside passwd\n")),
            ("/loop", .failure(Errno(ELOOP))),
            ("/etc/missing", .failure(Errno(ENOENT))),
            ("/etc/passwd/x", .failure(Errno(ENOTDIR))),
            ("/etc/nothing", .failure(Errno(ENOENT))),
        ]
        for (path, expected) in cases {
            #expect(readKeeping(path, walk: walk) == expected, "\(path) (walk: \(walk))")
        }
    }

    @Test func mappedFileUsesTheActiveRoot() throws {
        defer {
            FileSystemRoot.active = nil
            try? FileManager.default.removeItem(at: base)
        }
        FileSystemRoot.active = try FileSystemRoot(path: base.path)
        let file = try MappedFile(path: "/etc/hostshadow")
        #expect(file.bytes.string == "inside shadow\n")
        var names: [String] = []
        try DirectoryListing(path: "/dirlink").forEach { names.append($0.string) }
        #expect(Set(names).isSuperset(of: ["passwd", "shadow", "absolute"]))
    }
}
