@testable import LibcSupport

// The kernel texts getconf reads (the first byte picks which): CPU lists
// (/sys/devices/system/cpu/online), cache sizes ("32K"), the groups limit
// (/proc/sys/kernel/ngroups_max), mount table lines (/proc/self/mounts),
// and C number syntax.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGetconfSources(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    guard input.count >= 1 else { return 0 }
    let text = input.dropFirst(1)
    switch input[0] % 5 {
    case 0:
        if let count = ProcessorCount.countCPUList(text) { precondition(count >= 0) }
    case 1:
        consume(CacheGeometry.parseSize(text))
    case 2:
        consume(GroupLimit.parse(text))
    case 3:
        for line in LineSequence(text) { consume(MountEntry(line)) }
    default:
        if let (_, end) = CNumberScanner.unsigned(text, from: 0) { precondition(end <= text.count) }
        if let (_, end) = CNumberScanner.signed(text, from: 0) { precondition(end <= text.count) }
    }
    return 0
}
