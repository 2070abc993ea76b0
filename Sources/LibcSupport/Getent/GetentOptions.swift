/// Parses getent's command line as the C library's getent (argp and
/// getopt_long) does: options anywhere, processed left to right, `--` ends
/// them, long options by unambiguous prefix, `-s` values attached or
/// separate. `--help`, `--usage` and `--version` act at once, where they
/// appear; so do errors. Operands are compacted in place at the front of
/// the argument vector, in order, as getopt permutes them.
struct GetentOptions {
    /// What the command line asks for.
    enum Outcome {
        /// Run with the operands (database and keys) at indices
        /// `1..<1 + operandCount`.
        case run(operandCount: Int)
        /// Stop with this exit status (help, usage, version, or an error
        /// already reported).
        case exit(Int32)
    }

    /// A long option of getent, in the order getopt reports ambiguities.
    enum LongOption: Int, CaseIterable {
        case service, noIDN, noAddressConfiguration, help, usage, version
        /// `--root DIR`: ours, not the C library's (listed last so the
        /// ambiguity messages of glibc's options stay as they are).
        case root

        var name: StaticString {
            switch self {
            case .service: return "service"
            case .noIDN: return "no-idn"
            case .noAddressConfiguration: return "no-addrconfig"
            case .help: return "help"
            case .usage: return "usage"
            case .version: return "version"
            case .root: return "root"
            }
        }

        static let all: [LongOption] = [.service, .noIDN, .noAddressConfiguration, .help, .usage, .version, .root]
    }

    let arguments: Arguments
    /// `argv[0]` as given (prefix of getopt's messages).
    let invocationName: ByteString
    /// Its last path component (argp's program name).
    let programName: ByteString

    init(_ arguments: Arguments) {
        self.arguments = arguments
        invocationName = arguments.count > 0 ? arguments[0] : ByteString("getent")
        var name = invocationName
        while let slash = name.firstIndex(of: UInt8(ascii: "/")) { name = name.dropFirst(slash + 1) }
        programName = name
    }

    /// Parses, applying options to `context` and printing what they print.
    func parse(into context: inout GetentContext) -> Outcome {
        var operands = 0
        var onlyOperands = false
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyOperands || argument.count < 2 || argument[0] != UInt8(ascii: "-") {
                keepOperand(at: index - 1, as: &operands)
                continue
            }
            if argument[1] == UInt8(ascii: "-") {
                if argument.count == 2 {
                    onlyOperands = true
                    continue
                }
                if let status = parseLong(argument, next: &index, into: &context) { return .exit(status) }
                continue
            }
            if let status = parseShort(argument, next: &index, into: &context) { return .exit(status) }
        }
        return .run(operandCount: operands)
    }

    /// Moves operand `index` to the next free operand slot (never forward
    /// of where it was, so no unread argument is overwritten).
    private func keepOperand(at index: Int, as operands: inout Int) {
        operands += 1
        arguments.vector[operands] = arguments.vector[index]
    }

    /// One cluster of short options (`-Ai`, `-sfiles`, `-s`).
    private func parseShort(_ argument: ByteString, next index: inout Int, into context: inout GetentContext) -> Int32? {
        var position = 1
        while position < argument.count {
            let letter = argument[position]
            position += 1
            switch letter {
            case UInt8(ascii: "A"):
                context.noAddressConfiguration = true
            case UInt8(ascii: "i"):
                context.noIDN = true
            case UInt8(ascii: "?"):
                return help(into: &context)
            case UInt8(ascii: "V"):
                return version(into: &context)
            case UInt8(ascii: "s"):
                if position < argument.count {
                    return service(argument.dropFirst(position), into: &context)
                }
                if index < arguments.count {
                    index += 1
                    return service(arguments[index - 1], into: &context)
                }
                return usageError(&context) { out in
                    out.append("option requires an argument -- 's'")
                }
            default:
                return usageError(&context) { out in
                    out.append("invalid option -- '")
                    out.append(letter)
                    out.append(UInt8(ascii: "'"))
                }
            }
        }
        return nil
    }

    /// One long option (`--service=files`, `--no-i`, ...).
    private func parseLong(_ argument: ByteString, next index: inout Int, into context: inout GetentContext) -> Int32? {
        let body = argument.dropFirst(2)
        let equals = body.firstIndex(of: UInt8(ascii: "="))
        let name = equals.map { body.prefix($0) } ?? body
        let value = equals.map { body.dropFirst($0 + 1) }

        var match: LongOption?
        var matches = 0
        for option in LongOption.all {
            let full = ByteString(option.name)
            if full == name {
                match = option
                matches = 1
                break
            }
            if full.hasPrefix(name) {
                if match == nil { match = option }
                matches += 1
            }
        }
        guard let option = match else {
            return usageError(&context) { out in
                out.append("unrecognized option '")
                out.append(argument)
                out.append(UInt8(ascii: "'"))
            }
        }
        if matches > 1 {
            return usageError(&context) { out in
                out.append("option '--")
                out.append(name)
                out.append("' is ambiguous; possibilities:")
                for candidate in LongOption.all where ByteString(candidate.name).hasPrefix(name) {
                    out.append(" '--")
                    out.append(candidate.name)
                    out.append(UInt8(ascii: "'"))
                }
            }
        }
        if option == .service {
            if let value { return service(value, into: &context) }
            if index < arguments.count {
                index += 1
                return service(arguments[index - 1], into: &context)
            }
            return usageError(&context) { out in
                out.append("option '--service' requires an argument")
            }
        }
        if option == .root {
            if let value { return root(value, into: &context) }
            if index < arguments.count {
                index += 1
                return root(arguments[index - 1], into: &context)
            }
            return usageError(&context) { out in
                out.append("option '--root' requires an argument")
            }
        }
        if value != nil {
            return usageError(&context) { out in
                out.append("option '--")
                out.append(option.name)
                out.append("' doesn't allow an argument")
            }
        }
        switch option {
        case .noIDN: context.noIDN = true
        case .noAddressConfiguration: context.noAddressConfiguration = true
        case .help: return help(into: &context)
        case .usage:
            GetentMessages.writeUsage(programName: programName, to: &context.output)
            return 0
        case .version: return version(into: &context)
        case .service, .root: break
        }
        return nil
    }

    /// `-s CONFIG` for every database or `-s DATABASE:CONFIG` for one.
    private func service(_ value: ByteString, into context: inout GetentContext) -> Int32? {
        guard let colon = value.firstIndex(of: UInt8(ascii: ":")) else {
            context.switchSettings.override(nil, with: value)
            return nil
        }
        guard let database = GetentDatabaseTable.knownName(matchingPrefix: value.prefix(colon)) else {
            context.errors.append(invocationName)
            context.errors.append(": Unknown database name\n")
            return 1
        }
        context.switchSettings.override(ByteString(database), with: value.dropFirst(colon + 1))
        return nil
    }

    /// `--root DIR`: every file is read inside DIR from now on, and the
    /// sources that do not read files are off unless `-s` names them.
    /// `directory` is the end of an argument, so it is NUL-terminated.
    private func root(_ directory: ByteString, into context: inout GetentContext) -> Int32? {
        let path = UnsafeRawPointer(directory.start ?? UnsafePointer(GetentOptions.emptyPath.utf8Start))
            .assumingMemoryBound(to: CChar.self)
        do {
            FileSystemRoot.active = try FileSystemRoot(path: path)
            context.switchSettings.fileSourcesOnly = true
            return nil
        } catch {
            context.errors.append(invocationName)
            context.errors.append(": cannot use '")
            context.errors.append(directory)
            context.errors.append("' as root directory: ")
            context.errors.append(error.message)
            context.errors.append(UInt8(ascii: "\n"))
            return 1
        }
    }

    static let emptyPath: StaticString = ""

    private func help(into context: inout GetentContext) -> Int32 {
        GetentMessages.writeHelp(programName: programName, to: &context.output)
        return 0
    }

    private func version(into context: inout GetentContext) -> Int32 {
        context.output.append(GetentMessages.version)
        return 0
    }

    /// getopt's "NAME: MESSAGE" and argp's hint on stderr; exit 64.
    private func usageError(_ context: inout GetentContext, _ message: (inout OutputBuffer) -> Void) -> Int32 {
        context.errors.append(invocationName)
        context.errors.append(": ")
        message(&context.errors)
        context.errors.append(UInt8(ascii: "\n"))
        GetentMessages.writeTryHelp(programName: programName, to: &context.errors)
        return 64
    }
}
