/// Walks the sources of a switch configuration, asking each in turn and
/// applying the action items, as the C library's name-service switch does.
///
/// A database plugs its sources in through closures that receive the
/// `SwitchSource` (match on `source.name`) and return the status of that
/// source, or nil when the database has no such source (`ldap`, `sss`, a
/// typo, ...). Such a source leaves the status as it was, so its action
/// items apply to the previous status, exactly as in the C library where the
/// module cannot be loaded; the status before any source is `UNAVAIL`.
public enum SwitchDriver {
    /// A keyed lookup. `query(source, merging)` asks one source; `merging`
    /// is true when an entry is held after `[SUCCESS=merge]`, so the database
    /// merges this source's entry into it (group members) instead of
    /// replacing it. Returns the final status: the database answers with its
    /// entry on `.success`.
    ///
    /// Merging as observed: after `[SUCCESS=merge]` the next source that
    /// answers decides; if it does not find the entry, the held entry is the
    /// answer and the walk stops. Sources the database does not provide are
    /// passed over by their actions for `UNAVAIL`.
    ///
    /// `notFoundContinues` makes `[NOTFOUND=return]` go on to the next
    /// source, as the C library does for initgroups when it falls back to
    /// the group line.
    public static func lookup(_ configuration: SwitchConfiguration, notFoundContinues: Bool = false,
                              _ query: (SwitchSource, Bool) -> ServiceStatus?) -> ServiceStatus {
        var status = ServiceStatus.unavailable
        var holding = false
        for source in configuration.sources {
            if let reported = configuration.allows(source) ? query(source, holding) : nil {
                if holding && reported != .success { return .success }
                status = reported
            }
            var action = source.action(for: status)
            if notFoundContinues && status == .notFound { action = .next }
            if action == .merge && status == .success {
                holding = true
                status = .unavailable
                continue
            }
            if holding && status == .success { holding = false }
            if !proceeds(action, after: status) { break }
        }
        return holding ? .success : status
    }

    /// An enumeration. `begin(source)` opens a source (the C library's
    /// `setXXent`) and reports whether it can be read; the walk stops at the
    /// first source whose action for that status is not `continue`, and
    /// enumeration starts there. `entries(source)` then writes all entries of
    /// one source in order and returns the status it ended with (`NOTFOUND`
    /// at the end of its entries, `UNAVAIL` if it could not be read); the
    /// action for that status decides whether the next source follows.
    public static func enumerate(_ configuration: SwitchConfiguration,
                                 begin: (SwitchSource) -> ServiceStatus?,
                                 entries: (SwitchSource) -> ServiceStatus?) {
        var status = ServiceStatus.unavailable
        var sources = configuration.sources
        var current = sources.next()
        // Opening phase: where enumeration starts.
        while let source = current {
            if let reported = configuration.allows(source) ? begin(source) : nil { status = reported }
            if source.action(for: status) != .next { break }
            guard let following = sources.next() else { break }
            current = following
        }
        // Reading phase.
        while let source = current {
            if let reported = configuration.allows(source) ? entries(source) : nil { status = reported }
            if !proceeds(source.action(for: status), after: status) { break }
            current = sources.next()
        }
    }

    /// Whether the walk goes on to the next source: `continue` does, and
    /// `merge` does after an entry or a miss; after an unavailable source it
    /// stops as `return` does (observed behaviour of the C library).
    @inlinable
    static func proceeds(_ action: ServiceAction, after status: ServiceStatus) -> Bool {
        switch action {
        case .stop: return false
        case .next: return true
        case .merge: return status == .success || status == .notFound
        }
    }
}
