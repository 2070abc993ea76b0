import CLibc

/// `getent DATABASE [KEY...]`: entries from the administrative databases,
/// through the name-service switch, printed as the C library's getent
/// prints them.
public enum GetentCommand {
    /// Runs the command and returns its exit status.
    public static func run(_ arguments: Arguments) -> Int32 {
        // nsswitch.conf is read after the options (`--root DIR` decides
        // which one applies).
        return run(arguments, switchFile: nil)
    }

    /// Output buffers live in static storage (CLibc's .bss buffer): a lookup
    /// allocates nothing.
    static let errorCapacity = 1024

    private static func run(_ arguments: Arguments, switchFile: ByteString?) -> Int32 {
        var size = 0
        let storage = UnsafeMutableRawBufferPointer(start: clibc_output_area(&size), count: size)
        let split = storage.count - errorCapacity
        let output = OutputBuffer(.standardOutput, storage: UnsafeMutableRawBufferPointer(rebasing: storage[0..<split]))
        let errors = OutputBuffer(.standardError, storage: UnsafeMutableRawBufferPointer(rebasing: storage[split...]))
        var context = GetentContext(switchSettings: SwitchSettings(fileContents: switchFile), output: output, errors: errors)
        return run(arguments, context: &context)
    }

    private static func run(_ arguments: Arguments, context: inout GetentContext) -> Int32 {
        let options = GetentOptions(arguments)
        context.programName = options.invocationName
        var status: Int32
        // Options first: `--root DIR` decides which nsswitch.conf applies.
        switch options.parse(into: &context) {
        case .exit(let code):
            status = code
        case .run(let operands):
            // nsswitch.conf stays mapped for the whole run: the switch
            // settings borrow its bytes. A missing or unreadable file means
            // defaults.
            context.switchSettings.fileContents = try? RetainedFile.contents(of: SwitchFile.path)
            status = dispatch(operands: operands, options: options, context: &context)
        }
        // Diagnostics go out first, as the C library's unbuffered stderr
        // precedes its buffered stdout.
        context.errors.flush()
        if !context.output.flush() {
            context.errors.append(options.invocationName)
            context.errors.append(": write error: ")
            context.errors.append(context.output.error!.message)
            context.errors.append(UInt8(ascii: "\n"))
            context.errors.flush()
            if status == 0 { status = 1 }
        }
        return status
    }

    /// Finds the database (operand 1) and hands it the keys.
    private static func dispatch(operands: Int, options: GetentOptions, context: inout GetentContext) -> Int32 {
        let arguments = options.arguments
        if operands == 0 {
            context.errors.append(options.invocationName)
            context.errors.append(": wrong number of arguments\n")
            GetentMessages.writeTryHelp(programName: options.programName, to: &context.output)
            return 1
        }
        guard let entry = GetentDatabaseTable.entry(named: arguments[1]) else {
            context.errors.append("Unknown database: ")
            context.errors.append(arguments[1])
            context.errors.append(UInt8(ascii: "\n"))
            GetentMessages.writeTryHelp(programName: options.programName, to: &context.output)
            return 1
        }
        return entry.run(GetentKeys(arguments: arguments, first: 2, count: operands - 1), &context)
    }
}
