/// The triples of a netgroup with those of the netgroups it names, in the
/// order glibc's getent lists them.
///
/// A netgroup's own triples come first, in file order. The names it
/// mentions go on a stack of pending groups (unless already pending or
/// done), and the next group expanded is the one pushed last: `top a b c`
/// lists c's triples, then b's, then a's. Every group is expanded once, so
/// cycles end; names that no line defines add nothing.
public enum NetgroupExpansion {
    /// The outcome of `forEachTriple`.
    public enum Outcome: Equatable {
        /// No line defines the netgroup.
        case notFound
        /// Every triple was visited.
        case finished
        /// `body` asked to stop.
        case stopped
    }

    /// Calls `body(host, user, domain)` for each triple of netgroup `name`
    /// in `file` and of the netgroups it contains, until `body` returns
    /// false.
    public static func forEachTriple(
        of name: ByteString, in file: ByteString,
        _ body: (ByteString, ByteString, ByteString) -> Bool
    ) -> Outcome {
        guard let top = NetgroupRecord.find(name, in: file) else { return .notFound }
        return forEachTriple(from: top, in: file, body)
    }

    /// `forEachTriple` starting from an already found netgroup.
    public static func forEachTriple(
        from top: NetgroupRecord, in file: ByteString,
        _ body: (ByteString, ByteString, ByteString) -> Bool
    ) -> Outcome {
        var done: [ByteString] = [top.name]
        var pending: [ByteString] = []
        var record = top
        while true {
            for member in record.members {
                switch member {
                case let .triple(host, user, domain):
                    if !body(host, user, domain) { return .stopped }
                case let .group(group):
                    if !done.contains(group) && !pending.contains(group) { pending.append(group) }
                }
            }
            var next: NetgroupRecord? = nil
            while next == nil, let group = pending.popLast() {
                done.append(group)
                next = NetgroupRecord.find(group, in: file)
            }
            guard let found = next else { return .finished }
            record = found
        }
    }

    /// Writes glibc's listing of netgroup `name`: the name padded to 21
    /// columns, then ` (host,user,domain)` for each triple, where an empty
    /// host shows as one space. False when no line defines the netgroup.
    public static func writeListing(of name: ByteString, in file: ByteString, to output: inout OutputBuffer) -> Bool {
        guard let record = NetgroupRecord.find(name, in: file) else { return false }
        writeListing(of: record, in: file, to: &output)
        return true
    }

    /// Writes the listing of a found netgroup (see `writeListing(of:in:to:)`).
    public static func writeListing(of record: NetgroupRecord, in file: ByteString, to output: inout OutputBuffer) {
        output.append(record.name)
        output.append(repeating: 0x20, count: 21 - record.name.count)
        _ = forEachTriple(from: record, in: file) { host, user, domain in
            output.append(" (")
            if host.isEmpty { output.append(UInt8(ascii: " ")) } else { output.append(host) }
            output.append(UInt8(ascii: ","))
            output.append(user)
            output.append(UInt8(ascii: ","))
            output.append(domain)
            output.append(UInt8(ascii: ")"))
            return true
        }
        output.append(UInt8(ascii: "\n"))
    }

    /// `innetgr`: whether (host, user, domain) is in netgroup `name`. A
    /// triple's empty field matches anything; hosts and domains compare
    /// without regard to ASCII case, users exactly.
    public static func contains(host: ByteString, user: ByteString, domain: ByteString,
                                in name: ByteString, file: ByteString) -> Bool {
        guard let record = NetgroupRecord.find(name, in: file) else { return false }
        return contains(host: host, user: user, domain: domain, in: record, file: file)
    }

    /// `contains` for an already found netgroup.
    public static func contains(host: ByteString, user: ByteString, domain: ByteString,
                                in record: NetgroupRecord, file: ByteString) -> Bool {
        forEachTriple(from: record, in: file) { h, u, d in
            let matches = (h.isEmpty || h.equalsIgnoringASCIICase(host))
                && (u.isEmpty || u == user)
                && (d.isEmpty || d.equalsIgnoringASCIICase(domain))
            return !matches
        } == .stopped
    }

    /// Writes glibc's answer to a membership query,
    /// `name (host,user,domain) = 0|1`, with the arguments as given.
    public static func writeMembership(host: ByteString, user: ByteString, domain: ByteString,
                                       in name: ByteString, isMember: Bool, to output: inout OutputBuffer) {
        output.append(name)
        output.append(repeating: 0x20, count: 21 - name.count)
        output.append(" (")
        output.append(host)
        output.append(UInt8(ascii: ","))
        output.append(user)
        output.append(UInt8(ascii: ","))
        output.append(domain)
        output.append(isMember ? ") = 1\n" : ") = 0\n")
    }
}
