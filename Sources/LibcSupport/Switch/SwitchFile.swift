/// Reads the database lines of `/etc/nsswitch.conf` the way the C library
/// does.
///
/// Observed rules: a line is `NAME` followed by white space and/or colons
/// and the sources; database names match exactly (case matters); the last
/// line for a database wins; a line without a final newline is ignored; a
/// NUL byte ends a line; there is no comment syntax beyond lines whose first
/// word names no database (`#passwd: ...`).
public enum SwitchFile {
    /// The path the switch reads.
    public static let path: StaticString = "/etc/nsswitch.conf"

    /// The configuration text for `database` in the file contents `bytes`,
    /// or nil if no line names it.
    public static func configuration(for database: ByteString, in bytes: ByteString) -> SwitchConfiguration? {
        var found: ByteString?
        var rest = bytes
        while let newline = rest.firstIndex(of: 0x0A) {
            let line = rest.prefix(newline)
            rest = rest.dropFirst(newline + 1)
            if let text = sources(of: line, ifNamed: database) { found = text }
        }
        return found.map { SwitchConfiguration($0) }
    }

    /// The sources part of `line` if its database name is `database`.
    static func sources(of line: ByteString, ifNamed database: ByteString) -> ByteString? {
        var i = 0
        while i < line.count && ASCII.isSpace(line[i]) { i += 1 }
        let start = i
        while i < line.count && line[i] != 0 && line[i] != UInt8(ascii: ":") && !ASCII.isSpace(line[i]) { i += 1 }
        if line.slice(start, i) != database { return nil }
        while i < line.count && (line[i] == UInt8(ascii: ":") || ASCII.isSpace(line[i])) { i += 1 }
        return line.dropFirst(i)
    }
}
