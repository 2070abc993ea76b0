import CLibc

/// Static JSON user and group records in drop-in directories
/// (`NAME.user`, `UID.user`, `NAME.group`, `GID.group`, each with an
/// optional `.user-privileged`/`.group-privileged` companion holding the
/// `privileged` section), read directly when no `io.systemd.DropIn`
/// service serves them, as systemd's NSS module does.
struct DropInRecords {
    let directories: [[UInt8]]
    /// A record whose privileged companion exists but cannot be read counts
    /// as absent (shadow and gshadow).
    var skipsIncomplete = false

    /// Largest record file read (records are a few hundred bytes).
    static let maximumFileSize = 1024 * 1024

    /// The record in `STEM SUFFIX` of the first directory that has one,
    /// with its privileged companion merged in.
    func record(stem: ByteString, suffix: StaticString) -> JSONValue? {
        if stem.isEmpty || stem.firstIndex(of: UInt8(ascii: "/")) != nil || stem[0] == UInt8(ascii: ".") { return nil }
        for directory in directories {
            var path = directory + Array(stem.buffer) + Array(ByteString(suffix).buffer)
            guard let record = DropInRecords.read(path), record.isObject else { continue }
            path += [UInt8](literal: "-privileged")
            let (privileged, denied) = DropInRecords.readCompanion(path)
            if denied && skipsIncomplete { return nil }
            return DropInRecords.merged(record, privileged: privileged)
        }
        return nil
    }

    /// Calls `body` with each record of the directories: the files ending
    /// in `suffix`, a file name in an earlier directory hiding the same name
    /// in later ones, in file name order (so `UID.user` links come before
    /// `NAME.user` files), each record once. A `NAME` file must hold the
    /// record named NAME (`nameKey`), a number file the record with that id
    /// (`idKey`). This is the order systemd lists drop-in records in.
    func forEachRecord(suffix: StaticString, nameKey: StaticString, idKey: StaticString, _ body: (JSONValue) -> Void) {
        let ending = ByteString(suffix)
        var files: [(stem: [UInt8], directory: Int)] = []
        for (index, directory) in directories.enumerated() {
            listDirectory(directory) { name in
                guard name.count > ending.count, name.slice(name.count - ending.count, name.count) == ending,
                      name[0] != UInt8(ascii: ".") else { return }
                let stem = Array(name.prefix(name.count - ending.count).buffer)
                if !files.contains(where: { $0.stem == stem }) { files.append((stem, index)) }
            }
        }
        files = StableOrder.positions(count: files.count) {
            !files[$1].stem.lexicographicallyPrecedes(files[$0].stem)
        }.map { files[$0] }
        var seen: [[UInt8]] = []
        for file in files {
            let found = file.stem.withUnsafeBufferPointer {
                DropInRecords(directories: [directories[file.directory]], skipsIncomplete: skipsIncomplete)
                    .record(stem: ByteString(start: $0.baseAddress, count: $0.count), suffix: suffix)
            }
            guard let found, let name = found[nameKey]?.stringValue, !seen.contains(name) else { continue }
            // A record filed under another name or id than its own is not that record.
            let id = file.stem.withUnsafeBufferPointer { ByteString(start: $0.baseAddress, count: $0.count).parseDecimal() }
            if let id {
                guard found[idKey]?.unsignedValue == id else { continue }
            } else if name != file.stem {
                continue
            }
            seen.append(name)
            body(found)
        }
    }

    /// Reads and parses a record file; nil when missing, unreadable, too big or not JSON.
    static func read(_ path: [UInt8]) -> JSONValue? {
        withCString(path) { cPath -> JSONValue? in
            guard let file = try? MappedFile(path: cPath), file.bytes.count <= maximumFileSize else { return nil }
            return try? JSONParser.parse(file.bytes)
        }
    }

    /// Reads a `-privileged` companion; `denied` when it exists but this
    /// process may not read it.
    static func readCompanion(_ path: [UInt8]) -> (JSONValue?, denied: Bool) {
        withCString(path) { cPath -> (JSONValue?, denied: Bool) in
            do throws(Errno) {
                let file = try MappedFile(path: cPath)
                if file.bytes.count > maximumFileSize { return (nil, false) }
                return (try? JSONParser.parse(file.bytes), false)
            } catch {
                return (nil, error == .permissionDenied)
            }
        }
    }

    /// The record with the companion file's `privileged` section added.
    static func merged(_ record: JSONValue, privileged: JSONValue?) -> JSONValue {
        guard let section = privileged?["privileged"], section.isObject,
              var members = record.objectValue, record["privileged"] == nil else { return record }
        members.append(JSONMember(key: [UInt8](literal: "privileged"), value: section))
        return .object(members)
    }
}
