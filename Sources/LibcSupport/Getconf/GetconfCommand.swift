/// The `getconf` tool: prints system configuration values, byte for byte as
/// glibc's getconf does (see `man/getconf.1` for where it deliberately
/// differs).
public enum GetconfCommand {
    /// Exit statuses, as glibc's getconf uses them (plus `writeFailed`).
    enum Status {
        static let success: Int32 = 0
        static let writeFailed: Int32 = 1
        static let badUsage: Int32 = 2
        static let pathFailed: Int32 = 3
    }

    /// Runs getconf with `arguments`; returns the exit status.
    public static func run(_ arguments: Arguments) -> Int32 {
        let request = GetconfRequest(arguments)
        // Diagnostics start with the name the tool was run by, as glibc's do
        // ("/usr/bin/getconf: ..." when run by that path).
        let program = arguments.count > 0 ? arguments[0] : ByteString("getconf")
        if case .all = request {
            // Several kilobytes: the static output area, written at once.
            var output = OutputArea.standardOutput()
            return finish(respond(to: request, arguments, program: program, output: &output),
                          program: program, output: &output)
        }
        // A line or two: a stack buffer, so nothing is allocated or faulted in.
        return withUnsafeTemporaryAllocation(byteCount: 1024, alignment: 16) { storage in
            var output = OutputBuffer(.standardOutput, storage: storage)
            return finish(respond(to: request, arguments, program: program, output: &output),
                          program: program, output: &output)
        }
    }

    static func respond(to request: GetconfRequest, _ arguments: Arguments, program: ByteString,
                        output: inout OutputBuffer) -> Int32 {
        switch request {
        case .help:
            output.append(GetconfText.help)
            return Status.success
        case .version:
            output.append(GetconfText.version)
            return Status.success
        case .usage:
            return usage()
        case .all(let specification, let path):
            if let failure = check(specification, program: program) { return failure }
            return printAll(path: path, to: &output)
        case .one(let specification, let name, let pathIndex):
            return printOne(name, path: pathIndex.map { arguments.cString($0) }, specification: specification,
                            program: program, to: &output)
        }
    }

    /// Writes the output; a write error turns the status into a failure.
    static func finish(_ status: Int32, program: ByteString, output: inout OutputBuffer) -> Int32 {
        if output.flush() { return status }
        let error = output.error!
        diagnose(program) { message in
            message.append("write error: ")
            error.appendText(to: &message)
            message.append(UInt8(ascii: "\n"))
        }
        return Status.writeFailed
    }

    /// `getconf -a [PATH]`: every listed name, padded to 35 columns, and its
    /// value (nothing when it has none).
    static func printAll(path: UnsafePointer<CChar>, to output: inout OutputBuffer) -> Int32 {
        var evaluator = GetconfEvaluator(path: path)
        for variable in GetconfVariable.all where variable.isListed {
            let name = ByteString(variable.name)
            output.append(name)
            output.append(repeating: UInt8(ascii: " "), count: Swift.max(35 - name.count, 1))
            evaluator.value(of: variable).appendListed(to: &output)
            output.append(UInt8(ascii: "\n"))
        }
        return Status.success
    }

    /// `getconf [-v SPEC] NAME [PATH]`.
    static func printOne(_ name: ByteString, path: UnsafePointer<CChar>?, specification: ByteString?,
                         program: ByteString, to output: inout OutputBuffer) -> Int32 {
        guard let variable = GetconfVariable.named(name) else {
            diagnose(program) { message in
                message.append("Unrecognized variable `")
                message.append(name)
                message.append("'\n")
            }
            return Status.badUsage
        }
        // File system names need a path; the others take none.
        guard (variable.kind == .path) == (path != nil) else { return usage() }
        // Checked once the command line is otherwise valid, so that every
        // error glibc reports is reported the same way.
        if let failure = check(specification, program: program) { return failure }
        var evaluator = GetconfEvaluator(path: path ?? SmallFile.cString("/"))
        let value = evaluator.value(of: variable)
        if case .failure(let error) = value {
            diagnose(program) { message in
                message.append("pathconf: ")
                message.append(cString: path!)
                message.append(": ")
                error.appendText(to: &message)
                message.append(UInt8(ascii: "\n"))
            }
            return Status.pathFailed
        }
        value.append(to: &output)
        output.append(UInt8(ascii: "\n"))
        return Status.success
    }

    /// With `-v SPEC`: nil if this system supports SPEC, else the exit
    /// status after saying why not. (glibc ignores a SPEC it does not know.)
    static func check(_ specification: ByteString?, program: ByteString) -> Int32? {
        guard let specification else { return nil }
        let status = GetconfSpecification.status(of: specification)
        if status == .supported { return nil }
        diagnose(program) { message in
            if status == .unknown {
                message.append("Unrecognized specification `")
                message.append(specification)
                message.append("'\n")
            } else {
                message.append("specification `")
                message.append(specification)
                message.append("' is not supported on this system\n")
            }
        }
        return Status.badUsage
    }

    static func usage() -> Int32 {
        withStandardError { $0.append(GetconfText.usage) }
        return Status.badUsage
    }

    /// Writes "PROGRAM: " and what `body` appends to standard error.
    static func diagnose(_ program: ByteString, _ body: (inout OutputBuffer) -> Void) {
        withStandardError { message in
            message.append(program)
            message.append(": ")
            body(&message)
        }
    }

    /// Gives `body` a stack-backed buffer on standard error and writes it out
    /// (a long message goes out in several writes).
    static func withStandardError(_ body: (inout OutputBuffer) -> Void) {
        withUnsafeTemporaryAllocation(byteCount: 1024, alignment: 1) { storage in
            var message = OutputBuffer(.standardError, storage: storage)
            body(&message)
            message.flush()
        }
    }
}
