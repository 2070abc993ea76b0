/// Internationalized domain names for `getent ahosts` (glibc's `AI_IDN` and
/// `AI_CANONIDN`, done there by libidn2): a Unicode name is looked up in its
/// ASCII form (UTS #46 non-transitional mapping, then Punycode with the
/// `xn--` prefix), and a canonical name coming back has its `xn--` labels
/// decoded to Unicode.
///
/// The mapping applied is the part of UTS #46 that decides real names (see
/// `UnicodeMapping`): upper-case letters of the common alphabets map to
/// lower case, the ideographic and full-width full stops separate labels,
/// `ß` and final sigma stay (non-transitional), and symbols such as emoji,
/// punctuation, spaces and controls make the lookup fail, as libidn2
/// refuses them. Input is UTF-8 whatever the locale (musl has no other
/// multibyte encoding).
public enum IDNA {
    /// Whether `name` has any non-ASCII byte (only those names are converted).
    public static func needsConversion(_ name: ByteString) -> Bool {
        for i in 0..<name.count where name[i] >= 0x80 { return true }
        return false
    }

    /// The ASCII (lookup) form of `name`, or nil when it cannot be one.
    public static func toASCII(_ name: ByteString) -> [UInt8]? {
        guard let scalars = decodeUTF8(name) else { return nil }
        var output: [UInt8] = []
        var label: [UInt32] = []
        var index = 0
        while index <= scalars.count {
            let atEnd = index == scalars.count
            var c: UInt32 = atEnd ? 0x2E : scalars[index]
            if c == 0x3002 || c == 0xFF0E || c == 0xFF61 { c = 0x2E }
            if c == 0x2E {
                if !atEnd || !label.isEmpty {
                    guard let encoded = encodeLabel(label) else { return nil }
                    output.append(contentsOf: encoded)
                    if !atEnd { output.append(UInt8(ascii: ".")) }
                }
                label.removeAll()
                index += 1
                continue
            }
            guard let mapped = map(c) else { return nil }
            label.append(contentsOf: mapped)
            index += 1
        }
        return output
    }

    /// One mapped label as ASCII: itself when ASCII, else `xn--` Punycode.
    static func encodeLabel(_ label: [UInt32]) -> [UInt8]? {
        if label.isEmpty { return nil }
        if !label.contains(where: { $0 >= 0x80 }) { return label.map { UInt8($0) } }
        guard let code = Punycode.encode(label) else { return nil }
        let result = Array("xn--".utf8) + code
        return result.count <= 63 ? result : nil
    }

    /// The UTS #46 mapping of one scalar (a letter to its lower-case form),
    /// or nil when the scalar is not allowed in a host name.
    static func map(_ value: UInt32) -> [UInt32]? {
        if value < 0x80 {
            if value >= 0x41 && value <= 0x5A { return [value | 0x20] }
            return [value]
        }
        if value == 0x130 { return [0x69, 0x307] } // İ
        guard let mapped = UnicodeMapping.map(value) else { return nil }
        return [mapped]
    }

    /// The Unicode form of `name` for display: every `xn--` label decoded
    /// (labels that do not decode, or decode to plain ASCII, stay as they
    /// are; the case of ASCII letters is kept, as libidn2 keeps it), UTF-8.
    public static func toUnicode(_ name: ByteString) -> [UInt8] {
        var output: [UInt8] = []
        var start = 0
        while start <= name.count {
            var end = start
            while end < name.count && name[end] != UInt8(ascii: ".") { end += 1 }
            let label = name.slice(start, end)
            if label.count > 4 && label.prefix(4).equalsIgnoringASCIICase(ByteString("xn--")),
               let scalars = Punycode.decode(label.dropFirst(4)), scalars.contains(where: { $0 >= 0x80 }) {
                for s in scalars { appendUTF8(s, to: &output) }
            } else {
                output.append(contentsOf: label.buffer)
            }
            if end < name.count { output.append(UInt8(ascii: ".")) }
            start = end + 1
        }
        return output
    }

    static func appendUTF8(_ v: UInt32, to output: inout [UInt8]) {
        if v < 0x80 {
            output.append(UInt8(v))
        } else if v < 0x800 {
            output.append(UInt8(0xC0 | v >> 6)); output.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            output.append(UInt8(0xE0 | v >> 12)); output.append(UInt8(0x80 | (v >> 6) & 0x3F))
            output.append(UInt8(0x80 | v & 0x3F))
        } else {
            output.append(UInt8(0xF0 | v >> 18)); output.append(UInt8(0x80 | (v >> 12) & 0x3F))
            output.append(UInt8(0x80 | (v >> 6) & 0x3F)); output.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// Strict UTF-8 decoding (no overlongs, surrogates or values past U+10FFFF).
    static func decodeUTF8(_ text: ByteString) -> [UInt32]? {
        var result: [UInt32] = []
        var i = 0
        while i < text.count {
            let b = text[i]
            var value: UInt32
            var extra: Int
            if b < 0x80 { value = UInt32(b); extra = 0 }
            else if b & 0xE0 == 0xC0 { value = UInt32(b & 0x1F); extra = 1 }
            else if b & 0xF0 == 0xE0 { value = UInt32(b & 0x0F); extra = 2 }
            else if b & 0xF8 == 0xF0 { value = UInt32(b & 0x07); extra = 3 }
            else { return nil }
            if i + extra >= text.count && extra > 0 { return nil }
            for k in 0..<extra {
                let c = text[i + 1 + k]
                if c & 0xC0 != 0x80 { return nil }
                value = value << 6 | UInt32(c & 0x3F)
            }
            let minimum: UInt32 = extra == 1 ? 0x80 : extra == 2 ? 0x800 : extra == 3 ? 0x10000 : 0
            if value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return nil }
            result.append(value)
            i += 1 + extra
        }
        return result
    }
}
