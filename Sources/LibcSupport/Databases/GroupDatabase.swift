/// `getent group [NAME|GID...]`: groups, from `/etc/group`. With
/// `[SUCCESS=merge]` the members of the same group from the following
/// sources are appended, as the C library merges them.
public enum GroupDatabase: GetentDatabase {
    public static let name: StaticString = "group"

    static func configuration(_ context: borrowing GetentContext) -> SwitchConfiguration {
        context.configuration(for: "group", computedDefault: SystemdSource.defaultConfiguration)
    }

    public static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        let configuration = configuration(context)
        var extra: [ByteString] = []
        guard var record = AccountLookup<GroupRecord>.lookup(key, configuration, rules: .group, context: &context,
                                                              merged: { extra.append($0.members) }) else {
            return false
        }
        record.mergedMembers = extra
        GroupRecord.emit(record, in: &context)
        return true
    }

    public static func enumerate(in context: inout GetentContext) -> Int32 {
        AccountLookup<GroupRecord>.enumerate(configuration(context), rules: .group, context: &context)
    }
}
