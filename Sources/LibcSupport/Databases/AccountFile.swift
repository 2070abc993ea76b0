/// The `files` and `compat` sources of an account database: lookups by name
/// or id and enumeration over the file's bytes.
///
/// `files` finds a key by a byte search (memmem) and parses only the lines
/// where the key sits at the right place; the first valid entry wins. NIS
/// lines are entries under `files` (listed, never found by key); under
/// `compat` they are directives (see `CompatRules`), read line by line.
public enum AccountFile<Record: AccountRecord> {
    /// The entry named `key`: `.success` with it, `.notFound`, or
    /// `.unavailable` where `compat` would need NIS.
    public static func find(name key: ByteString, in bytes: ByteString, compat: Bool) -> (ServiceStatus, Record?) {
        if compat { return findCompat(in: bytes) { $0.name == key } directive: { directive in
            switch directive {
            case .includeAll: return .unavailable
            case .include(let name): return name == key ? .unavailable : nil
            case .exclude(let name): return name == key ? .notFound : nil
            case .includeNetgroup, .excludeOther: return nil
            }
        } }
        var found: Record? = nil
        let accepted = AccountScan.findName(key, in: bytes) { line in
            guard let record = parse(line), record.name == key else { return false }
            found = record
            return true
        }
        return accepted ? (.success, found) : (.notFound, nil)
    }

    /// Every entry in file order (`each` receives them); returns the status
    /// the source ends with: `.notFound` at the end, `.unavailable` where
    /// `compat` would need NIS.
    public static func enumerate(_ bytes: ByteString, compat: Bool, rules: CompatRules,
                                 _ each: (Record) -> Void) -> ServiceStatus {
        for line in ScannedLines(bytes) {
            guard let content = RecordLine.content(withoutNUL: line) else { continue }
            if compat, let directive = CompatDirective.of(content) {
                if directive.endsEnumeration(under: rules) { return .unavailable }
                continue
            }
            if let record = Record.parse(content) { each(record) }
        }
        return .notFound
    }

    /// `enumerate` writing each entry to `context`. Runs of plain lines
    /// (see `AccountRecord.isVerbatim`) that follow each other in the file
    /// are written straight from the file's bytes, newlines included: a
    /// large run goes out in one write without being copied.
    static func enumerate(_ bytes: ByteString, compat: Bool, rules: CompatRules, into context: inout GetentContext) -> ServiceStatus {
        AccountScan.enumerate(bytes, compat: compat, rules: rules, into: &context,
                              isVerbatim: Record.isVerbatim) { content, context in
            if let record = Record.parse(content) { Record.emit(record, in: &context) }
        }
    }

    /// The content of a line parsed, or nil.
    @inlinable
    static func parse(_ line: ByteString) -> Record? {
        guard let content = RecordLine.content(line) else { return nil }
        return Record.parse(content)
    }

    /// `compat`: the first ordinary entry satisfying `matches`, unless a
    /// directive before it decides (`directive` returns a status to stop
    /// with, or nil to pass over it).
    static func findCompat(in bytes: ByteString, _ matches: (Record) -> Bool,
                           directive: (CompatDirective) -> ServiceStatus?) -> (ServiceStatus, Record?) {
        var found: Record? = nil
        let status = AccountScan.findCompat(in: bytes, { content in
            guard let record = Record.parse(content), matches(record) else { return false }
            found = record
            return true
        }, directive: directive)
        return (status, status == .success ? found : nil)
    }
}

extension AccountFile where Record: IdentifiedAccountRecord {
    /// The first entry with id `id` (NIS lines never match).
    public static func find(id: UInt32, in bytes: ByteString, compat: Bool, rules: CompatRules) -> (ServiceStatus, Record?) {
        if compat {
            return findCompat(in: bytes, { $0.id == id }) { directive in
                switch directive {
                case .includeAll: return .unavailable
                case .include, .includeNetgroup: return rules.namedIncludeStopsIDLookup ? .unavailable : nil
                case .exclude, .excludeOther: return nil
                }
            }
        }
        var found: Record? = nil
        let accepted = AccountScan.findID(id, in: bytes) { line in
            guard let record = parse(line), record.id == id, !RecordLine.isNISName(record.name) else { return false }
            found = record
            return true
        }
        return accepted ? (.success, found) : (.notFound, nil)
    }
}
