/// Punycode (RFC 3492): the Bootstring encoding of Unicode labels as ASCII
/// (`bücher` <-> `bcher-kva`), on arrays of Unicode scalar values.
public enum Punycode {
    static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
    static let initialBias = 72, initialN = 0x80

    static func adapt(_ delta: Int, _ numPoints: Int, _ firstTime: Bool) -> Int {
        var d = firstTime ? delta / damp : delta / 2
        d += d / numPoints
        var k = 0
        while d > ((base - tMin) * tMax) / 2 {
            d /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * d / (d + skew)
    }

    static func digit(_ d: Int) -> UInt8 {
        d < 26 ? UInt8(0x61 + d) : UInt8(0x30 + d - 26)
    }

    static func value(of c: UInt8) -> Int? {
        if c >= 0x30 && c <= 0x39 { return Int(c) - 0x30 + 26 }
        let lower = c | 0x20
        if lower >= 0x61 && lower <= 0x7A { return Int(lower) - 0x61 }
        return nil
    }

    /// Encodes code points; nil on overflow.
    public static func encode(_ input: [UInt32]) -> [UInt8]? {
        var output: [UInt8] = []
        for c in input where c < 0x80 { output.append(UInt8(c)) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }
        var n = initialN, delta = 0, bias = initialBias
        while handled < input.count {
            var m = Int.max
            for c in input where Int(c) >= n && Int(c) < m { m = Int(c) }
            let (product, overflow) = (m - n).multipliedReportingOverflow(by: handled + 1)
            if overflow || delta > Int(Int32.max) - product { return nil }
            delta += product
            n = m
            for c in input {
                if Int(c) < n {
                    delta += 1
                    if delta > Int(Int32.max) { return nil }
                }
                if Int(c) == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }

    /// Decodes the part after `xn--`; nil for invalid input.
    public static func decode(_ input: ByteString) -> [UInt32]? {
        var output: [UInt32] = []
        var basicEnd = 0
        var i = input.count - 1
        while i >= 0 {
            if input[i] == UInt8(ascii: "-") { basicEnd = i; break }
            i -= 1
        }
        for j in 0..<basicEnd {
            if input[j] >= 0x80 { return nil }
            output.append(UInt32(input[j]))
        }
        var n = initialN, index = 0, bias = initialBias
        var position = basicEnd > 0 ? basicEnd + 1 : 0
        while position < input.count {
            let oldIndex = index
            var w = 1
            var k = base
            while true {
                if position >= input.count { return nil }
                guard let d = value(of: input[position]) else { return nil }
                position += 1
                let (dw, o1) = d.multipliedReportingOverflow(by: w)
                if o1 || index > Int(Int32.max) - dw { return nil }
                index += dw
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if d < t { break }
                let (nw, o2) = w.multipliedReportingOverflow(by: base - t)
                if o2 || nw > Int(Int32.max) { return nil }
                w = nw
                k += base
            }
            let count = output.count + 1
            bias = adapt(index - oldIndex, count, oldIndex == 0)
            n += index / count
            if n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF) { return nil }
            index %= count
            output.insert(UInt32(n), at: index)
            index += 1
        }
        return output
    }

    /// Decodes the Punycode of an A-label as libidn2 accepts it for a
    /// lookup: `decode`, refusing also an empty code and a delimiter at
    /// either end.
    static func decodeStrict(_ input: ByteString) -> [UInt32]? {
        let hyphen = UInt8(ascii: "-")
        if input.count == 0 || input[0] == hyphen || input[input.count - 1] == hyphen { return nil }
        return decode(input)
    }
}
