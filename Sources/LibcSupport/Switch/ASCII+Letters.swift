extension ASCII {
    /// An ASCII letter (`A`-`Z`, `a`-`z`): the keywords of action items.
    @inlinable public static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
}
