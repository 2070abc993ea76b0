/// A record of a one-line-per-entry file (services, protocols, networks,
/// rpc): parsed from one line, found by a key in the file's bytes, and
/// written as glibc's getent prints it.
public protocol LineRecord {
    /// The record on `line`, or nil for a line the C library skips.
    static func parse(_ line: ByteString) -> Self?
    /// The first record `key` names in `file`, scanning only candidate lines.
    static func lookup(_ key: ByteString, in file: ByteString) -> Self?
    /// Appends the record as getent prints it.
    func write(to output: inout OutputBuffer)
}

/// A database read from one file of `LineRecord`s through the `files`
/// source: each such database is just its name, path and record type.
protocol LineRecordDatabase: GetentDatabase {
    associatedtype Record: LineRecord
    /// The file the `files` source reads, e.g. `/etc/services`.
    static var path: StaticString { get }
}

extension LineRecordDatabase {
    static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        let configuration = context.configuration(for: name, default: "files")
        guard let record = FilesSource.lookup(path, configuration, context: &context, { Record.lookup(key, in: $0) })
        else { return false }
        record.write(to: &context.output)
        return true
    }

    static func enumerate(in context: inout GetentContext) -> Int32 {
        let configuration = context.configuration(for: name, default: "files")
        FilesSource.enumerate(path, configuration, context: &context) { bytes, output in
            for line in LineSequence(bytes) { Record.parse(line)?.write(to: &output) }
        }
        return 0
    }
}
