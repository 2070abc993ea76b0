import Foundation
import Testing

/// Runs the aarch64 release binaries (`make aarch64`: build/aarch64/) under
/// qemu-aarch64-static, next to the x86_64 ones they are compared with.
///
/// `LIBC_SUPPORT_AARCH64_BUILD` names the directory of the aarch64 binaries
/// (default: `aarch64/` in the x86_64 build directory, `LIBC_SUPPORT_BUILD`);
/// `LIBC_SUPPORT_QEMU` the emulator (default: qemu-aarch64-static or
/// qemu-aarch64 on PATH). binfmt_misc is not assumed: the emulator is run
/// explicitly.
enum AArch64Emulator {
    static let buildDirectory: URL = {
        if let dir = ProcessInfo.processInfo.environment["LIBC_SUPPORT_AARCH64_BUILD"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return Sandbox.buildDirectory.appendingPathComponent("aarch64")
    }()

    /// Path of one of the aarch64 tools, e.g. `tool("getent")`.
    static func tool(_ name: String) -> String {
        buildDirectory.appendingPathComponent(name).path
    }

    /// The user-mode emulator, if there is one.
    static let qemu: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["LIBC_SUPPORT_QEMU"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["qemu-aarch64-static", "qemu-aarch64"] {
            for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }()

    /// Why the suite cannot run here, or nil.
    static let missing: String? = {
        var missing: [String] = []
        for name in ["getconf", "getent"] where !FileManager.default.isExecutableFile(atPath: tool(name)) {
            missing.append("\(tool(name)) (make aarch64)")
        }
        for name in ["getconf", "getent"] where !Sandbox.toolExists(name) {
            missing.append("\(Sandbox.tool(name)) (make)")
        }
        if qemu == nil { missing.append("qemu-aarch64-static (apt-get install qemu-user-static, or LIBC_SUPPORT_QEMU)") }
        return missing.isEmpty ? nil : "aarch64 suite skipped, missing: " + missing.joined(separator: ", ")
    }()

    static var available: Bool { missing == nil }
    static let skipReason = Comment(rawValue: missing ?? "")

    /// `qemu OPTIONS TOOL ARGUMENTS`: the aarch64 tool under emulation.
    static func command(_ name: String, _ arguments: [String], qemuOptions: [String] = []) -> (String, [String]) {
        (qemu ?? "/nonexistent/qemu-aarch64", qemuOptions + [tool(name)] + arguments)
    }

    /// Runs the aarch64 tool `name` under the emulator.
    static func run(_ name: String, _ arguments: [String], qemuOptions: [String] = []) -> ToolResult {
        let (executable, all) = command(name, arguments, qemuOptions: qemuOptions)
        return normalized(Sandbox.run(executable, all), program: tool(name), as: name)
    }

    /// Runs the x86_64 tool `name` natively.
    static func runNative(_ name: String, _ arguments: [String]) -> ToolResult {
        normalized(Sandbox.run(Sandbox.tool(name), arguments), program: Sandbox.tool(name), as: name)
    }

    /// Both tools on the same fixture /etc (a private mount namespace).
    static func runWithEtc(_ files: [String: String?], _ name: String, _ arguments: [String]) -> (aarch64: ToolResult, x86_64: ToolResult) {
        let (executable, all) = command(name, arguments)
        let emulated = normalized(Sandbox.runWithEtc(files, executable, all), program: tool(name), as: name)
        let native = normalized(Sandbox.runWithEtc(files, Sandbox.tool(name), arguments), program: Sandbox.tool(name), as: name)
        return (emulated, native)
    }

    /// The result with the program path in messages ("PATH: ...") replaced
    /// by the bare name: both builds name themselves as invoked.
    static func normalized(_ result: ToolResult, program: String, as name: String) -> ToolResult {
        var result = result
        result.stderr = Data(result.stderrText.replacingOccurrences(of: program + ":", with: name + ":").utf8)
        return result
    }
}
