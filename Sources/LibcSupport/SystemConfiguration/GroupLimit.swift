/// The most supplementary groups a process may have (`NGROUPS_MAX`), from
/// `/proc/sys/kernel/ngroups_max`.
public enum GroupLimit {
    /// The kernel's compiled-in limit, used when `/proc` cannot say.
    public static let fallback = 65536

    /// The limit of this system.
    public static func current() -> Int {
        var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let parsed: Int? = withUnsafeMutableBytes(of: &storage) { raw in
            // The value is a short decimal line; 31 bytes is plenty.
            guard let n = try? SmallFile.read("/proc/sys/kernel/ngroups_max",
                                              into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<31])) else { return nil }
            return parse(ByteString(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n))
        }
        return parsed ?? fallback
    }

    /// Reads the file's number as `strtol` does; nil unless it is followed by
    /// the end of the line.
    public static func parse(_ text: ByteString) -> Int? {
        guard let (value, end) = CNumberScanner.signed(text, from: 0) else { return nil }
        if end < text.count && text[end] != UInt8(ascii: "\n") && text[end] != 0 { return nil }
        return Int(value)
    }
}
