/// A 48-bit Ethernet (MAC) address, read and written as glibc does.
public struct EtherAddress: Equatable {
    /// The six octets packed into the low 48 bits, first octet highest.
    public var bits: UInt64

    public init(bits: UInt64) { self.bits = bits & 0xFFFF_FFFF_FFFF }

    /// The address a command-line key spells, like `ether_aton`: six parts
    /// of one or two hexadecimal digits separated by `:`; white space (and
    /// anything after it) may follow. Nil for anything else (`009:...`,
    /// `1-2-3-4-5-6`, five or seven parts).
    public static func parseKey(_ text: ByteString) -> EtherAddress? {
        var bits: UInt64 = 0
        var i = 0
        for part in 0..<6 {
            guard i < text.count, CNumber.digitValue(text[i]) < 16 else { return nil }
            var octet = UInt64(CNumber.digitValue(text[i]))
            i += 1
            if i < text.count && CNumber.digitValue(text[i]) < 16 {
                octet = octet << 4 | UInt64(CNumber.digitValue(text[i]))
                i += 1
            }
            bits = bits << 8 | octet
            if part < 5 {
                guard i < text.count, text[i] == UInt8(ascii: ":") else { return nil }
                i += 1
            } else if i < text.count && !ASCII.isSpace(text[i]) {
                return nil
            }
        }
        return EtherAddress(bits: bits)
    }

    /// The address at the start of an `/etc/ethers` line, as its parser
    /// reads it: six `strtoul` base 16 numbers (so `0x9`, `009`, `+9` and a
    /// leading blank are fine) of at most 0xff, the first five followed by
    /// `:`, the last by white space or the end. Returns the address and the
    /// length consumed.
    public static func parseField(_ text: ByteString) -> (address: EtherAddress, length: Int)? {
        // The usual spelling (one or two hex digits per part) reads the same
        // as strtoul would: take it without the general machinery.
        if let simple = parseKey(text) {
            var length = 0
            while length < text.count && !ASCII.isSpace(text[length]) { length += 1 }
            return (simple, length)
        }
        var bits: UInt64 = 0
        var i = 0
        for part in 0..<6 {
            let parsed = CNumber.strtoul(text.dropFirst(i), base: 16)
            guard parsed.length > 0, parsed.value <= 0xFF else { return nil }
            bits = bits << 8 | parsed.value
            i += parsed.length
            if part < 5 {
                guard i < text.count, text[i] == UInt8(ascii: ":") else { return nil }
                i += 1
            } else if i < text.count && !ASCII.isSpace(text[i]) {
                return nil
            }
        }
        return (EtherAddress(bits: bits), i)
    }

    /// Writes the address as `ether_ntoa` does: lowercase, no leading zeros.
    public func write(to output: inout OutputBuffer) {
        var shift: UInt64 = 40
        while true {
            output.append(hex: (bits >> shift) & 0xFF)
            if shift == 0 { break }
            output.append(UInt8(ascii: ":"))
            shift -= 8
        }
    }
}
