import Foundation

/// A varlink service on an AF_UNIX socket, implementing the documented
/// User/Group Record Lookup API from in-memory records (or misbehaving on
/// purpose), to test the client without systemd-userdbd.
final class VarlinkTestServer: @unchecked Sendable {
    enum Behaviour {
        /// Answers from `users`, `groups`, `memberships`.
        case normal
        /// Accepts and reads, never answers.
        case silent
        /// Answers every call with bytes that are not JSON.
        case garbage
        /// Closes each connection without answering.
        case hangUp
    }

    let path: String
    let behaviour: Behaviour
    var users: [[String: Any]] = []
    var groups: [[String: Any]] = []
    /// The machine id whose `status` section records get (systemd's NSS
    /// module refuses records without one); nil: records as given.
    var machineID: String? = (try? String(contentsOfFile: "/etc/machine-id", encoding: .utf8))?
        .trimmingCharacters(in: .whitespacesAndNewlines)
    /// (userName, groupName) pairs.
    var memberships: [(String, String)] = []
    /// Every request received, as JSON text.
    private(set) var requests: [String] = []
    private let lock = NSLock()
    private var listener: Int32 = -1
    private var open: [Int32] = []

    init(path: String, behaviour: Behaviour = .normal) {
        self.path = path
        self.behaviour = behaviour
    }

    func start() {
        unlink(path)
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8)
            precondition(bytes.count < raw.count)
            for (i, b) in bytes.enumerated() { raw[i] = b }
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        precondition(bound == 0, "bind \(path): \(errno)")
        listen(listener, 16)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    func stop() {
        lock.lock()
        let all = open + [listener]
        open = []
        lock.unlock()
        for fd in all { shutdown(fd, Int32(SHUT_RDWR)); close(fd) }
        unlink(path)
    }

    var requestLog: [String] {
        lock.lock(); defer { lock.unlock() }
        return requests
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 { return }
            lock.lock(); open.append(fd); lock.unlock()
            let thread = Thread { [self] in serve(fd) }
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        if behaviour == .hangUp { shutdown(fd, Int32(SHUT_RDWR)); return }
        var pending = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &chunk, chunk.count)
            if n <= 0 { return }
            pending.append(contentsOf: chunk[0..<n])
            while let end = pending.firstIndex(of: 0) {
                let message = pending[pending.startIndex..<end]
                pending = Data(pending[(end + 1)...])
                lock.lock(); requests.append(String(decoding: message, as: UTF8.self)); lock.unlock()
                switch behaviour {
                case .silent: continue
                case .garbage: send(fd, Data("{not json".utf8) + Data([0]))
                case .hangUp: return
                case .normal:
                    for reply in answer(message) { send(fd, reply + Data([0])) }
                }
            }
        }
    }

    private func send(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                // MSG_NOSIGNAL: a client that hung up must not kill the test process.
                let n = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { return }
                offset += n
            }
        }
    }

    private func encode(_ object: [String: Any]) -> Data {
        try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    private func withStatus(_ record: [String: Any]) -> [String: Any] {
        guard let machineID, record["status"] == nil else { return record }
        var copy = record
        copy["status"] = [machineID: ["service": "io.test.Service"]]
        return copy
    }

    private func answer(_ message: Data) -> [Data] {
        guard let request = try? JSONSerialization.jsonObject(with: message) as? [String: Any],
              let method = request["method"] as? String else {
            return [encode(["error": "org.varlink.service.InvalidParameter", "parameters": [:]])]
        }
        let parameters = request["parameters"] as? [String: Any] ?? [:]
        let more = request["more"] as? Bool ?? false
        var found: [[String: Any]] = []
        switch method {
        case "io.systemd.UserDatabase.GetUserRecord":
            found = users.filter { record in
                if let name = parameters["userName"] as? String, record["userName"] as? String != name { return false }
                if let uid = parameters["uid"] as? Int, record["uid"] as? Int != uid { return false }
                return true
            }.map { ["record": withStatus($0), "incomplete": false] }
        case "io.systemd.UserDatabase.GetGroupRecord":
            found = groups.filter { record in
                if let name = parameters["groupName"] as? String, record["groupName"] as? String != name { return false }
                if let gid = parameters["gid"] as? Int, record["gid"] as? Int != gid { return false }
                return true
            }.map { ["record": withStatus($0), "incomplete": false] }
        case "io.systemd.UserDatabase.GetMemberships":
            found = memberships.filter { pair in
                if let name = parameters["userName"] as? String, pair.0 != name { return false }
                if let name = parameters["groupName"] as? String, pair.1 != name { return false }
                return true
            }.map { ["userName": $0.0, "groupName": $0.1] }
        default:
            return [encode(["error": "org.varlink.service.MethodNotFound", "parameters": ["method": method]])]
        }
        if found.isEmpty {
            return [encode(["error": "io.systemd.UserDatabase.NoRecordFound", "parameters": [:]])]
        }
        if !more { return [encode(["parameters": found[0]])] }
        return found.enumerated().map { index, parameters in
            var reply: [String: Any] = ["parameters": parameters]
            if index < found.count - 1 { reply["continues"] = true }
            return encode(reply)
        }
    }
}
