/// `getent services [KEY...]`: `/etc/services` by name, `name/protocol`,
/// port or `port/protocol` (see `ServiceQuery`), or every entry.
enum ServicesDatabase: LineRecordDatabase {
    typealias Record = ServiceRecord
    static let name: StaticString = "services"
    static let path: StaticString = "/etc/services"
}
