/// The part of the UTS #46 mapping table that host names meet, as compact
/// range rules instead of the Unicode property tables (which would add some
/// 50 KB to the binary): upper-case letters of the Latin, Greek, Cyrillic,
/// Armenian, Georgian, Glagolitic, Coptic and Deseret alphabets and full-width
/// ASCII map to their lower-case forms, and blocks of symbols, punctuation,
/// spaces, controls, emoji and private use are disallowed. Other letters,
/// marks and digits of every script pass unchanged.
enum UnicodeMapping {
    /// How a range maps: `offset` adds `delta` to every code point;
    /// `alternating` maps each even (`delta` 0) or odd (`delta` 1) code point
    /// to the one after it; `disallowed` refuses the range.
    enum Kind: Sendable { case offset, alternating, disallowed }

    struct Rule: Sendable {
        let first: UInt32
        let last: UInt32
        let kind: Kind
        let delta: Int32
    }

    /// Sorted by `first`, not overlapping.
    static let rules: [Rule] = [
        Rule(first: 0x0080, last: 0x00BF, kind: .disallowed, delta: 0),    // C1 controls, Latin-1 symbols
        Rule(first: 0x00C0, last: 0x00D6, kind: .offset, delta: 32),
        Rule(first: 0x00D7, last: 0x00D7, kind: .disallowed, delta: 0),    // ×
        Rule(first: 0x00D8, last: 0x00DE, kind: .offset, delta: 32),
        Rule(first: 0x00F7, last: 0x00F7, kind: .disallowed, delta: 0),    // ÷
        Rule(first: 0x0100, last: 0x012F, kind: .alternating, delta: 0),
        Rule(first: 0x0132, last: 0x0137, kind: .alternating, delta: 0),
        Rule(first: 0x0139, last: 0x0148, kind: .alternating, delta: 1),
        Rule(first: 0x014A, last: 0x0177, kind: .alternating, delta: 0),
        Rule(first: 0x0178, last: 0x0178, kind: .offset, delta: 0x00FF - 0x0178),
        Rule(first: 0x0179, last: 0x017E, kind: .alternating, delta: 1),
        Rule(first: 0x01A0, last: 0x01A5, kind: .alternating, delta: 0),
        Rule(first: 0x01CD, last: 0x01DC, kind: .alternating, delta: 1),
        Rule(first: 0x01DE, last: 0x01EF, kind: .alternating, delta: 0),
        Rule(first: 0x01F8, last: 0x021F, kind: .alternating, delta: 0),
        Rule(first: 0x0222, last: 0x0233, kind: .alternating, delta: 0),
        Rule(first: 0x0246, last: 0x024F, kind: .alternating, delta: 0),
        Rule(first: 0x0386, last: 0x0386, kind: .offset, delta: 38),
        Rule(first: 0x0388, last: 0x038A, kind: .offset, delta: 37),
        Rule(first: 0x038C, last: 0x038C, kind: .offset, delta: 64),
        Rule(first: 0x038E, last: 0x038F, kind: .offset, delta: 63),
        Rule(first: 0x0391, last: 0x03A1, kind: .offset, delta: 32),
        Rule(first: 0x03A3, last: 0x03AB, kind: .offset, delta: 32),
        Rule(first: 0x03D8, last: 0x03EF, kind: .alternating, delta: 0),
        Rule(first: 0x0400, last: 0x040F, kind: .offset, delta: 80),
        Rule(first: 0x0410, last: 0x042F, kind: .offset, delta: 32),
        Rule(first: 0x0460, last: 0x0481, kind: .alternating, delta: 0),
        Rule(first: 0x0482, last: 0x0482, kind: .disallowed, delta: 0),    // ҂
        Rule(first: 0x048A, last: 0x04BF, kind: .alternating, delta: 0),
        Rule(first: 0x04C0, last: 0x04C0, kind: .offset, delta: 15),
        Rule(first: 0x04C1, last: 0x04CE, kind: .alternating, delta: 1),
        Rule(first: 0x04D0, last: 0x052F, kind: .alternating, delta: 0),
        Rule(first: 0x0531, last: 0x0556, kind: .offset, delta: 48),
        Rule(first: 0x055A, last: 0x055F, kind: .disallowed, delta: 0),    // Armenian punctuation
        Rule(first: 0x0589, last: 0x058A, kind: .disallowed, delta: 0),
        Rule(first: 0x10A0, last: 0x10C5, kind: .offset, delta: 0x2D00 - 0x10A0),
        Rule(first: 0x1C90, last: 0x1CBA, kind: .offset, delta: 0x10D0 - 0x1C90),
        Rule(first: 0x1CBD, last: 0x1CBF, kind: .offset, delta: 0x10FD - 0x1CBD),
        Rule(first: 0x1E00, last: 0x1E95, kind: .alternating, delta: 0),
        Rule(first: 0x1EA0, last: 0x1EFF, kind: .alternating, delta: 0),
        Rule(first: 0x2000, last: 0x206F, kind: .disallowed, delta: 0),    // spaces, general punctuation
        Rule(first: 0x2070, last: 0x2BFF, kind: .disallowed, delta: 0),    // super/subscripts ... symbols, arrows
        Rule(first: 0x2C00, last: 0x2C2F, kind: .offset, delta: 48),       // Glagolitic
        Rule(first: 0x2C80, last: 0x2CE3, kind: .alternating, delta: 0),   // Coptic
        Rule(first: 0x2CE4, last: 0x2CEA, kind: .disallowed, delta: 0),
        Rule(first: 0x2E00, last: 0x2E7F, kind: .disallowed, delta: 0),    // supplemental punctuation
        Rule(first: 0x3000, last: 0x3004, kind: .disallowed, delta: 0),    // ideographic space, CJK marks
        Rule(first: 0x3008, last: 0x3029, kind: .disallowed, delta: 0),
        Rule(first: 0x3030, last: 0x303F, kind: .disallowed, delta: 0),
        Rule(first: 0xA640, last: 0xA66D, kind: .alternating, delta: 0),   // Cyrillic Extended-B
        Rule(first: 0xA680, last: 0xA69B, kind: .alternating, delta: 0),
        Rule(first: 0xA722, last: 0xA72F, kind: .alternating, delta: 0),   // Latin Extended-D
        Rule(first: 0xA732, last: 0xA76F, kind: .alternating, delta: 0),
        Rule(first: 0xE000, last: 0xF8FF, kind: .disallowed, delta: 0),    // private use
        Rule(first: 0xFE00, last: 0xFE6F, kind: .disallowed, delta: 0),    // variation selectors, forms
        Rule(first: 0xFEFF, last: 0xFEFF, kind: .disallowed, delta: 0),
        Rule(first: 0xFF01, last: 0xFF0F, kind: .disallowed, delta: 0),    // full-width punctuation
        Rule(first: 0xFF10, last: 0xFF19, kind: .offset, delta: 0x30 - 0xFF10),
        Rule(first: 0xFF1A, last: 0xFF20, kind: .disallowed, delta: 0),
        Rule(first: 0xFF21, last: 0xFF3A, kind: .offset, delta: 0x61 - 0xFF21),
        Rule(first: 0xFF3B, last: 0xFF40, kind: .disallowed, delta: 0),
        Rule(first: 0xFF41, last: 0xFF5A, kind: .offset, delta: 0x61 - 0xFF41),
        Rule(first: 0xFF5B, last: 0xFF65, kind: .disallowed, delta: 0),
        Rule(first: 0xFFF0, last: 0xFFFF, kind: .disallowed, delta: 0),    // specials
        Rule(first: 0x10400, last: 0x10427, kind: .offset, delta: 40),     // Deseret
        Rule(first: 0x1D000, last: 0x1D24F, kind: .disallowed, delta: 0),  // musical symbols
        Rule(first: 0x1F000, last: 0x1FAFF, kind: .disallowed, delta: 0),  // emoji, pictographs, symbols
        Rule(first: 0xE0000, last: 0xE0FFF, kind: .disallowed, delta: 0),  // tags, variation selectors
        Rule(first: 0xF0000, last: 0x10FFFF, kind: .disallowed, delta: 0), // private use planes
    ]

    /// The mapped code point, or nil when `value` is disallowed.
    static func map(_ value: UInt32) -> UInt32? {
        var low = 0, high = rules.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let rule = rules[middle]
            if value < rule.first {
                high = middle - 1
            } else if value > rule.last {
                low = middle + 1
            } else {
                switch rule.kind {
                case .disallowed:
                    return nil
                case .offset:
                    return UInt32(Int64(value) + Int64(rule.delta))
                case .alternating:
                    return (value & 1) == UInt32(rule.delta) ? value + 1 : value
                }
            }
        }
        return value
    }
}
