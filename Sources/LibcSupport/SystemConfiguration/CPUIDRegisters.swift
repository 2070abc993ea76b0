/// The four registers the x86 CPUID instruction returns for one leaf.
public struct CPUIDRegisters: Sendable, Equatable {
    public var eax: UInt32
    public var ebx: UInt32
    public var ecx: UInt32
    public var edx: UInt32

    /// Registers as recorded (tests) or as the processor returned them.
    public init(eax: UInt32, ebx: UInt32, ecx: UInt32, edx: UInt32) {
        self.eax = eax
        self.ebx = ebx
        self.ecx = ecx
        self.edx = edx
    }

    /// Register `index` in the order EAX, EBX, ECX, EDX.
    subscript(index: Int) -> UInt32 {
        switch index {
        case 0: return eax
        case 1: return ebx
        case 2: return ecx
        default: return edx
        }
    }

    /// The `width` bits of `value` starting at bit `low`, as the vendors'
    /// manuals number them (bit 0 is the least significant).
    static func field(_ value: UInt32, from low: Int, width: Int) -> Int {
        Int((value >> UInt32(low)) & UInt32((UInt64(1) << UInt64(width)) - 1))
    }
}
