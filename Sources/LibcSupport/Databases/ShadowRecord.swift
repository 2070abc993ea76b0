/// A line of `/etc/shadow`:
/// `name:password:lastchange:min:max:warn:inactive:expire:flag`.
///
/// As the C library parses it (observed): empty numeric fields mean -1 (but
/// only when a `:` follows them; the flag may be empty at the end); the line
/// may end after `max` (old format) or after `expire`; numbers are read as
/// 32-bit values and kept signed, so 4294967295 is -1 (written empty) and
/// 2147483648 is written negative; a bare NIS name (`+`, `-name`, `+name:`)
/// has 0 in the first three numbers. The flag is unsigned.
public struct ShadowRecord: AccountRecord {
    public static let path: StaticString = "/etc/shadow"
    public static let kind: StaticString = "shadow"

    public var name: ByteString
    public var password: ByteString = .empty
    /// lastchange, min, max, warn, inactive, expire; -1 when empty.
    public var numbers: (Int64, Int64, Int64, Int64, Int64, Int64) = (-1, -1, -1, -1, -1, -1)
    /// The reserved flag; `UInt64.max` when empty.
    public var flag = UInt64.max

    public static func parse(_ content: ByteString) -> ShadowRecord? {
        var fields = FieldReader(content)
        var record = ShadowRecord(name: fields.next())
        let nis = RecordLine.isNISName(record.name)
        if fields.atEnd || (nis && fields.atLineEndAfterColon) {
            if !nis { return nil }
            record.numbers = (0, 0, 0, -1, -1, -1)
            return record
        }
        record.password = fields.next()
        if fields.atEnd { return nil }
        // lastchange and min: a ':' must follow.
        guard let lastChange = number(&fields, endAllowed: false),
              let minimum = number(&fields, endAllowed: false),
              let maximum = number(&fields, endAllowed: true) else { return nil }
        record.numbers.0 = lastChange
        record.numbers.1 = minimum
        record.numbers.2 = maximum
        if fields.atEnd { return record }
        guard let warn = number(&fields, endAllowed: false),
              let inactive = number(&fields, endAllowed: false),
              let expire = number(&fields, endAllowed: true) else { return nil }
        record.numbers.3 = warn
        record.numbers.4 = inactive
        record.numbers.5 = expire
        if fields.atEnd { return record }
        let flag = fields.remainder()
        if !flag.isEmpty {
            guard let value = NumericField.parse32(flag) else { return nil }
            record.flag = UInt64(value)
        }
        return record
    }

    /// One numeric field; nil if invalid (an empty field at the end of the
    /// line is invalid, as is a field ending the line where `:` must follow).
    private static func number(_ fields: inout FieldReader, endAllowed: Bool) -> Int64? {
        let field = fields.next()
        if fields.atEnd && (!endAllowed || field.isEmpty) { return nil }
        if field.isEmpty { return -1 }
        guard let value = NumericField.parse32(field) else { return nil }
        return Int64(Int32(bitPattern: value))
    }

    public func write(to output: inout OutputBuffer) -> Bool {
        output.append(name)
        output.append(UInt8(ascii: ":"))
        output.append(password)
        withUnsafeBytes(of: numbers) { raw in
            for index in 0..<6 {
                output.append(UInt8(ascii: ":"))
                let value = raw.load(fromByteOffset: index * 8, as: Int64.self)
                if value != -1 { output.append(decimal: value) }
            }
        }
        output.append(UInt8(ascii: ":"))
        if flag != UInt64.max { output.append(decimal: flag) }
        output.append(UInt8(ascii: "\n"))
        return true
    }
}
