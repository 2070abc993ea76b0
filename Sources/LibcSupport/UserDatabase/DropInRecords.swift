import CLibc

/// Static JSON user and group records in drop-in directories
/// (`NAME.user`, `UID.user`, `NAME.group`, `GID.group`, each with an
/// optional `.user-privileged`/`.group-privileged` companion holding the
/// `privileged` section), read directly when no `io.systemd.DropIn`
/// service serves them, as systemd's NSS module does.
struct DropInRecords {
    let directories: [[UInt8]]

    /// Largest record file read (records are a few hundred bytes).
    static let maximumFileSize = 1024 * 1024

    /// The record in `STEM SUFFIX` of the first directory that has one,
    /// with its privileged companion merged in.
    func record(stem: ByteString, suffix: StaticString) -> JSONValue? {
        if stem.isEmpty || stem.firstIndex(of: UInt8(ascii: "/")) != nil || stem[0] == UInt8(ascii: ".") { return nil }
        for directory in directories {
            var path = directory + Array(stem.buffer) + Array(ByteString(suffix).buffer)
            guard let record = DropInRecords.read(path), record.isObject else { continue }
            path += Array("-privileged".utf8)
            return DropInRecords.merged(record, privileged: DropInRecords.read(path))
        }
        return nil
    }

    /// Calls `body` with each named record (`NAME.user`, not the numeric
    /// links) of every directory, the first directory's winning for a name;
    /// `nameKey` (`userName`/`groupName`) must repeat the file's name.
    func forEachRecord(suffix: StaticString, nameKey: StaticString, _ body: (JSONValue) -> Void) {
        let ending = ByteString(suffix)
        var seen: [[UInt8]] = []
        for directory in directories {
            var stems: [[UInt8]] = []
            listDirectory(directory) { name in
                guard name.count > ending.count, name.slice(name.count - ending.count, name.count) == ending else { return }
                let stem = Array(name.prefix(name.count - ending.count).buffer)
                if AccountName.isValid(stem) { stems.append(stem) }
            }
            for stem in stems where !seen.contains(stem) {
                seen.append(stem)
                let found = stem.withUnsafeBufferPointer {
                    DropInRecords(directories: [directory]).record(stem: ByteString(start: $0.baseAddress, count: $0.count), suffix: suffix)
                }
                // A record listed under another name than its file's is not that record.
                guard let found, let name = found[nameKey]?.stringValue,
                      name == stem else { continue }
                body(found)
            }
        }
    }

    /// Reads and parses a record file; nil when missing, unreadable, too big or not JSON.
    static func read(_ path: [UInt8]) -> JSONValue? {
        withCString(path) { cPath -> JSONValue? in
            guard let file = try? MappedFile(path: cPath), file.bytes.count <= maximumFileSize else { return nil }
            return try? JSONParser.parse(file.bytes)
        }
    }

    /// The record with the companion file's `privileged` section added.
    static func merged(_ record: JSONValue, privileged: JSONValue?) -> JSONValue {
        guard let section = privileged?["privileged"], section.isObject,
              var members = record.objectValue, record["privileged"] == nil else { return record }
        members.append(JSONMember(key: Array("privileged".utf8), value: section))
        return .object(members)
    }
}
