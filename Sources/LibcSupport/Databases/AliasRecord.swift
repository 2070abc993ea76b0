import CLibc

/// One entry of `/etc/aliases`: `name: member, member, ...`.
///
/// An entry goes on over the following lines that start with white space
/// (a line break separates members like a comma). `#` starts a comment on
/// every line; a line without `:` or with an empty name is not an entry,
/// and the indented lines after it stand on their own. A member keeps its
/// trailing white space; `:include:PATH` is replaced by the members listed
/// in that file (split at commas and line breaks, `#` comments allowed, no
/// nested includes), and a file that cannot be read adds nothing. An entry
/// left without members does not exist.
public struct AliasRecord {
    public var name: ByteString
    /// The bytes after the name's `:`, through the entry's last line.
    var memberBytes: ByteString

    public init(name: ByteString, memberBytes: ByteString) {
        self.name = name
        self.memberBytes = memberBytes
    }

    /// The marker of an include member.
    static let includeMarker = ByteString(":include:")

    /// Calls `body` with each member in order, with include files expanded;
    /// stops early when `body` returns false. Returns false if it stopped.
    @discardableResult
    public func forEachMember(_ body: (ByteString) -> Bool) -> Bool {
        var lines = LineSequence(memberBytes)
        while let line = lines.next() {
            let stopped = !Self.forEachMember(inText: line.lineContent) { member in
                if member.hasPrefix(Self.includeMarker) {
                    return Self.forEachIncludedMember(path: member.dropFirst(Self.includeMarker.count), body)
                }
                return body(member)
            }
            if stopped { return false }
        }
        return true
    }

    /// Whether the entry has at least one member (an include file may have
    /// to be read to know).
    public var hasMembers: Bool {
        !forEachMember { _ in false }
    }

    /// Splits one line's text at commas: leading white space is skipped,
    /// trailing white space kept, empty members dropped.
    static func forEachMember(inText text: ByteString, _ body: (ByteString) -> Bool) -> Bool {
        var rest = text
        while true {
            rest = rest.droppingLeadingSpace
            if rest.isEmpty { return true }
            let end = rest.firstIndex(of: UInt8(ascii: ",")) ?? rest.count
            if end > 0 && !body(rest.prefix(end)) { return false }
            rest = rest.dropFirst(end + 1)
        }
    }

    /// The members listed in an include file, one or more per line.
    static func forEachIncludedMember(path: ByteString, _ body: (ByteString) -> Bool) -> Bool {
        // The path needs a terminating NUL for open(2).
        let cPath = UnsafeMutablePointer<CChar>.allocate(capacity: path.count + 1)
        defer { cPath.deallocate() }
        for i in 0..<path.count { cPath[i] = CChar(bitPattern: path[i]) }
        cPath[path.count] = 0
        guard let descriptor = IncludedFile.open(cPath) else { return true }
        defer { descriptor.close() }
        let included: MappedFile
        do {
            included = try MappedFile(descriptor: descriptor)
        } catch {
            return true
        }
        for line in included.lines where !forEachMember(inText: line.lineContent, body) {
            return false
        }
        return true
    }

    /// Reads the entry (if any) whose first line starts at `start`, a line
    /// that does not continue an entry. Returns it and where the next line
    /// not belonging to it starts.
    public static func parse(in file: ByteString, at start: Int) -> (record: AliasRecord?, next: Int) {
        let end = file.lineEnd(containing: start)
        let content = file.slice(start, end).lineContent.droppingLeadingSpace
        guard let colon = content.firstIndex(of: UInt8(ascii: ":")), colon > 0 else {
            return (nil, end + 1)
        }
        var last = end
        while last + 1 < file.count, isIndented(file[last + 1]) {
            last = file.lineEnd(containing: last + 1)
        }
        let membersStart = content.start! + colon + 1 - file.start!
        return (AliasRecord(name: content.prefix(colon), memberBytes: file.slice(membersStart, last)), last + 1)
    }

    /// Calls `body` with every entry that has members, in file order.
    public static func forEach(in file: ByteString, _ body: (AliasRecord) -> Void) {
        var start = 0
        while start < file.count {
            let (record, next) = parse(in: file, at: start)
            if let record, record.hasMembers { body(record) }
            start = next
        }
    }

    /// The first entry named `key` (ignoring ASCII case) that has members.
    public static func lookup(_ key: ByteString, in file: ByteString) -> AliasRecord? {
        if key.isEmpty || key.firstIndex(of: UInt8(ascii: ":")) != nil { return nil }
        var occurrences = CaseInsensitiveOccurrences(of: key, in: file)
        // Hits before `settled` are decided; `settled` starts a line read on
        // its own. Both only move forward, so the whole search is linear.
        var settled = 0
        while let hit = occurrences.next() {
            // A name is followed by its colon and preceded on its line by
            // white space only.
            guard hit >= settled, hit + key.count < file.count, file[hit + key.count] == UInt8(ascii: ":")
            else { continue }
            var lineStart = hit
            while lineStart > 0 && isIndented(file[lineStart - 1]) { lineStart -= 1 }
            guard lineStart == 0 || file[lineStart - 1] == UInt8(ascii: "\n") else { continue }
            if lineStart > 0 && isIndented(file[lineStart]) {
                // An indented line continues an entry if one is open above it:
                // read forward from the last line that is not indented.
                var start = lineStart
                while start > settled {
                    let previous = file.lineStart(containing: start - 1)
                    start = previous
                    if !isIndented(file[previous]) { break }
                }
                while start < lineStart { start = parse(in: file, at: start).next }
                settled = start
                if start != lineStart { continue }
            }
            let (record, next) = parse(in: file, at: lineStart)
            if let record, record.name.equalsIgnoringASCIICase(key), record.hasMembers { return record }
            settled = next
        }
        return nil
    }

    /// Whether a line starting with `byte` is indented (white space other
    /// than the line break itself: an empty line is not indented).
    @inlinable
    static func isIndented(_ byte: UInt8) -> Bool {
        byte != UInt8(ascii: "\n") && ASCII.isSpace(byte)
    }

    /// Writes the line glibc's getent prints: `name:` padded to 16 columns
    /// (at least one space), then the members separated by `, `.
    public func write(to output: inout OutputBuffer) {
        output.append(name)
        output.append(UInt8(ascii: ":"))
        output.append(repeating: 0x20, count: name.count + 1 < 16 ? 15 - name.count : 1)
        var first = true
        forEachMember { member in
            if !first { output.append(", ") }
            first = false
            output.append(member)
            return true
        }
        output.append(UInt8(ascii: "\n"))
    }
}
