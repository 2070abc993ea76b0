import LibcSupport

// The only conditional in the tool: SwiftPM links every executable with
// `--defsym main=getent_main`, so Embedded builds export that symbol, while
// normal builds use `@main`.
#if hasFeature(Embedded)
@_cdecl("getent_main")
func getentMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    Process.reserveStandardDescriptors()
    return GetentCommand.run(Arguments(count: argc, vector: argv))
}
#else
@main
struct GetentEntry {
    static func main() {
        Process.reserveStandardDescriptors()
        Process.exit(GetentCommand.run(Arguments(count: CommandLine.argc, vector: CommandLine.unsafeArgv)))
    }
}
#endif
