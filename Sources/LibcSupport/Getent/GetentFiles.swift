/// The database files one `getent` run has opened, each read once and kept
/// (several keys and sources share it), and whether a failure to open one
/// was already reported. Fixed slots: no heap at start-up.
public struct GetentFiles {
    struct Slot {
        var path: UnsafeRawPointer?
        var contents: ByteString?
    }

    private var slots: (Slot, Slot, Slot, Slot, Slot, Slot, Slot, Slot) =
        (Slot(), Slot(), Slot(), Slot(), Slot(), Slot(), Slot(), Slot())
    private var used = 0
    private var reported = false

    public init() {}

    /// The bytes of `path`, or nil if it cannot be read. A failure other
    /// than a missing file (no permission, a directory) is reported once on
    /// `errors`, with the reason: the C library stays silent, we do not.
    public mutating func contents(of path: StaticString, programName: ByteString,
                                  errors: inout OutputBuffer) -> ByteString? {
        let key = UnsafeRawPointer(path.utf8Start)
        let count = used
        let cached: ByteString?? = withUnsafeBytes(of: &slots) { raw in
            let slot = raw.bindMemory(to: Slot.self)
            for index in 0..<count where slot[index].path == key { return .some(slot[index].contents) }
            return .none
        }
        if let cached { return cached }
        var result: ByteString?
        do {
            result = try RetainedFile.contents(of: path)
        } catch {
            if error != .noSuchFile && !reported {
                reported = true
                errors.append(programName)
                errors.append(": ")
                errors.append(path)
                errors.append(": ")
                errors.append(error.message)
                errors.append(UInt8(ascii: "\n"))
            }
        }
        if used < 8 {
            let index = used
            withUnsafeMutableBytes(of: &slots) { raw in
                raw.bindMemory(to: Slot.self)[index] = Slot(path: key, contents: result)
            }
            used += 1
        }
        return result
    }
}
