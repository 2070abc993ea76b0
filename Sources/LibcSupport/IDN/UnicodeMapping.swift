/// The UTS #46 mapping of the code points from U+0080 on, as libidn2 2.3.3
/// applies it for glibc (Unicode 12.1, non-transitional, STD3 rules off),
/// read from the generated `IDNATables.mapping` rows.
enum UnicodeMapping {
    /// How a row maps its code points (the generator's row kinds).
    enum Kind: UInt32 {
        /// Kept as they are.
        case valid
        /// Not allowed in a name: the lookup fails.
        case disallowed
        /// Dropped (soft hyphen, zero-width space, variation selectors...).
        case ignored
        /// Mapped to the code point plus the row's delta.
        case offset
        /// Every other code point (from the row's start) mapped by the
        /// row's delta, the ones between kept (upper/lower-case pairs).
        case alternating
        /// Mapped to `length` scalars each, from the row's pool offset
        /// (deltas from the scalar before).
        case sequence
        /// `offset` and `sequence` for disallowed_STD3_mapped code points,
        /// which an `xn--` label may hold as they are.
        case std3Offset, std3Sequence
    }

    /// Appends what `value` (at least U+0080) maps to; false when it is
    /// disallowed.
    static func append(_ value: UInt32, to output: inout [UInt32]) -> Bool {
        let (kind, start, datum) = row(for: value)
        switch kind {
        case .valid:
            output.append(value)
        case .disallowed:
            return false
        case .ignored:
            break
        case .offset, .std3Offset:
            output.append(UInt32(bitPattern: Int32(bitPattern: value) &+ Int32(bitPattern: datum)))
        case .alternating:
            if (value - start) & 1 == 0 {
                output.append(UInt32(bitPattern: Int32(bitPattern: value) &+ Int32(bitPattern: datum)))
            } else {
                output.append(value)
            }
        case .sequence, .std3Sequence:
            // The pool holds deltas: decode the row's entries before this
            // code point's to reach its scalars.
            let length = Int(datum & 0x1F)
            var reader = LEB128Reader(bytes: IDNATables.pool, position: Int(datum >> 5))
            var scalar: Int32 = 0
            for _ in 0..<Int(value - start) * length {
                scalar &+= reader.nextSigned()
            }
            for _ in 0..<length {
                scalar &+= reader.nextSigned()
                output.append(UInt32(bitPattern: scalar))
            }
        }
        return true
    }

    /// Whether `value` may stand as it is in the decoded form of an `xn--`
    /// label: valid, or (STD3 rules being off) disallowed_STD3_mapped.
    static func isValidInALabel(_ value: UInt32) -> Bool {
        if value < 0x80 { return true }
        let (kind, start, _) = row(for: value)
        switch kind {
        case .valid, .std3Offset, .std3Sequence: return true
        case .alternating: return (value - start) & 1 == 1
        default: return false
        }
    }

    /// The row holding `value`: its kind, start and datum (a signed delta
    /// as a bit pattern, or the pool offset and length).
    static func row(for value: UInt32) -> (kind: Kind, start: UInt32, datum: UInt32) {
        let entry = LEB128Reader.indexEntry(IDNATables.mappingIndex, for: value)
        var reader = LEB128Reader(bytes: IDNATables.mapping, position: entry.offset)
        var header = reader.next()
        var start = entry.start
        while true {
            let kind = Kind(rawValue: header & 7) ?? .disallowed
            var datum: UInt32 = 0
            switch kind {
            case .offset, .alternating, .std3Offset: datum = UInt32(bitPattern: reader.nextSigned())
            case .sequence, .std3Sequence: datum = reader.next()
            default: break
            }
            if reader.atEnd { return (kind, start, datum) }
            header = reader.next()
            let next = start + (header >> 3)
            if next > value { return (kind, start, datum) }
            start = next
        }
    }
}
