/// What the switch does after a source reported a status (`[STATUS=ACTION]`).
public enum ServiceAction: UInt8, Sendable {
    /// Stop and answer with this status (`return`).
    case stop = 0
    /// Ask the next source (`continue`).
    case next = 1
    /// Ask the next source and merge its entry into this one (`merge`; only
    /// group members are merged, as the C library does).
    case merge = 2

    /// Parses an action keyword (any case).
    static func parse(_ word: ByteString) -> ServiceAction? {
        if word.equalsIgnoringASCIICase(ByteString("return")) { return .stop }
        if word.equalsIgnoringASCIICase(ByteString("continue")) { return .next }
        if word.equalsIgnoringASCIICase(ByteString("merge")) { return .merge }
        return nil
    }
}
