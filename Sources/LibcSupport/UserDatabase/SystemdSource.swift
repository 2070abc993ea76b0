/// The `systemd` source of the name-service switch for passwd, group,
/// shadow, gshadow and initgroups: systemd's user database as its NSS
/// module answers (see `UserDatabase`).
///
/// Under `getent --root DIR` it reads only DIR's drop-in records (and
/// synthesizes root and nobody): the varlink services running are the
/// host's, not DIR's.
public enum SystemdSource {
    /// The database for this run.
    public static func database() -> UserDatabase {
        var database = UserDatabase.system()
        if FileSystemRoot.active != nil {
            database.asksServices = false
            database.machine.hostName = nil
        }
        return database
    }

    /// The configuration to use when nsswitch.conf does not name the
    /// database: `files systemd` when systemd-userdbd runs, else `files`.
    public static func defaultConfiguration() -> StaticString {
        FileSystemRoot.active == nil && UserDatabase.multiplexerExists() ? "files systemd" : "files"
    }

    /// The switch status for a lookup result.
    public static func status<Record>(_ lookup: UserDatabaseLookup<Record>) -> ServiceStatus {
        switch lookup {
        case .found: return .success
        case .notFound: return .notFound
        case .unavailable: return .unavailable
        }
    }

    /// The user named `key`, or with uid `key` when `uid` is given (the
    /// caller decides how a key is read, as for files).
    public static func user(named key: ByteString) -> UserDatabaseLookup<JSONUserRecord> {
        database().user(named: key)
    }

    public static func user(id: UInt32) -> UserDatabaseLookup<JSONUserRecord> {
        database().user(id: id)
    }

    public static func group(named key: ByteString) -> UserDatabaseLookup<JSONGroupRecord> {
        database().group(named: key)
    }

    public static func group(id: UInt32) -> UserDatabaseLookup<JSONGroupRecord> {
        database().group(id: id)
    }

    /// The gids of the groups `user` is a member of, from the services'
    /// memberships (initgroups); groups without a record are left out.
    public static func groupIDs(ofUser user: ByteString) -> [UInt32] {
        let database = database()
        var ids: [UInt32] = []
        for name in database.groupNames(ofUser: user) {
            let lookup = name.withUnsafeBufferPointer { database.group(named: ByteString(start: $0.baseAddress, count: $0.count)) }
            if case .found(let group) = lookup, let gid = group.gid, !ids.contains(gid) { ids.append(gid) }
        }
        return ids
    }

    /// Which account database a line is for.
    public enum Kind {
        case passwd, group, shadow, gshadow

        /// The kind for a database name (`AccountRecord.kind`).
        public init?(_ name: StaticString) {
            switch ByteString(name) {
            case ByteString("passwd"): self = .passwd
            case ByteString("group"): self = .group
            case ByteString("shadow"): self = .shadow
            case ByteString("gshadow"): self = .gshadow
            default: return nil
            }
        }

        var isUser: Bool { self == .passwd || self == .shadow }
        /// Shadow lines need the records' privileged part.
        var isShadow: Bool { self == .shadow || self == .gshadow }
    }

    /// The line (without newline) for `name` or `id` in database `kind`,
    /// in memory kept for the rest of the run (records parsed from it may
    /// be held across sources, as file records are).
    public static func line(_ kind: Kind, name: ByteString?, id: UInt32?) -> (ServiceStatus, ByteString?) {
        var database = database()
        database.skipsIncompleteRecords = kind.isShadow
        if kind.isUser {
            let lookup = name.map { database.user(named: $0) } ?? database.user(id: id ?? UInt32.max)
            guard case .found(let user) = lookup else { return (status(lookup), nil) }
            return (.success, retained(kind == .passwd ? user.passwdLine : user.shadowLine))
        }
        let lookup = name.map { database.group(named: $0) } ?? database.group(id: id ?? UInt32.max)
        guard case .found(let group) = lookup else { return (status(lookup), nil) }
        return (.success, retained(kind == .group ? group.groupLine : group.gshadowLine))
    }

    /// Calls `body` with the line of every record of `kind` (enumeration).
    public static func forEachLine(_ kind: Kind, _ body: (ByteString) -> Void) {
        var database = database()
        database.skipsIncompleteRecords = kind.isShadow
        if kind.isUser {
            database.forEachUser { user in
                let line = kind == .passwd ? user.passwdLine : user.shadowLine
                line.withUnsafeBufferPointer { body(ByteString(start: $0.baseAddress, count: $0.count)) }
            }
        } else {
            database.forEachGroup { group in
                let line = kind == .group ? group.groupLine : group.gshadowLine
                line.withUnsafeBufferPointer { body(ByteString(start: $0.baseAddress, count: $0.count)) }
            }
        }
    }

    /// A copy of `bytes` that is never freed (the tool is short-lived).
    static func retained(_ bytes: [UInt8]) -> ByteString {
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { storage.initialize(from: $0.baseAddress!, count: $0.count) }
        return ByteString(start: UnsafePointer(storage), count: bytes.count)
    }
}
