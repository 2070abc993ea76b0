/// `getent rpc [KEY...]`: `/etc/rpc` by name, alias or program number (see
/// `NumberedQuery`), or every entry.
enum RPCDatabase: LineRecordDatabase {
    typealias Record = RPCRecord
    static let name: StaticString = "rpc"
    static let path: StaticString = "/etc/rpc"
}
