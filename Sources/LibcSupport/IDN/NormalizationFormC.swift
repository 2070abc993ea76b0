/// Unicode Normalization Form C for the mapped labels of `IDNA`: canonical
/// decomposition, canonical ordering of combining marks, canonical
/// composition (UAX #15), with the compositions of `IDNATables` and the
/// Hangul syllable arithmetic. Only the code points a mapped label can hold
/// are covered: every one of them is its own NFC, so only sequences need
/// work.
enum NormalizationFormC {
    static let hangulSBase: UInt32 = 0xAC00, hangulLBase: UInt32 = 0x1100
    static let hangulVBase: UInt32 = 0x1161, hangulTBase: UInt32 = 0x11A7
    static let hangulLCount: UInt32 = 19, hangulVCount: UInt32 = 21, hangulTCount: UInt32 = 28
    static let hangulNCount = hangulVCount * hangulTCount
    static let hangulSCount = hangulLCount * hangulNCount

    /// Normalizes `scalars` in place.
    static func normalize(_ scalars: inout [UInt32]) {
        // Quick check: without combining marks, composing seconds (marks of
        // class 0 such as some vowel signs) or Hangul jamo nothing changes.
        var needed = false
        for s in scalars where s >= 0x300 {
            if isComposingSecond(s) || (s >= hangulVBase && s < hangulTBase + hangulTCount)
                || ScalarProperties(s).combiningClass != 0 {
                needed = true
                break
            }
        }
        if !needed { return }
        var decomposed: [UInt32] = []
        decomposed.reserveCapacity(scalars.count + 4)
        for s in scalars { decompose(s, into: &decomposed) }
        var classes = decomposed.map { $0 < 0x300 ? 0 : ScalarProperties($0).combiningClass }
        reorder(&decomposed, classes: &classes)
        scalars = compose(decomposed, classes: classes)
    }

    static func isComposingSecond(_ value: UInt32) -> Bool {
        let seconds = IDNATables.composingSeconds
        var low = 0, high = seconds.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let s = seconds[middle]
            if s == value { return true }
            if s < value { low = middle + 1 } else { high = middle - 1 }
        }
        return false
    }

    /// The full canonical decomposition of `value`, appended.
    static func decompose(_ value: UInt32, into output: inout [UInt32]) {
        if value >= hangulSBase && value < hangulSBase + hangulSCount {
            let index = value - hangulSBase
            output.append(hangulLBase + index / hangulNCount)
            output.append(hangulVBase + (index % hangulNCount) / hangulTCount)
            if index % hangulTCount != 0 { output.append(hangulTBase + index % hangulTCount) }
            return
        }
        if value >= 0xC0, let (first, second) = pair(of: value) {
            decompose(first, into: &output)
            output.append(second)
            return
        }
        output.append(value)
    }

    /// Stable sort of every run of non-starters by combining class.
    static func reorder(_ scalars: inout [UInt32], classes: inout [UInt8]) {
        var i = 1
        while i < scalars.count {
            var j = i
            while j > 0 && classes[j] != 0 && classes[j - 1] > classes[j] {
                scalars.swapAt(j, j - 1)
                classes.swapAt(j, j - 1)
                j -= 1
            }
            i += 1
        }
    }

    static func compose(_ scalars: [UInt32], classes: [UInt8]) -> [UInt32] {
        var output: [UInt32] = []
        output.reserveCapacity(scalars.count)
        var starter = -1
        var lastClass: Int = 256
        for (i, s) in scalars.enumerated() {
            let ccc = Int(classes[i])
            if starter >= 0 && (lastClass < ccc || lastClass == 0 && output.count == starter + 1),
               let composite = composite(output[starter], s) {
                output[starter] = composite
                continue
            }
            if ccc == 0 {
                starter = output.count
                lastClass = 0
            } else {
                lastClass = ccc
            }
            output.append(s)
        }
        return output
    }

    /// The primary composite of `first` and `second`, if any.
    static func composite(_ first: UInt32, _ second: UInt32) -> UInt32? {
        if first >= hangulLBase && first < hangulLBase + hangulLCount
            && second >= hangulVBase && second < hangulVBase + hangulVCount {
            return hangulSBase + ((first - hangulLBase) * hangulVCount + second - hangulVBase) * hangulTCount
        }
        if first >= hangulSBase && first < hangulSBase + hangulSCount && (first - hangulSBase) % hangulTCount == 0
            && second > hangulTBase && second < hangulTBase + hangulTCount {
            return first + second - hangulTBase
        }
        var reader = LEB128Reader(bytes: IDNATables.compositions, position: 0)
        var composite: UInt32 = 0, current: UInt32 = 0
        while !reader.atEnd {
            let found = nextComposition(&reader, &composite, &current)
            if current == first && found == second { return composite }
        }
        return nil
    }

    /// The canonical pair that `composite` is made of, if it is a primary
    /// composite of the table.
    static func pair(of composite: UInt32) -> (UInt32, UInt32)? {
        var reader = LEB128Reader(bytes: IDNATables.compositions, position: 0)
        var current: UInt32 = 0, first: UInt32 = 0
        while !reader.atEnd {
            let second = nextComposition(&reader, &current, &first)
            if current >= composite { return current == composite ? (first, second) : nil }
        }
        return nil
    }

    /// Reads the next entry of `IDNATables.compositions` (sorted by
    /// composite, each a delta from the entry before): updates `composite`
    /// and `first`, returns the second code point.
    static func nextComposition(_ reader: inout LEB128Reader, _ composite: inout UInt32,
                                _ first: inout UInt32) -> UInt32 {
        composite += reader.next()
        let second = IDNATables.composingSeconds[Int(reader.nextByte())]
        first = UInt32(bitPattern: Int32(bitPattern: first) &+ reader.nextSigned())
        return second
    }
}
