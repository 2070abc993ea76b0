/// The smallest stack a thread may be created with (`PTHREAD_STACK_MIN`).
///
/// 16 KiB (128 KiB on AArch64) covers a thread's own needs; a CPU whose
/// signal frames are larger (the kernel says so in `AT_MINSIGSTKSZ`, e.g.
/// with AVX-512 or AMX state) needs at least that much to deliver a signal,
/// as glibc also reports.
public enum ThreadStackMinimum {
    /// What a thread needs for itself.
    public static var base: Int { TargetArchitecture.threadStackMinimum }

    /// The minimum for a CPU whose signal frames need `minimumSignalStackSize` bytes.
    public static func value(minimumSignalStackSize: Int) -> Int {
        Swift.max(base, minimumSignalStackSize)
    }

    /// The minimum on this CPU.
    public static func current() -> Int {
        value(minimumSignalStackSize: AuxiliaryVector.minimumSignalStackSize)
    }
}
