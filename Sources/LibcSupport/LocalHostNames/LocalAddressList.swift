import CLibc

/// The machine's configured addresses, from the kernel over route netlink
/// (RTM_GETADDR), in the order the `myhostname` source lists them: by
/// scope (global first), then IPv4 before IPv6, then interface, then
/// address. Loopback-scoped (`host`) addresses and addresses still in or
/// failed duplicate address detection are left out.
public enum LocalAddressList {
    static let tentative: UInt32 = 0x40
    static let dadFailed: UInt32 = 0x08

    /// The addresses, or an empty list when netlink is unavailable.
    public static func current() -> [LocalAddress] {
        let fd = socket(AF_NETLINK, Int32(clibc_sock_raw | clibc_sock_cloexec), Int32(clibc_netlink_route))
        if fd < 0 { return [] }
        defer { CLibc.close(fd) }
        // The kernel answers a dump at once; a receive timeout guards against a wedged socket.
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let sequence: UInt32 = 1
        if clibc_netlink_request_addresses(fd, sequence) != 0 { return [] }
        var result: [LocalAddress] = []
        var buffer = [UInt8](repeating: 0, count: 32 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { CLibc.recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 {
                if clibc_errno() == EINTR { continue }
                return []
            }
            if n == 0 { break }
            let done = buffer.withUnsafeBytes { raw in
                parse(UnsafeRawBufferPointer(rebasing: raw[0..<n]), sequence: sequence, into: &result)
            }
            if done { break }
        }
        return sorted(result)
    }

    /// Parses one datagram of the dump; true at its end (done or error).
    static func parse(_ data: UnsafeRawBufferPointer, sequence: UInt32, into result: inout [LocalAddress]) -> Bool {
        var offset = 0
        while data.count - offset >= 16 {
            let length = Int(data.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let type = data.loadUnaligned(fromByteOffset: offset + 4, as: UInt16.self)
            if length < 16 || length > data.count - offset { return true }
            switch Int32(type) {
            case Int32(clibc_nlmsg_done), Int32(clibc_nlmsg_error):
                return true
            case Int32(clibc_rtm_newaddr):
                if let address = address(UnsafeRawBufferPointer(rebasing: data[(offset + 16)..<(offset + length)])) {
                    result.append(address)
                }
            default:
                break
            }
            offset += (length + 3) & ~3
        }
        return false
    }

    /// Decodes an ifaddrmsg with its attributes; nil for addresses not listed.
    static func address(_ body: UnsafeRawBufferPointer) -> LocalAddress? {
        if body.count < 8 { return nil }
        let family = Int32(body[0])
        let scope = body[3]
        let index = body.loadUnaligned(fromByteOffset: 4, as: UInt32.self)
        var flags = UInt32(body[2])
        guard family == AF_INET || family == AF_INET6 else { return nil }
        let size = family == AF_INET ? 4 : 16
        var local: [UInt8]?
        var address: [UInt8]?
        var offset = 8
        while body.count - offset >= 4 {
            let length = Int(body.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
            let type = body.loadUnaligned(fromByteOffset: offset + 2, as: UInt16.self)
            if length < 4 || length > body.count - offset { break }
            let payload = UnsafeRawBufferPointer(rebasing: body[(offset + 4)..<(offset + length)])
            switch Int32(type) {
            case Int32(clibc_ifa_local) where payload.count == size: local = Array(payload)
            case Int32(clibc_ifa_address) where payload.count == size: address = Array(payload)
            case Int32(clibc_ifa_flags) where payload.count == 4: flags = payload.loadUnaligned(as: UInt32.self)
            default: break
            }
            offset += (length + 3) & ~3
        }
        // For IPv4 the local address is the machine's (ADDRESS is the peer's on point-to-point links).
        guard let bytes = family == AF_INET ? (local ?? address) : (address ?? local) else { return nil }
        if scope >= 254 { return nil }
        if flags & (tentative | dadFailed) != 0 { return nil }
        return LocalAddress(family: family, bytes: bytes, interfaceIndex: index, scope: scope)
    }

    /// The source's order: scope, family (IPv4 first), interface, address.
    static func sorted(_ addresses: [LocalAddress]) -> [LocalAddress] {
        func precedes(_ a: LocalAddress, _ b: LocalAddress) -> Bool {
            if a.scope != b.scope { return a.scope < b.scope }
            if a.family != b.family { return a.family == AF_INET }
            if a.interfaceIndex != b.interfaceIndex { return a.interfaceIndex < b.interfaceIndex }
            return a.bytes.lexicographicallyPrecedes(b.bytes)
        }
        return StableOrder.positions(count: addresses.count) { !precedes(addresses[$1], addresses[$0]) }
            .map { addresses[$0] }
    }
}
