/// A `getent services` key and its search over the bytes of `/etc/services`.
///
/// glibc's getent splits the key at its first `/` into a service and a
/// protocol. The service is a port when it is all decimal digits with a value
/// up to 65535 (`080` is port 80; `+80`, `0x50` and `65536` are names), and a
/// name otherwise. Names and protocols compare exactly (case matters); the
/// first matching line wins.
public struct ServiceQuery {
    public enum Target: Equatable {
        case name(ByteString)
        case port(UInt16)
    }

    public var target: Target
    /// The protocol to match exactly, or nil for any.
    public var proto: ByteString?

    /// Interprets a command-line key the way glibc's getent does.
    public init(key: ByteString) {
        var service = key
        proto = nil
        if let slash = key.firstIndex(of: UInt8(ascii: "/")) {
            service = key.prefix(slash)
            proto = key.dropFirst(slash + 1)
        }
        if let port = service.parseDecimal(limit: UInt64(UInt16.max)) {
            target = .port(UInt16(port))
        } else {
            target = .name(service)
        }
    }

    /// Whether `record` answers this query.
    public func matches(_ record: ServiceRecord) -> Bool {
        if let proto, record.proto != proto { return false }
        switch target {
        case .name(let name): return record.isNamed(name)
        case .port(let port): return record.port == port
        }
    }

    /// The first line of `file` that answers the query.
    public func firstMatch(in file: ByteString) -> ServiceRecord? {
        switch target {
        case .name(let name):
            return WordSearch.firstLine(containing: name, in: file) { line in
                ServiceRecord.parse(line).flatMap { matches($0) ? $0 : nil }
            }
        case .port:
            for line in LineSequence(file) {
                if let record = ServiceRecord.parse(line), matches(record) { return record }
            }
            return nil
        }
    }
}
