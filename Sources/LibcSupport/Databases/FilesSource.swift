/// The `files` source of the switch for the line-oriented network
/// databases (`services`, `protocols`, `networks`, `rpc`, `ethers`,
/// `aliases`, `netgroup`): the file is mapped once for the call, and the
/// switch is walked with `files` as the only source these databases have
/// (any other source name leaves the status unchanged, as an unloadable
/// module does in the C library).
enum FilesSource {
    /// Maps `path` and runs `body` with its bytes, or with nil when the file
    /// cannot be read (missing, unreadable, a directory): the source is then
    /// unavailable.
    static func withFile<Result>(_ path: StaticString, _ body: (ByteString?) -> Result) -> Result {
        do {
            let file = try MappedFile(path: path)
            return body(file.bytes)
        } catch {
            return body(nil)
        }
    }

    /// A keyed lookup through `configuration`: `find` searches the file and
    /// returns the entry (which may borrow the file's bytes). The entry is
    /// returned only when the switch ends on success.
    static func lookup<Entry>(_ configuration: SwitchConfiguration, file: ByteString?,
                              _ find: (ByteString) -> Entry?) -> Entry? {
        var entry: Entry? = nil
        var searched = false
        let status = SwitchDriver.lookup(configuration) { source, _ in
            guard source.isNamed("files") else { return nil }
            guard let file else { return .unavailable }
            // Several `files` sources give the same answer: search once.
            if !searched {
                entry = find(file)
                searched = true
            }
            return entry == nil ? .notFound : .success
        }
        return status == .success ? entry : nil
    }

    /// An enumeration through `configuration`: `each` writes every entry of
    /// the file, each time a `files` source is read.
    static func enumerate(_ configuration: SwitchConfiguration, file: ByteString?,
                          _ each: (ByteString) -> Void) {
        SwitchDriver.enumerate(configuration, begin: { source in
            guard source.isNamed("files") else { return nil }
            return file == nil ? .unavailable : .success
        }, entries: { source in
            guard source.isNamed("files") else { return nil }
            guard let file else { return .unavailable }
            each(file)
            return .notFound
        })
    }
}
