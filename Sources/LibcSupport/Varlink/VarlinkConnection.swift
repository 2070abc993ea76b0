import CLibc

/// A client connection to a varlink service on an `AF_UNIX` stream socket.
///
/// Messages are JSON objects terminated by a NUL byte. Every operation
/// shares one deadline fixed at connection time, and the socket is
/// non-blocking, so a service that accepts but never answers (or a full
/// listen backlog) costs at most the timeout.
public struct VarlinkConnection: ~Copyable {
    @usableFromInline let descriptor: Int32
    let deadline: Int64
    /// Bytes received and not yet returned as messages.
    var pending: [UInt8] = []

    /// The largest reply accepted (a user record is a few KiB).
    public static let maximumMessageSize = 4 * 1024 * 1024

    /// Connects to the socket at `path` (NUL-terminated), giving the whole
    /// exchange `timeoutMilliseconds`.
    public init(path: UnsafePointer<CChar>, timeoutMilliseconds: Int) throws(VarlinkError) {
        let deadline = clibc_monotonic_milliseconds() + Int64(timeoutMilliseconds)
        descriptor = try VarlinkConnection.connect(path: path, deadline: deadline)
        self.deadline = deadline
    }

    /// Connects to the socket whose path is `path` (bytes, no NUL).
    public init(path: [UInt8], timeoutMilliseconds: Int) throws(VarlinkError) {
        let deadline = clibc_monotonic_milliseconds() + Int64(timeoutMilliseconds)
        var terminated = path
        terminated.append(0)
        var outcome: Result<Int32, VarlinkError> = .failure(.closed)
        terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                do throws(VarlinkError) {
                    outcome = .success(try VarlinkConnection.connect(path: chars.baseAddress!, deadline: deadline))
                } catch {
                    outcome = .failure(error)
                }
            }
        }
        descriptor = try outcome.get()
        self.deadline = deadline
    }

    static func connect(path: UnsafePointer<CChar>, deadline: Int64) throws(VarlinkError) -> Int32 {
        let fd = socket(AF_UNIX, Int32(clibc_sock_stream | clibc_sock_cloexec | clibc_sock_nonblock), 0)
        if fd < 0 { throw .unavailable(Errno.current) }
        while true {
            if clibc_connect_unix(fd, path) == 0 { return fd }
            let error = Errno.current
            switch error.rawValue {
            case EINTR:
                continue
            case EAGAIN:
                // The listen backlog is full: a stream AF_UNIX connect cannot
                // be waited for, only retried.
                if deadline - clibc_monotonic_milliseconds() <= 0 { CLibc.close(fd); throw .timedOut }
                _ = poll(nil, 0, 5)
            case EINPROGRESS:
                do throws(VarlinkError) {
                    try waitFor(fd, events: Int16(POLLOUT), deadline: deadline)
                } catch {
                    CLibc.close(fd)
                    throw error
                }
                var socketError: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                if getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length) != 0 || socketError != 0 {
                    CLibc.close(fd)
                    throw .unavailable(Errno(socketError != 0 ? socketError : clibc_errno()))
                }
                return fd
            default:
                CLibc.close(fd)
                throw .unavailable(error)
            }
        }
    }

    deinit { CLibc.close(descriptor) }

    /// Waits until the socket is ready for `events` or the deadline passes.
    func wait(for events: Int16) throws(VarlinkError) {
        try VarlinkConnection.waitFor(descriptor, events: events, deadline: deadline)
    }

    static func waitFor(_ fd: Int32, events: Int16, deadline: Int64) throws(VarlinkError) {
        while true {
            let remaining = deadline - clibc_monotonic_milliseconds()
            if remaining <= 0 { throw .timedOut }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let n = poll(&entry, 1, Int32(Swift.min(remaining, Int64(Int32.max))))
            if n > 0 { return }
            if n == 0 { throw .timedOut }
            if clibc_errno() != EINTR { throw .unavailable(Errno.current) }
        }
    }

    /// Sends one message: `json` followed by the NUL terminator.
    public func send(_ json: [UInt8]) throws(VarlinkError) {
        var message = json
        message.append(0)
        let failure: VarlinkError? = message.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = CLibc.send(descriptor, bytes.baseAddress! + offset, bytes.count - offset,
                                   clibc_msg_nosignal | clibc_msg_dontwait)
                if n >= 0 { offset += n; continue }
                switch clibc_errno() {
                case EINTR: continue
                case EAGAIN:
                    do throws(VarlinkError) { try wait(for: Int16(POLLOUT)) } catch { return error }
                default: return .unavailable(Errno.current)
                }
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// Receives the next message (without its NUL).
    public mutating func receive() throws(VarlinkError) -> [UInt8] {
        var scanned = 0
        while true {
            if let end = pending[scanned...].firstIndex(of: 0) {
                let message = Array(pending[..<end])
                pending.removeFirst(end + 1)
                return message
            }
            scanned = pending.count
            if pending.count > VarlinkConnection.maximumMessageSize { throw .malformedReply }
            try wait(for: Int16(POLLIN))
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let n = chunk.withUnsafeMutableBytes { CLibc.recv(descriptor, $0.baseAddress, $0.count, clibc_msg_dontwait) }
            if n > 0 {
                pending.append(contentsOf: chunk[..<n])
            } else if n == 0 {
                throw .closed
            } else {
                switch clibc_errno() {
                case EINTR, EAGAIN: continue
                default: throw .unavailable(Errno.current)
                }
            }
        }
    }
}
