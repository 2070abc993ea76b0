@testable import LibcSupport

/// The databases getent knows, as named in nsswitch.conf.
let databaseNames: [StaticString] = [
    "passwd", "group", "shadow", "gshadow", "initgroups", "hosts", "services", "protocols",
    "networks", "rpc", "ethers", "netgroup", "aliases", "publickey", "automount",
]

/// Walks a configuration's sources and their actions (what the switch
/// driver reads), checking that every source name is inside the text.
func walk(_ configuration: SwitchConfiguration) {
    var count = 0
    for source in configuration.sources {
        if let start = source.name.start, let base = configuration.text.start {
            precondition(start >= base && start + source.name.count <= base + configuration.text.count)
        }
        precondition(!source.name.isEmpty)
        for status in [ServiceStatus.success, .notFound, .unavailable, .tryAgain] {
            consume(source.action(for: status))
        }
        consume(source.isNamed("files"))
        count += 1
    }
    if !configuration.isValid { precondition(count == 0) }
}

// /etc/nsswitch.conf as a whole (every database line), and the same bytes
// as one configuration (what `getent -s CONFIG` parses).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNsswitch(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    for name in databaseNames {
        if let configuration = SwitchFile.configuration(for: ByteString(name), in: bytes) {
            walk(configuration)
        }
    }
    walk(SwitchConfiguration(bytes))
    var settings = SwitchSettings(fileContents: bytes)
    settings.override(nil, with: bytes)
    walk(settings.configuration(for: "hosts", default: "files dns"))
    return 0
}
