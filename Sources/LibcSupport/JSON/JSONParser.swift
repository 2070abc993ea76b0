/// A strict, bounds-checked JSON parser over borrowed bytes.
///
/// Input comes from other processes (varlink replies) and from drop-in files,
/// so every read is checked against the end, nesting is limited (a reply of a
/// million `[` must not exhaust the stack), and anything RFC 8259 does not
/// allow is refused. Strings are unescaped to UTF-8; `\u0000` is refused
/// because a NUL can never be part of a user or group record field.
public struct JSONParser {
    @usableFromInline let bytes: ByteString
    @usableFromInline var offset = 0
    let maximumDepth: Int

    /// Parses `bytes` as exactly one JSON value (surrounding whitespace allowed).
    public static func parse(_ bytes: ByteString, maximumDepth: Int = 64) throws(JSONError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maximumDepth: maximumDepth)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.offset != bytes.count { throw .trailingData(offset: parser.offset) }
        return value
    }

    public static func parse(_ bytes: [UInt8], maximumDepth: Int = 64) throws(JSONError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONError) -> JSONValue in
            try parse(ByteString(start: buffer.baseAddress, count: buffer.count), maximumDepth: maximumDepth)
        }
    }

    init(bytes: ByteString, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    var atEnd: Bool { offset >= bytes.count }

    /// The current byte, or 0 at the end (0 is never valid where a byte is expected).
    var current: UInt8 { offset < bytes.count ? bytes[offset] : 0 }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(JSONError) -> JSONValue {
        switch current {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw .syntax(offset: offset)
        }
    }

    mutating func expectWord(_ word: StaticString) throws(JSONError) {
        let expected = ByteString(word)
        if bytes.count - offset < expected.count || bytes.slice(offset, offset + expected.count) != expected {
            throw .syntax(offset: offset)
        }
        offset += expected.count
    }

    mutating func parseObject(depth: Int) throws(JSONError) -> JSONValue {
        if depth > maximumDepth { throw .tooDeep }
        offset += 1 // {
        var members: [JSONMember] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            offset += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            if current != UInt8(ascii: "\"") { throw .syntax(offset: offset) }
            let key = try parseString()
            skipWhitespace()
            if current != UInt8(ascii: ":") { throw .syntax(offset: offset) }
            offset += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key: key, value: value))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"): offset += 1; return .object(members)
            default: throw .syntax(offset: offset)
            }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONError) -> JSONValue {
        if depth > maximumDepth { throw .tooDeep }
        offset += 1 // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            offset += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"): offset += 1; return .array(elements)
            default: throw .syntax(offset: offset)
            }
        }
    }

    mutating func parseNumber() throws(JSONError) -> [UInt8] {
        let start = offset
        if current == UInt8(ascii: "-") { offset += 1 }
        // int: 0 | [1-9][0-9]*
        if current == UInt8(ascii: "0") {
            offset += 1
        } else if ASCII.isDigit(current) {
            while !atEnd && ASCII.isDigit(current) { offset += 1 }
        } else {
            throw .syntax(offset: offset)
        }
        if current == UInt8(ascii: ".") {
            offset += 1
            if !ASCII.isDigit(current) { throw .syntax(offset: offset) }
            while !atEnd && ASCII.isDigit(current) { offset += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            offset += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
            if !ASCII.isDigit(current) { throw .syntax(offset: offset) }
            while !atEnd && ASCII.isDigit(current) { offset += 1 }
        }
        return Array(bytes.slice(start, offset).buffer)
    }

    /// Reads a quoted string (at its opening quote) and returns it unescaped.
    mutating func parseString() throws(JSONError) -> [UInt8] {
        offset += 1 // "
        var result: [UInt8] = []
        while true {
            if atEnd { throw .syntax(offset: offset) }
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return result
            case UInt8(ascii: "\\"):
                offset += 1
                try parseEscape(into: &result)
            case 0..<0x20:
                throw .syntax(offset: offset)
            default:
                result.append(byte)
                offset += 1
            }
        }
    }

    mutating func parseEscape(into result: inout [UInt8]) throws(JSONError) {
        let escape = current
        offset += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(escape)
        case UInt8(ascii: "b"): result.append(0x08)
        case UInt8(ascii: "f"): result.append(0x0C)
        case UInt8(ascii: "n"): result.append(0x0A)
        case UInt8(ascii: "r"): result.append(0x0D)
        case UInt8(ascii: "t"): result.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if scalar >= 0xD800 && scalar < 0xDC00 {
                // A high surrogate must be followed by an escaped low one.
                if current != UInt8(ascii: "\\") { throw .syntax(offset: offset) }
                offset += 1
                if current != UInt8(ascii: "u") { throw .syntax(offset: offset) }
                offset += 1
                let low = try parseHex4()
                if low < 0xDC00 || low > 0xDFFF { throw .syntax(offset: offset) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw .syntax(offset: offset)
            }
            if scalar == 0 { throw .syntax(offset: offset) }
            JSONParser.appendUTF8(scalar, to: &result)
        default:
            throw .syntax(offset: offset - 1)
        }
    }

    mutating func parseHex4() throws(JSONError) -> UInt32 {
        if bytes.count - offset < 4 { throw .syntax(offset: offset) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[offset]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw .syntax(offset: offset)
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    static func appendUTF8(_ scalar: UInt32, to result: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            result.append(UInt8(scalar))
        case 0x80..<0x800:
            result.append(UInt8(0xC0 | (scalar >> 6)))
            result.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            result.append(UInt8(0xE0 | (scalar >> 12)))
            result.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            result.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            result.append(UInt8(0xF0 | (scalar >> 18)))
            result.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            result.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            result.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
