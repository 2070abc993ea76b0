/// The database files one `getent` run has opened, each read once and kept
/// (several keys and sources share it), and whether a failure to open one
/// was already reported.
public struct GetentFiles {
    private var paths: [UnsafeRawPointer] = []
    private var contents: [ByteString?] = []
    private var reported = false

    public init() {}

    /// The bytes of `path`, or nil if it cannot be read. A failure other
    /// than a missing file (no permission, a directory) is reported once on
    /// `errors`, with the reason: the C library stays silent, we do not.
    public mutating func contents(of path: StaticString, programName: ByteString,
                                  errors: inout OutputBuffer) -> ByteString? {
        let key = UnsafeRawPointer(path.utf8Start)
        for index in 0..<paths.count where paths[index] == key { return contents[index] }
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
        paths.append(key)
        contents.append(result)
        return result
    }
}
