/// One database of the table: its name and how it answers a call.
public struct GetentDatabaseEntry: Sendable {
    public let name: StaticString
    public let run: @Sendable (GetentKeys, inout GetentContext) -> Int32

    public init<Database: GetentDatabase>(_ database: Database.Type) {
        name = Database.name
        run = { keys, context in Database.run(keys, in: &context) }
    }
}

/// The databases `getent` answers. Adding one is one line here plus its
/// own file (a type conforming to `GetentDatabase`).
enum GetentDatabaseTable {
    static let entries: [GetentDatabaseEntry] = [
        GetentDatabaseEntry(AHostsDatabase.self),
        GetentDatabaseEntry(AHostsV4Database.self),
        GetentDatabaseEntry(AHostsV6Database.self),
        GetentDatabaseEntry(AliasesDatabase.self),
        GetentDatabaseEntry(EthersDatabase.self),
        GetentDatabaseEntry(GroupDatabase.self),
        GetentDatabaseEntry(GshadowDatabase.self),
        GetentDatabaseEntry(HostsDatabase.self),
        GetentDatabaseEntry(InitgroupsDatabase.self),
        GetentDatabaseEntry(NetgroupDatabase.self),
        GetentDatabaseEntry(NetworksDatabase.self),
        GetentDatabaseEntry(PasswdDatabase.self),
        GetentDatabaseEntry(ProtocolsDatabase.self),
        GetentDatabaseEntry(RPCDatabase.self),
        GetentDatabaseEntry(ServicesDatabase.self),
        GetentDatabaseEntry(ShadowDatabase.self),
    ]

    /// The entry named exactly `name`, if implemented.
    static func entry(named name: ByteString) -> GetentDatabaseEntry? {
        for entry in entries where ByteString(entry.name) == name { return entry }
        return nil
    }

    /// Every database the C library's getent knows, in its order (the
    /// `--help` list and the names `-s DATABASE:CONFIG` accepts).
    static let knownNames: [StaticString] = [
        "ahosts", "ahostsv4", "ahostsv6", "aliases", "ethers", "group", "gshadow", "hosts",
        "initgroups", "netgroup", "networks", "passwd", "protocols", "rpc", "services", "shadow",
    ]

    /// The database `-s PREFIX:CONFIG` names: the first known name starting
    /// with `prefix`, as the C library matches it (so `-s p:files` means
    /// passwd and an empty prefix means the first database).
    static func knownName(matchingPrefix prefix: ByteString) -> StaticString? {
        for name in knownNames where ByteString(name).hasPrefix(prefix) { return name }
        return nil
    }
}
