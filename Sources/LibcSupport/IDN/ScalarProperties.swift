/// The Unicode properties that IDNA's normalization and label rules need,
/// for a code point that a mapped label can hold (from the generated
/// `IDNATables.properties`; other code points get arbitrary values).
struct ScalarProperties {
    /// Bidi classes, grouped as RFC 5893 tells them apart.
    enum Bidi: UInt32 {
        case leftToRight
        /// R and AL.
        case rightToLeft
        case arabicNumber
        case europeanNumber
        /// ES, CS, ET, ON and BN: allowed in either direction.
        case neutral
        case nonspacingMark
        /// Any other class (never allowed in a bidi label).
        case other
    }

    /// Joining types, for the ZWNJ rule of RFC 5892 (C counts as U).
    enum Joining: UInt32 {
        case nonJoining, leftJoining, rightJoining, dualJoining, transparent
    }

    /// The canonical combining class.
    let combiningClass: UInt8
    /// General category Mark (Mn, Mc, Me): may not start a label.
    let isMark: Bool
    let bidi: Bidi
    let joining: Joining
    /// Allowed in a label once mapped and normalized (IDNA2008 PVALID,
    /// CONTEXTJ or CONTEXTO in Unicode 12.1, or disallowed_STD3_valid or
    /// disallowed_STD3_mapped).
    let isAllowed: Bool

    /// ccc 9: the virama that allows a following ZWJ or ZWNJ.
    static let viramaClass: UInt8 = 9

    init(_ value: UInt32) {
        if value < 0x80 {
            self.init(packed: Self.ascii(value))
            return
        }
        let entry = LEB128Reader.indexEntry(IDNATables.propertyIndex, for: value)
        var reader = LEB128Reader(bytes: IDNATables.properties, position: entry.offset)
        var word = Self.nextRow(&reader).word
        var start = entry.start
        while !reader.atEnd {
            let row = Self.nextRow(&reader)
            if start + row.delta > value { break }
            start += row.delta
            word = row.word
        }
        self.init(packed: UInt32(IDNATables.propertyWords[Int(word)]))
    }

    /// A property row: `delta << 6 | index`, the index 63 meaning that the
    /// index follows as a byte (the generator puts the most used words
    /// first).
    static func nextRow(_ reader: inout LEB128Reader) -> (delta: UInt32, word: UInt32) {
        let number = reader.next()
        var word = number & 63
        if word == 63 { word = UInt32(reader.nextByte()) }
        return (number >> 6, word)
    }

    /// From the generator's word: `allowed << 15 | joining << 12 | bidi << 9
    /// | mark << 8 | ccc`.
    init(packed: UInt32) {
        combiningClass = UInt8(truncatingIfNeeded: packed)
        isMark = packed & 0x100 != 0
        bidi = Bidi(rawValue: packed >> 9 & 7) ?? .other
        joining = Joining(rawValue: packed >> 12 & 7) ?? .nonJoining
        isAllowed = packed & 0x8000 != 0
    }

    /// The packed properties of an ASCII character (the tables start at
    /// U+0080): letters L, digits EN, `+` and `-` ES, `,` `.` `/` `:` CS,
    /// `#` `$` `%` ET, controls and spaces other, the rest ON.
    static func ascii(_ value: UInt32) -> UInt32 {
        let bidi: Bidi
        switch UInt8(value) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): bidi = .leftToRight
        case UInt8(ascii: "0")...UInt8(ascii: "9"): bidi = .europeanNumber
        case 0...0x20, 0x7F: bidi = .other
        default: bidi = .neutral
        }
        return 0x8000 | bidi.rawValue << 9
    }
}
