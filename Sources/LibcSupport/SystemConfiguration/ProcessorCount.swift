/// How many CPUs the system has (`_NPROCESSORS_CONF`) and has online
/// (`_NPROCESSORS_ONLN`), as Linux tells it.
///
/// The first answer that makes sense wins: the kernel's CPU list in sysfs
/// (`possible` or `online`), else the `cpuN` lines of `/proc/stat`, else the
/// CPUs this process may run on, else 1. This is the order glibc uses, so
/// the answers agree with glibc's even where `/sys` or `/proc` is missing
/// (a container, a chroot).
public enum ProcessorCount {
    /// CPUs the kernel may ever bring online (`/sys/devices/system/cpu/possible`).
    public static func configured() -> Int {
        count(listedIn: "/sys/devices/system/cpu/possible")
    }

    /// CPUs online now (`/sys/devices/system/cpu/online`).
    public static func online() -> Int {
        count(listedIn: "/sys/devices/system/cpu/online")
    }

    static func count(listedIn path: StaticString) -> Int {
        if let fromList = countCPUList(in: path) { return fromList }
        if let fromStat = countStatLines() { return fromStat }
        return ProcessorAffinity.count ?? 1
    }

    /// Reads and counts a sysfs CPU list. Lists are short (`0-63`); the rare
    /// one longer than the stack buffer is read whole from the heap.
    static func countCPUList(in path: StaticString) -> Int? {
        let fromStack: Int?? = withUnsafeTemporaryAllocation(byteCount: 1024, alignment: 1) { buffer in
            guard let n = try? SmallFile.read(path, into: buffer) else { return .some(nil) }
            if n == buffer.count { return nil }
            return .some(countCPUList(ByteString(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)))
        }
        if let fromStack { return fromStack }
        guard let file = try? MappedFile(path: path) else { return nil }
        return countCPUList(file.bytes)
    }

    /// Counts the CPUs in a kernel CPU list such as `0-3,8-11` (only its first
    /// line counts). Elements are numbers or ranges as `strtoul` reads them,
    /// each optionally followed by a comma. Nil for a list that is malformed,
    /// empty or implausibly large, for the caller to fall back.
    public static func countCPUList(_ text: ByteString) -> Int? {
        let line = text.prefix(text.firstIndex(of: UInt8(ascii: "\n")) ?? text.count)
        var total: UInt64 = 0
        var i = 0
        while i < line.count {
            guard let (first, afterFirst) = CNumberScanner.unsigned(line, from: i) else { return nil }
            var last = first
            i = afterFirst
            if i < line.count && line[i] == UInt8(ascii: "-") {
                guard let (end, afterEnd) = CNumberScanner.unsigned(line, from: i + 1) else { return nil }
                if end < first { return nil }
                last = end
                i = afterEnd
            }
            // A range may span almost all of UInt64 ("2--2": "-2" reads as
            // 2^64 - 2), so both sums are checked.
            let (size, overflow) = (last - first).addingReportingOverflow(1)
            if overflow || size > UInt64(Int32.max) { return nil }
            total += size
            if total > UInt64(Int32.max) { return nil }
            if i < line.count && line[i] == UInt8(ascii: ",") { i += 1 }
        }
        return total == 0 ? nil : Int(total)
    }

    /// Counts the per-CPU lines (`cpu0`, `cpu1`, ...) at the top of
    /// `/proc/stat`; nil if there are none or the file cannot be read.
    static func countStatLines() -> Int? {
        guard let fd = try? FileDescriptor.openForReading("/proc/stat") else { return nil }
        defer { fd.close() }
        var counter = StatLineCounter()
        return withUnsafeTemporaryAllocation(byteCount: 1024, alignment: 1) { buffer in
            while !counter.isDone {
                guard let n = try? fd.read(into: buffer), n > 0 else { break }
                counter.consume(ByteString(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n))
            }
            return counter.count == 0 ? nil : counter.count
        }
    }

    /// Counts `cpuN` lines in `/proc/stat` text fed in pieces of any size.
    ///
    /// Lines starting with `cpu` followed by a digit count; other lines
    /// starting with `cpu` (the `cpu` total) are passed over; the first line
    /// that does not start with `cpu` ends the list.
    public struct StatLineCounter {
        /// The `cpuN` lines seen so far.
        public private(set) var count = 0
        /// Whether the list has ended (the rest of the file does not matter).
        public private(set) var isDone = false
        /// Bytes seen on the current line, up to the four that decide it.
        var column = 0

        public init() {}

        /// Takes the next piece of the file.
        public mutating func consume(_ bytes: ByteString) {
            let prefix: StaticString = "cpu"
            var i = 0
            while i < bytes.count && !isDone {
                let byte = bytes[i]
                i += 1
                if byte == UInt8(ascii: "\n") {
                    if column < 3 { isDone = true } // empty or short line
                    column = 0
                    continue
                }
                if column < 3 {
                    if byte != prefix.utf8Start[column] { isDone = true }
                } else if column == 3 && ASCII.isDigit(byte) {
                    count += 1
                }
                column += 1
            }
        }
    }
}
