import LibcSupport

// The only conditional in the tool: SwiftPM links every executable with
// `--defsym main=getconf_main`, so Embedded builds export that symbol, while
// normal builds use `@main`.
#if hasFeature(Embedded)
@_cdecl("getconf_main")
func getconfMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    Process.reserveStandardDescriptors()
    return GetconfCommand.run(Arguments(count: argc, vector: argv))
}
#else
@main
struct GetconfEntry {
    static func main() {
        Process.reserveStandardDescriptors()
        Process.exit(GetconfCommand.run(Arguments(count: CommandLine.argc, vector: CommandLine.unsafeArgv)))
    }
}
#endif
