/// Runs the account databases' lookups and enumerations through the switch:
/// the `files` and `compat` sources read `Record.path`; other sources are
/// not provided (the switch passes over them).
public enum AccountLookup<Record: AccountRecord> {
    /// Whether `source` reads the file: false for `files`, true for
    /// `compat`, nil otherwise (`systemd` is asked separately). `compatSupported` is false for gshadow,
    /// which the C library's compat module does not serve.
    @inlinable
    static func mode(of source: SwitchSource, compatSupported: Bool = true) -> Bool? {
        if source.isNamed("files") { return false }
        if compatSupported && source.isNamed("compat") { return true }
        return nil
    }

    /// Looks an entry up with `find` in each source of `configuration`; on
    /// success returns the entry of the last source that found it, and the
    /// entries merged into it after `[SUCCESS=merge]`.
    ///
    /// `systemd` is the key for the `systemd` source (systemd's user
    /// database, see `SystemdSource`); nil where the key is not one it takes.
    static func lookup(_ configuration: SwitchConfiguration, context: inout GetentContext,
                       compatSupported: Bool = true,
                       merged: ((Record) -> Void)? = nil,
                       systemd: AccountKey? = nil,
                       _ find: (ByteString, Bool) -> (ServiceStatus, Record?)) -> Record? {
        var found: Record?
        let status = SwitchDriver.lookup(configuration) { source, merging in
            if source.isNamed("systemd") {
                guard let kind = SystemdSource.Kind(Record.kind), let key = systemd else { return nil }
                let (status, line) = systemdLine(kind, key)
                if let line, let record = Record.parse(line) {
                    if merging, let merged { merged(record) } else { found = record }
                }
                return status
            }
            guard let compat = mode(of: source, compatSupported: compatSupported) else { return nil }
            guard let bytes = context.contents(of: Record.path) else { return .unavailable }
            let (status, record) = find(bytes, compat)
            if let record {
                if merging, let merged { merged(record) } else { found = record }
            }
            return status
        }
        return status == .success ? found : nil
    }

    /// Prints every entry of every source the switch walks.
    static func enumerate(_ configuration: SwitchConfiguration, rules: CompatRules,
                          compatSupported: Bool = true, context: inout GetentContext) -> Int32 {
        SwitchDriver.enumerate(configuration, begin: { source in
            if source.isNamed("systemd") { return SystemdSource.Kind(Record.kind) == nil ? nil : .success }
            guard mode(of: source, compatSupported: compatSupported) != nil else { return nil }
            return context.contents(of: Record.path) == nil ? .unavailable : .success
        }, entries: { source in
            if source.isNamed("systemd") {
                guard let kind = SystemdSource.Kind(Record.kind) else { return nil }
                SystemdSource.forEachLine(kind) { line in
                    if let record = Record.parse(line) { Record.emit(record, in: &context) }
                }
                return .notFound
            }
            guard let compat = mode(of: source, compatSupported: compatSupported) else { return nil }
            guard let bytes = context.contents(of: Record.path) else { return .unavailable }
            return AccountFile<Record>.enumerate(bytes, compat: compat, rules: rules, into: &context)
        })
        return 0
    }

    /// The `systemd` source's line for `key`.
    static func systemdLine(_ kind: SystemdSource.Kind, _ key: AccountKey) -> (ServiceStatus, ByteString?) {
        switch key {
        case .name(let name): return SystemdSource.line(kind, name: name, id: nil)
        case .id(let id): return SystemdSource.line(kind, name: nil, id: id)
        case .outOfRange: return (.notFound, nil)
        }
    }
}

extension AccountLookup where Record: IdentifiedAccountRecord {
    /// Looks `key` up by id if it is a number, else by name.
    static func lookup(_ key: ByteString, _ configuration: SwitchConfiguration, rules: CompatRules,
                       context: inout GetentContext, merged: ((Record) -> Void)? = nil) -> Record? {
        switch AccountKey(key) {
        case .outOfRange:
            return nil
        case .id(let id):
            return lookup(configuration, context: &context, merged: merged, systemd: .id(id)) { bytes, compat in
                AccountFile<Record>.find(id: id, in: bytes, compat: compat, rules: rules)
            }
        case .name(let name):
            return lookup(configuration, context: &context, merged: merged, systemd: .name(name)) { bytes, compat in
                AccountFile<Record>.find(name: name, in: bytes, compat: compat)
            }
        }
    }
}
