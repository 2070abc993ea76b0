/// A `getaddrinfo` answer before formatting: addresses in answer order and
/// the canonical name (`AI_CANONNAME`), which `getent ahosts` prints on the
/// first line only.
public struct AddressList {
    public var addresses: [IPAddress] = []
    /// Empty or one name.
    public var canonicalName = NameList()

    public init() {}

    /// Appends `getent ahosts` lines: for each address STREAM, DGRAM and RAW,
    /// the canonical name after the first STREAM only.
    public func write(to output: inout OutputBuffer) {
        // The socket-type column, padded to six and a space, for each kind.
        let kinds: StaticString = "STREAM DGRAM  RAW    "
        var first = true
        for address in addresses {
            for kind in 0..<3 {
                AddressList.writeAddressColumn(address, to: &output)
                output.append(UnsafeRawBufferPointer(start: kinds.utf8Start + 7 * kind, count: 7))
                if first && !canonicalName.isEmpty {
                    canonicalName.withName(0) { output.append($0) }
                }
                first = false
                output.append(UInt8(ascii: "\n"))
            }
        }
    }

    /// The address column of `getent ahosts`: `%-15s ` for an address without
    /// scope; with a scope glibc appends `%N` and pads as if the scope's
    /// digits counted twice (observed: `fe80::1%4` is followed by 5 spaces,
    /// `fe80::1%12` by 3).
    @inline(never)
    public static func writeAddressColumn(_ address: IPAddress, to output: inout OutputBuffer) {
        let n = address.write(to: &output)
        if address.family == .v6 && address.scopeID != 0 {
            output.append(UInt8(ascii: "%"))
            output.append(decimal: address.scopeID)
            var digits = 1
            var v = address.scopeID
            while v >= 10 { v /= 10; digits += 1 }
            let pad = 13 - n - 2 * digits
            output.append(repeating: UInt8(ascii: " "), count: (pad > 0 ? pad : 0) + 1)
        } else {
            output.append(repeating: UInt8(ascii: " "), count: n < 15 ? 16 - n : 1)
        }
    }
}
