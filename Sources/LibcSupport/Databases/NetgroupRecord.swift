/// One netgroup of `/etc/netgroup`: a logical line `name member...`, where
/// a member is a triple `(host,user,domain)` or the name of another
/// netgroup.
///
/// The file has no comments (`#` is just a byte, so `# x` defines a netgroup
/// named `#`), and a line continues on the next one after a final backslash.
/// A triple's host and user end at the next `,` and its domain at the next
/// `)` (wherever they are, even in a later triple), and each field is the
/// first word of its part: `(a b,c,d)` is `(a,c,d)` and `(a,b) (c,d,e)` is
/// `(a,b),d,e)`. A triple that lacks a separator ends the member list.
public struct NetgroupRecord {
    public var name: ByteString
    /// The members after the name.
    var body: NetgroupCursor

    /// A member of a netgroup.
    public enum Member: Equatable {
        /// A triple; an empty field matches anything.
        case triple(host: ByteString, user: ByteString, domain: ByteString)
        /// The name of a netgroup whose members belong to this one too.
        case group(ByteString)
    }

    /// The members in file order, up to the first malformed triple.
    public var members: Members { Members(cursor: body) }

    public struct Members: Sequence, IteratorProtocol {
        var cursor: NetgroupCursor
        var ended = false

        public mutating func next() -> Member? {
            if ended { return nil }
            guard let first = cursor.skipSpace() else { ended = true; return nil }
            if first != UInt8(ascii: "(") {
                return .group(cursor.word())
            }
            cursor.advance()
            guard let host = field(endingAt: UInt8(ascii: ",")),
                  let user = field(endingAt: UInt8(ascii: ",")),
                  let domain = field(endingAt: UInt8(ascii: ")")) else {
                ended = true
                return nil
            }
            return .triple(host: host, user: user, domain: domain)
        }

        /// The first word before the next `separator` (empty if none), with
        /// the cursor moved past the separator; nil when there is none.
        mutating func field(endingAt separator: UInt8) -> ByteString? {
            var word = ByteString.empty
            if let byte = cursor.skipSpace(), byte != separator {
                word = cursor.word(stoppingAt: separator)
            }
            return cursor.skip(through: separator) ? word : nil
        }
    }

    /// The logical line of `file` that defines netgroup `name` (the first
    /// one, if several do). Its name must start the line.
    public static func find(_ name: ByteString, in file: ByteString) -> NetgroupRecord? {
        var from = 0
        var progress = ScanProgress(file)
        while let hit = file.firstOffset(of: name, from: from) {
            from = hit + 1
            // Pages before the hit's own go (looking back to the previous
            // line maps them back if needed).
            progress.passed(hit)
            // The name must begin a physical line that does not continue the
            // one before it.
            if hit > 0 {
                if file[hit - 1] != UInt8(ascii: "\n") { continue }
                let previous = file.slice(file.lineStart(containing: hit - 1), hit - 1).beforeNUL
                if previous.count > 0 && previous[previous.count - 1] == UInt8(ascii: "\\") { continue }
            }
            var cursor = NetgroupCursor(file.dropFirst(hit))
            if cursor.word() == name {
                return NetgroupRecord(name: name, body: cursor)
            }
        }
        return nil
    }
}
