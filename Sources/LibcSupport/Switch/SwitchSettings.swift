/// Where each database's switch configuration comes from for one run of a
/// tool: `/etc/nsswitch.conf` (its bytes, borrowed) and the overrides given
/// on the command line (`getent -s CONFIG` or `-s DATABASE:CONFIG`).
public struct SwitchSettings {
    /// The contents of `/etc/nsswitch.conf`, or nil if it could not be read
    /// (then every database uses its default).
    public var fileContents: ByteString?

    /// Command-line overrides in the order given; the last one that applies
    /// to a database wins. Empty (no allocation) unless `-s` is used.
    var overrides: [Override] = []

    struct Override {
        /// The database it applies to, or nil for every database.
        var database: ByteString?
        var configuration: SwitchConfiguration
    }

    /// `getent --root`: sources that reach outside the root's files (DNS,
    /// the local host names, ...) are off unless a `-s` override names them.
    public var fileSourcesOnly = false

    public init(fileContents: ByteString?) {
        self.fileContents = fileContents
    }

    /// Records an override for `database` (nil: all databases). An invalid
    /// configuration is ignored, as the C library ignores it.
    public mutating func override(_ database: ByteString?, with text: ByteString) {
        let configuration = SwitchConfiguration(text)
        if !configuration.isValid { return }
        overrides.append(Override(database: database, configuration: configuration))
    }

    /// The configuration for `database` (its name in `nsswitch.conf`): the
    /// last applicable override, else its line in the file, else
    /// `defaultConfiguration`.
    public func configuration(for database: StaticString, default defaultConfiguration: StaticString) -> SwitchConfiguration {
        configuration(for: database, computedDefault: { defaultConfiguration })
    }

    /// As `configuration(for:default:)`, with a default that is worked out
    /// only when needed (it may look at the system).
    public func configuration(for database: StaticString, computedDefault: () -> StaticString) -> SwitchConfiguration {
        if let configuration = configuration(for: ByteString(database)) { return configuration }
        var configuration = SwitchConfiguration(computedDefault())
        configuration.fileSourcesOnly = fileSourcesOnly
        return configuration
    }

    /// The configuration for `database` from an override or the file, or
    /// nil if neither names it (for databases whose fallback is another
    /// database's line, as `initgroups` falls back to `group`).
    public func configuration(for database: ByteString) -> SwitchConfiguration? {
        var index = overrides.count
        while index > 0 {
            index -= 1
            let candidate = overrides[index]
            if candidate.database == nil || candidate.database! == database { return candidate.configuration }
        }
        if let bytes = fileContents, var configuration = SwitchFile.configuration(for: database, in: bytes) {
            configuration.fileSourcesOnly = fileSourcesOnly
            return configuration
        }
        return nil
    }
}
