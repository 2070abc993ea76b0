/// `getent DATABASE [KEY...]`: entries from the administrative databases,
/// through the name-service switch, printed as the C library's getent
/// prints them.
public enum GetentCommand {
    /// Runs the command and returns its exit status.
    public static func run(_ arguments: Arguments) -> Int32 {
        // nsswitch.conf is mapped for the whole run: the switch settings
        // borrow its bytes. A missing or unreadable file means defaults.
        do {
            let switchFile = try MappedFile(path: SwitchFile.path)
            return run(arguments, switchFile: switchFile.bytes)
        } catch {
            return run(arguments, switchFile: nil)
        }
    }

    private static func run(_ arguments: Arguments, switchFile: ByteString?) -> Int32 {
        var context = GetentContext(switchSettings: SwitchSettings(fileContents: switchFile))
        let options = GetentOptions(arguments)
        var status: Int32
        switch options.parse(into: &context) {
        case .exit(let code):
            status = code
        case .run(let operands):
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
