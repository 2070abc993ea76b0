import CLibc

/// Lookups in the bytes of `/etc/hosts`, as glibc's `files` source answers
/// them.
///
/// A name lookup never parses every line: a case-insensitive byte search
/// finds the places the name occurs and only those lines are parsed. Both
/// address families are answered from one pass (glibc reads the file once
/// for IPv6 and again for IPv4).
public enum HostsFile {
    /// Calls `body` with each valid line that lists `name`, in file order,
    /// until `body` returns false.
    public static func forEachLine(named name: ByteString, in bytes: ByteString,
                                   _ body: (HostsLine) -> Bool) {
        if bytes.isEmpty { return }
        if name.isEmpty {
            // An empty key matches the lines that have an address and no
            // name, as in glibc.
            for text in LineSequence(bytes) {
                guard let line = HostsLine(text), line.canonicalName.isEmpty else { continue }
                if !body(line) { return }
            }
            return
        }
        // A large file guides the choice of the searched pair with a sample.
        let finder = CaseInsensitiveFinder(name, sample: bytes.count >= 256 * 1024 ? bytes : .empty)
        let base = bytes.start!
        var from = 0
        var kept = 0
        while let hit = find(finder, name.count, in: bytes, from: &from, kept: &kept) {
            // Bounds of the line holding the hit.
            var lineStart = hit
            while lineStart > 0 && base[lineStart - 1] != 0x0A { lineStart -= 1 }
            let lineEnd = newline(in: bytes, from: hit + name.count) ?? bytes.count
            from = lineEnd + 1
            if let line = HostsLine(bytes.slice(lineStart, lineEnd)), line.hasName(name) {
                if !body(line) { return }
            }
            if from >= bytes.count { return }
        }
    }

    /// The valid lines that list `name`, in file order. They borrow the
    /// file's bytes, which must outlive them (the tool retains its files).
    public static func matches(named name: ByteString, in bytes: ByteString) -> HostsLines {
        var found = HostsLines()
        forEachLine(named: name, in: bytes) { line in
            found.append(line.text)
            return true
        }
        return found
    }

    /// The `gethostbyname2` answer for `family` from matching lines: the
    /// first line gives the canonical name and its aliases; with `multiple`,
    /// every further line adds its address, its aliases, then its own
    /// canonical name unless it is byte for byte the first line's (glibc
    /// merges lines this way; duplicate aliases stay).
    /// `multiple` is asked only when a second line matches (so /etc/host.conf
    /// is read only when it matters). The entry borrows the lines.
    public static func hostEntry(from lines: HostsLines, family: IPAddress.Family,
                                 multiple: () -> Bool) -> HostEntry? {
        var entry = HostEntry()
        entry.linesFamily = family
        for index in 0..<lines.count {
            let line = lines[index]
            guard line.address(for: family) != nil else { continue }
            if !entry.lines.isEmpty && !multiple() { break }
            entry.lines.append(line.text)
        }
        return entry.lines.isEmpty ? nil : entry
    }

    /// The `getaddrinfo` answer from matching lines: every address as seen
    /// by `family` (nil: both, unconverted) and the canonical name of the
    /// first line that contributes.
    public static func addressList(from lines: HostsLines, family: IPAddress.Family?,
                                   multiple: () -> Bool) -> AddressList? {
        var list = AddressList()
        for index in 0..<lines.count {
            let line = lines[index]
            guard let address = line.address(for: family) else { continue }
            if !list.addresses.isEmpty && !multiple() { break }
            if list.addresses.isEmpty { list.canonicalName.append(line.canonicalName) }
            list.addresses.append(address)
        }
        return list.addresses.isEmpty ? nil : list
    }

    /// The `gethostbyaddr` answer: the first line whose address, as seen by
    /// the address's family, equals `address`; no merging.
    public static func hostEntry(address: IPAddress, in bytes: ByteString) -> HostEntry? {
        for text in LineSequence(bytes) {
            guard let line = HostsLine(text), let seen = line.address(for: address.family), seen == address else { continue }
            var entry = HostEntry()
            entry.names.append(line.canonicalName)
            for alias in line.aliases { entry.names.append(alias) }
            entry.addresses.append(address)
            return entry
        }
        return nil
    }

    /// The next match at or after `from`, searched in windows of
    /// `MappedFile.scanWindow` bytes; the pages of the windows passed
    /// without a match are let go (from `kept` on), so a lookup in a hosts
    /// file of any size stays in bounded memory. Advances `from` past the
    /// windows searched.
    static func find(_ finder: borrowing CaseInsensitiveFinder, _ length: Int, in bytes: ByteString,
                     from: inout Int, kept: inout Int, window: Int = MappedFile.scanWindow) -> Int? {
        while bytes.count - from >= length {
            let windowEnd = Swift.min(bytes.count, from + window + length - 1)
            if let hit = finder.find(in: bytes.prefix(windowEnd), from: from) { return hit }
            from = windowEnd - length + 1
            if from - kept >= window {
                MappedFile.releasePages(bytes.slice(kept, from))
                kept = from
            }
        }
        return nil
    }

    /// Offset of the first `\n` at or after `from` (memchr).
    static func newline(in bytes: ByteString, from: Int) -> Int? {
        if from >= bytes.count { return nil }
        guard let p = memchr(bytes.start! + from, 0x0A, bytes.count - from) else { return nil }
        return UnsafeRawPointer(p) - UnsafeRawPointer(bytes.start!)
    }
}
