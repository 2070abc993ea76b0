/// Lines of /etc/hosts, borrowed from the file: the first four inline (no
/// heap for the usual lookup), any further ones in an array. Only the
/// text of each line is kept (16 bytes); it is parsed again when read.
public struct HostsLines {
    var inline: (ByteString, ByteString, ByteString, ByteString) = (.empty, .empty, .empty, .empty)
    var overflow: [ByteString] = []
    public private(set) var count = 0

    public init() {}

    public var isEmpty: Bool { count == 0 }

    /// Appends a line's text (it must parse as a `HostsLine`).
    public mutating func append(_ text: ByteString) {
        switch count {
        case 0: inline.0 = text
        case 1: inline.1 = text
        case 2: inline.2 = text
        case 3: inline.3 = text
        default: overflow.append(text)
        }
        count += 1
    }

    @inline(never)
    public subscript(index: Int) -> HostsLine {
        let text: ByteString
        switch index {
        case 0: text = inline.0
        case 1: text = inline.1
        case 2: text = inline.2
        case 3: text = inline.3
        default: text = overflow[index - 4]
        }
        return HostsLine(text)!
    }
}
