/// One source of a switch configuration: its name (`files`, `dns`, ...) and
/// the action for each status that follows it.
public struct SwitchSource: Sendable {
    /// The source's name as written (borrowed from the configuration text).
    public let name: ByteString
    /// Actions indexed by `ServiceStatus.rawValue`.
    @usableFromInline var actions: (ServiceAction, ServiceAction, ServiceAction, ServiceAction)

    /// A source with the default actions: return on success, continue on
    /// everything else.
    init(name: ByteString) {
        self.name = name
        actions = (.stop, .next, .next, .next)
    }

    /// The action configured for `status`.
    @inlinable
    public func action(for status: ServiceStatus) -> ServiceAction {
        switch status {
        case .success: return actions.0
        case .notFound: return actions.1
        case .unavailable: return actions.2
        case .tryAgain: return actions.3
        }
    }

    mutating func setAction(_ action: ServiceAction, for status: ServiceStatus) {
        switch status {
        case .success: actions.0 = action
        case .notFound: actions.1 = action
        case .unavailable: actions.2 = action
        case .tryAgain: actions.3 = action
        }
    }

    /// Whether the source's name is `literal`.
    @inlinable
    public func isNamed(_ literal: StaticString) -> Bool {
        name == ByteString(literal)
    }

    /// Whether the source reads only files (under `getent --root`, files
    /// inside the root): `files`, `compat`, `db`, and `systemd`, whose
    /// records then come from the root's drop-in directories.
    public var isFileBased: Bool {
        isNamed("files") || isNamed("compat") || isNamed("db") || isNamed("systemd")
    }
}
