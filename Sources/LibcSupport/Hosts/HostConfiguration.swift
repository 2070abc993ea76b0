import CLibc

/// The `multi` setting of `/etc/host.conf` (see host.conf(5)): with `multi
/// on` a name lookup in /etc/hosts returns every matching line, otherwise
/// only the first. glibc's default when the file or the line is missing is
/// off (observed); `RESOLV_MULTI` in the environment overrides the file.
public struct HostConfiguration {
    public var multiple = false

    public init() {}

    public init(parsing bytes: ByteString) {
        for line in LineSequence(bytes) {
            var text = line
            if let hash = text.firstIndex(of: UInt8(ascii: "#")) { text = text.prefix(hash) }
            var words = HostNames(text)
            guard let keyword = words.next(), keyword.equalsIgnoringASCIICase(ByteString("multi")),
                  let value = words.next() else { continue }
            if let flag = HostConfiguration.flag(value) { multiple = flag }
        }
    }

    static func flag(_ word: ByteString) -> Bool? {
        if word.equalsIgnoringASCIICase(ByteString("on")) { return true }
        if word.equalsIgnoringASCIICase(ByteString("off")) { return false }
        return nil
    }

    public static func load() -> HostConfiguration {
        var configuration = HostConfiguration()
        if let bytes = try? RetainedFile.contents(of: "/etc/host.conf") {
            configuration = HostConfiguration(parsing: bytes)
        }
        if let value = getenv("RESOLV_MULTI"), let flag = flag(ByteString(cString: value)) {
            configuration.multiple = flag
        }
        return configuration
    }
}
