/// `getent networks [KEY...]`: `/etc/networks` by name or alias (ignoring
/// case) or by number (a key starting with a digit), or every entry.
enum NetworksDatabase: GetentDatabase {
    static let name: StaticString = "networks"
    static let path: StaticString = "/etc/networks"

    static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        let configuration = context.configuration(for: name, default: "files")
        guard let record = FilesSource.lookup(path, configuration, context: &context, { NetworkRecord.lookup(key, in: $0) })
        else { return false }
        record.write(to: &context.output)
        return true
    }

    static func enumerate(in context: inout GetentContext) -> Int32 {
        let configuration = context.configuration(for: name, default: "files")
        FilesSource.enumerate(path, configuration, context: &context) { bytes, output in
            for line in LineSequence(bytes) { NetworkRecord.parse(line)?.write(to: &output) }
        }
        return 0
    }
}
