import CLibc

/// Orders `getaddrinfo` answers by RFC 6724 destination address selection,
/// as glibc does: for each destination it finds the source address the
/// kernel would use (a UDP socket connected to it; no packet is sent) and
/// compares pairs by
///  1. usable destinations (with a source) first,
///  2. matching scope, 5. matching label, 6. higher precedence,
///  8. smaller scope, 9. longest matching prefix with the source (IPv6: the
///     whole address; IPv4: only inside the source's subnet, as observed),
/// 10. the original order.
/// Rules 3, 4 and 7 (deprecated, home and tunnelled sources) need address
/// flags glibc reads over netlink and are not applied.
///
/// The comparison is not transitive across families, so the result depends
/// on the sorting algorithm: this is a top-down merge sort, which is what
/// gives glibc's orders.
public struct AddressSorter {
    public var policy: AddressPolicy

    public init(policy: AddressPolicy) { self.policy = policy }

    struct Candidate {
        var address: IPAddress
        var index: Int
        var source: IPAddress?
        var sourcePrefix: Int
        var label: Int
        var precedence: Int
        var scope: Int
        var sourceLabel: Int
        var sourceScope: Int
    }

    /// Sorts `addresses` in place. `interfaces` (address and prefix length
    /// of each configured address) is read when not given and needed.
    public func sort(_ addresses: inout [IPAddress], interfaces known: [(IPAddress, Int)]? = nil) {
        if addresses.count < 2 { return }
        var interfaces: [(IPAddress, Int)] = known ?? []
        // The prefix lengths matter only for rule 9 between IPv4 destinations.
        if known == nil && addresses.filter({ $0.family == .v4 }).count > 1 {
            NetworkInterfaces.forEachAddress { address, prefix in interfaces.append((address, prefix)) }
        }
        var items: [Candidate] = []
        for (i, address) in addresses.enumerated() {
            let source = AddressSorter.loopbackSource(for: address, interfaces: known)
                ?? AddressSorter.sourceAddress(for: address)
            var prefix = 0
            if let source {
                for (local, length) in interfaces where local == source || (source.isV4Mapped && local.family == .v4 && local.v4Mapped == source) {
                    prefix = length
                    break
                }
            }
            items.append(Candidate(
                address: address, index: i, source: source, sourcePrefix: prefix,
                label: policy.label(address), precedence: policy.precedence(address), scope: policy.scope(address),
                sourceLabel: source.map { policy.label($0) } ?? 0, sourceScope: source.map { policy.scope($0) } ?? 0))
        }
        let order = StableOrder.positions(count: items.count) { compare(items[$0], items[$1]) <= 0 }
        for (i, position) in order.enumerated() { addresses[i] = items[position].address }
    }

    /// Negative when `a` goes first.
    func compare(_ a: Candidate, _ b: Candidate) -> Int {
        // Rule 1: avoid unusable destinations.
        if (a.source != nil) != (b.source != nil) { return a.source != nil ? -1 : 1 }
        if a.source != nil {
            // Rule 2: prefer matching scope.
            let aScope = a.scope == a.sourceScope, bScope = b.scope == b.sourceScope
            if aScope != bScope { return aScope ? -1 : 1 }
            // Rule 5: prefer matching label.
            let aLabel = a.label == a.sourceLabel, bLabel = b.label == b.sourceLabel
            if aLabel != bLabel { return aLabel ? -1 : 1 }
        }
        // Rule 6: higher precedence.
        if a.precedence != b.precedence { return a.precedence > b.precedence ? -1 : 1 }
        // Rule 8: smaller scope.
        if a.scope != b.scope { return a.scope < b.scope ? -1 : 1 }
        // Rule 9: longest matching prefix, same family only.
        if let sa = a.source, let sb = b.source, a.address.family == b.address.family {
            let pa = AddressSorter.matchingPrefix(a.address, sa, subnet: a.sourcePrefix)
            let pb = AddressSorter.matchingPrefix(b.address, sb, subnet: b.sourcePrefix)
            if pa != pb { return pa > pb ? -1 : 1 }
        }
        // Rule 10: keep the order.
        return a.index - b.index
    }

    /// Common leading bits of a destination and its source. For IPv4 only a
    /// destination inside the source's subnet counts (others count 0).
    static func matchingPrefix(_ destination: IPAddress, _ source: IPAddress, subnet: Int) -> Int {
        if destination.family == .v4 {
            let s = source.isV4Mapped ? UInt32(truncatingIfNeeded: source.low) : source.v4Value
            let common = (destination.v4Value ^ s).leadingZeroBitCount
            return common >= subnet ? common : 0
        }
        let h = (destination.high ^ source.high).leadingZeroBitCount
        if h < 64 { return h }
        return 64 + (destination.low ^ source.low).leadingZeroBitCount
    }

    /// The source of a datagram socket connected to 127.0.0.1 or ::1,
    /// known without asking the kernel (four system calls each, the larger
    /// part of `getent ahosts localhost`): that same address, when the
    /// interface addresses read over netlink (`interfaces`) show the
    /// loopback interface up. ::1 among them is the sign: Linux removes a
    /// downed interface's IPv6 addresses (127.0.0.1 stays listed, but
    /// unreachable). nil: ask the kernel (`sourceAddress(for:)`).
    static func loopbackSource(for destination: IPAddress, interfaces: [(IPAddress, Int)]?) -> IPAddress? {
        guard let interfaces, destination.scopeID == 0,
              destination.isV6Loopback || (destination.family == .v4 && destination.v4Value == 0x7F00_0001),
              interfaces.contains(where: { $0.0.isV6Loopback }),
              interfaces.contains(where: { $0.0 == destination }) else { return nil }
        return destination
    }

    /// The source address the kernel picks for `destination`, or nil when
    /// it has no route (connect fails).
    public static func sourceAddress(for destination: IPAddress) -> IPAddress? {
        var bytes: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &bytes) { raw -> IPAddress? in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            for i in 0..<destination.byteCount { p[i] = destination.byte(i) }
            let fd = clibc_socket_connect(clibc_sock_dgram, p, Int32(destination.byteCount), 0, destination.scopeID, 0)
            if fd < 0 { return nil }
            defer { _ = close(fd) }
            var scope: UInt32 = 0
            let length = Int(clibc_socket_local_address(fd, p, &scope))
            if length == 0 { return nil }
            guard var source = IPAddress.fromBytes(UnsafeRawBufferPointer(start: p, count: length)) else { return nil }
            source.scopeID = scope
            return source
        }
    }
}
