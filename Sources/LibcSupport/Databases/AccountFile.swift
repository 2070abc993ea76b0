/// The `files` and `compat` sources of an account database: lookups by name
/// or id and enumeration over the file's bytes.
///
/// `files` finds a key by a byte search (memmem) and parses only the lines
/// where the key sits at the right place; the first valid entry wins. NIS
/// lines are entries under `files` (listed, never found by key); under
/// `compat` they are directives (see `CompatRules`), read line by line.
public enum AccountFile<Record: AccountRecord> {
    /// The entry named `key`: `.success` with it, `.notFound`, or
    /// `.unavailable` where `compat` would need NIS.
    public static func find(name key: ByteString, in bytes: ByteString, compat: Bool) -> (ServiceStatus, Record?) {
        if compat { return findCompat(in: bytes) { $0.name == key } directive: { directive in
            switch directive {
            case .includeAll: return .unavailable
            case .include(let name): return name == key ? .unavailable : nil
            case .exclude(let name): return name == key ? .notFound : nil
            case .includeNetgroup, .excludeOther: return nil
            }
        } }
        if RecordLine.isNISName(key) { return (.notFound, nil) }
        if key.isEmpty {
            // No bytes to search for: read line by line.
            for line in LineSequence(bytes) {
                if let record = parse(line), record.name.isEmpty { return (.success, record) }
            }
            return (.notFound, nil)
        }
        for occurrence in FileScanner(bytes).occurrences(of: key) {
            let line = occurrence.line
            let end = occurrence.offset + key.count
            // The name is the first field: only white space before it and
            // a ':' (or the end of the line) after it.
            if end < line.count && line[end] != UInt8(ascii: ":") && line[end] != 0 { continue }
            if !isBlank(occurrence.before) { continue }
            if let record = parse(line), record.name == key { return (.success, record) }
        }
        return (.notFound, nil)
    }

    /// Every entry in file order (`each` receives them); returns the status
    /// the source ends with: `.notFound` at the end, `.unavailable` where
    /// `compat` would need NIS.
    public static func enumerate(_ bytes: ByteString, compat: Bool, rules: CompatRules,
                                 _ each: (Record) -> Void) -> ServiceStatus {
        for line in ScannedLines(bytes) {
            guard let content = RecordLine.content(withoutNUL: line) else { continue }
            if compat, let directive = CompatDirective.of(content) {
                switch directive {
                case .includeAll, .include: return .unavailable
                case .includeNetgroup: if rules.netgroupStopsEnumeration { return .unavailable }
                case .excludeOther, .exclude: break
                }
                continue
            }
            if let record = Record.parse(content) { each(record) }
        }
        return .notFound
    }

    /// `enumerate` writing each entry to `context`. Runs of plain lines
    /// (see `AccountRecord.isVerbatim`) that follow each other in the file
    /// are written straight from the file's bytes, newlines included: a
    /// large run goes out in one write without being copied.
    static func enumerate(_ bytes: ByteString, compat: Bool, rules: CompatRules, into context: inout GetentContext) -> ServiceStatus {
        var run = Run()
        defer { run.flush(to: &context.output) }
        for line in ScannedLines(bytes) {
            guard let content = RecordLine.content(withoutNUL: line) else { continue }
            if compat, let directive = CompatDirective.of(content) {
                switch directive {
                case .includeAll, .include: return .unavailable
                case .includeNetgroup: if rules.netgroupStopsEnumeration { return .unavailable }
                case .excludeOther, .exclude: break
                }
                continue
            }
            // Plain, whole (no leading space, no NUL) and ending in '\n'.
            let lineEnd = line.start! - bytes.start! + line.count
            if content.start == line.start && lineEnd < bytes.count && bytes[lineEnd] == 0x0A
                && Record.isVerbatim(content) {
                run.add(line.start!, line.count + 1, to: &context.output)
                continue
            }
            run.flush(to: &context.output)
            if let record = Record.parse(content) { Record.emit(record, in: &context) }
        }
        return .notFound
    }

    /// Adjacent bytes waiting to be written as they are.
    struct Run {
        var start: UnsafePointer<UInt8>?
        var count = 0

        mutating func add(_ bytes: UnsafePointer<UInt8>, _ length: Int, to output: inout OutputBuffer) {
            if let start, start + count == bytes {
                count += length
                return
            }
            flush(to: &output)
            start = bytes
            count = length
        }

        mutating func flush(to output: inout OutputBuffer) {
            if let start, count > 0 { output.append(UnsafeRawBufferPointer(start: start, count: count)) }
            start = nil
            count = 0
        }
    }

    /// The content of a line parsed, or nil.
    @inlinable
    static func parse(_ line: ByteString) -> Record? {
        guard let content = RecordLine.content(line) else { return nil }
        return Record.parse(content)
    }

    @inlinable
    static func isBlank(_ bytes: ByteString) -> Bool {
        for i in 0..<bytes.count where !ASCII.isSpace(bytes[i]) { return false }
        return true
    }

    /// `compat`: the first ordinary entry satisfying `matches`, unless a
    /// directive before it decides (`directive` returns a status to stop
    /// with, or nil to pass over it).
    static func findCompat(in bytes: ByteString, _ matches: (Record) -> Bool,
                           directive: (CompatDirective) -> ServiceStatus?) -> (ServiceStatus, Record?) {
        for line in LineSequence(bytes) {
            guard let content = RecordLine.content(line) else { continue }
            if let found = CompatDirective.of(content) {
                if let status = directive(found) { return (status, nil) }
                continue
            }
            if let record = Record.parse(content), matches(record) { return (.success, record) }
        }
        return (.notFound, nil)
    }
}

extension AccountFile where Record: IdentifiedAccountRecord {
    /// The first entry with id `id` (NIS lines never match).
    public static func find(id: UInt32, in bytes: ByteString, compat: Bool, rules: CompatRules) -> (ServiceStatus, Record?) {
        if compat {
            return findCompat(in: bytes, { $0.id == id }) { directive in
                switch directive {
                case .includeAll: return .unavailable
                case .include, .includeNetgroup: return rules.namedIncludeStopsIDLookup ? .unavailable : nil
                case .exclude, .excludeOther: return nil
                }
            }
        }
        // Search for the id's digits; the file may write it with leading
        // zeros, white space or a sign, which the parser then accepts.
        var digits: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &digits) { raw -> (ServiceStatus, Record?) in
            var value = id
            var index = raw.count
            repeat {
                index -= 1
                raw[index] = UInt8(truncatingIfNeeded: value % 10) + 0x30
                value /= 10
            } while value != 0
            let needle = ByteString(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + index,
                                    count: raw.count - index)
            for occurrence in FileScanner(bytes).occurrences(of: needle) {
                let line = occurrence.line
                let end = occurrence.offset + needle.count
                if end < line.count && ASCII.isDigit(line[end]) { continue }
                if occurrence.offset > 0 {
                    let before = line[occurrence.offset - 1]
                    if ASCII.isDigit(before) && before != UInt8(ascii: "0") { continue }
                }
                if let record = parse(line), record.id == id, !RecordLine.isNISName(record.name) {
                    return (.success, record)
                }
            }
            return (.notFound, nil)
        }
    }
}
