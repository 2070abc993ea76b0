/// The result a name-service source reports for one lookup or enumeration
/// step, as `nsswitch.conf` names them in its action items.
public enum ServiceStatus: Int, Sendable {
    /// The entry was found (`SUCCESS`).
    case success = 0
    /// The source works but has no such entry (`NOTFOUND`).
    case notFound = 1
    /// The source cannot answer at all, e.g. its file is missing (`UNAVAIL`).
    case unavailable = 2
    /// The source is temporarily unable to answer (`TRYAGAIN`).
    case tryAgain = 3

    /// The status keywords of `nsswitch.conf`, in raw-value order; matched
    /// ignoring case.
    static let keywords: (StaticString, StaticString, StaticString, StaticString) =
        ("success", "notfound", "unavail", "tryagain")

    /// Parses a status keyword (any case).
    static func parse(_ word: ByteString) -> ServiceStatus? {
        if word.equalsIgnoringASCIICase(ByteString(keywords.0)) { return .success }
        if word.equalsIgnoringASCIICase(ByteString(keywords.1)) { return .notFound }
        if word.equalsIgnoringASCIICase(ByteString(keywords.2)) { return .unavailable }
        if word.equalsIgnoringASCIICase(ByteString(keywords.3)) { return .tryAgain }
        return nil
    }
}
