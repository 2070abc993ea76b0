/// `getent netgroup NAME` lists a netgroup's triples (nested netgroups
/// expanded); `getent netgroup NAME HOST USER DOMAIN` tests membership and
/// prints `= 1` or `= 0` (exit status 0 either way). As in the C library's
/// getent, no key cannot be listed (exit 3) and any other number of keys
/// prints nothing and succeeds.
enum NetgroupDatabase: GetentDatabase {
    static let name: StaticString = "netgroup"
    static let path: StaticString = "/etc/netgroup"

    static func run(_ keys: GetentKeys, in context: inout GetentContext) -> Int32 {
        switch keys.count {
        case 0:
            return enumerate(in: &context)
        case 1:
            return lookup(keys[0], in: &context) ? 0 : 2
        case 4:
            let group = keys[0], host = keys[1], user = keys[2], domain = keys[3]
            let configuration = context.configuration(for: name, default: "files")
            let member = FilesSource.lookup(path, configuration, context: &context) { bytes -> Bool? in
                NetgroupRecord.find(group, in: bytes).map {
                    NetgroupExpansion.contains(host: host, user: user, domain: domain, in: $0, file: bytes)
                }
            } ?? false
            NetgroupExpansion.writeMembership(host: host, user: user, domain: domain, in: group,
                                              isMember: member, to: &context.output)
            return 0
        default:
            return 0
        }
    }

    static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        let configuration = context.configuration(for: name, default: "files")
        guard let (record, bytes) = FilesSource.lookup(path, configuration, context: &context, { bytes in
            NetgroupRecord.find(key, in: bytes).map { ($0, bytes) }
        }) else { return false }
        NetgroupExpansion.writeListing(of: record, in: bytes, to: &context.output)
        return true
    }

    static func enumerate(in context: inout GetentContext) -> Int32 {
        enumerationNotSupported(in: &context)
    }
}
