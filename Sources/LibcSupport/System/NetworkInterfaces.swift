import CLibc

/// The machine's network interfaces and their addresses (`getifaddrs`), as
/// address selection and `AI_ADDRCONFIG` need them.
public enum NetworkInterfaces {
    /// The index of interface `name` (or `name` itself when it is a decimal
    /// number); nil when there is no such interface.
    public static func index(named name: ByteString) -> UInt32? {
        if name.isEmpty { return nil }
        if let n = name.parseDecimal(limit: UInt64(UInt32.max)) { return UInt32(n) }
        if name.count >= 64 { return nil }
        var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &buffer) { raw -> UInt32? in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            for i in 0..<name.count { p[i] = name[i] }
            p[name.count] = 0
            let index = if_nametoindex(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
            return index == 0 ? nil : index
        }
    }

    /// Calls `body` with every configured interface address and its prefix
    /// length (from the netmask).
    public static func forEachAddress(_ body: (IPAddress, Int) -> Void) {
        var list: UnsafeMutablePointer<ifaddrs>?
        if getifaddrs(&list) != 0 { return }
        defer { freeifaddrs(list) }
        var node = list
        var bytes: (UInt64, UInt64) = (0, 0)
        var maskBytes: (UInt64, UInt64) = (0, 0)
        while let entry = node {
            node = entry.pointee.ifa_next
            var scope: UInt32 = 0
            var maskScope: UInt32 = 0
            let length = withUnsafeMutableBytes(of: &bytes) { raw in
                Int(clibc_sockaddr_bytes(entry.pointee.ifa_addr, raw.baseAddress!.assumingMemoryBound(to: UInt8.self), &scope))
            }
            if length == 0 { continue }
            let maskLength = withUnsafeMutableBytes(of: &maskBytes) { raw in
                Int(clibc_sockaddr_bytes(entry.pointee.ifa_netmask, raw.baseAddress!.assumingMemoryBound(to: UInt8.self), &maskScope))
            }
            guard var address = withUnsafeBytes(of: &bytes, { IPAddress.fromBytes(UnsafeRawBufferPointer(rebasing: $0[0..<length])) }) else { continue }
            address.scopeID = scope
            var prefix = 0
            if maskLength == length {
                withUnsafeBytes(of: &maskBytes) { raw in
                    for i in 0..<length { prefix += raw[i].nonzeroBitCount }
                }
            }
            body(address, prefix)
        }
    }
}
