/// A source of CPUID answers: the processor itself (``ProcessorCPUID``) or
/// registers recorded from one, so the decoding can be tested for processors
/// the tests do not run on.
public protocol CPUIDReading {
    /// The registers for `leaf` and `subleaf`; nil where the architecture
    /// has no CPUID instruction.
    func registers(leaf: UInt32, subleaf: UInt32) -> CPUIDRegisters?
}
