@testable import LibcSupport

// A DNS reply from a hostile server: the first byte picks the question
// type (A, AAAA, PTR, CNAME), the first line after it is the question
// name, the rest the message. Names read from the message stay within 255
// bytes whatever the compression pointers do.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDNSResponse(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    guard input.count >= 1 else { return 0 }
    let types: [UInt16] = [DNSQuestion.typeA, DNSQuestion.typeAAAA, DNSQuestion.typePTR, DNSQuestion.typeCNAME]
    let type = types[Int(input[0]) % types.count]
    let (name, message) = splitKeyAndFile(input.dropFirst(1))
    let response = DNSResponse(message)
    consume(response.id)
    consume(response.isTruncated)
    consume(response.answersQuestion(name: name, type: type))
    var text = [UInt8](repeating: 0, count: 256)
    response.forEachAnswer { record in
        precondition(record.dataOffset + record.dataLength <= message.count)
        text.withUnsafeMutableBufferPointer { out in
            if let (length, next) = response.readName(at: record.ownerOffset, into: out.baseAddress!) {
                precondition(length < 256 && next <= message.count)
            }
            if let (length, _) = response.readName(at: record.dataOffset, into: out.baseAddress!) {
                precondition(length < 256)
            }
        }
    }
    let answer = DNSAnswer(reply: DNSReply(bytes: [UInt8](message.buffer)), question: name, type: type)
    var output = nullOutput()
    for address in answer.addresses { HostEntry.writeAddressColumn(address, to: &output) }
    output.flush()
    return 0
}
