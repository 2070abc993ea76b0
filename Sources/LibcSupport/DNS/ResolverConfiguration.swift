import CLibc

/// The stub resolver's settings from `/etc/resolv.conf` (see resolv.conf(5)),
/// with the `LOCALDOMAIN` and `RES_OPTIONS` environment overrides applied.
public struct ResolverConfiguration {
    /// At most three servers (MAXNS); 127.0.0.1 when the file lists none.
    public var nameservers: [IPAddress] = []
    /// The search list (`search`, or the one `domain`; the last line wins).
    public var search = NameList()
    /// Names with at least this many dots are tried as given first (1; at most 15).
    public var ndots = 1
    /// Seconds to wait for one answer (5; at most 30).
    public var timeout = 5
    /// Rounds over the servers before giving up (2; at most 5).
    public var attempts = 2
    /// `options rotate`: start each query at the next server.
    public var rotate = false
    /// `options use-vc`: TCP for every query.
    public var useTCP = false
    /// `options no-aaaa`: never ask for AAAA records.
    public var noAAAA = false
    /// `options single-request`: send A and AAAA one after the other.
    public var singleRequest = false

    public static let maximumServers = 3

    public init() {}

    /// Parses the file's bytes. `searchDefault` is used when neither `search`
    /// nor `domain` appears (the domain part of the host name).
    public init(parsing bytes: ByteString, searchDefault: ByteString = .empty) {
        var sawSearch = false
        for line in LineSequence(bytes) {
            if line.isEmpty || line[0] == UInt8(ascii: "#") || line[0] == UInt8(ascii: ";") { continue }
            var words = HostNames(line)
            guard let keyword = words.next() else { continue }
            // A keyword must be followed by a blank (glibc matches "nameserver " etc.).
            if keyword.count == line.count || !ASCII.isBlank(line[keyword.count]) { continue }
            if keyword == ByteString("nameserver") {
                guard nameservers.count < ResolverConfiguration.maximumServers,
                      let word = words.next(),
                      let address = ResolverConfiguration.parseServer(word) else { continue }
                nameservers.append(address)
            } else if keyword == ByteString("domain") {
                guard let word = words.next() else { continue }
                search = NameList()
                search.append(word)
                sawSearch = true
            } else if keyword == ByteString("search") {
                search = NameList()
                for word in words {
                    if word[0] == UInt8(ascii: "#") || word[0] == UInt8(ascii: ";") { break }
                    search.append(word)
                }
                sawSearch = true
            } else if keyword == ByteString("options") {
                applyOptions(words.rest)
            }
        }
        if !sawSearch && !searchDefault.isEmpty { search.append(searchDefault) }
        if nameservers.isEmpty { nameservers.append(IPAddress(v4: 0x7F00_0001)) }
    }

    /// Applies `options` words (the file's, or `RES_OPTIONS`).
    public mutating func applyOptions(_ text: ByteString) {
        for word in HostNames(text) {
            if let n = ResolverConfiguration.value(of: "ndots:", in: word) {
                ndots = Swift.min(n, 15)
            } else if let n = ResolverConfiguration.value(of: "timeout:", in: word) {
                timeout = Swift.max(1, Swift.min(n, 30))
            } else if let n = ResolverConfiguration.value(of: "attempts:", in: word) {
                attempts = Swift.max(1, Swift.min(n, 5))
            } else if word == ByteString("rotate") {
                rotate = true
            } else if word == ByteString("use-vc") {
                useTCP = true
            } else if word == ByteString("no-aaaa") {
                noAAAA = true
            } else if word == ByteString("single-request") || word == ByteString("single-request-reopen") {
                singleRequest = true
            }
        }
    }

    /// Replaces the search list with `LOCALDOMAIN`'s words.
    public mutating func applyLocalDomain(_ text: ByteString) {
        search = NameList()
        for word in HostNames(text) { search.append(word) }
    }

    /// The number after `prefix` in `word` (`ndots:3`); digits only, as far
    /// as they go (like atoi); nil when `word` does not start with `prefix`.
    static func value(of prefix: StaticString, in word: ByteString) -> Int? {
        let p = ByteString(prefix)
        guard word.hasPrefix(p) else { return nil }
        var value = 0
        var i = p.count
        while i < word.count && ASCII.isDigit(word[i]) && value < 1000 {
            value = value * 10 + Int(word[i] - 0x30)
            i += 1
        }
        return value
    }

    /// A server address: IPv4, or IPv6 with an optional `%scope` (interface
    /// name or number).
    public static func parseServer(_ word: ByteString) -> IPAddress? {
        if let percent = word.firstIndex(of: UInt8(ascii: "%")) {
            guard var address = IPAddress.parseV6(word.prefix(percent)),
                  let scope = NetworkInterfaces.index(named: word.dropFirst(percent + 1)) else { return nil }
            address.scopeID = scope
            return address
        }
        return IPAddress.parse(word)
    }

    /// Loads `/etc/resolv.conf` (a missing file gives the defaults) and the
    /// environment overrides.
    public static func load() -> ResolverConfiguration {
        var hostDomain = ByteString.empty
        var hostName: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                       UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                       UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                       UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &hostName) { raw -> ResolverConfiguration in
            let p = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            if gethostname(p, raw.count - 1) == 0 {
                let name = ByteString(cString: p)
                if let dot = name.firstIndex(of: UInt8(ascii: ".")) { hostDomain = name.dropFirst(dot + 1) }
            }
            var configuration: ResolverConfiguration
            if let bytes = try? RetainedFile.contents(of: "/etc/resolv.conf") {
                configuration = ResolverConfiguration(parsing: bytes, searchDefault: hostDomain)
            } else {
                configuration = ResolverConfiguration(parsing: .empty, searchDefault: hostDomain)
            }
            if let local = getenv("LOCALDOMAIN") {
                configuration.applyLocalDomain(ByteString(cString: local))
            }
            if let options = getenv("RES_OPTIONS") {
                configuration.applyOptions(ByteString(cString: options))
            }
            return configuration
        }
    }
}
