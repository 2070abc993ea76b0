/// One reply of a varlink call: either parameters or a named error, and
/// whether more replies follow (calls made with `"more": true`).
public struct VarlinkReply {
    /// The `parameters` object (an empty object when absent).
    public let parameters: JSONValue
    /// The `error` name, e.g. `io.systemd.UserDatabase.NoRecordFound`.
    public let error: [UInt8]?
    /// `"continues": true`: another reply follows.
    public let continues: Bool

    /// Decodes a received message.
    public init(message: [UInt8]) throws(VarlinkError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(message)
        } catch {
            throw .malformedReply
        }
        guard value.isObject else { throw .malformedReply }
        parameters = value["parameters"] ?? .object([])
        if let name = value["error"] {
            guard let text = name.stringValue else { throw .malformedReply }
            error = text
        } else {
            error = nil
        }
        continues = value["continues"]?.boolValue ?? false
    }

    /// Whether the error is `name`.
    public func isError(_ name: StaticString) -> Bool {
        guard let error else { return false }
        return error.withUnsafeBufferPointer { ByteString(start: $0.baseAddress, count: $0.count) == ByteString(name) }
    }
}
