/// `getent protocols [KEY...]`: `/etc/protocols` by name, alias or number
/// (see `NumberedQuery`), or every entry.
enum ProtocolsDatabase: LineRecordDatabase {
    typealias Record = ProtocolRecord
    static let name: StaticString = "protocols"
    static let path: StaticString = "/etc/protocols"
}
