/// `getent protocols [KEY...]`: `/etc/protocols` by name, alias or number
/// (see `NumberedQuery`), or every entry.
enum ProtocolsDatabase: GetentDatabase {
    static let name: StaticString = "protocols"
    static let path: StaticString = "/etc/protocols"

    static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        let configuration = context.configuration(for: name, default: "files")
        return FilesSource.withFile(path) { file in
            guard let record = FilesSource.lookup(configuration, file: file, { ProtocolRecord.lookup(key, in: $0) })
            else { return false }
            record.write(to: &context.output)
            return true
        }
    }

    static func enumerate(in context: inout GetentContext) -> Int32 {
        let configuration = context.configuration(for: name, default: "files")
        FilesSource.withFile(path) { file in
            FilesSource.enumerate(configuration, file: file) { bytes in
                for line in LineSequence(bytes) { ProtocolRecord.parse(line)?.write(to: &context.output) }
            }
        }
        return 0
    }
}
