/// `getent passwd [NAME|UID...]`: users, from `/etc/passwd`.
public enum PasswdDatabase: GetentDatabase {
    public static let name: StaticString = "passwd"

    static func configuration(_ context: borrowing GetentContext) -> SwitchConfiguration {
        context.configuration(for: "passwd", computedDefault: SystemdSource.defaultConfiguration)
    }

    public static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        let configuration = configuration(context)
        guard let record = AccountLookup<PasswdRecord>.lookup(key, configuration, rules: .passwd, context: &context) else {
            return false
        }
        PasswdRecord.emit(record, in: &context)
        return true
    }

    public static func enumerate(in context: inout GetentContext) -> Int32 {
        AccountLookup<PasswdRecord>.enumerate(configuration(context), rules: .passwd, context: &context)
    }
}
