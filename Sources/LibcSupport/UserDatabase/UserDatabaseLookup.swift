/// The answer of one source of the name-service switch for one key.
public enum UserDatabaseLookup<Record> {
    case found(Record)
    /// The source answered: no such record.
    case notFound
    /// The source could not be asked (no service, timeout, broken reply).
    case unavailable
}
