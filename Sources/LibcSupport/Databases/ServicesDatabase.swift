/// `getent services [KEY...]`: `/etc/services` by name, `name/protocol`,
/// port or `port/protocol` (see `ServiceQuery`), or every entry.
enum ServicesDatabase: GetentDatabase {
    static let name: StaticString = "services"
    static let path: StaticString = "/etc/services"

    static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        let configuration = context.configuration(for: name, default: "files")
        guard let record = FilesSource.lookup(path, configuration, context: &context, { ServiceRecord.lookup(key, in: $0) })
        else { return false }
        record.write(to: &context.output)
        return true
    }

    static func enumerate(in context: inout GetentContext) -> Int32 {
        let configuration = context.configuration(for: name, default: "files")
        FilesSource.enumerate(path, configuration, context: &context) { bytes, output in
            for line in LineSequence(bytes) { ServiceRecord.parse(line)?.write(to: &output) }
        }
        return 0
    }
}
