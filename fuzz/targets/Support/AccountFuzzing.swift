@testable import LibcSupport

/// The whole path of an account file lookup over fuzzed bytes: every line
/// parsed and written back, lookups by name and by id under `files` and
/// `compat`, and enumeration. A record found by name has that name; one
/// found by id has that id.
func fuzzAccountFile<Record: AccountRecord>(_ input: ByteString, _: Record.Type, rules: CompatRules) {
    let (key, file) = splitKeyAndFile(input)
    var output = nullOutput()
    for line in LineSequence(file) {
        if let content = RecordLine.content(line), let record = Record.parse(content) {
            _ = record.write(to: &output)
        }
    }
    for compat in [false, true] {
        let (status, found) = AccountFile<Record>.find(name: key, in: file, compat: compat)
        if let found {
            precondition(status == .success && found.name == key, "found another name")
            _ = found.write(to: &output)
        }
        _ = AccountFile<Record>.enumerate(file, compat: compat, rules: rules) { record in
            _ = record.write(to: &output)
        }
    }
    output.flush()
}

func fuzzIdentifiedAccountFile<Record: IdentifiedAccountRecord>(_ input: ByteString, _: Record.Type, rules: CompatRules) {
    fuzzAccountFile(input, Record.self, rules: rules)
    let (key, file) = splitKeyAndFile(input)
    guard let id = NumericField.parse32(key) else { return }
    for compat in [false, true] {
        let (status, found) = AccountFile<Record>.find(id: id, in: file, compat: compat, rules: rules)
        if let found { precondition(status == .success && found.id == id, "found another id") }
    }
}
