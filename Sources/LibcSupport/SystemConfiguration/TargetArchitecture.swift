/// The values getconf reports that depend on the processor architecture, in
/// one place: those glibc's getconf answers differently on x86-64 and on
/// AArch64 (observed by running glibc's own getconf for each), where neither
/// the kernel nor an importable C library macro gives them.
///
/// Computed properties of literals, so that the getconf table using them
/// stays constant data.
public enum TargetArchitecture {
    #if arch(arm64)
    /// Plain `char` is unsigned in the AArch64 C ABI (Swift's `CChar` is
    /// `Int8` regardless; the C headers' `CHAR_MAX` is an expression Swift
    /// cannot import there).
    public static var charMinimum: Int { 0 }
    /// See `charMinimum`.
    public static var charMaximum: Int { 255 }
    /// glibc's smallest thread stack before the CPU's signal frame is
    /// considered: 128 KiB on AArch64, where pages may be 64 KiB.
    public static var threadStackMinimum: Int { 131072 }
    /// The compiler flags of the LP64 environment: AArch64 has no other
    /// environment, so no flag selects it.
    public static var lp64CompilerFlags: StaticString { "" }
    #else
    /// Plain `char` is signed in the x86-64 C ABI.
    public static var charMinimum: Int { Int(Int8.min) }
    /// See `charMinimum`.
    public static var charMaximum: Int { Int(Int8.max) }
    /// glibc's smallest thread stack before the CPU's signal frame is
    /// considered: 16 KiB on x86-64.
    public static var threadStackMinimum: Int { 16384 }
    /// The compiler flags of the LP64 environment (gcc's `-m64`).
    public static var lp64CompilerFlags: StaticString { "-m64" }
    #endif
}
