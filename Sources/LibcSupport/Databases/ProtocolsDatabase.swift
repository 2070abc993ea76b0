/// `getent protocols [KEY...]`: `/etc/protocols` by name, alias or number
/// (see `NumberedQuery`), or every entry.
enum ProtocolsDatabase: GetentDatabase {
    static let name: StaticString = "protocols"
    static let path: StaticString = "/etc/protocols"

    static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        let configuration = context.configuration(for: name, default: "files")
        guard let record = FilesSource.lookup(path, configuration, context: &context, { ProtocolRecord.lookup(key, in: $0) })
        else { return false }
        record.write(to: &context.output)
        return true
    }

    static func enumerate(in context: inout GetentContext) -> Int32 {
        let configuration = context.configuration(for: name, default: "files")
        FilesSource.enumerate(path, configuration, context: &context) { bytes, output in
            for line in LineSequence(bytes) { ProtocolRecord.parse(line)?.write(to: &output) }
        }
        return 0
    }
}
