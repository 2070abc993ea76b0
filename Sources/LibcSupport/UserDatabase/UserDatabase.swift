import CLibc

/// systemd's user and group database, as its NSS module reads it: the
/// synthesized `root` and `nobody` accounts, then every varlink service in
/// `/run/systemd/userdb/` (User/Group Record Lookup API), and, when no
/// `io.systemd.DropIn` service runs, the drop-in JSON records
/// (`/etc/userdb/NAME.user`, ...) read directly.
///
/// The multiplexer and the `io.systemd.NameServiceSwitch` service are not
/// asked: they include the C library's own name-service view (the passwd
/// file), which would list file entries a second time; systemd's NSS module
/// skips them for the same reason. Each service is asked with its own
/// name as the `service` parameter, in directory order.
///
/// Nothing here runs unless the switch reaches the `systemd` source, so a
/// user found in the files never costs a connection.
public struct UserDatabase {
    /// The directory of the services' sockets (with a trailing `/`).
    public var socketDirectory: [UInt8]
    /// Whether to ask varlink services at all (not under `getent --root`:
    /// the services running are the host's, not the root's).
    public var asksServices = true
    /// Drop-in record directories, in precedence order (trailing `/`).
    public var dropInDirectories: [[UInt8]]
    /// Whether records lacking their privileged part (the caller may not
    /// read it: `"incomplete": true`, or an unreadable `-privileged` file)
    /// count as absent, as for shadow and gshadow in systemd's NSS module.
    public var skipsIncompleteRecords = false
    /// Whether to synthesize root and nobody when no service has them.
    public var synthesizesIntrinsicAccounts = true
    /// The time one service gets to answer (connection to last reply).
    public var timeoutMilliseconds = 5000
    public var machine: JSONUserRecord.Machine

    public static let defaultSocketDirectory: StaticString = "/run/systemd/userdb/"
    public static let defaultDropInDirectories: [StaticString] = [
        "/etc/userdb/", "/run/userdb/", "/run/host/userdb/", "/usr/local/lib/userdb/", "/usr/lib/userdb/",
    ]

    /// The system's database: the standard directories, this machine's id
    /// (`/etc/machine-id`) and host name for `perMachine` sections.
    public static func system() -> UserDatabase {
        UserDatabase(socketDirectory: Array(ByteString(defaultSocketDirectory).buffer),
                     dropInDirectories: defaultDropInDirectories.map { Array(ByteString($0).buffer) },
                     machine: JSONUserRecord.Machine(id: LocalMachine.machineID(), hostName: LocalMachine.hostName()))
    }

    public init(socketDirectory: [UInt8], dropInDirectories: [[UInt8]], machine: JSONUserRecord.Machine) {
        self.socketDirectory = socketDirectory
        self.dropInDirectories = dropInDirectories
        self.machine = machine
    }

    /// Whether the multiplexer socket exists: systemd-userdbd runs (the
    /// rule for using this source when there is no nsswitch.conf).
    public static func multiplexerExists() -> Bool {
        var info = stat()
        return stat("/run/systemd/userdb/io.systemd.Multiplexer", &info) == 0
    }

    // MARK: Users

    public func user(named name: ByteString) -> UserDatabaseLookup<JSONUserRecord> {
        if synthesizesIntrinsicAccounts {
            if name == ByteString("root") { return .found(IntrinsicAccounts.rootUser) }
            if name == ByteString("nobody") { return .found(IntrinsicAccounts.nobodyUser) }
        }
        if !AccountName.isValid(Array(name.buffer)) { return .notFound }
        return lookup(method: "io.systemd.UserDatabase.GetUserRecord", dropInSuffix: ".user", fileStem: name,
                      request: { $0.key("userName"); $0.string(name) },
                      make: { record in JSONUserRecord(json: record, machine: machine).flatMap { $0.name.equals(name) ? $0 : nil } })
    }

    public func user(id: UInt32) -> UserDatabaseLookup<JSONUserRecord> {
        if synthesizesIntrinsicAccounts {
            if id == 0 { return .found(IntrinsicAccounts.rootUser) }
            if id == 65534 { return .found(IntrinsicAccounts.nobodyUser) }
        }
        var digits = DecimalText(UInt64(id))
        return digits.withByteString { stem in
            lookup(method: "io.systemd.UserDatabase.GetUserRecord", dropInSuffix: ".user", fileStem: stem,
                   request: { $0.key("uid"); $0.unsigned(UInt64(id)) },
                   make: { record in JSONUserRecord(json: record, machine: machine).flatMap { $0.uid == id ? $0 : nil } })
        }
    }

    /// Calls `body` with every user the services list (enumeration; the
    /// synthesized accounts are not listed, as with systemd's NSS module).
    public func forEachUser(_ body: (JSONUserRecord) -> Void) {
        enumerate(method: "io.systemd.UserDatabase.GetUserRecord", dropInSuffix: ".user", nameKey: "userName", idKey: "uid") { record in
            // A record without a uid is found by name but not listed (observed).
            if let user = JSONUserRecord(json: record, machine: machine), user.uid != nil { body(user) }
        }
    }

    // MARK: Groups

    public func group(named name: ByteString) -> UserDatabaseLookup<JSONGroupRecord> {
        if synthesizesIntrinsicAccounts {
            if name == ByteString("root") { return .found(IntrinsicAccounts.rootGroup) }
            if name == IntrinsicAccounts.nobodyGroupName { return .found(IntrinsicAccounts.nobodyGroup) }
        }
        if !AccountName.isValid(Array(name.buffer)) { return .notFound }
        let result = lookup(method: "io.systemd.UserDatabase.GetGroupRecord", dropInSuffix: ".group", fileStem: name,
                            request: { $0.key("groupName"); $0.string(name) },
                            make: { record in JSONGroupRecord(json: record).flatMap { $0.name.equals(name) ? $0 : nil } })
        return withMemberships(result)
    }

    public func group(id: UInt32) -> UserDatabaseLookup<JSONGroupRecord> {
        if synthesizesIntrinsicAccounts {
            if id == 0 { return .found(IntrinsicAccounts.rootGroup) }
            if id == 65534 { return .found(IntrinsicAccounts.nobodyGroup) }
        }
        var digits = DecimalText(UInt64(id))
        let result = digits.withByteString { stem in
            lookup(method: "io.systemd.UserDatabase.GetGroupRecord", dropInSuffix: ".group", fileStem: stem,
                   request: { $0.key("gid"); $0.unsigned(UInt64(id)) },
                   make: { record in JSONGroupRecord(json: record).flatMap { $0.gid == id ? $0 : nil } })
        }
        return withMemberships(result)
    }

    public func forEachGroup(_ body: (JSONGroupRecord) -> Void) {
        enumerate(method: "io.systemd.UserDatabase.GetGroupRecord", dropInSuffix: ".group", nameKey: "groupName", idKey: "gid") { record in
            if var group = JSONGroupRecord(json: record), group.gid != nil {
                addMemberships(to: &group)
                body(group)
            }
        }
    }

    /// The names of the groups `user` is a member of (GetMemberships), in
    /// the services' order; for initgroups.
    public func groupNames(ofUser user: ByteString) -> [[UInt8]] {
        memberships(key: "userName", name: Array(user.buffer), answerKey: "groupName")
    }

    func withMemberships(_ result: UserDatabaseLookup<JSONGroupRecord>) -> UserDatabaseLookup<JSONGroupRecord> {
        guard case .found(var group) = result else { return result }
        addMemberships(to: &group)
        return .found(group)
    }

    /// Adds the users the services report as members, sorted by name after
    /// the record's own members (the order systemd's NSS module prints).
    func addMemberships(to group: inout JSONGroupRecord) {
        let members = memberships(key: "groupName", name: group.name, answerKey: "userName")
        let order = StableOrder.positions(count: members.count) {
            !members[$1].lexicographicallyPrecedes(members[$0])
        }
        for position in order { group.addMember(members[position]) }
    }

    // MARK: Services

    /// The service socket names to ask, in directory order (the order
    /// systemd's NSS module asks them in, so enumerations list records in
    /// the same order); and whether the drop-in service is among them.
    func services() -> (names: [[UInt8]], hasDropIn: Bool) {
        var names: [[UInt8]] = []
        var hasDropIn = false
        if !asksServices { return (names, hasDropIn) }
        listDirectory(socketDirectory) { name in
            if name.isEmpty || name[0] == UInt8(ascii: ".") { return }
            if name == ByteString("io.systemd.Multiplexer") || name == ByteString("io.systemd.NameServiceSwitch") { return }
            if name == ByteString("io.systemd.DropIn") { hasDropIn = true }
            names.append(Array(name.buffer))
        }
        return (names, hasDropIn)
    }

    /// Builds `{"method":M,"parameters":{...,"service":S}[,"more":true]}`.
    func request(method: StaticString, service: [UInt8], more: Bool, parameters: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("method")
        writer.string(method)
        writer.key("parameters")
        writer.beginObject()
        parameters(&writer)
        writer.key("service")
        service.withUnsafeBufferPointer { writer.string(ByteString(start: $0.baseAddress, count: $0.count)) }
        writer.endObject()
        if more {
            writer.key("more")
            writer.bool(true)
        }
        writer.endObject()
        return writer.bytes
    }

    func connect(_ service: [UInt8]) throws(VarlinkError) -> VarlinkConnection {
        try VarlinkConnection(path: socketDirectory + service, timeoutMilliseconds: timeoutMilliseconds)
    }

    /// Asks each service for one record, then the drop-in files.
    @inline(never)
    func lookup<Record>(method: StaticString, dropInSuffix: StaticString, fileStem: ByteString,
                        request parameters: (inout JSONWriter) -> Void,
                        make: (JSONValue) -> Record?) -> UserDatabaseLookup<Record> {
        // The record type only enters through `make`: the asking is not
        // generic, so it is compiled once for users and groups.
        var value: Record? = nil
        let status = lookup(method: method, dropInSuffix: dropInSuffix, fileStem: fileStem,
                            request: parameters) { record in
            value = make(record)
            return value != nil
        }
        switch status {
        case .success: return .found(value!)
        case .notFound: return .notFound
        default: return .unavailable
        }
    }

    /// `lookup` without the record type: `accept` converts a record and
    /// says whether it is the answer. Returns `.success`, `.notFound` (a
    /// source answered) or `.unavailable`.
    @inline(never)
    func lookup(method: StaticString, dropInSuffix: StaticString, fileStem: ByteString,
                request parameters: (inout JSONWriter) -> Void,
                accept: (JSONValue) -> Bool) -> ServiceStatus {
        let (names, hasDropIn) = services()
        var answered = false
        for service in names {
            let message = request(method: method, service: service, more: false, parameters: parameters)
            do throws(VarlinkError) {
                var connection = try connect(service)
                try connection.send(message)
                let reply = try VarlinkReply(message: try connection.receive())
                if reply.error != nil {
                    // NoRecordFound, or a service that does not serve this kind of record.
                    answered = true
                    continue
                }
                answered = true
                if skipsIncompleteRecords && reply.parameters["incomplete"]?.boolValue == true { continue }
                if let record = reply.parameters["record"], carriesService(record), accept(record) {
                    return .success
                }
            } catch {
                continue
            }
        }
        if !hasDropIn {
            if let record = dropIns().record(stem: fileStem, suffix: dropInSuffix), accept(record) {
                return .success
            }
            answered = true
        }
        return answered ? .notFound : .unavailable
    }

    /// Lists every record of each service, then the drop-in files'.
    func enumerate(method: StaticString, dropInSuffix: StaticString, nameKey: StaticString, idKey: StaticString,
                   _ body: (JSONValue) -> Void) {
        let (names, hasDropIn) = services()
        for service in names {
            let message = request(method: method, service: service, more: true, parameters: { _ in })
            do throws(VarlinkError) {
                var connection = try connect(service)
                try connection.send(message)
                while true {
                    let reply = try VarlinkReply(message: try connection.receive())
                    if reply.error != nil { break }
                    let skip = skipsIncompleteRecords && reply.parameters["incomplete"]?.boolValue == true
                    if !skip, let record = reply.parameters["record"], carriesService(record) { body(record) }
                    if !reply.continues { break }
                }
            } catch {
                continue
            }
        }
        if !hasDropIn {
            dropIns().forEachRecord(suffix: dropInSuffix, nameKey: nameKey, idKey: idKey, body)
        }
    }

    func dropIns() -> DropInRecords {
        DropInRecords(directories: dropInDirectories, skipsIncomplete: skipsIncompleteRecords)
    }

    /// Whether a record from a service names the service that provided it
    /// for this machine (`status.MACHINE-ID.service`): systemd's NSS module
    /// refuses records that do not.
    func carriesService(_ record: JSONValue) -> Bool {
        guard let id = machine.id else { return true }
        return record["status"]?.member(id)?["service"]?.stringValue != nil
    }

    /// GetMemberships for a user or a group: the other side's names.
    func memberships(key: StaticString, name: [UInt8], answerKey: StaticString) -> [[UInt8]] {
        var result: [[UInt8]] = []
        for service in services().names {
            let message = request(method: "io.systemd.UserDatabase.GetMemberships", service: service, more: true) { writer in
                writer.key(key)
                name.withUnsafeBufferPointer { writer.string(ByteString(start: $0.baseAddress, count: $0.count)) }
            }
            do throws(VarlinkError) {
                var connection = try connect(service)
                try connection.send(message)
                while true {
                    let reply = try VarlinkReply(message: try connection.receive())
                    if reply.error != nil { break }
                    if let other = reply.parameters[answerKey]?.stringValue, AccountName.isValid(other),
                       !result.contains(other) {
                        result.append(other)
                    }
                    if !reply.continues { break }
                }
            } catch {
                continue
            }
        }
        return result
    }
}
