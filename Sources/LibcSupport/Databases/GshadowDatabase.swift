/// `getent gshadow [NAME...]`: group shadow passwords, from `/etc/gshadow`.
/// The C library's `compat` module does not serve gshadow, so `compat` is
/// passed over here too.
public enum GshadowDatabase: GetentDatabase {
    public static let name: StaticString = "gshadow"

    static func configuration(_ context: borrowing GetentContext) -> SwitchConfiguration {
        context.configuration(for: "gshadow", computedDefault: SystemdSource.defaultConfiguration)
    }

    public static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool {
        let configuration = configuration(context)
        guard let record = AccountLookup<GshadowRecord>.lookup(configuration, context: &context, compatSupported: false, systemd: .name(key), { bytes, _ in
            AccountFile<GshadowRecord>.find(name: key, in: bytes, compat: false)
        }) else { return false }
        GshadowRecord.emit(record, in: &context)
        return true
    }

    public static func enumerate(in context: inout GetentContext) -> Int32 {
        AccountLookup<GshadowRecord>.enumerate(configuration(context), rules: .group, compatSupported: false,
                                              context: &context)
    }
}
