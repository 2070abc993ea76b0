/// The `files` source of the switch for the line-oriented network
/// databases (`services`, `protocols`, `networks`, `rpc`, `ethers`,
/// `aliases`, `netgroup`). `files` is the only source these databases have:
/// any other source name leaves the status unchanged, as an unloadable
/// module does in the C library. The file is read only when a `files`
/// source is reached, once per run (`GetentContext.contents(of:)`).
enum FilesSource {
    /// A keyed lookup of `path` through `configuration`: `find` searches the
    /// file's bytes and returns the entry (which may borrow them; the file
    /// stays mapped for the run). The entry is returned only when the
    /// switch ends on success.
    static func lookup<Entry>(_ path: StaticString, _ configuration: SwitchConfiguration,
                              context: inout GetentContext, _ find: (ByteString) -> Entry?) -> Entry? {
        var entry: Entry? = nil
        let found = search(path, configuration, context: &context) { file in
            entry = find(file)
            return entry != nil
        }
        return found ? entry : nil
    }

    /// `lookup` without the entry's type (compiled once, not once per
    /// database): `find` says whether the file holds the entry; true when
    /// the switch ends on success.
    @inline(never)
    static func search(_ path: StaticString, _ configuration: SwitchConfiguration,
                       context: inout GetentContext, _ find: (ByteString) -> Bool) -> Bool {
        var found = false
        var searched = false
        let status = SwitchDriver.lookup(configuration) { source, _ in
            guard source.isNamed("files") else { return nil }
            guard let file = context.contents(of: path) else { return .unavailable }
            // Several `files` sources give the same answer: search once.
            if !searched {
                found = find(file)
                searched = true
            }
            return found ? .success : .notFound
        }
        return status == .success && found
    }

    /// An enumeration of `path` through `configuration`: `each` writes every
    /// entry of the file to `context.output`, each time a `files` source is
    /// read.
    static func enumerate(_ path: StaticString, _ configuration: SwitchConfiguration,
                          context: inout GetentContext, _ each: (ByteString, inout OutputBuffer) -> Void) {
        SwitchDriver.enumerate(configuration, begin: { source in
            guard source.isNamed("files") else { return nil }
            return context.contents(of: path) == nil ? .unavailable : .success
        }, entries: { source in
            guard source.isNamed("files") else { return nil }
            guard let file = context.contents(of: path) else { return .unavailable }
            each(file, &context.output)
            return .notFound
        })
    }
}
