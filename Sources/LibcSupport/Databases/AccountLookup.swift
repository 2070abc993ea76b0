/// Runs the account databases' lookups and enumerations through the switch:
/// the `files` and `compat` sources read `Record.path`; other sources are
/// not provided (the switch passes over them).
public enum AccountLookup<Record: AccountRecord> {
    /// Whether `source` reads the file (see `AccountSources.mode`).
    static func mode(of source: SwitchSource, compatSupported: Bool = true) -> Bool? {
        AccountSources.mode(of: source, compatSupported: compatSupported)
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
        // No local function to keep a record: capturing `found` in one
        // would put it in a heap box.
        var found: Record?
        let status = AccountSources.lookup(configuration, context: &context, path: Record.path, kind: Record.kind,
                                           compatSupported: compatSupported, systemd: systemd,
                                           keepLine: { line, merging in
                                               guard let record = Record.parse(line) else { return }
                                               if merging, let merged { merged(record) } else { found = record }
                                           },
                                           searchFile: { bytes, compat, merging in
                                               let (status, record) = find(bytes, compat)
                                               guard let record else { return status }
                                               if merging, let merged { merged(record) } else { found = record }
                                               return status
                                           })
        return status == .success ? found : nil
    }

    /// Prints every entry of every source the switch walks.
    static func enumerate(_ configuration: SwitchConfiguration, rules: CompatRules,
                          compatSupported: Bool = true, context: inout GetentContext) -> Int32 {
        AccountSources.enumerate(configuration, rules: rules, compatSupported: compatSupported, context: &context,
                                 path: Record.path, kind: Record.kind, isVerbatim: Record.isVerbatim) { line, context in
            if let record = Record.parse(line) { Record.emit(record, in: &context) }
        }
        return 0
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
