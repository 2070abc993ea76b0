/// The scans behind `AccountFile`, written once for every record type:
/// `AccountFile` is generic over the record, and a generic body would be
/// compiled again for each of passwd, group, shadow and gshadow. The record
/// type only enters through the closures (parse a line, check a match).
enum AccountScan {
    /// `files` by name: hands `accept` each line that can hold the entry
    /// named `key` (the name at the start of the line, before a `:`), in file
    /// order, until it returns true. Returns whether one was accepted.
    @inline(never)
    static func findName(_ key: ByteString, in bytes: ByteString, _ accept: (ByteString) -> Bool) -> Bool {
        if RecordLine.isNISName(key) { return false }
        if key.isEmpty {
            // No bytes to search for: read line by line.
            for line in LineSequence(bytes) where accept(line) { return true }
            return false
        }
        var occurrences = FileScanner(bytes).occurrences(of: key)
        while let occurrence = occurrences.next() {
            let line = occurrence.line
            let end = occurrence.offset + key.count
            // The name is the first field: only white space before it and
            // a ':' (or the end of the line) after it. Any other
            // occurrence in the line cannot be the name either.
            if !isBlank(occurrence.before) {
                occurrences.skipLine()
                continue
            }
            if end < line.count && line[end] != UInt8(ascii: ":") && line[end] != 0 { continue }
            if accept(line) { return true }
            occurrences.skipLine()
        }
        return false
    }

    /// `files` by id: hands `accept` each line where the decimal digits of
    /// `id` stand as a number, in file order, until it returns true.
    @inline(never)
    static func findID(_ id: UInt32, in bytes: ByteString, _ accept: (ByteString) -> Bool) -> Bool {
        // Search for the id's digits; the file may write it with leading
        // zeros, white space or a sign, which the parser then accepts.
        var digits = DecimalText(UInt64(id))
        return digits.withByteString { needle -> Bool in
            var occurrences = FileScanner(bytes).occurrences(of: needle)
            while let occurrence = occurrences.next() {
                let line = occurrence.line
                let end = occurrence.offset + needle.count
                if end < line.count && ASCII.isDigit(line[end]) { continue }
                if occurrence.offset > 0 {
                    let before = line[occurrence.offset - 1]
                    if ASCII.isDigit(before) && before != UInt8(ascii: "0") { continue }
                }
                if accept(line) { return true }
                // The line is parsed: its other occurrences can tell no more.
                occurrences.skipLine()
            }
            return false
        }
    }

    /// `compat`: hands `accept` the content of each ordinary line until it
    /// returns true (`.success`), unless a directive before it decides
    /// (`directive` returns a status to stop with, or nil to pass over it).
    @inline(never)
    static func findCompat(in bytes: ByteString, _ accept: (ByteString) -> Bool,
                           directive: (CompatDirective) -> ServiceStatus?) -> ServiceStatus {
        for line in LineSequence(bytes) {
            guard let content = RecordLine.content(line) else { continue }
            if let found = CompatDirective.of(content) {
                if let status = directive(found) { return status }
                continue
            }
            if accept(content) { return .success }
        }
        return .notFound
    }

    /// Enumeration writing to `context`: runs of plain lines (`isVerbatim`)
    /// that follow each other in the file are written straight from the
    /// file's bytes, newlines included, so a large run goes out in one write
    /// without being copied; any other line's content goes to `emit`.
    @inline(never)
    static func enumerate(_ bytes: ByteString, compat: Bool, rules: CompatRules, into context: inout GetentContext,
                          isVerbatim: (ByteString) -> Bool,
                          emit: (ByteString, inout GetentContext) -> Void) -> ServiceStatus {
        var run = Run()
        defer { run.flush(to: &context.output) }
        for line in ScannedLines(bytes) {
            guard let content = RecordLine.content(withoutNUL: line) else { continue }
            if compat, let directive = CompatDirective.of(content) {
                if directive.endsEnumeration(under: rules) { return .unavailable }
                continue
            }
            // Plain, whole (no leading space, no NUL) and ending in '\n'.
            let lineEnd = line.start! - bytes.start! + line.count
            if content.start == line.start && lineEnd < bytes.count && bytes[lineEnd] == 0x0A
                && isVerbatim(content) {
                run.add(line.start!, line.count + 1, to: &context.output)
                continue
            }
            run.flush(to: &context.output)
            emit(content, &context)
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

    static func isBlank(_ bytes: ByteString) -> Bool {
        for i in 0..<bytes.count where !ASCII.isSpace(bytes[i]) { return false }
        return true
    }
}
