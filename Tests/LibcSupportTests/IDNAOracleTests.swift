import Foundation
import Testing
@testable import LibcSupport

/// libidn2 as glibc's getaddrinfo calls it (`idn2_lookup_ul` and
/// `idn2_to_unicode_lzlz` with flags 0, seen through a logging stand-in
/// library; in a UTF-8 locale those are `idn2_lookup_u8` and
/// `idn2_to_unicode_8z8z`), loaded at run time as a black box.
struct LibIDN2: @unchecked Sendable {
    typealias Convert = @convention(c) (UnsafePointer<CChar>, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, Int32) -> Int32
    let lookupU8: Convert
    let toUnicode: Convert

    static let shared: LibIDN2? = {
        guard let handle = dlopen("libidn2.so.0", RTLD_NOW) else { return nil }
        guard let lookup = dlsym(handle, "idn2_lookup_u8"), let unicode = dlsym(handle, "idn2_to_unicode_8z8z") else { return nil }
        return LibIDN2(lookupU8: unsafeBitCast(lookup, to: Convert.self), toUnicode: unsafeBitCast(unicode, to: Convert.self))
    }()

    static var available: Bool { shared != nil }

    private func call(_ function: Convert, _ bytes: [UInt8]) -> [UInt8]? {
        var output: UnsafeMutablePointer<CChar>? = nil
        let status = (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { function($0, &output, 0) }
        }
        guard status == 0, let output else { return nil }
        defer { free(output) }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(output).assumingMemoryBound(to: UInt8.self), count: strlen(output)))
    }

    /// The lookup (ASCII) form, nil on any error.
    func lookup(_ bytes: [UInt8]) -> [UInt8]? { call(lookupU8, bytes) }

    /// The display (Unicode) form, nil on any error.
    func unicode(_ bytes: [UInt8]) -> [UInt8]? { call(toUnicode, bytes) }
}

/// Our IDNA against libidn2 over every code point, in the contexts that
/// bring out each property the conversion depends on.
@Suite("IDNA against libidn2", .enabled(if: LibIDN2.available, "libidn2.so.0 not found"))
struct IDNAOracleTests {
    static func ours(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { IDNA.toASCII(ByteString(start: $0.baseAddress, count: $0.count)) }
    }

    static func utf8(_ scalars: [UInt32]) -> [UInt8] {
        var bytes: [UInt8] = []
        for s in scalars { IDNA.appendUTF8(s, to: &bytes) }
        return bytes
    }

    static func hex(_ scalars: [UInt32]) -> String {
        scalars.map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")
    }

    static func text(_ bytes: [UInt8]?) -> String {
        bytes.map { String(decoding: $0, as: UTF8.self) } ?? "(fails)"
    }

    /// Compares our lookup form with libidn2's for each input; returns the
    /// number of differences and records the first few.
    @discardableResult
    static func compare(_ inputs: [[UInt32]], limit: Int = 20, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let oracle = LibIDN2.shared!
        var differences = 0
        for scalars in inputs {
            let bytes = utf8(scalars)
            let expected = oracle.lookup(bytes)
            let actual = ours(bytes)
            if expected != actual {
                differences += 1
                if differences <= limit {
                    Issue.record("\(hex(scalars)): libidn2 \(text(expected)), ours \(text(actual))", sourceLocation: sourceLocation)
                }
            }
        }
        #expect(differences == 0, "\(differences) of \(inputs.count) inputs differ", sourceLocation: sourceLocation)
        return differences
    }

    /// Every Unicode scalar from U+0080 on.
    static let allScalars: [UInt32] = Array(0x80...0x10FFFF).filter { $0 < 0xD800 || $0 > 0xDFFF }

    /// The code points libidn2 accepts inside a label ("a<cp>b" converts).
    static let accepted: [UInt32] = {
        guard let oracle = LibIDN2.shared else { return [] }
        return allScalars.filter { oracle.lookup(utf8([0x61, $0, 0x62])) != nil }
    }()

    @Test("every code point inside an ASCII label: a<cp>b")
    func inside() {
        Self.compare(Self.allScalars.map { [0x61, $0, 0x62] })
    }

    @Test("every code point alone, and first in a label before a dot")
    func alone() {
        Self.compare(Self.allScalars.map { [$0] })
        Self.compare(Self.accepted.map { [$0, 0x2E, 0x63, 0x6F, 0x6D] })
    }

    @Test("bidi: every accepted code point in right-to-left labels and after a digit")
    func bidi() {
        Self.compare(Self.accepted.map { [0x5D0, $0] })
        Self.compare(Self.accepted.map { [$0, 0x5D0] })
        Self.compare(Self.accepted.map { [0x627, $0, 0x627] })
        Self.compare(Self.accepted.map { [0x31, $0] })
    }

    @Test("combining classes: every accepted code point after marks of class 230 and 220, and before ZWJ and ZWNJ")
    func combiningClasses() {
        Self.compare(Self.accepted.map { [0x61, 0x301, $0, 0x62] })
        Self.compare(Self.accepted.map { [0x61, 0x316, $0, 0x62] })
        Self.compare(Self.accepted.map { [0x915, $0, 0x200D] })
        Self.compare(Self.accepted.map { [0x915, $0, 0x200C, 0x61] })
    }

    @Test("joining types: every accepted code point around ZWNJ between Arabic letters")
    func joiningTypes() {
        Self.compare(Self.accepted.map { [$0, 0x200C, 0x628] })
        Self.compare(Self.accepted.map { [0x628, 0x200C, $0] })
        Self.compare(Self.accepted.map { [0x628, $0, 0x200C, 0x628] })
        Self.compare(Self.accepted.map { [0x628, 0x200C, $0, 0x628] })
    }

    @Test("NFC: the canonical decomposition of every code point, and marks out of order")
    func normalization() {
        var inputs: [[UInt32]] = []
        for value in Self.allScalars {
            let text = String(Character(Unicode.Scalar(value)!))
            let decomposed = text.decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
            if decomposed != [value] {
                inputs.append([0x61] + decomposed + [0x62])
                inputs.append(decomposed + [0x2E, 0x64, 0x65])
            }
        }
        for mark in Self.accepted where mark < 0x10000 {
            inputs.append([0x65, mark, 0x301])
            inputs.append([0x1100, 0x1161, mark])
            inputs.append([0xE0, mark, 0x323])
        }
        Self.compare(inputs)
    }

    @Test("names: dots, hyphens, lengths, A-labels, ASCII labels")
    func names() {
        var inputs: [[UInt32]] = []
        let u: UInt32 = 0xFC
        for c in 0x01...0x7F as ClosedRange<UInt32> {
            inputs.append([u, c, 0x62]); inputs.append([0x61, c, 0x62, 0x2E, u]); inputs.append([c, u])
        }
        for n in 0..<70 {
            inputs.append([u] + Array(repeating: 0x61, count: n))
            inputs.append(Array(repeating: u, count: n))
            inputs.append(Array(repeating: 0x61, count: n) + [0x2E, u])
        }
        for n in 240...260 {
            var name: [UInt32] = [u, 0x2E]
            while name.count < n - 63 { name += Array(repeating: 0x61, count: 62) + [0x2E] }
            name += Array(repeating: 0x61, count: n - name.count)
            inputs.append(name); inputs.append(name + [0x2E])
        }
        let samples = ["-ü", "ü-", "ab--ü", "üb--x", "ü.-a", "ü.a-", "ü.ab--c", "ü..de", ".ü", "ü.", "ü。de。", "ü．．de",
                       "ü｡", "\u{AD}", "a\u{AD}.ü", "\u{AD}ü", "ü\u{200B}", "xn--bcher-kva.ü", "XN--BCHER-KVA.ü", "xn--a.ü",
                       "xn--ab-.ü", "xn--.ü", "xn---tda.ü", "xn--tda-.ü", "xn--zz-bad.ü", "xn--ls8h.ü", "xn--a-ecp.ü",
                       "xn--fss.ü", "xn--Tda.ü", "xn--ss-a.ü", "xn--zca.ü", "xn--a-2ha.ü", "xn--1ca.ü", "xn--tda.xn--tda",
                       "l·l.ü", "a·b.ü", "ا١۱", "1a.א", "a١", "١a", "ü≠b", "ß.de", "ς.gr", "ΣΑΣ.gr"]
        for sample in samples { inputs.append(sample.unicodeScalars.map(\.value)) }
        Self.compare(inputs)
    }

    @Test("A-labels: every two-letter-or-digit Punycode after xn--")
    func aLabels() {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789-".unicodeScalars.map(\.value))
        var inputs: [[UInt32]] = []
        for a in alphabet {
            for b in alphabet {
                inputs.append(Array("xn--".unicodeScalars.map(\.value)) + [a, b, 0x2E, 0xFC])
                for c in alphabet.prefix(8) {
                    inputs.append(Array("xn--".unicodeScalars.map(\.value)) + [a, b, c, 0x2E, 0xFC])
                }
            }
        }
        Self.compare(inputs)
    }

    @Test("Unicode forms: our toUnicode equals libidn2's on every ASCII form")
    func unicodeForms() {
        let oracle = LibIDN2.shared!
        var inputs: [[UInt8]] = []
        for value in Self.accepted {
            if let ascii = oracle.lookup(Self.utf8([0x61, value, 0x62])) { inputs.append(ascii) }
        }
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789-".utf8)
        for a in alphabet {
            for b in alphabet {
                inputs.append(Array("xn--".utf8) + [a, b])
                inputs.append(Array("XN--".utf8) + [a, b] + Array(".xn--tda".utf8))
            }
        }
        var differences = 0
        for bytes in inputs {
            let expected = oracle.unicode(bytes) ?? bytes
            let actual = bytes.withUnsafeBufferPointer { IDNA.toUnicode(ByteString(start: $0.baseAddress, count: $0.count)) }
            if expected != actual {
                differences += 1
                if differences <= 20 {
                    Issue.record("\(Self.text(bytes)): libidn2 \(Self.text(expected)), ours \(Self.text(actual))")
                }
            }
        }
        #expect(differences == 0, "\(differences) of \(inputs.count) differ")
    }

    @Test("Punycode round trip of every accepted code point in a label")
    func punycodeRoundTrip() {
        for value in Self.accepted {
            let label: [UInt32] = [0x61, value, 0x62]
            guard let code = Punycode.encode(label) else {
                Issue.record("cannot encode \(Self.hex(label))")
                continue
            }
            let decoded = code.withUnsafeBufferPointer { Punycode.decode(ByteString(start: $0.baseAddress, count: $0.count)) }
            if decoded != label { Issue.record("round trip of \(Self.hex(label)) gave \(decoded.map(Self.hex) ?? "nil")") }
        }
    }

    @Test("random names mixing accepted code points, marks, joiners, digits and dots (seeded)")
    func randomNames() {
        // SplitMix64, so that a failure repeats.
        var state: UInt64 = 0x1D_4A_2024
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let special: [UInt32] = [0x2E, 0x3002, 0x2D, 0x5F, 0x61, 0x41, 0x31, 0x661, 0x6F1, 0x200C, 0x200D, 0x94D, 0x915,
                                 0x301, 0x323, 0x308, 0x1100, 0x1161, 0x11A8, 0x5D0, 0x627, 0x628, 0x64B, 0xAD, 0xDF, 0x3C2,
                                 0x2260, 0xB7, 0x5B0, 0x30FB, 0xFF21, 0x2476]
        var inputs: [[UInt32]] = []
        for _ in 0..<100_000 {
            let length = Int(next() % 6) + 1
            var name: [UInt32] = []
            for _ in 0..<length {
                if next() % 2 == 0 {
                    name.append(special[Int(next() % UInt64(special.count))])
                } else {
                    name.append(Self.accepted[Int(next() % UInt64(Self.accepted.count))])
                }
            }
            inputs.append(name)
        }
        Self.compare(inputs)
    }
}
