@testable import LibcSupport
import CLibc

// getent's command line: the input is split at NUL bytes into arguments
// (argv[0] first), parsed as getent parses them, and the operands and -s
// overrides are then read back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGetentOptions(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    withArguments(bytes) { arguments in
        var context = GetentContext(switchSettings: SwitchSettings(fileContents: nil), output: nullOutput(), errors: nullOutput())
        let options = GetentOptions(arguments)
        switch options.parse(into: &context) {
        case .run(let operandCount):
            precondition(operandCount >= 0 && operandCount < arguments.count)
            for index in 1..<(1 + operandCount) { consume(arguments[index]) }
            if operandCount > 0 {
                consume(GetentDatabaseTable.entry(named: arguments[1]) != nil)
            }
        case .exit(let status):
            precondition([0, 1, 64].contains(status))
        }
        for name: StaticString in ["passwd", "group", "hosts", "initgroups"] {
            for source in context.configuration(for: name, default: "files").sources { consume(source.name) }
        }
    }
    return 0
}
