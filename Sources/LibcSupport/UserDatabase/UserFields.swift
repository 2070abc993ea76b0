/// The fields of a user record that sections override one by one.
struct UserFields {
    var uid: UInt32?
    var gid: UInt32?
    var realName: [UInt8]?
    var homeDirectory: [UInt8]?
    var shell: [UInt8]?
    var disposition: UserDisposition?
    var locked: Bool?
    var notAfter: UInt64?
    var lastChange: UInt64?
    var minimumAge: UInt64?
    var maximumAge: UInt64?
    var warningPeriod: UInt64?
    var inactivityPeriod: UInt64?

    /// Takes the fields `section` sets; false when one has the wrong type.
    /// `perMachine`/`binding` sections cannot change the real name, the
    /// disposition or the password policy.
    mutating func apply(_ section: JSONValue, perMachine: Bool = false) -> Bool {
        guard section.isObject else { return false }
        if let value = section["uid"] {
            guard value.unsignedValue != nil else { return false }
            uid = AccountName.id(value)
        }
        if let value = section["gid"] {
            guard value.unsignedValue != nil else { return false }
            gid = AccountName.id(value)
        }
        guard take(section["homeDirectory"], into: &homeDirectory),
              take(section["shell"], into: &shell) else { return false }
        if let value = section["locked"] {
            guard let flag = value.boolValue else { return false }
            locked = flag
        }
        guard number(section["notAfterUSec"], into: &notAfter) else { return false }
        if perMachine { return true }
        guard take(section["realName"], into: &realName) else { return false }
        if let value = section["disposition"] {
            guard let text = value.stringValue else { return false }
            disposition = UserDisposition(name: text)
        }
        return number(section["lastPasswordChangeUSec"], into: &lastChange)
            && number(section["passwordChangeMinUSec"], into: &minimumAge)
            && number(section["passwordChangeMaxUSec"], into: &maximumAge)
            && number(section["passwordChangeWarnUSec"], into: &warningPeriod)
            && number(section["passwordChangeInactiveUSec"], into: &inactivityPeriod)
    }

    func take(_ value: JSONValue?, into field: inout [UInt8]?) -> Bool {
        guard let value else { return true }
        if case .null = value { field = nil; return true }
        guard let text = value.stringValue else { return false }
        field = text
        return true
    }

    func number(_ value: JSONValue?, into field: inout UInt64?) -> Bool {
        guard let value else { return true }
        if case .null = value { field = nil; return true }
        guard let number = value.unsignedValue else { return false }
        field = number
        return true
    }
}
