import Foundation
import Glibc

/// A deliberately broken DNS server on a loopback address, port 53 (where
/// every resolver sends its queries; resolv.conf has no port syntax). Each
/// behaviour answers every query in one hostile way, so the fault tests can
/// check that getent neither crashes nor hangs nor believes a bad answer.
///
/// The server runs on a thread of the test process and is stopped with
/// `stop()` (closing its socket ends the thread).
final class HostileDNSServer: @unchecked Sendable {
    enum Behaviour: String, CaseIterable, Sendable {
        /// A correct answer: NAME A 10.9.9.9 (the control case).
        case correct
        /// Random bytes.
        case garbage
        /// Five bytes: less than a DNS header.
        case shortHeader
        /// A correct header promising one answer, cut off inside its data.
        case truncatedAnswer
        /// A correct answer with the query id changed: never the right id.
        case wrongID
        /// First a copy with a wrong id, then the correct answer.
        case wrongIDThenCorrect
        /// The answer's owner name is a compression pointer to itself.
        case compressionLoop
        /// Two compression pointers pointing at each other.
        case compressionCycle
        /// A compression pointer past the end of the message.
        case pointerOutOfBounds
        /// An answer owner name longer than 255 bytes (five 63-byte labels).
        case oversizedName
        /// A CNAME whose target is longer than 255 bytes.
        case oversizedCNAME
        /// A label longer than 63 bytes (length byte 0x7F: reserved bits).
        case badLabelLength
        /// An answer count of 65535 with one record present.
        case hugeAnswerCount
        /// An A record whose data length is 3, not 4.
        case shortAddress
        /// An AAAA record whose data length says 16 but holds 4.
        case lyingDataLength
        /// The truncation bit set and no answers (resolvers retry over TCP;
        /// nothing listens there).
        case truncatedFlag
        /// A correct-looking answer for another question name.
        case otherQuestion
        /// A CNAME chain that loops: NAME -> loop.test -> NAME.
        case cnameLoop
        /// Never answers.
        case silent
    }

    let address: String
    let behaviour: Behaviour
    private let socket: Int32
    private let thread: Thread
    private let lock = NSLock()
    private var _queries = 0

    /// The number of queries received so far.
    var queries: Int { lock.lock(); defer { lock.unlock() }; return _queries }

    /// The answer the `correct` behaviour gives.
    static let answerAddress: [UInt8] = [10, 9, 9, 9]

    /// Binds `address`:53 (UDP); nil if that is not possible here (not root,
    /// or the address is in use).
    init?(address: String, behaviour: Behaviour) {
        self.address = address
        self.behaviour = behaviour
        let fd = Glibc.socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        if fd < 0 { return nil }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var sin = sockaddr_in()
        sin.sin_family = sa_family_t(AF_INET)
        sin.sin_port = in_port_t(53).bigEndian
        inet_pton(AF_INET, address, &sin.sin_addr)
        let bound = withUnsafePointer(to: &sin) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if bound != 0 { close(fd); return nil }
        socket = fd
        let box = Box()
        thread = Thread { box.server?.serve() }
        box.server = self
        thread.start()
    }

    private final class Box: @unchecked Sendable { weak var server: HostileDNSServer? }

    /// Stops answering and releases the port.
    func stop() {
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }

    private func serve() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var peer = sockaddr_storage()
            var peerLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let n = buffer.withUnsafeMutableBytes { raw in
                withUnsafeMutablePointer(to: &peer) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        recvfrom(socket, raw.baseAddress, raw.count, 0, $0, &peerLength)
                    }
                }
            }
            if n <= 0 { return }   // closed by stop()
            lock.lock(); _queries += 1; lock.unlock()
            let query = Array(buffer[0..<n])
            for reply in Self.replies(to: query, behaviour: behaviour) {
                _ = reply.withUnsafeBytes { raw in
                    withUnsafePointer(to: &peer) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                            sendto(socket, raw.baseAddress, raw.count, 0, $0, peerLength)
                        }
                    }
                }
            }
        }
    }

    // MARK: building replies

    /// The query's id, question section (name, type, class) and its type.
    struct Query {
        var id: UInt16
        var question: [UInt8]
        var name: [UInt8]   // wire form, with the final zero
        var type: UInt16
    }

    static func parseQuery(_ packet: [UInt8]) -> Query? {
        guard packet.count >= 12 else { return nil }
        var i = 12
        while i < packet.count, packet[i] != 0 {
            if packet[i] & 0xC0 != 0 { return nil }
            i += Int(packet[i]) + 1
        }
        guard i + 5 <= packet.count else { return nil }
        let name = Array(packet[12...i])
        let type = UInt16(packet[i + 1]) << 8 | UInt16(packet[i + 2])
        return Query(id: UInt16(packet[0]) << 8 | UInt16(packet[1]),
                     question: Array(packet[12..<(i + 5)]), name: name, type: type)
    }

    static func header(id: UInt16, flags: UInt16 = 0x8180, questions: UInt16 = 1, answers: UInt16) -> [UInt8] {
        [UInt8(id >> 8), UInt8(id & 0xFF), UInt8(flags >> 8), UInt8(flags & 0xFF),
         UInt8(questions >> 8), UInt8(questions & 0xFF), UInt8(answers >> 8), UInt8(answers & 0xFF),
         0, 0, 0, 0]
    }

    /// A resource record: owner name bytes, type, class IN, TTL 60, data.
    static func record(owner: [UInt8], type: UInt16, data: [UInt8], dataLength: Int? = nil) -> [UInt8] {
        let length = dataLength ?? data.count
        return owner + [UInt8(type >> 8), UInt8(type & 0xFF), 0, 1, 0, 0, 0, 60,
                        UInt8(length >> 8), UInt8(length & 0xFF)] + data
    }

    /// A pointer to the question name (offset 12).
    static let questionPointer: [UInt8] = [0xC0, 12]

    static func wireName(_ labels: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for label in labels {
            out.append(UInt8(label.utf8.count))
            out += Array(label.utf8)
        }
        return out + [0]
    }

    /// A correct answer to `q`: 10.9.9.9 for A, nothing (NOERROR, no data)
    /// for other types.
    static func correctAnswer(_ q: Query) -> [UInt8] {
        if q.type == 1 {
            return header(id: q.id, answers: 1) + q.question
                + record(owner: questionPointer, type: 1, data: answerAddress)
        }
        return header(id: q.id, answers: 0) + q.question
    }

    static func replies(to packet: [UInt8], behaviour: Behaviour) -> [[UInt8]] {
        guard let q = parseQuery(packet) else { return [] }
        let aQuery = q.type == 1
        switch behaviour {
        case .correct:
            return [correctAnswer(q)]
        case .garbage:
            var rng = SystemRandomNumberGenerator()
            return [(0..<300).map { _ in UInt8.random(in: 0...255, using: &rng) }]
        case .shortHeader:
            return [Array(correctAnswer(q).prefix(5))]
        case .truncatedAnswer:
            let full = header(id: q.id, answers: 1) + q.question
                + record(owner: questionPointer, type: q.type, data: answerAddress)
            return [Array(full.dropLast(2))]
        case .wrongID:
            var reply = correctAnswer(q)
            reply[0] ^= 0xFF
            reply[1] ^= 0xFF
            return [reply]
        case .wrongIDThenCorrect:
            var wrong = correctAnswer(q)
            wrong[0] ^= 0x5A
            return [wrong, correctAnswer(q)]
        case .compressionLoop:
            // The owner name sits right after the question; point it at itself.
            let offset = 12 + q.question.count
            return [header(id: q.id, answers: 1) + q.question
                + record(owner: [0xC0 | UInt8(offset >> 8), UInt8(offset & 0xFF)], type: q.type, data: answerAddress)]
        case .compressionCycle:
            // Owner: label "a" then a pointer to the CNAME data, whose
            // pointer leads back to the owner.
            let ownerOffset = 12 + q.question.count
            let owner: [UInt8] = [1, 0x61, 0xC0, 0]   // patched below
            let dataOffset = ownerOffset + owner.count + 10
            var owned = owner
            owned[3] = UInt8(dataOffset & 0xFF)
            owned[2] = 0xC0 | UInt8(dataOffset >> 8)
            let target: [UInt8] = [1, 0x62, 0xC0 | UInt8(ownerOffset >> 8), UInt8(ownerOffset & 0xFF)]
            return [header(id: q.id, answers: 1) + q.question + record(owner: owned, type: 5, data: target)]
        case .pointerOutOfBounds:
            return [header(id: q.id, answers: 1) + q.question
                + record(owner: [0xC3, 0xFF], type: q.type, data: answerAddress)]
        case .oversizedName:
            let label = String(repeating: "x", count: 63)
            let long = wireName([label, label, label, label, label])
            return [header(id: q.id, answers: 1) + q.question
                + record(owner: long, type: q.type, data: answerAddress)]
        case .oversizedCNAME:
            let label = String(repeating: "y", count: 63)
            let long = wireName([label, label, label, label, label])
            return [header(id: q.id, answers: 1) + q.question
                + record(owner: questionPointer, type: 5, data: long)]
        case .badLabelLength:
            return [header(id: q.id, answers: 1) + q.question
                + record(owner: [0x7F] + [UInt8](repeating: 0x7A, count: 127) + [0], type: q.type, data: answerAddress)]
        case .hugeAnswerCount:
            return [header(id: q.id, answers: 0xFFFF) + q.question
                + record(owner: questionPointer, type: 1, data: answerAddress)]
        case .shortAddress:
            return [header(id: q.id, answers: 1) + q.question
                + record(owner: questionPointer, type: q.type, data: [10, 9, 9])]
        case .lyingDataLength:
            return [header(id: q.id, answers: 1) + q.question
                + record(owner: questionPointer, type: q.type, data: answerAddress, dataLength: 16)]
        case .truncatedFlag:
            return [header(id: q.id, flags: 0x8380, answers: 0) + q.question]
        case .otherQuestion:
            let other = wireName(["other", "invalid"])
            var question = other
            question += q.question.suffix(4)
            return [header(id: q.id, answers: 1) + question
                + record(owner: questionPointer, type: q.type, data: aQuery ? answerAddress : [UInt8](repeating: 0, count: 16))]
        case .cnameLoop:
            let loop = wireName(["loop", "test"])
            let loopOffset = 12 + q.question.count + 2 + 10
            return [header(id: q.id, answers: 2) + q.question
                + record(owner: questionPointer, type: 5, data: loop)
                + record(owner: [0xC0 | UInt8(loopOffset >> 8), UInt8(loopOffset & 0xFF)], type: 5, data: questionPointer)]
        case .silent:
            return []
        }
    }
}
