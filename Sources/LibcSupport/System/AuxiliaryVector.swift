import CLibc

/// Facts the kernel hands every process at `execve` (`getauxval(3)`):
/// reading them costs no system call.
public enum AuxiliaryVector {
    /// The page size in bytes (`AT_PAGESZ`).
    public static var pageSize: Int {
        let value = clibc_auxiliary_value(clibc_auxv_page_size)
        return value == 0 ? 4096 : Int(truncatingIfNeeded: value)
    }

    /// Clock ticks per second of the times the kernel reports (`AT_CLKTCK`,
    /// USER_HZ).
    public static var clockTicks: Int {
        let value = clibc_auxiliary_value(clibc_auxv_clock_ticks)
        return value == 0 ? 100 : Int(truncatingIfNeeded: value)
    }

    /// The smallest signal stack this CPU needs (`AT_MINSIGSTKSZ`; 0 when
    /// the kernel does not say, before Linux 5.14 on x86).
    public static var minimumSignalStackSize: Int {
        Int(truncatingIfNeeded: clibc_auxiliary_value(clibc_auxv_minimum_signal_stack))
    }
}
