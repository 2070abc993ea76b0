/// The walk of the switch behind `AccountLookup.lookup`, written once for
/// every record type (a generic body is compiled once per record type): the
/// record only enters through the closures that parse and keep it.
enum AccountSources {
    /// Asks each source of `configuration` in turn: `systemd` for its line
    /// (handed to `keepLine` with whether the switch is merging), `files`
    /// and `compat` through `searchFile` (the file's bytes, whether compat,
    /// whether merging). Returns the status the switch ends with.
    @inline(never)
    static func lookup(_ configuration: SwitchConfiguration, context: inout GetentContext,
                       path: StaticString, kind: StaticString, compatSupported: Bool, systemd: AccountKey?,
                       keepLine: (ByteString, Bool) -> Void,
                       searchFile: (ByteString, Bool, Bool) -> ServiceStatus) -> ServiceStatus {
        SwitchDriver.lookup(configuration) { source, merging in
            if source.isNamed("systemd") {
                guard let kind = SystemdSource.Kind(kind), let key = systemd else { return nil }
                let (status, line) = systemdLine(kind, key)
                if let line { keepLine(line, merging) }
                return status
            }
            guard let compat = mode(of: source, compatSupported: compatSupported) else { return nil }
            guard let bytes = context.contents(of: path) else { return .unavailable }
            return searchFile(bytes, compat, merging)
        }
    }

    /// Prints every entry of every source the switch walks: the `systemd`
    /// source's lines and the file's entries (copied as they are where
    /// `isVerbatim`, else parsed and written by `emit`).
    @inline(never)
    static func enumerate(_ configuration: SwitchConfiguration, rules: CompatRules, compatSupported: Bool,
                          context: inout GetentContext, path: StaticString, kind: StaticString,
                          isVerbatim: (ByteString) -> Bool, emit: (ByteString, inout GetentContext) -> Void) {
        SwitchDriver.enumerate(configuration, begin: { source in
            if source.isNamed("systemd") { return SystemdSource.Kind(kind) == nil ? nil : .success }
            guard mode(of: source, compatSupported: compatSupported) != nil else { return nil }
            return context.contents(of: path) == nil ? .unavailable : .success
        }, entries: { source in
            if source.isNamed("systemd") {
                guard let kind = SystemdSource.Kind(kind) else { return nil }
                SystemdSource.forEachLine(kind) { line in emit(line, &context) }
                return .notFound
            }
            guard let compat = mode(of: source, compatSupported: compatSupported) else { return nil }
            guard let bytes = context.contents(of: path) else { return .unavailable }
            return AccountScan.enumerate(bytes, compat: compat, rules: rules, into: &context,
                                         isVerbatim: isVerbatim, emit: emit)
        })
    }

    /// Whether `source` reads the file: false for `files`, true for
    /// `compat`, nil otherwise (`systemd` is asked separately).
    /// `compatSupported` is false for gshadow, which the C library's compat
    /// module does not serve.
    static func mode(of source: SwitchSource, compatSupported: Bool = true) -> Bool? {
        if source.isNamed("files") { return false }
        if compatSupported && source.isNamed("compat") { return true }
        return nil
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
