import Foundation
import Testing
@testable import LibcSupport

/// The userdb client against varlink test services and drop-in directories
/// in a temporary directory.
@Suite("systemd user database client", .serialized)
struct UserDatabaseTests {
    let root: URL
    let sockets: URL
    let dropIns: URL

    init() throws {
        // Short path: sun_path holds 107 bytes.
        root = URL(fileURLWithPath: "/tmp/udb-\(UUID().uuidString.prefix(8))")
        sockets = root.appendingPathComponent("s")
        dropIns = root.appendingPathComponent("d")
        try FileManager.default.createDirectory(at: sockets, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dropIns, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }

    func database(timeout: Int = 5000) -> UserDatabase {
        var db = UserDatabase(socketDirectory: Array((sockets.path + "/").utf8),
                              dropInDirectories: [Array((dropIns.path + "/").utf8)],
                              machine: JSONUserRecord.Machine(id: nil, hostName: nil))
        db.timeoutMilliseconds = timeout
        return db
    }

    func server(_ name: String, _ behaviour: VarlinkTestServer.Behaviour = .normal) -> VarlinkTestServer {
        VarlinkTestServer(path: sockets.appendingPathComponent(name).path, behaviour: behaviour)
    }

    func passwd(_ lookup: UserDatabaseLookup<JSONUserRecord>) -> String? {
        guard case .found(let record) = lookup else { return nil }
        return render { record.appendPasswdLine(to: &$0) }
    }

    func group(_ lookup: UserDatabaseLookup<JSONGroupRecord>) -> String? {
        guard case .found(let record) = lookup else { return nil }
        return render { record.appendGroupLine(to: &$0) }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: dropIns.appendingPathComponent(name))
    }

    @Test func servicesAnswerLookupsAndMemberships() throws {
        defer { cleanUp() }
        let test = server("io.systemd.DropIn")
        test.users = [["userName": "alice", "uid": 61500, "realName": "Alice"]]
        test.groups = [["groupName": "staff2", "gid": 61600, "members": ["bob"]]]
        test.memberships = [("zed", "staff2"), ("alice", "staff2"), ("alice", "other"), ("carol", "staff2")]
        test.start()
        defer { test.stop() }
        let db = database()
        #expect(passwd(db.user(named: ByteString("alice"))) == "alice:x:61500:61500:Alice:/:/usr/sbin/nologin\n")
        #expect(passwd(db.user(id: 61500)) == "alice:x:61500:61500:Alice:/:/usr/sbin/nologin\n")
        #expect(passwd(db.user(named: ByteString("nobody2"))) == nil)
        #expect(group(db.group(named: ByteString("staff2"))) == "staff2:x:61600:bob,alice,carol,zed\n")
        #expect(group(db.group(id: 61600)) == "staff2:x:61600:bob,alice,carol,zed\n")
        #expect(db.groupNames(ofUser: ByteString("alice")).map { String(decoding: $0, as: UTF8.self) } == ["staff2", "other"])
        let log = test.requestLog
        #expect(log.contains(#"{"method":"io.systemd.UserDatabase.GetUserRecord","parameters":{"userName":"alice","service":"io.systemd.DropIn"}}"#))
        #expect(log.contains(#"{"method":"io.systemd.UserDatabase.GetMemberships","parameters":{"groupName":"staff2","service":"io.systemd.DropIn"},"more":true}"#))
    }

    @Test func enumerationVisitsEveryServiceAndSkipsTheMultiplexer() throws {
        defer { cleanUp() }
        let b = server("io.test.B"), a = server("io.test.A"), mux = server("io.systemd.Multiplexer"),
            nss = server("io.systemd.NameServiceSwitch")
        b.users = [["userName": "b1", "uid": 2001], ["userName": "b2", "uid": 2002]]
        a.users = [["userName": "a1", "uid": 1001]]
        mux.users = [["userName": "viamux", "uid": 3001]]
        nss.users = [["userName": "vianss", "uid": 3002]]
        for s in [a, b, mux, nss] { s.start() }
        defer { for s in [a, b, mux, nss] { s.stop() } }
        var names: [String] = []
        database().forEachUser { names.append(String(decoding: $0.name, as: UTF8.self)) }
        // Directory order: each service's records together, in its order.
        #expect(names == ["a1", "b1", "b2"] || names == ["b1", "b2", "a1"], "\(names)")
        #expect(passwd(database().user(named: ByteString("viamux"))) == nil)
        #expect(mux.requestLog.isEmpty && nss.requestLog.isEmpty)
    }

    @Test func stuckBrokenAndMissingServicesAreSkipped() throws {
        defer { cleanUp() }
        let silent = server("io.test.1silent", .silent), garbage = server("io.test.2garbage", .garbage),
            hangUp = server("io.test.3hangup", .hangUp), good = server("io.test.4good")
        good.users = [["userName": "found", "uid": 4001]]
        for s in [silent, garbage, hangUp, good] { s.start() }
        defer { for s in [silent, garbage, hangUp, good] { s.stop() } }
        // A socket file nobody listens on.
        let dead = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let deadPath = sockets.appendingPathComponent("io.test.0dead").path
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in deadPath.utf8.enumerated() { raw[i] = b }
        }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(dead, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        close(dead)
        // Found wherever the good service comes in directory order.
        #expect(passwd(database(timeout: 300).user(named: ByteString("found"))) == "found:x:4001:4001:found:/home/found:/bin/bash\n")
        // A name nobody has: every service is asked, the silent one until the timeout.
        let start = Date()
        guard case .notFound = database(timeout: 300).user(named: ByteString("absent")) else {
            Issue.record("the working service answered: not found")
            return
        }
        let elapsed = Date().timeIntervalSince(start)
        // Bounded by the timeout, with room for a loaded machine.
        #expect(elapsed < 10, "took \(elapsed) s")
        #expect(elapsed >= 0.3, "the silent service was not waited for")
    }

    @Test func unavailableWhenEveryServiceFails() throws {
        defer { cleanUp() }
        let silent = server("io.systemd.DropIn", .silent)
        silent.start()
        defer { silent.stop() }
        guard case .unavailable = database(timeout: 200).user(named: ByteString("x")) else {
            Issue.record("a silent service must make the source unavailable")
            return
        }
    }

    @Test func dropInFilesWhenNoDropInService() throws {
        defer { cleanUp() }
        try write("testu.user", #"{"userName":"testu","uid":61234,"gid":61234,"realName":"Test U","homeDirectory":"/home/testu","shell":"/bin/bash"}"#)
        try FileManager.default.createSymbolicLink(atPath: dropIns.appendingPathComponent("61234.user").path, withDestinationPath: "testu.user")
        try write("testu.user-privileged", #"{"privileged":{"hashedPassword":["$6$secret"]}}"#)
        try write("wrong.user", #"{"userName":"other","uid":61235}"#)
        try write("broken.user", #"{"userName":"broken","#)
        try write("grp.group", #"{"groupName":"grp","gid":61240,"members":["testu"]}"#)
        let db = database()
        #expect(passwd(db.user(named: ByteString("testu"))) == "testu:x:61234:61234:Test U:/home/testu:/bin/bash\n")
        #expect(passwd(db.user(id: 61234)) == "testu:x:61234:61234:Test U:/home/testu:/bin/bash\n")
        guard case .found(let user) = db.user(named: ByteString("testu")) else { Issue.record("testu"); return }
        #expect(render { user.appendShadowLine(to: &$0) } == "testu:$6$secret:::::::\n")
        #expect(passwd(db.user(named: ByteString("wrong"))) == nil, "a record named otherwise than its file")
        #expect(passwd(db.user(named: ByteString("broken"))) == nil)
        #expect(passwd(db.user(named: ByteString("../d/testu"))) == nil)
        #expect(group(db.group(named: ByteString("grp"))) == "grp:x:61240:testu\n")
        var names: [String] = []
        db.forEachUser { names.append(String(decoding: $0.name, as: UTF8.self)) }
        #expect(names.sorted() == ["testu"])
    }

    @Test func dropInServiceReplacesTheFiles() throws {
        defer { cleanUp() }
        try write("filesonly.user", #"{"userName":"filesonly","uid":61250}"#)
        let dropIn = server("io.systemd.DropIn")
        dropIn.start()
        defer { dropIn.stop() }
        #expect(passwd(database().user(named: ByteString("filesonly"))) == nil)
    }

    @Test func recordsWithoutServiceStatusAreRefused() throws {
        defer { cleanUp() }
        let test = server("io.test.S")
        test.machineID = nil
        test.users = [["userName": "plain", "uid": 1500],
                      ["userName": "tagged", "uid": 1501, "status": ["0123456789abcdef0123456789abcdef": ["service": "io.test.S"]]],
                      ["userName": "other", "uid": 1502, "status": ["fedcba9876543210fedcba9876543210": ["service": "io.test.S"]]]]
        test.start()
        defer { test.stop() }
        var db = database()
        db.machine.id = Array("0123456789abcdef0123456789abcdef".utf8)
        #expect(passwd(db.user(named: ByteString("plain"))) == nil)
        #expect(passwd(db.user(named: ByteString("tagged"))) == "tagged:x:1501:1501:tagged:/home/tagged:/bin/bash\n")
        #expect(passwd(db.user(named: ByteString("other"))) == nil)
        var names: [String] = []
        db.forEachUser { names.append(String(decoding: $0.name, as: UTF8.self)) }
        #expect(names == ["tagged"])
    }

    @Test func intrinsicAccountsAreAlwaysThere() {
        defer { cleanUp() }
        let db = database()
        #expect(passwd(db.user(named: ByteString("root"))) == "root:x:0:0:Super User:/root:/bin/bash\n")
        #expect(passwd(db.user(id: 65534)) == "nobody:!*:65534:65534:Kernel Overflow User:/:/usr/sbin/nologin\n")
        #expect(group(db.group(named: ByteString("nogroup"))) == "nogroup:!*:65534:\n")
        #expect(group(db.group(named: ByteString("nobody"))) == nil)
        #expect(group(db.group(id: 0)) == "root:x:0:\n")
        var count = 0
        db.forEachUser { _ in count += 1 }
        #expect(count == 0, "enumeration does not list the synthesized accounts")
    }
}
