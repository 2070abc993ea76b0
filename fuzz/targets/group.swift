@testable import LibcSupport

// /etc/group: the first input line is the key (a name, a gid, or the user
// whose groups initgroups collects), the rest the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGroup(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    fuzzIdentifiedAccountFile(input, GroupRecord.self, rules: .group)
    let (user, file) = splitKeyAndFile(input)
    var groups: [UInt32] = []
    InitgroupsDatabase.collectFiles(user, in: file, into: &groups)
    for line in LineSequence(file) {
        if let content = RecordLine.content(line), let group = GroupRecord.parse(content) {
            consume(group.hasMember(user))
        }
    }
    var compatGroups: [UInt32] = []
    InitgroupsDatabase.collectCompat(user, in: file, into: &compatGroups)
    InitgroupsDatabase.dropRepeats(in: &groups, from: 0)
    return 0
}
