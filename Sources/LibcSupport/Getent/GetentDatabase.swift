/// A database `getent` can query. Each conforming type lives in its own file
/// and is listed once in `GetentDatabaseTable`.
///
/// Most databases implement `lookup` (one key) and `enumerate` (no key) and
/// take the default `run`; a database with other argument rules (netgroup's
/// triple test, initgroups' lack of enumeration) overrides `run`.
public protocol GetentDatabase: SendableMetatype {
    /// The name on the command line, e.g. `passwd`.
    static var name: StaticString { get }

    /// Looks `key` up and appends the entries found to `context.output`.
    /// Returns false if there is none (`getent` then exits 2).
    static func lookup(_ key: ByteString, in context: inout GetentContext) -> Bool

    /// Appends every entry to `context.output`. Returns the exit status:
    /// 0, or 3 after printing "Enumeration not supported on NAME" to
    /// `context.errors` (see `GetentDatabase.enumerationNotSupported`).
    static func enumerate(in context: inout GetentContext) -> Int32

    /// Answers a whole call: `keys` may be empty (enumerate).
    static func run(_ keys: GetentKeys, in context: inout GetentContext) -> Int32
}

extension GetentDatabase {
    /// Enumerates without keys; otherwise looks every key up in order and
    /// exits 2 if any was not found (all are still processed).
    public static func run(_ keys: GetentKeys, in context: inout GetentContext) -> Int32 {
        // One shared loop for every database: a generic body would be
        // specialized (with lookup and enumerate inlined) once per database.
        GetentKeys.run(keys, in: &context, lookup: lookup, enumerate: enumerate)
    }

    /// Reports that this database cannot be listed, as the C library's
    /// getent does, and returns its exit status (3).
    public static func enumerationNotSupported(in context: inout GetentContext) -> Int32 {
        context.errors.append("Enumeration not supported on ")
        context.errors.append(name)
        context.errors.append(UInt8(ascii: "\n"))
        return 3
    }
}
