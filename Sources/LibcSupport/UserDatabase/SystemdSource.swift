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

    /// Appends every user's passwd line (or shadow line) to `output`.
    public static func enumerateUsers(shadow: Bool, to output: inout OutputBuffer) -> ServiceStatus {
        database().forEachUser { user in
            if shadow { user.appendShadowLine(to: &output) } else { user.appendPasswdLine(to: &output) }
        }
        return .notFound
    }

    /// Appends every group's group line (or gshadow line) to `output`.
    public static func enumerateGroups(shadow: Bool, to output: inout OutputBuffer) -> ServiceStatus {
        database().forEachGroup { group in
            if shadow { group.appendGshadowLine(to: &output) } else { group.appendGroupLine(to: &output) }
        }
        return .notFound
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
}
