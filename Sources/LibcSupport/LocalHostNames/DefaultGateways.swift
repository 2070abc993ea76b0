import CLibc

/// The default gateways, from `/proc/net/route` (IPv4) and
/// `/proc/net/ipv6_route` (IPv6): the routes to 0.0.0.0/0 and ::/0 that
/// are up and go through a gateway, ordered by metric (IPv4 first on a tie).
public enum DefaultGateways {
    static let routeUp: UInt64 = 0x1
    static let routeGateway: UInt64 = 0x2

    public static func current() -> [LocalAddress] {
        var gateways: [LocalAddress] = []
        if let file = try? MappedFile(path: "/proc/net/route") {
            gateways += parseIPv4(file.bytes, interfaceIndex: interfaceIndex)
        }
        if let file = try? MappedFile(path: "/proc/net/ipv6_route") {
            gateways += parseIPv6(file.bytes, interfaceIndex: interfaceIndex)
        }
        return sorted(gateways)
    }

    static func interfaceIndex(_ name: ByteString) -> UInt32 {
        var terminated = Array(name.buffer)
        terminated.append(0)
        return terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { if_nametoindex($0.baseAddress!) }
        }
    }

    static func sorted(_ gateways: [LocalAddress]) -> [LocalAddress] {
        // A stable sort by metric.
        StableOrder.positions(count: gateways.count) { gateways[$0].metric <= gateways[$1].metric }
            .map { gateways[$0] }
    }

    /// `Iface Destination Gateway Flags RefCnt Use Metric Mask ...`, hex
    /// fields in host (little-endian) byte order.
    static func parseIPv4(_ bytes: ByteString, interfaceIndex: (ByteString) -> UInt32) -> [LocalAddress] {
        var result: [LocalAddress] = []
        var first = true
        for line in LineSequence(bytes) {
            if first { first = false; continue } // the header
            let fields = whitespaceFields(line)
            guard fields.count >= 8,
                  let destination = hex(fields[1]), let gateway = hex(fields[2]), let flags = hex(fields[3]),
                  let metric = fields[6].parseDecimal(limit: UInt64(UInt32.max)), let mask = hex(fields[7]) else { continue }
            guard destination == 0, mask == 0, flags & (routeUp | routeGateway) == routeUp | routeGateway, gateway != 0 else { continue }
            let g = UInt32(truncatingIfNeeded: gateway)
            var address = LocalAddress(family: AF_INET,
                                       bytes: [UInt8(g & 0xFF), UInt8((g >> 8) & 0xFF), UInt8((g >> 16) & 0xFF), UInt8(g >> 24)])
            address.interfaceIndex = interfaceIndex(fields[0])
            address.metric = UInt32(metric)
            result.append(address)
        }
        return result
    }

    /// `dest plen src plen nexthop metric refcnt use flags iface`, hex fields.
    static func parseIPv6(_ bytes: ByteString, interfaceIndex: (ByteString) -> UInt32) -> [LocalAddress] {
        var result: [LocalAddress] = []
        for line in LineSequence(bytes) {
            let fields = whitespaceFields(line)
            guard fields.count >= 10, let destination = hex128(fields[0]), let prefix = hex(fields[1]),
                  let nextHop = hex128(fields[4]), let metric = hex(fields[5]), let flags = hex(fields[8]) else { continue }
            guard prefix == 0, destination.allSatisfy({ $0 == 0 }), !nextHop.allSatisfy({ $0 == 0 }),
                  flags & (routeUp | routeGateway) == routeUp | routeGateway else { continue }
            var address = LocalAddress(family: AF_INET6, bytes: nextHop)
            address.interfaceIndex = interfaceIndex(fields[9])
            address.metric = UInt32(truncatingIfNeeded: metric)
            result.append(address)
        }
        return result
    }

    static func whitespaceFields(_ line: ByteString) -> [ByteString] {
        var fields: [ByteString] = []
        var start = -1
        for i in 0...line.count {
            let blank = i == line.count || ASCII.isSpace(line[i])
            if blank {
                if start >= 0 { fields.append(line.slice(start, i)); start = -1 }
            } else if start < 0 {
                start = i
            }
        }
        return fields
    }

    static func hexDigit(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    static func hex(_ field: ByteString) -> UInt64? {
        if field.count == 0 || field.count > 16 { return nil }
        var value: UInt64 = 0
        for i in 0..<field.count {
            guard let digit = hexDigit(field[i]) else { return nil }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    static func hex128(_ field: ByteString) -> [UInt8]? {
        if field.count != 32 { return nil }
        var bytes: [UInt8] = []
        for i in stride(from: 0, to: 32, by: 2) {
            guard let high = hexDigit(field[i]), let low = hexDigit(field[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }
}
