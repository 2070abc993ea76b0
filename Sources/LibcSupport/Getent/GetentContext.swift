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
    /// The files read so far (each read once per run).
    public var files = GetentFiles()
    /// The tool's name for diagnostics (`argv[0]`).
    public var programName = ByteString("getent")

    /// A context writing through `output` and `errors`.
    public init(switchSettings: SwitchSettings, output: consuming OutputBuffer, errors: consuming OutputBuffer) {
        self.output = output
        self.errors = errors
        self.switchSettings = switchSettings
    }

    /// The bytes of a database file, read once per run; nil if it cannot be
    /// read (a reason other than absence is reported on stderr once).
    public mutating func contents(of path: StaticString) -> ByteString? {
        files.contents(of: path, programName: programName, errors: &errors)
    }

    /// The switch configuration of `database`, or `defaultConfiguration`
    /// when neither `-s` nor `/etc/nsswitch.conf` names it.
    public func configuration(for database: StaticString, default defaultConfiguration: StaticString) -> SwitchConfiguration {
        switchSettings.configuration(for: database, default: defaultConfiguration)
    }

    /// As `configuration(for:default:)`, the default worked out only when
    /// neither `-s` nor the file names the database.
    public func configuration(for database: StaticString, computedDefault: () -> StaticString) -> SwitchConfiguration {
        switchSettings.configuration(for: database, computedDefault: computedDefault)
    }
}
