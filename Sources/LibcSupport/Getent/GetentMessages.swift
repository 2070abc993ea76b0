/// The texts `getent` prints: help, usage, version and diagnostics, laid
/// out as the C library's getent lays them out.
enum GetentMessages {
    static let helpHead: StaticString = """
        Get entries from administrative database.

          -A, --no-addrconfig        do not filter out unsupported IPv4/IPv6 addresses
                                     (with ahosts*)
          -i, --no-idn               disable IDN encoding
          -s, --service=CONFIG       Service configuration to be used
          -?, --help                 Give this help list
              --usage                Give a short usage message
          -V, --version              Print program version

        Mandatory or optional arguments to long options are also mandatory or optional
        for any corresponding short options.

        Supported databases:

        """

    static let version: StaticString = """
        getent (libc-support) 0.1
        A clean-room getent for musl-based Linux systems, compatible with the GNU C
        Library's getent. This is free software; there is NO warranty.

        """

    /// The words of the short usage message, wrapped like argp wraps them.
    static let usageWords: [StaticString] = [
        "[-Ai?V]", "[-s CONFIG]", "[--no-addrconfig]", "[--no-idn]", "[--service=CONFIG]",
        "[--help]", "[--usage]", "[--version]", "database [key ...]",
    ]

    /// argp's right margin and continuation indent.
    static let usageWidth = 79
    static let usageIndent = 12
    /// The margin of the database list in `--help`.
    static let databaseListWidth = 72

    /// `Usage: NAME [OPTION...] database [key ...]` and the help body.
    static func writeHelp(programName: ByteString, to out: inout OutputBuffer) {
        out.append("Usage: ")
        out.append(programName)
        out.append(" [OPTION...] database [key ...]\n")
        out.append(helpHead)
        // The database list, wrapped before column 72.
        var column = 0
        for name in GetentDatabaseTable.knownNames {
            let word = ByteString(name)
            if column > 0 && column + 1 + word.count > databaseListWidth {
                out.append(UInt8(ascii: "\n"))
                column = 0
            }
            if column > 0 {
                out.append(UInt8(ascii: " "))
                column += 1
            }
            out.append(word)
            column += word.count
        }
        out.append(UInt8(ascii: "\n"))
    }

    static func writeUsage(programName: ByteString, to out: inout OutputBuffer) {
        out.append("Usage: ")
        out.append(programName)
        var column = 7 + programName.count
        for literal in usageWords {
            let word = ByteString(literal)
            if column + 1 + word.count > usageWidth {
                out.append(UInt8(ascii: "\n"))
                out.append(repeating: UInt8(ascii: " "), count: usageIndent)
                column = usageIndent
            } else {
                out.append(UInt8(ascii: " "))
                column += 1
            }
            out.append(word)
            column += word.count
        }
        out.append(UInt8(ascii: "\n"))
    }

    /// "Try `getent --help' or `getent --usage' for more information."
    static func writeTryHelp(programName: ByteString, to out: inout OutputBuffer) {
        out.append("Try `")
        out.append(programName)
        out.append(" --help' or `")
        out.append(programName)
        out.append(" --usage' for more information.\n")
    }
}
