/// `getent rpc [KEY...]`: `/etc/rpc` by name, alias or program number (see
/// `NumberedQuery`), or every entry.
enum RPCDatabase: GetentDatabase {
    static let name: StaticString = "rpc"
    static let path: StaticString = "/etc/rpc"

    static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        let configuration = context.configuration(for: name, default: "files")
        guard let record = FilesSource.lookup(path, configuration, context: &context, { RPCRecord.lookup(key, in: $0) })
        else { return false }
        record.write(to: &context.output)
        return true
    }

    static func enumerate(in context: inout GetentContext) -> Int32 {
        let configuration = context.configuration(for: name, default: "files")
        FilesSource.enumerate(path, configuration, context: &context) { bytes, output in
            for line in LineSequence(bytes) { RPCRecord.parse(line)?.write(to: &output) }
        }
        return 0
    }
}
