/// `getent aliases [KEY...]`: the mail aliases of `/etc/aliases` by name
/// (ignoring case), or every entry, with `:include:` files expanded.
enum AliasesDatabase: GetentDatabase {
    static let name: StaticString = "aliases"
    static let path: StaticString = "/etc/aliases"

    static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        let configuration = context.configuration(for: name, default: "files")
        guard let record = FilesSource.lookup(path, configuration, context: &context, { AliasRecord.lookup(key, in: $0) })
        else { return false }
        record.write(to: &context.output)
        return true
    }

    static func enumerate(in context: inout GetentContext) -> Int32 {
        let configuration = context.configuration(for: name, default: "files")
        FilesSource.enumerate(path, configuration, context: &context) { bytes, output in
            AliasRecord.forEach(in: bytes) { $0.write(to: &output) }
        }
        return 0
    }
}
