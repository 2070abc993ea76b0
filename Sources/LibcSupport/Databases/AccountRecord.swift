/// A record of one of the account files (`passwd`, `group`, `shadow`,
/// `gshadow`): parsed from one line, written back in the file's format.
public protocol AccountRecord {
    /// The file the `files` and `compat` sources read.
    static var path: StaticString { get }
    /// The word in "error writing KIND entry: Invalid argument".
    static var kind: StaticString { get }

    /// Parses the content of a line (see `RecordLine.content`); nil if the
    /// C library would skip the line.
    static func parse(_ content: ByteString) -> Self?

    /// The entry's name (its key).
    var name: ByteString { get }

    /// Appends the entry and its newline; false (nothing appended) if a
    /// field holds a `:`, which the C library refuses to write.
    func write(to output: inout OutputBuffer) -> Bool

    /// Enumeration's fast path: whether `content` is a plain entry that
    /// would be written back unchanged (then it is copied, not parsed).
    static func isVerbatim(_ content: ByteString) -> Bool
}

extension AccountRecord {
    public static func isVerbatim(_ content: ByteString) -> Bool { false }
}

/// An account record with a numeric id (`passwd` uid, `group` gid).
public protocol IdentifiedAccountRecord: AccountRecord {
    var id: UInt32 { get }
}

extension AccountRecord {
    /// Writes the entry, or reports on stderr that it cannot be written,
    /// as the C library's getent does (the entry still counts as found).
    static func emit(_ record: Self, in context: inout GetentContext) {
        if !record.write(to: &context.output) {
            context.errors.append("error writing ")
            context.errors.append(kind)
            context.errors.append(" entry: Invalid argument\n")
        }
    }
}

/// Appends a list field (group members, gshadow admins): the items of
/// `raw` split at `,`, each without leading white space, empty ones left
/// out, joined with `,` (and preceded by one if `after` says items were
/// already written). Returns whether any item has been written.
@inlinable
@discardableResult
func appendList(_ raw: ByteString, to output: inout OutputBuffer, after: Bool = false) -> Bool {
    var first = !after
    for var item in FieldSplitter(raw, separator: UInt8(ascii: ",")) {
        var i = 0
        while i < item.count && ASCII.isSpace(item[i]) { i += 1 }
        item = item.dropFirst(i)
        if item.isEmpty { continue }
        if !first { output.append(UInt8(ascii: ",")) }
        output.append(item)
        first = false
    }
    return !first
}

/// Whether a list field (as `appendList` splits it) holds `name`.
@inlinable
func listContains(_ raw: ByteString, _ name: ByteString) -> Bool {
    for var item in FieldSplitter(raw, separator: UInt8(ascii: ",")) {
        var i = 0
        while i < item.count && ASCII.isSpace(item[i]) { i += 1 }
        item = item.dropFirst(i)
        if !item.isEmpty && item == name { return true }
    }
    return false
}

/// Whether a list field would be refused by the writer (an item holds `:`).
@inlinable
func listIsWritable(_ raw: ByteString) -> Bool {
    !raw.containsByte(UInt8(ascii: ":"))
}
