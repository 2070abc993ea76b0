import Foundation
import Testing

/// Ways to show getconf a kernel other than this machine's, the same for our
/// tool and glibc's: a ptrace helper that rewrites system call answers
/// (Tests/Tools/fake-kernel.c), and private mount namespaces in which files
/// of /sys and /proc are replaced or file systems mounted.
enum KernelFixture {
    /// The ptrace helper, compiled on first use; nil if no C compiler or
    /// not x86-64.
    static let fakeKernel: String? = {
        #if arch(x86_64)
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tools/fake-kernel.c").path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("fake-kernel-\(getpid())").path
        // Any C compiler on PATH: the system's, or the Swift toolchain's clang.
        for compiler in ["cc", "gcc", "clang"] {
            if Sandbox.run("/usr/bin/env", [compiler, "-O2", "-o", output, source]).status == 0 { return output }
        }
        #endif
        return nil
    }()

    static let fakeKernelMissing: Comment = "no C compiler to build Tests/Tools/fake-kernel.c (or not x86-64)"

    /// Whether ptrace works here (it does as root without a seccomp sandbox).
    static let canTrace: Bool = {
        guard let fakeKernel else { return false }
        return Sandbox.run(fakeKernel, ["/bin/true"]).status == 0
    }()

    /// Runs `tool ARGS` under the ptrace helper with `options`.
    static func faked(_ options: [String], _ tool: String, _ arguments: [String]) -> ToolResult {
        GetconfHarness.run(fakeKernel!, options + [tool] + arguments)
    }

    /// Runs `tool ARGS` in a private mount namespace after the shell commands
    /// `setup` (bind mounts, mounts); status 125 if the setup failed.
    static func inNamespace(_ setup: String, _ tool: String, _ arguments: [String]) -> ToolResult {
        var result = Sandbox.run("/usr/bin/unshare", ["-m", "--propagation", "private", "/bin/sh", "-c",
                                                      "set -e; \(setup); exec \"$0\" \"$@\"", tool] + arguments)
        // unshare runs `sh`, which runs the tool: diagnostics name the tool.
        let text = result.stderrText.replacingOccurrences(of: tool + ":", with: "getconf:")
        result.stderr = Data(text.utf8)
        return result
    }

    /// A scratch directory for fixture files, removed at exit of the process.
    static let scratch: URL = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("getconf-kernel-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }()

    /// Writes `contents` to a new scratch file and returns its path.
    static func file(_ contents: String) -> String {
        let url = scratch.appendingPathComponent(UUID().uuidString)
        try! Data(contents.utf8).write(to: url)
        return url.path
    }

    /// Creates a scratch directory tree (relative path -> contents); an
    /// empty directory for no files.
    static func tree(_ files: [String: String]) -> String {
        let root = scratch.appendingPathComponent(UUID().uuidString)
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(contents.utf8).write(to: url)
        }
        return root.path
    }
}
