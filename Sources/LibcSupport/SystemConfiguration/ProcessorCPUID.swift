import CLibc

/// The CPUID instruction of the processor this runs on (x86 and x86-64; on
/// other architectures every answer is nil).
public struct ProcessorCPUID: CPUIDReading {
    public init() {}

    public func registers(leaf: UInt32, subleaf: UInt32) -> CPUIDRegisters? {
        var values: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        let available = withUnsafeMutableBytes(of: &values) { raw in
            clibc_cpuid(leaf, subleaf, raw.baseAddress!.assumingMemoryBound(to: UInt32.self))
        }
        guard available != 0 else { return nil }
        return CPUIDRegisters(eax: values.0, ebx: values.1, ecx: values.2, edx: values.3)
    }
}
