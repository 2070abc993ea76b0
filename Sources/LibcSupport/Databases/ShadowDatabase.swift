/// `getent shadow [NAME...]`: shadow passwords, from `/etc/shadow` (by name
/// only; a numeric key is a name).
public enum ShadowDatabase: GetentDatabase {
    public static let name: StaticString = "shadow"

    static func configuration(_ context: borrowing GetentContext) -> SwitchConfiguration {
        context.configuration(for: "shadow", computedDefault: SystemdSource.defaultConfiguration)
    }

    public static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        let configuration = configuration(context)
        guard let record = AccountLookup<ShadowRecord>.lookup(configuration, context: &context, systemd: .name(key), { bytes, compat in
            AccountFile<ShadowRecord>.find(name: key, in: bytes, compat: compat)
        }) else { return false }
        ShadowRecord.emit(record, in: &context)
        return true
    }

    public static func enumerate(in context: inout GetentContext) -> Int32 {
        AccountLookup<ShadowRecord>.enumerate(configuration(context), rules: .passwd, context: &context)
    }
}
