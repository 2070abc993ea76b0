import CLibc

/// The process's staging area for standard output: 64 KiB of zero-filled
/// static memory, so a tool can build its whole answer and write it at once
/// without touching the heap. Take it once per process.
public enum OutputArea {
    /// An `OutputBuffer` for standard output over the static area.
    public static func standardOutput() -> OutputBuffer {
        var size = 0
        let base = clibc_output_area(&size)!
        return OutputBuffer(.standardOutput, storage: UnsafeMutableRawBufferPointer(start: base, count: size))
    }
}
