import CLibc

/// Sends DNS queries to the configured servers and collects the replies, as
/// glibc's stub resolver does: each round (`attempts`) tries every server in
/// turn, waiting up to `timeout` seconds on each; a server that refuses the
/// connection (nothing listens) or answers SERVFAIL, REFUSED, NOTIMP or
/// FORMERR is skipped at once; a truncated UDP reply is asked again over TCP.
/// Two questions (A and AAAA) go out together on one socket unless
/// `single-request` is set.
public struct DNSTransport {
    public var configuration: ResolverConfiguration
    var rotation = 0

    public init(configuration: ResolverConfiguration) {
        self.configuration = configuration
    }

    /// Asks `name` for each of `types` (one or two); returns a reply per type
    /// (nil when no server gave a usable answer: time-out, refusal, server
    /// failure).
    public mutating func query(name: ByteString, types: [UInt16]) -> [DNSReply?] {
        var replies = [DNSReply?](repeating: nil, count: types.count)
        var queries: [[UInt8]] = []
        var ids: [UInt16] = []
        for type in types {
            var buffer = [UInt8](repeating: 0, count: 12 + 256 + 4)
            let id = DNSTransport.randomID()
            let length = buffer.withUnsafeMutableBufferPointer {
                DNSQuestion.build(id: id, name: name, type: type, into: $0.baseAddress!)
            }
            guard let length else { return replies } // not an encodable name
            buffer.removeLast(buffer.count - length)
            queries.append(buffer)
            ids.append(id)
        }
        let servers = configuration.nameservers
        if servers.isEmpty { return replies }
        let start = configuration.rotate ? rotation % servers.count : 0
        if configuration.rotate { rotation += 1 }
        for _ in 0..<configuration.attempts {
            for k in 0..<servers.count {
                let server = servers[(start + k) % servers.count]
                if configuration.useTCP {
                    for q in 0..<types.count where replies[q] == nil {
                        replies[q] = accepted(exchangeTCP(queries[q], server: server), name: name, type: types[q], id: ids[q])
                    }
                } else if configuration.singleRequest {
                    for q in 0..<types.count where replies[q] == nil {
                        var one: [DNSReply?] = [nil]
                        exchangeUDP([queries[q]], ids: [ids[q]], name: name, types: [types[q]], server: server, replies: &one)
                        replies[q] = one[0]
                    }
                } else {
                    var pendingQueries: [[UInt8]] = [], pendingIDs: [UInt16] = [], pendingTypes: [UInt16] = []
                    var slots: [Int] = []
                    for q in 0..<types.count where replies[q] == nil {
                        pendingQueries.append(queries[q]); pendingIDs.append(ids[q])
                        pendingTypes.append(types[q]); slots.append(q)
                    }
                    var got = [DNSReply?](repeating: nil, count: slots.count)
                    exchangeUDP(pendingQueries, ids: pendingIDs, name: name, types: pendingTypes, server: server, replies: &got)
                    for (i, slot) in slots.enumerated() { replies[slot] = got[i] }
                }
                if !replies.contains(where: { $0 == nil }) { return replies }
            }
        }
        return replies
    }

    /// A reply that answers our question with a final code (NOERROR or
    /// NXDOMAIN); other codes make the resolver try the next server.
    func accepted(_ reply: DNSReply?, name: ByteString, type: UInt16, id: UInt16) -> DNSReply? {
        guard let reply else { return nil }
        let ok = reply.withResponse { r in
            r.isResponse && r.id == id && r.answersQuestion(name: name, type: type)
                && (r.responseCode == DNSResponse.noError || r.responseCode == DNSResponse.nameError)
        }
        return ok ? reply : nil
    }

    /// One UDP round with `server`: sends every query, waits up to the time-out
    /// for all replies.
    mutating func exchangeUDP(_ queries: [[UInt8]], ids: [UInt16], name: ByteString, types: [UInt16],
                              server: IPAddress, replies: inout [DNSReply?]) {
        guard let fd = DNSTransport.connect(server, type: clibc_sock_dgram) else { return }
        defer { _ = close(fd) }
        for query in queries {
            let sent = query.withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count, 0) }
            if sent < 0 { return }
        }
        let deadline = clibc_monotonic_milliseconds() + Int64(configuration.timeout) * 1000
        var buffer = [UInt8](repeating: 0, count: 65536)
        while replies.contains(where: { $0 == nil }) {
            let remaining = deadline - clibc_monotonic_milliseconds()
            if remaining <= 0 { return }
            var events: Int16 = 0
            let ready = clibc_poll_one(fd, clibc_pollin, Int32(remaining), &events)
            if ready < 0 {
                if clibc_errno() == EINTR { continue }
                return
            }
            if ready == 0 { return }
            let n = buffer.withUnsafeMutableBufferPointer { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 {
                let error = clibc_errno()
                if error == EINTR || error == EAGAIN { continue }
                return // ECONNREFUSED: nothing listens there
            }
            let reply = DNSReply(bytes: Array(buffer[0..<n]))
            for q in 0..<queries.count where replies[q] == nil {
                let matches = reply.withResponse { r in
                    r.isResponse && r.id == ids[q] && r.answersQuestion(name: name, type: types[q])
                }
                if !matches { continue }
                if reply.withResponse({ $0.isTruncated }) {
                    replies[q] = accepted(exchangeTCP(queries[q], server: server), name: name, type: types[q], id: ids[q])
                } else {
                    let code = reply.responseCode
                    if code == DNSResponse.noError || code == DNSResponse.nameError {
                        replies[q] = reply
                    } else {
                        return // server failure or refusal: next server
                    }
                }
                break
            }
        }
    }

    /// One query over TCP (two-byte length prefix), within the time-out.
    func exchangeTCP(_ query: [UInt8], server: IPAddress) -> DNSReply? {
        guard let fd = DNSTransport.connect(server, type: clibc_sock_stream) else { return nil }
        defer { _ = close(fd) }
        let deadline = clibc_monotonic_milliseconds() + Int64(configuration.timeout) * 1000
        var framed: [UInt8] = [UInt8(query.count >> 8), UInt8(truncatingIfNeeded: query.count)]
        framed.append(contentsOf: query)
        var offset = 0
        while offset < framed.count {
            guard DNSTransport.wait(fd, for: clibc_pollout, until: deadline) else { return nil }
            let n = framed.withUnsafeBufferPointer { send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if clibc_errno() == EINTR || clibc_errno() == EAGAIN { continue }
                return nil
            }
            offset += n
        }
        var header = [UInt8](repeating: 0, count: 2)
        guard DNSTransport.readExactly(fd, into: &header, until: deadline) else { return nil }
        let length = Int(header[0]) << 8 | Int(header[1])
        if length < 12 { return nil }
        var message = [UInt8](repeating: 0, count: length)
        guard DNSTransport.readExactly(fd, into: &message, until: deadline) else { return nil }
        return DNSReply(bytes: message)
    }

    static func readExactly(_ fd: Int32, into buffer: inout [UInt8], until deadline: Int64) -> Bool {
        var offset = 0
        while offset < buffer.count {
            guard wait(fd, for: clibc_pollin, until: deadline) else { return false }
            let n = buffer.withUnsafeMutableBufferPointer { recv(fd, $0.baseAddress! + offset, $0.count - offset, 0) }
            if n < 0 {
                if clibc_errno() == EINTR || clibc_errno() == EAGAIN { continue }
                return false
            }
            if n == 0 { return false }
            offset += n
        }
        return true
    }

    static func wait(_ fd: Int32, for events: Int16, until deadline: Int64) -> Bool {
        while true {
            let remaining = deadline - clibc_monotonic_milliseconds()
            if remaining <= 0 { return false }
            var revents: Int16 = 0
            let r = clibc_poll_one(fd, events, Int32(remaining), &revents)
            if r < 0 && clibc_errno() == EINTR { continue }
            return r > 0
        }
    }

    static func connect(_ server: IPAddress, type: Int32) -> Int32? {
        var bytes: (UInt64, UInt64) = (0, 0)
        let fd = withUnsafeMutableBytes(of: &bytes) { raw -> Int32 in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            for i in 0..<server.byteCount { p[i] = server.byte(i) }
            return clibc_socket_connect(type, p, Int32(server.byteCount), 53, server.scopeID, 1)
        }
        return fd < 0 ? nil : fd
    }

    static func randomID() -> UInt16 {
        var id: UInt16 = 0
        if getrandom(&id, 2, 0) != 2 {
            id = UInt16(truncatingIfNeeded: clibc_monotonic_milliseconds() &* 2654435761)
        }
        return id
    }
}
