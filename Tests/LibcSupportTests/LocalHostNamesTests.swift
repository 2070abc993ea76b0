import Foundation
import Testing
@testable import LibcSupport

@Suite("myhostname source")
struct LocalHostNamesTests {
    static let global4 = LocalAddress(family: AF_INET, bytes: [192, 0, 2, 2], interfaceIndex: 4, scope: 0)
    static let global6 = LocalAddress(family: AF_INET6, bytes: [0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2], interfaceIndex: 4, scope: 0)
    static let link6 = LocalAddress(family: AF_INET6, bytes: [0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0xfc, 0, 0xff, 0xfe, 0, 0, 1], interfaceIndex: 4, scope: 253)
    static let gateway4 = LocalAddress(family: AF_INET, bytes: [192, 0, 2, 1], interfaceIndex: 4, metric: 0)
    static let gateway6 = LocalAddress(family: AF_INET6, bytes: [0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], interfaceIndex: 4, metric: 1024)

    func machine(addresses: [LocalAddress] = [global4, global6, link6]) -> LocalHostNames {
        LocalHostNames(hostName: { Array("vm".utf8) }, localAddresses: { addresses },
                       gateways: { [Self.gateway4, Self.gateway6] },
                       outboundAddress: { $0.family == AF_INET ? Self.global4 : Self.global6 })
    }

    func lookup(_ m: LocalHostNames, _ name: String, _ family: Int32) -> LocalHostNameAnswer? {
        Array(name.utf8).withUnsafeBufferPointer { m.lookup(name: ByteString(start: $0.baseAddress, count: $0.count), family: family) }
    }

    func names(_ answer: LocalHostNameAnswer?) -> String? {
        answer.map { ([$0.canonicalName] + $0.aliases).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ") }
    }

    @Test func hostName() {
        let m = machine()
        #expect(m.lookup(name: ByteString("vm"), family: AF_INET6)?.addresses == [Self.global6, Self.link6])
        #expect(m.lookup(name: ByteString("vm."), family: AF_INET)?.addresses == [Self.global4])
        #expect(m.lookup(name: ByteString("vm"), family: AF_UNSPEC)?.addresses == [Self.global4, Self.global6, Self.link6])
        #expect(names(m.lookup(name: ByteString("vm"), family: AF_UNSPEC)) == "vm")
        #expect(m.lookup(name: ByteString("VM"), family: AF_INET6) == nil, "the host name is case-sensitive")
        #expect(m.lookup(name: ByteString("vm.."), family: AF_INET6) == nil)
        #expect(m.lookup(name: ByteString("other"), family: AF_INET6) == nil)
    }

    @Test func hostNameWithoutAddressesOfTheFamily() {
        let m = machine(addresses: [Self.global4])
        #expect(m.lookup(name: ByteString("vm"), family: AF_INET6)?.addresses == [.ipv6Loopback])
        #expect(names(m.lookup(name: ByteString("vm"), family: AF_INET6)) == "vm localhost")
        #expect(m.lookup(name: ByteString("vm"), family: AF_INET)?.addresses == [Self.global4])
        #expect(m.lookup(name: ByteString("vm"), family: AF_UNSPEC)?.addresses == [Self.global4])
    }

    @Test func hostNameWithoutAddresses() {
        let m = machine(addresses: [])
        #expect(m.lookup(name: ByteString("vm"), family: AF_INET)?.addresses == [.ipv4(127, 0, 0, 2)])
        #expect(m.lookup(name: ByteString("vm"), family: AF_INET6)?.addresses == [.ipv6Loopback])
        #expect(names(m.lookup(name: ByteString("vm"), family: AF_INET6)) == "vm localhost")
    }

    @Test(arguments: ["localhost", "LOCALHOST", "localhost.", "foo.localhost", "a.b.localhost", ".localhost", "a..localhost",
                      "localhost.localdomain", "Localhost.LocalDomain", "x.localhost.localdomain", "localhost.localdomain.", "foo.LOCALHOST"])
    func localhostNames(name: String) {
        let answer = lookup(machine(), name, AF_UNSPEC)
        #expect(names(answer) == "localhost")
        #expect(answer?.addresses == [.ipv4(127, 0, 0, 1), .ipv6Loopback])
    }

    @Test(arguments: ["x.localdomain", "localhostx", "xlocalhost", "localdomain", ""])
    func notLocalhost(name: String) {
        #expect(lookup(machine(), name, AF_UNSPEC) == nil)
    }

    @Test func gatewayAndOutbound() {
        let m = machine()
        #expect(names(m.lookup(name: ByteString("_GATEWAY."), family: AF_UNSPEC)) == "_gateway")
        #expect(m.lookup(name: ByteString("_gateway"), family: AF_INET6)?.addresses == [Self.gateway6])
        #expect(m.lookup(name: ByteString("_Outbound"), family: AF_UNSPEC)?.addresses == [Self.global4, Self.global6])
        #expect(m.lookup(name: ByteString("_outbound"), family: AF_INET6)?.addresses == [Self.global6])
        // Ordered as the local addresses, whatever the gateways' order.
        let twoOut = LocalHostNames(hostName: { nil }, localAddresses: { [] },
                                    gateways: { [.ipv4(10, 9, 9, 1), .ipv4(10, 9, 8, 1)] },
                                    outboundAddress: { $0.bytes[2] == 9 ? .ipv4(10, 9, 9, 9) : .ipv4(10, 9, 8, 7) })
        #expect(twoOut.lookup(name: ByteString("_outbound"), family: AF_INET)?.addresses == [.ipv4(10, 9, 8, 7), .ipv4(10, 9, 9, 9)])
        let none = LocalHostNames(hostName: { nil }, localAddresses: { [] }, gateways: { [] }, outboundAddress: { _ in nil })
        #expect(none.lookup(name: ByteString("_gateway"), family: AF_UNSPEC) == nil)
        #expect(none.lookup(name: ByteString("_outbound"), family: AF_UNSPEC) == nil)
    }

    @Test func reverse() {
        let m = machine()
        #expect(names(m.reverse(address: .ipv4(127, 0, 0, 1))) == "localhost")
        #expect(names(m.reverse(address: .ipv6Loopback)) == "localhost vm")
        #expect(names(m.reverse(address: .ipv4(127, 0, 0, 2))) == "vm")
        #expect(m.reverse(address: .ipv4(127, 0, 0, 5)) == nil)
        #expect(m.reverse(address: Self.link6)?.addresses == [Self.global6, Self.link6])
        #expect(m.reverse(address: Self.global4)?.addresses == [Self.global4])
        #expect(names(m.reverse(address: Self.gateway4)) == "_gateway")
        #expect(m.reverse(address: Self.gateway6)?.addresses == [Self.gateway6])
        #expect(m.reverse(address: LocalAddress(family: AF_INET6, bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 2])) == nil)
    }

    @Test func routeTables() {
        let ipv4 = """
        Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
        eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0
        eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
        eth1\t00000000\t0101A8C0\t0003\t0\t0\t50\t00000000\t0\t0\t0
        eth2\t00000000\t0102A8C0\t0001\t0\t0\t10\t00000000\t0\t0\t0
        garbage line
        """
        let ipv6 = """
        fd000000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000003 00000000 00000001     eth0
        00000000000000000000000000000000 00 00000000000000000000000000000000 00 fd000000000000000000000000000001 00000400 00000003 00000000 00000003     eth0
        00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo
        """
        let index: (ByteString) -> UInt32 = { $0 == ByteString("eth0") ? 4 : 5 }
        let v4 = Array(ipv4.utf8).withUnsafeBufferPointer {
            DefaultGateways.parseIPv4(ByteString(start: $0.baseAddress, count: $0.count), interfaceIndex: index)
        }
        let v6 = Array(ipv6.utf8).withUnsafeBufferPointer {
            DefaultGateways.parseIPv6(ByteString(start: $0.baseAddress, count: $0.count), interfaceIndex: index)
        }
        #expect(v4.map(\.bytes) == [[192, 0, 2, 1], [192, 168, 1, 1]])
        #expect(v4.map(\.interfaceIndex) == [4, 5])
        #expect(v6.map(\.bytes) == [Self.gateway6.bytes])
        #expect(v6.first?.metric == 1024)
        #expect(DefaultGateways.sorted(v4 + v6).map(\.metric) == [50, 100, 1024])
    }

    /// The netlink list has the same addresses as getifaddrs(3), minus loopback.
    @Test func kernelAddresses() {
        let ours = Set(LocalAddressList.current().map { $0.bytes })
        var theirs = Set<[UInt8]>()
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return }
        defer { freeifaddrs(list) }
        var entry = list
        while let current = entry {
            defer { entry = current.pointee.ifa_next }
            guard let address = current.pointee.ifa_addr else { continue }
            if Int32(address.pointee.sa_family) == AF_INET {
                let bytes = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { withUnsafeBytes(of: $0.pointee.sin_addr) { Array($0) } }
                if bytes[0] != 127 { theirs.insert(bytes) }
            } else if Int32(address.pointee.sa_family) == AF_INET6 {
                let bytes = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { withUnsafeBytes(of: $0.pointee.sin6_addr) { Array($0) } }
                if bytes != LocalAddress.ipv6Loopback.bytes { theirs.insert(bytes) }
            }
        }
        #expect(ours == theirs)
        let sorted = LocalAddressList.current()
        #expect(sorted == LocalAddressList.sorted(sorted))
    }
}
