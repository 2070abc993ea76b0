@testable import LibcSupport

// systemd user and group records (JSON, from varlink replies and drop-in
// files): the input is a varlink reply or a bare record, optionally
// followed by a NUL and a privileged companion record; records map to the
// passwd, shadow, group and gshadow lines the systemd NSS module prints.
let machine = JSONUserRecord.Machine(id: Array("0123456789abcdef0123456789abcdef".utf8), hostName: Array("fuzz".utf8))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzUserdbRecord(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    let main: ByteString, companion: ByteString?
    if let nul = input.firstIndex(of: 0) {
        main = input.prefix(nul)
        companion = input.dropFirst(nul + 1)
    } else {
        main = input
        companion = nil
    }
    var output = nullOutput()
    var records: [JSONValue] = []
    if let reply = try? VarlinkReply(message: [UInt8](main.buffer)) {
        consume(reply.isError("io.systemd.UserDatabase.NoRecordFound"))
        if let record = reply.parameters["record"] { records.append(record) }
    }
    if let record = try? JSONParser.parse(main) { records.append(record) }
    let privileged = companion.flatMap { try? JSONParser.parse($0) }
    for record in records {
        let merged = DropInRecords.merged(record, privileged: privileged)
        for value in [record, merged] {
            if let user = JSONUserRecord(json: value, machine: machine) {
                user.appendPasswdLine(to: &output)
                user.appendShadowLine(to: &output)
            }
            if let group = JSONGroupRecord(json: value) {
                group.appendGroupLine(to: &output)
                group.appendGshadowLine(to: &output)
            }
        }
    }
    output.flush()
    return 0
}
