/// `getent ethers KEY...`: `/etc/ethers` by MAC address or host name. The
/// C library cannot list it: no key gives "Enumeration not supported" and
/// exit status 3.
enum EthersDatabase: GetentDatabase {
    static let name: StaticString = "ethers"
    static let path: StaticString = "/etc/ethers"

    static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        let configuration = context.configuration(for: name, default: "files")
        guard let record = FilesSource.lookup(path, configuration, context: &context, { EtherRecord.lookup(key, in: $0) })
        else { return false }
        record.write(to: &context.output)
        return true
    }

    static func enumerate(in context: inout GetentContext) -> Int32 {
        enumerationNotSupported(in: &context)
    }
}
