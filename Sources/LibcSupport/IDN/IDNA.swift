/// Internationalized domain names for `getent ahosts` (glibc's `AI_IDN` and
/// `AI_CANONIDN`, done there by libidn2's `idn2_lookup_ul` and
/// `idn2_to_unicode_lzlz` with no flags): a Unicode name is looked up in its
/// ASCII form, and a canonical name coming back has its `xn--` labels
/// decoded to Unicode.
///
/// The ASCII form is UTS #46 processing as libidn2 2.3.3 does it: the
/// Unicode 12.1 mapping table, non-transitional (`ß`, final sigma, ZWJ and
/// ZWNJ kept), STD3 rules off (`_` allowed), NFC; then every label is
/// checked (hyphens, a leading combining mark, the characters an ASCII-
/// compatible label may hold, the CONTEXTJ rules of RFC 5892, the bidi rule
/// of RFC 5893; an `xn--` label must decode to a valid label) and encoded
/// with Punycode. Any failure makes the lookup fail. Input is UTF-8 whatever
/// the locale (musl has no other multibyte encoding).
public enum IDNA {
    /// Longest label and name (without a final dot) in the ASCII form.
    static let maximumLabelLength = 63, maximumNameLength = 253

    /// Whether `name` has any non-ASCII byte (only those names are converted).
    public static func needsConversion(_ name: ByteString) -> Bool {
        for i in 0..<name.count where name[i] >= 0x80 { return true }
        return false
    }

    /// The ASCII (lookup) form of `name`, or nil when it cannot be one.
    public static func toASCII(_ name: ByteString) -> [UInt8]? {
        guard let scalars = decodeUTF8(name) else { return nil }
        var mapped: [UInt32] = []
        mapped.reserveCapacity(scalars.count)
        for c in scalars {
            if c < 0x80 {
                mapped.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            } else if !UnicodeMapping.append(c, to: &mapped) {
                return nil
            }
        }
        NormalizationFormC.normalize(&mapped)
        var output: [UInt8] = []
        var start = 0
        while true {
            var end = start
            while end < mapped.count && mapped[end] != 0x2E { end += 1 }
            guard appendLabel(Array(mapped[start..<end]), to: &output) else { return nil }
            if end == mapped.count { break }
            output.append(UInt8(ascii: "."))
            start = end + 1
        }
        let length = output.last == UInt8(ascii: ".") ? output.count - 1 : output.count
        return length <= maximumNameLength ? output : nil
    }

    /// Checks one mapped, normalized label and appends its ASCII form.
    static func appendLabel(_ label: [UInt32], to output: inout [UInt8]) -> Bool {
        if label.isEmpty { return true }
        if label.count > maximumLabelLength * 4 { return false } // no Punycode of it fits
        if !label.contains(where: { $0 >= 0x80 }) {
            if label.count >= 4 && label[0] == 0x78 && label[1] == 0x6E && label[2] == 0x2D && label[3] == 0x2D {
                // An A-label: it must decode to a label that needs no mapping.
                let code = label[4...].map { UInt8(truncatingIfNeeded: $0) }
                let decoded: [UInt32]? = code.withUnsafeBufferPointer {
                    Punycode.decodeStrict(ByteString(start: $0.baseAddress, count: $0.count))
                }
                guard let decoded, decoded.contains(where: { $0 >= 0x80 }),
                      isValidLabel(decoded, fromALabel: true) else { return false }
            } else if !hasValidHyphens(label) {
                return false
            }
            if label.count > maximumLabelLength { return false }
            for c in label { output.append(UInt8(truncatingIfNeeded: c)) }
            return true
        }
        guard isValidLabel(label, fromALabel: false), let code = Punycode.encode(label),
              code.count + 4 <= maximumLabelLength else { return false }
        output.append(contentsOf: [UInt8](literal: "xn--"))
        output.append(contentsOf: code)
        return true
    }

    /// No hyphen first or last, and none in both the third and fourth place.
    static func hasValidHyphens(_ label: [UInt32]) -> Bool {
        let hyphen: UInt32 = 0x2D
        if label.first == hyphen || label.last == hyphen { return false }
        return !(label.count >= 4 && label[2] == hyphen && label[3] == hyphen)
    }

    /// The checks of a label with non-ASCII characters (UTS #46 section 4.1
    /// as libidn2 makes them). A decoded A-label must also be in its mapped,
    /// normalized form already.
    static func isValidLabel(_ label: [UInt32], fromALabel: Bool) -> Bool {
        guard hasValidHyphens(label) else { return false }
        if ScalarProperties(label[0]).isMark { return false }
        var hasRightToLeft = false
        for c in label {
            if c < 0x80 {
                // Letters, digits, hyphen and underscore: libidn2's check
                // that the Punycode form decodes back refuses the rest.
                let byte = UInt8(c)
                let allowed = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                if !allowed { return false }
                continue
            }
            if fromALabel && !UnicodeMapping.isValidInALabel(c) { return false }
            let properties = ScalarProperties(c)
            if !properties.isAllowed { return false }
            let bidi = properties.bidi
            if bidi == .rightToLeft || bidi == .arabicNumber { hasRightToLeft = true }
        }
        if fromALabel {
            var normalized = label
            NormalizationFormC.normalize(&normalized)
            if normalized != label { return false }
        }
        if !satisfiesContextJ(label) { return false }
        return !hasRightToLeft || satisfiesBidiRule(label)
    }

    /// RFC 5892 appendix A.1 and A.2: a ZWNJ or ZWJ follows a virama, or
    /// (ZWNJ only) stands between a left- or dual-joining and a right- or
    /// dual-joining letter, transparent ones aside.
    static func satisfiesContextJ(_ label: [UInt32]) -> Bool {
        for (i, c) in label.enumerated() where c == 0x200C || c == 0x200D {
            if i > 0 && ScalarProperties(label[i - 1]).combiningClass == ScalarProperties.viramaClass { continue }
            if c == 0x200D { return false }
            var before = i - 1
            while before >= 0 && ScalarProperties(label[before]).joining == .transparent { before -= 1 }
            guard before >= 0 else { return false }
            let left = ScalarProperties(label[before]).joining
            guard left == .leftJoining || left == .dualJoining else { return false }
            var after = i + 1
            while after < label.count && ScalarProperties(label[after]).joining == .transparent { after += 1 }
            guard after < label.count else { return false }
            let right = ScalarProperties(label[after]).joining
            guard right == .rightJoining || right == .dualJoining else { return false }
        }
        return true
    }

    /// RFC 5893 section 2, for a label holding a right-to-left character or
    /// an Arabic digit, as libidn2 applies it: without rule 4 (European and
    /// Arabic digits together), and with a trailing mark always accepted.
    static func satisfiesBidiRule(_ label: [UInt32]) -> Bool {
        let classes = label.map { ScalarProperties($0).bidi }
        let rightToLeft: Bool
        switch classes[0] {
        case .rightToLeft: rightToLeft = true
        case .leftToRight: rightToLeft = false
        default: return false
        }
        for bidi in classes {
            switch bidi {
            case .neutral, .nonspacingMark, .europeanNumber: continue
            case .rightToLeft, .arabicNumber: if !rightToLeft { return false }
            case .leftToRight: if rightToLeft { return false }
            case .other: return false
            }
        }
        // libidn2 looks at the last character only: a trailing mark passes
        // whatever it follows (rule 3 would skip back over it).
        switch classes[classes.count - 1] {
        case .rightToLeft, .arabicNumber: return rightToLeft
        case .europeanNumber, .nonspacingMark: return true
        case .leftToRight: return !rightToLeft
        default: return false
        }
    }

    /// The Unicode form of `name` for display: every `xn--` label decoded
    /// (the case of ASCII letters kept, as libidn2 keeps it), UTF-8. When
    /// one of them does not decode, libidn2 fails and glibc prints the name
    /// as it is: so do we.
    public static func toUnicode(_ name: ByteString) -> [UInt8] {
        var output: [UInt8] = []
        var start = 0
        while start <= name.count {
            var end = start
            while end < name.count && name[end] != UInt8(ascii: ".") { end += 1 }
            let label = name.slice(start, end)
            if label.count >= 4 && label.prefix(4).equalsIgnoringASCIICase(ByteString("xn--")) {
                guard let scalars = Punycode.decodeStrict(label.dropFirst(4)) else { return Array(name.buffer) }
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
