import CLibc

/// The CPUs this process may run on (`sched_getaffinity(2)`).
public enum ProcessorAffinity {
    /// How many CPUs are in this process's affinity mask; nil on error.
    public static var count: Int? {
        let count = clibc_affinity_count()
        return count < 0 ? nil : Int(count)
    }
}
