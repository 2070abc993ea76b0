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
    /// length, from one netlink RTM_GETADDR dump (what `getifaddrs` also
    /// reads, without its dump of the links).
    public static func forEachAddress(_ body: (IPAddress, Int) -> Void) {
        let fd = socket(Int32(NetworkInterfaces.familyNetlink), clibc_sock_raw | clibc_sock_cloexec, 0)
        if fd < 0 { return }
        defer { _ = close(fd) }
        // nlmsghdr (16 bytes) + ifaddrmsg (8 bytes), native byte order.
        var request: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let sent = withUnsafeMutableBytes(of: &request) { raw in
            raw.storeBytes(of: UInt32(24), toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: NetworkInterfaces.getAddress, toByteOffset: 4, as: UInt16.self)
            raw.storeBytes(of: NetworkInterfaces.requestDump, toByteOffset: 6, as: UInt16.self)
            raw.storeBytes(of: UInt32(1), toByteOffset: 8, as: UInt32.self)
            return send(fd, raw.baseAddress, 24, 0)
        }
        if sent != 24 { return }
        // The kernel fills a dump datagram up to about a page (NLMSG_GOODSIZE)
        // unless a larger buffer was seen: 8 KiB is enough. The static scratch
        // area when it is free, else the heap.
        var size = 0
        let area = clibc_search_area_acquire(&size)
        let buffer = area.map { UnsafeMutableRawBufferPointer(start: $0, count: 8192) }
            ?? UnsafeMutableRawBufferPointer.allocate(byteCount: 8192, alignment: 8)
        defer {
            if area != nil { clibc_search_area_release() } else { buffer.deallocate() }
        }
        while true {
            let n = recv(fd, buffer.baseAddress, buffer.count, 0)
            if n < 0 && clibc_errno() == EINTR { continue }
            if n <= 0 { return }
            if NetworkInterfaces.parseMessages(UnsafeRawBufferPointer(rebasing: buffer[0..<n]), body) { return }
        }
    }

    // Linux netlink ABI numbers (stable): AF_NETLINK, RTM_GETADDR,
    // NLM_F_REQUEST | NLM_F_DUMP, NLMSG_DONE, NLMSG_ERROR, RTM_NEWADDR,
    // IFA_ADDRESS, IFA_LOCAL.
    static let familyNetlink = 16
    static let getAddress: UInt16 = 22
    static let requestDump: UInt16 = 0x301
    static let messageDone: UInt16 = 3
    static let messageError: UInt16 = 2
    static let newAddress: UInt16 = 20
    static let attributeAddress: UInt16 = 1
    static let attributeLocal: UInt16 = 2

    /// Parses one datagram of the dump; true at its end (or on an error).
    static func parseMessages(_ data: UnsafeRawBufferPointer, _ body: (IPAddress, Int) -> Void) -> Bool {
        var offset = 0
        while offset + 16 <= data.count {
            let length = Int(data.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let type = data.loadUnaligned(fromByteOffset: offset + 4, as: UInt16.self)
            if length < 16 || offset + length > data.count { return true }
            if type == messageDone || type == messageError { return true }
            if type == newAddress && length >= 24 {
                let family = data[offset + 16]
                let prefix = Int(data[offset + 17])
                let index = data.loadUnaligned(fromByteOffset: offset + 20, as: UInt32.self)
                var address: IPAddress? = nil
                var local: IPAddress? = nil
                var attribute = offset + 24
                while attribute + 4 <= offset + length {
                    let attributeLength = Int(data.loadUnaligned(fromByteOffset: attribute, as: UInt16.self))
                    let attributeType = data.loadUnaligned(fromByteOffset: attribute + 2, as: UInt16.self)
                    if attributeLength < 4 || attribute + attributeLength > offset + length { break }
                    let payload = UnsafeRawBufferPointer(rebasing: data[(attribute + 4)..<(attribute + attributeLength)])
                    if (family == 2 && payload.count == 4) || (family == 10 && payload.count == 16) {
                        if attributeType == attributeAddress { address = IPAddress.fromBytes(payload) }
                        if attributeType == attributeLocal { local = IPAddress.fromBytes(payload) }
                    }
                    attribute += (attributeLength + 3) & ~3
                }
                // IPv4: the local address (IFA_ADDRESS is the peer on a
                // point-to-point link); IPv6: IFA_ADDRESS.
                if var found = family == 2 ? (local ?? address) : address {
                    if found.family == .v6 && (found.high >> 54 == 0x3FA) { found.scopeID = index }
                    body(found, prefix)
                }
            }
            offset += (length + 3) & ~3
        }
        return false
    }
}
