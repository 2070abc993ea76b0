import CLibc

/// The part of a database line the C library's parsers look at: the line
/// ends at its first NUL byte (they read C strings), leading white space is
/// skipped, and a line that is then empty or starts with `#` holds no entry.
public enum RecordLine {
    /// The text of `line` to parse, or nil for a blank or comment line.
    @inlinable
    public static func content(_ line: ByteString) -> ByteString? {
        var text = line
        if let start = text.start, let nul = memchr(start, 0, text.count) {
            text = text.prefix(UnsafeRawPointer(nul) - UnsafeRawPointer(start))
        }
        return content(withoutNUL: text)
    }

    /// `content` of a line known to hold no NUL (see `ScannedLines`).
    @inlinable
    public static func content(withoutNUL text: ByteString) -> ByteString? {
        var i = 0
        while i < text.count && ASCII.isSpace(text[i]) { i += 1 }
        if i == text.count || text[i] == UInt8(ascii: "#") { return nil }
        return text.dropFirst(i)
    }

    /// Whether a name is a NIS directive (`+name`, `-name`, `+`, `+@group`).
    /// The `files` source lists these as entries but never finds them by
    /// key; `compat` treats them as directives.
    @inlinable
    public static func isNISName(_ name: ByteString) -> Bool {
        name.count > 0 && (name[0] == UInt8(ascii: "+") || name[0] == UInt8(ascii: "-"))
    }
}

/// Reads the fields of a line one by one, as the C library's line parsers
/// do: each field ends at a `:` or at the end of the line.
public struct FieldReader {
    @usableFromInline var rest: ByteString
    /// Whether the last `next()` ended at the end of the line (no `:`).
    public var atEnd = false

    @inlinable
    public init(_ line: ByteString) { rest = line }

    /// Whether nothing is left to read.
    @inlinable public var isEmpty: Bool { atEnd || rest.count == 0 }

    /// The next field, up to the next `:` (consumed) or the end of the line.
    @inlinable
    public mutating func next() -> ByteString {
        if let base = rest.start {
            // Fields are short: a plain loop beats a call to memchr.
            var length = 0
            while length < rest.count && base[length] != 0x3A { length += 1 }
            if length < rest.count {
                let field = ByteString(start: base, count: length)
                rest = ByteString(start: base + length + 1, count: rest.count - length - 1)
                return field
            }
        }
        let field = rest
        rest = .empty
        atEnd = true
        return field
    }

    /// Everything left, `:` included (the last field of a passwd line).
    @inlinable
    public mutating func remainder() -> ByteString {
        let field = rest
        rest = .empty
        atEnd = true
        return field
    }

    /// Whether a field is a number written the way it is printed: digits,
    /// no leading zero (so a line can be copied out as it is).
    @inlinable
    public static func isCanonicalNumber(_ field: ByteString) -> Bool {
        field.count > 0 && ASCII.isDigit(field[0]) && (field.count == 1 || field[0] != UInt8(ascii: "0"))
    }

    /// Whether a `:` was just consumed and nothing follows it.
    @inlinable public var atLineEndAfterColon: Bool { !atEnd && rest.count == 0 }
}
