/// `getent initgroups USER...`: the groups each user is a member of, as
/// the C library's getent prints them: the name padded to 21 columns, then
/// each group id once, in file order. The user's primary group is not
/// added (getent asks for the list without one), and gid 4294967295 (the
/// C library's "no group" value) never appears. No enumeration (exit 3).
///
/// The switch line is `initgroups` if there is one, else `group`.
public enum InitgroupsDatabase: GetentDatabase {
    public static let name: StaticString = "initgroups"

    public static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        var notFoundContinues = false
        var configuration = context.switchSettings.configuration(for: ByteString("initgroups"))
        if configuration == nil {
            configuration = context.configuration(for: "group", computedDefault: SystemdSource.defaultConfiguration)
            notFoundContinues = true
        }
        var groups: [UInt32] = []
        _ = SwitchDriver.lookup(configuration!, notFoundContinues: notFoundContinues) { source, _ in
            if source.isNamed("systemd") {
                // The groups systemd's services report memberships in.
                let before = groups.count
                for gid in SystemdSource.groupIDs(ofUser: key) { add(gid, to: &groups) }
                return groups.count > before ? .success : .notFound
            }
            guard let compat = AccountLookup<GroupRecord>.mode(of: source) else { return nil }
            guard let bytes = context.contents(of: GroupRecord.path) else { return .unavailable }
            let before = groups.count
            collect(key, in: bytes, compat: compat, into: &groups)
            return groups.count > before ? .success : .notFound
        }
        context.output.append(key)
        if key.count < 21 { context.output.append(repeating: UInt8(ascii: " "), count: 21 - key.count) }
        for gid in groups {
            context.output.append(UInt8(ascii: " "))
            context.output.append(decimal: gid)
        }
        context.output.append(UInt8(ascii: "\n"))
        return true
    }

    public static func enumerate(in context: inout GetentContext) -> Int32 {
        enumerationNotSupported(in: &context)
    }

    /// Adds the gids of the groups listing `user` (new ones only).
    static func collect(_ user: ByteString, in bytes: ByteString, compat: Bool, into groups: inout [UInt32]) {
        if user.isEmpty { return }
        if compat {
            for line in LineSequence(bytes) {
                guard let content = RecordLine.content(line) else { continue }
                if let directive = CompatDirective.of(content) {
                    switch directive {
                    case .includeAll, .include: return
                    case .includeNetgroup, .exclude, .excludeOther: continue
                    }
                }
                if let group = GroupRecord.parse(content), group.hasMember(user) { add(group.gid, to: &groups) }
            }
            return
        }
        var lastLine = -1
        for occurrence in FileScanner(bytes).occurrences(of: user) where occurrence.lineStart != lastLine {
            lastLine = occurrence.lineStart
            guard let content = RecordLine.content(occurrence.line), let group = GroupRecord.parse(content),
                  group.hasMember(user) else { continue }
            add(group.gid, to: &groups)
        }
    }

    static func add(_ gid: UInt32, to groups: inout [UInt32]) {
        if gid == UInt32.max || groups.contains(gid) { return }
        groups.append(gid)
    }
}
