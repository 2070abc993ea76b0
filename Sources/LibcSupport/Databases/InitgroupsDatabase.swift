/// `getent initgroups USER...`: the groups each user is a member of, as
/// the C library's getent prints them: the name padded to 21 columns, then
/// the group ids. No enumeration (exit 3).
///
/// Observed rules of the C library, kept here:
/// - getent asks without a primary group, so only membership counts, and
///   gid 4294967295 (its "no group" value) never appears;
/// - `files` lists every group line naming the user, in file order, with
///   repeats, and does not treat `#` lines as comments; `compat` skips
///   comments and stops at `+` or `+NAME`;
/// - the ids of each later source that an earlier source already gave are
///   dropped, each replaced by the last id of the list (so the order moves);
/// - with an `initgroups` line its action items apply (a source that finds
///   nothing reports NOTFOUND) and `compat` ends the walk; without one, the
///   `group` line is used and every source is asked.
public enum InitgroupsDatabase: GetentDatabase {
    public static let name: StaticString = "initgroups"

    public static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        var groups: [UInt32] = []
        if let configuration = context.switchSettings.configuration(for: ByteString("initgroups")) {
            var status = ServiceStatus.unavailable
            for source in configuration.sources {
                if source.isNamed("systemd") {
                    status = collectSystemd(key, into: &groups) ? .success : .notFound
                } else if let compat = AccountLookup<GroupRecord>.mode(of: source) {
                    status = collect(key, compat: compat, into: &groups, context: &context) ? .success : .notFound
                    if compat { break }
                }
                if source.action(for: status) != .next { break }
            }
        } else {
            let configuration = context.configuration(for: "group", computedDefault: SystemdSource.defaultConfiguration)
            for source in configuration.sources {
                if source.isNamed("systemd") {
                    _ = collectSystemd(key, into: &groups)
                    continue
                }
                guard let compat = AccountLookup<GroupRecord>.mode(of: source) else { continue }
                _ = collect(key, compat: compat, into: &groups, context: &context)
            }
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

    /// Asks the `systemd` source: the groups its services report the user
    /// a member of, those not listed yet; returns whether it found any.
    static func collectSystemd(_ user: ByteString, into groups: inout [UInt32]) -> Bool {
        var found = false
        for gid in SystemdSource.groupIDs(ofUser: user) {
            found = true
            if !groups.contains(gid) { groups.append(gid) }
        }
        return found
    }

    /// Asks one source; returns whether it found any group.
    static func collect(_ user: ByteString, compat: Bool, into groups: inout [UInt32],
                        context: inout GetentContext) -> Bool {
        guard let bytes = context.contents(of: GroupRecord.path) else { return false }
        let start = groups.count
        if compat {
            collectCompat(user, in: bytes, into: &groups)
        } else {
            collectFiles(user, in: bytes, into: &groups)
        }
        let found = groups.count > start
        if start > 0 { dropRepeats(in: &groups, from: start) }
        return found
    }

    static func collectFiles(_ user: ByteString, in bytes: ByteString, into groups: inout [UInt32]) {
        if user.isEmpty { return }
        var lastLine = -1
        for occurrence in FileScanner(bytes).occurrences(of: user) where occurrence.lineStart != lastLine {
            lastLine = occurrence.lineStart
            guard let group = GroupRecord.parse(uncommented(occurrence.line)), group.hasMember(user),
                  group.gid != UInt32.max else { continue }
            groups.append(group.gid)
        }
    }

    static func collectCompat(_ user: ByteString, in bytes: ByteString, into groups: inout [UInt32]) {
        if user.isEmpty { return }
        for line in LineSequence(bytes) {
            guard let content = RecordLine.content(line) else { continue }
            if let directive = CompatDirective.of(content) {
                switch directive {
                case .includeAll, .include: return
                case .includeNetgroup, .exclude, .excludeOther: continue
                }
            }
            if let group = GroupRecord.parse(content), group.hasMember(user), group.gid != UInt32.max {
                groups.append(group.gid)
            }
        }
    }

    /// A line as the files initgroups reader takes it: up to a NUL, without
    /// leading white space, `#` lines included.
    static func uncommented(_ line: ByteString) -> ByteString {
        var text = line
        if let nul = text.firstIndex(of: 0) { text = text.prefix(nul) }
        var i = 0
        while i < text.count && ASCII.isSpace(text[i]) { i += 1 }
        return text.dropFirst(i)
    }

    /// Removes the ids from `start` on that appear before `start`, each
    /// replaced by the current last id (the C library's order).
    static func dropRepeats(in groups: inout [UInt32], from start: Int) {
        var index = start
        while index < groups.count {
            if groups[0..<start].contains(groups[index]) {
                groups[index] = groups[groups.count - 1]
                groups.removeLast()
            } else {
                index += 1
            }
        }
    }
}
