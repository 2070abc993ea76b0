/// What kind of account a user record is, as systemd's JSON user records
/// classify them. It picks the defaults of a record without a home
/// directory or shell: regular users get `/home/NAME` and `/bin/bash`,
/// every other kind `/` and `/usr/sbin/nologin`.
public enum UserDisposition: Sendable {
    case intrinsic, system, dynamic, regular, container, reserved

    /// The disposition named by a record's `disposition` field, if valid.
    init?(name: [UInt8]) {
        for (text, disposition) in UserDisposition.names where name.equals(text) {
            self = disposition
            return
        }
        return nil
    }

    static let names: [(StaticString, UserDisposition)] = [
        ("intrinsic", .intrinsic), ("system", .system), ("dynamic", .dynamic),
        ("regular", .regular), ("container", .container), ("reserved", .reserved),
    ]

    /// The disposition implied by an id when the record names none
    /// (the ranges observed with systemd's NSS module on Debian).
    init(id: UInt32?) {
        guard let id else { self = .reserved; return }
        switch id {
        case 0, 65534: self = .intrinsic
        case 1...999: self = .system
        case 61184...65519: self = .dynamic
        case 0x80000...0x6FFF0000: self = .container
        case 0x8000_0000...: self = .reserved
        default: self = .regular
        }
    }
}
