/// An owned DNS reply message.
public struct DNSReply {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Calls `body` with the message parsed in place.
    public func withResponse<R>(_ body: (DNSResponse) -> R) -> R {
        bytes.withUnsafeBufferPointer { body(DNSResponse(ByteString(start: $0.baseAddress, count: $0.count))) }
    }

    public var responseCode: UInt8 { withResponse { $0.responseCode } }
}
