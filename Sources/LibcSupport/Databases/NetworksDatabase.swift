/// `getent networks [KEY...]`: `/etc/networks` by name or alias (ignoring
/// case) or by number (a key starting with a digit), or every entry.
enum NetworksDatabase: LineRecordDatabase {
    typealias Record = NetworkRecord
    static let name: StaticString = "networks"
    static let path: StaticString = "/etc/networks"
}
