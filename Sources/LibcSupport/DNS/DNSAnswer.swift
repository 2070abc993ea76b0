/// What a reply says about the name asked: the CNAME chain from the question
/// name, the addresses (or PTR names) at its end, and the canonical name.
///
/// Records are taken in order as glibc takes them: a CNAME whose owner is the
/// current name moves the current name to its target (the owner becomes an
/// alias); an A, AAAA or PTR record counts only when its owner is the current
/// name. Names that are not valid host names are ignored, as glibc's checks
/// drop them.
public struct DNSAnswer {
    /// CNAME owners, in chain order (the question name first).
    public var aliases = NameList()
    /// The owner of the first address (or PTR) record; empty when none.
    public var canonicalName = NameList()
    public var addresses: [IPAddress] = []
    /// PTR targets, in order.
    public var pointerNames = NameList()

    public init() {}

    public init(reply: DNSReply, question name: ByteString, type: UInt16) {
        reply.withResponse { response in
            var current = [UInt8](name.buffer)
            if let last = current.last, last == UInt8(ascii: ".") { current.removeLast() }
            var owner = [UInt8](repeating: 0, count: 256)
            var target = [UInt8](repeating: 0, count: 256)
            response.forEachAnswer { record in
                guard record.recordClass == DNSQuestion.classIN else { return }
                let ownerLength = owner.withUnsafeMutableBufferPointer { response.readName(at: record.ownerOffset, into: $0.baseAddress!)?.length }
                guard let ownerLength else { return }
                let sameOwner = owner.withUnsafeBufferPointer { o in
                    current.withUnsafeBufferPointer { c in
                        ByteString(start: o.baseAddress, count: ownerLength)
                            .equalsIgnoringASCIICase(ByteString(start: c.baseAddress, count: c.count))
                    }
                }
                guard sameOwner else { return }
                let ownerBytes = owner.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[0..<ownerLength]) }
                switch record.type {
                case DNSQuestion.typeCNAME:
                    guard addresses.isEmpty, pointerNames.isEmpty,
                          let t = target.withUnsafeMutableBufferPointer({ response.readName(at: record.dataOffset, into: $0.baseAddress!) }),
                          t.next <= record.dataOffset + record.dataLength else { return }
                    let targetName = Array(target[0..<t.length])
                    guard DNSAnswer.isHostName(targetName) else { return }
                    aliases.append(bytes: ownerBytes)
                    current = targetName
                case DNSQuestion.typeA where type == DNSQuestion.typeA && record.dataLength == 4,
                     DNSQuestion.typeAAAA where type == DNSQuestion.typeAAAA && record.dataLength == 16:
                    guard DNSAnswer.isHostName(Array(ownerBytes)) else { return }
                    let address = response.message.buffer.withMemoryRebound(to: UInt8.self) { buffer in
                        IPAddress.fromBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[record.dataOffset..<(record.dataOffset + record.dataLength)]))
                    }
                    guard let address else { return }
                    if addresses.isEmpty { canonicalName.append(bytes: ownerBytes) }
                    addresses.append(address)
                case DNSQuestion.typePTR where type == DNSQuestion.typePTR:
                    guard let t = target.withUnsafeMutableBufferPointer({ response.readName(at: record.dataOffset, into: $0.baseAddress!) }),
                          t.next <= record.dataOffset + record.dataLength else { return }
                    let targetName = Array(target[0..<t.length])
                    guard DNSAnswer.isHostName(targetName) else { return }
                    if pointerNames.isEmpty { canonicalName.append(bytes: ownerBytes) }
                    targetName.withUnsafeBufferPointer { pointerNames.append(bytes: $0) }
                default:
                    return
                }
            }
        }
    }

    /// A host name as resolvers accept it: labels of letters, digits, `-`
    /// and `_`, separated by dots.
    static func isHostName(_ name: [UInt8]) -> Bool {
        if name.isEmpty { return false }
        for c in name {
            let lower = c | 0x20
            if (lower >= 0x61 && lower <= 0x7A) || ASCII.isDigit(c) || c == UInt8(ascii: "-")
                || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") { continue }
            return false
        }
        return true
    }
}
