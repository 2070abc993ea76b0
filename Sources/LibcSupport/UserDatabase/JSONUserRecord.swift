/// A user from systemd's user database (a JSON user record), reduced to
/// what the passwd and shadow lines show, as systemd's NSS module maps it.
public struct JSONUserRecord {
    public var name: [UInt8]
    /// nil when the record has no valid uid (printed as 4294967295, as glibc does).
    public var uid: UInt32?
    public var gid: UInt32?
    public var gecos: [UInt8]
    public var homeDirectory: [UInt8]
    public var shell: [UInt8]
    /// `x` for ordinary records (the password is in shadow), `!*` for the synthesized nobody.
    public var passwdPassword: StaticString = "x"
    /// The first of `privileged.hashedPassword`; nil when there is none.
    public var hashedPassword: [UInt8]?
    /// Shadow fields in days since the epoch / days; nil prints empty.
    public var lastChange: UInt64?
    public var minimumAge: UInt64?
    public var maximumAge: UInt64?
    public var warningPeriod: UInt64?
    public var inactivityPeriod: UInt64?
    public var expiration: UInt64?

    static let microsecondsPerDay: UInt64 = 86_400_000_000

    /// The machine a record is interpreted for: its `perMachine` sections
    /// and `binding` apply when they name this machine id or host name.
    public struct Machine: Sendable {
        public var id: [UInt8]?
        public var hostName: [UInt8]?
        public init(id: [UInt8]?, hostName: [UInt8]?) {
            self.id = id
            self.hostName = hostName
        }
    }

    /// Maps a JSON user record; nil when it is not a usable user record
    /// (not an object, no valid `userName`, fields of the wrong type).
    public init?(json record: JSONValue, machine: Machine) {
        guard record.isObject, let name = record["userName"]?.stringValue, AccountName.isValid(name) else { return nil }
        self.name = name
        var fields = UserFields()
        guard fields.apply(record) else { return nil }
        if let sections = record["perMachine"] {
            guard let list = sections.arrayValue else { return nil }
            for section in list where JSONUserRecord.matches(section, machine) {
                guard fields.apply(section, perMachine: true) else { return nil }
            }
        }
        if let machineID = machine.id, let binding = record["binding"]?.member(machineID) {
            guard fields.apply(binding, perMachine: true) else { return nil }
        }
        uid = fields.uid
        gid = fields.gid ?? fields.uid
        let disposition = fields.disposition ?? UserDisposition(id: fields.uid)
        if let realName = fields.realName {
            gecos = realName.map { byte in
                // A passwd field cannot hold a colon or a line break.
                byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: ":") ? UInt8(ascii: " ") : byte
            }
        } else {
            gecos = name
        }
        if let home = fields.homeDirectory, !home.isEmpty {
            homeDirectory = home
        } else if disposition == .regular {
            homeDirectory = [UInt8](literal: "/home/") + name
        } else {
            homeDirectory = [UInt8(ascii: "/")]
        }
        if let shell = fields.shell, !shell.isEmpty {
            self.shell = shell
        } else {
            self.shell = [UInt8](literal: disposition == .regular ? "/bin/bash" : "/usr/sbin/nologin")
        }
        if let privileged = record["privileged"], let list = privileged["hashedPassword"]?.arrayValue {
            hashedPassword = list.first?.stringValue
        }
        lastChange = fields.lastChange.map { $0 == 0 ? 1 : $0 / JSONUserRecord.microsecondsPerDay }
        minimumAge = JSONUserRecord.days(fields.minimumAge)
        maximumAge = JSONUserRecord.days(fields.maximumAge)
        warningPeriod = JSONUserRecord.days(fields.warningPeriod)
        inactivityPeriod = JSONUserRecord.days(fields.inactivityPeriod)
        if fields.locked == true {
            expiration = 1
        } else {
            expiration = JSONUserRecord.days(fields.notAfter).map { fields.notAfter == 0 ? 1 : $0 }
        }
    }

    /// A record made of fixed fields (the synthesized root and nobody).
    init(name: StaticString, uid: UInt32, gecos: StaticString, home: StaticString, shell: StaticString,
         passwdPassword: StaticString) {
        self.name = Array(ByteString(name).buffer)
        self.uid = uid
        self.gid = uid
        self.gecos = Array(ByteString(gecos).buffer)
        self.homeDirectory = Array(ByteString(home).buffer)
        self.shell = Array(ByteString(shell).buffer)
        self.passwdPassword = passwdPassword
    }

    /// Microseconds to whole days; "infinity" (UINT64_MAX) is unset.
    static func days(_ microseconds: UInt64?) -> UInt64? {
        guard let microseconds, microseconds != UInt64.max else { return nil }
        return microseconds / microsecondsPerDay
    }

    /// Whether a `perMachine` section applies to `machine`.
    static func matches(_ section: JSONValue, _ machine: Machine) -> Bool {
        contains(section["matchMachineId"], machine.id) || contains(section["matchHostname"], machine.hostName)
    }

    static func contains(_ value: JSONValue?, _ wanted: [UInt8]?) -> Bool {
        guard let value, let wanted else { return false }
        if let single = value.stringValue { return single == wanted }
        for element in value.arrayValue ?? [] where element.stringValue == wanted { return true }
        return false
    }

    /// The passwd line without its newline: `name:x:uid:gid:gecos:home:shell`.
    public var passwdLine: [UInt8] {
        var line = name
        line.append(UInt8(ascii: ":"))
        line.append(contentsOf: ByteString(passwdPassword).buffer)
        line.append(UInt8(ascii: ":"))
        DecimalText.append(UInt64(uid ?? UInt32.max), to: &line)
        line.append(UInt8(ascii: ":"))
        DecimalText.append(UInt64(gid ?? UInt32.max), to: &line)
        line.append(UInt8(ascii: ":"))
        line += gecos
        line.append(UInt8(ascii: ":"))
        line += homeDirectory
        line.append(UInt8(ascii: ":"))
        line += shell
        return line
    }

    /// The shadow line without its newline:
    /// `name:password:lastchg:min:max:warn:inactive:expire:`, `!*` as the
    /// password when the record has none.
    public var shadowLine: [UInt8] {
        var line = name
        line.append(UInt8(ascii: ":"))
        if let hashedPassword { line += hashedPassword } else { line += [UInt8(ascii: "!"), UInt8(ascii: "*")] }
        for field in [lastChange, minimumAge, maximumAge, warningPeriod, inactivityPeriod, expiration] {
            line.append(UInt8(ascii: ":"))
            if let field { DecimalText.append(field, to: &line) }
        }
        line.append(UInt8(ascii: ":"))
        return line
    }

    public func appendPasswdLine(to output: inout OutputBuffer) {
        output.append(contentsOf: passwdLine)
        output.append(UInt8(ascii: "\n"))
    }

    public func appendShadowLine(to output: inout OutputBuffer) {
        output.append(contentsOf: shadowLine)
        output.append(UInt8(ascii: "\n"))
    }
}
