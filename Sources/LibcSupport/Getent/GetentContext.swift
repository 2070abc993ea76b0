/// What a database needs to answer one `getent` call: the output, the
/// switch settings, and the options that change lookups.
public struct GetentContext: ~Copyable {
    /// Standard output; databases append their entries here.
    public var output: OutputBuffer
    /// Standard error, for the few diagnostics databases print themselves
    /// (e.g. "Enumeration not supported on initgroups").
    public var errors: OutputBuffer
    /// `/etc/nsswitch.conf` and the `-s` overrides.
    public var switchSettings: SwitchSettings
    /// `-i` / `--no-idn`: look host names up as given, without IDNA.
    public var noIDN = false
    /// `-A` / `--no-addrconfig`: do not filter address families for ahosts.
    public var noAddressConfiguration = false

    public init(switchSettings: SwitchSettings) {
        output = OutputBuffer(.standardOutput)
        errors = OutputBuffer(.standardError, capacity: 1024)
        self.switchSettings = switchSettings
    }

    /// The switch configuration of `database`, or `defaultConfiguration`
    /// when neither `-s` nor `/etc/nsswitch.conf` names it.
    public func configuration(for database: StaticString, default defaultConfiguration: StaticString) -> SwitchConfiguration {
        switchSettings.configuration(for: database, default: defaultConfiguration)
    }
}
