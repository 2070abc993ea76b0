@testable import LibcSupport

// getconf's command line, split at NUL bytes into arguments, run whole:
// request parsing, -v specifications, names, paths (read-only file system
// queries) and the output. Output and diagnostics go to the closed fds
// (-close_fd_mask=3).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGetconfOptions(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    withArguments(fuzzBytes(data, size)) { arguments in
        let status = GetconfCommand.run(arguments)
        precondition([0, 1, 2, 3].contains(status), "status \(status)")
    }
    return 0
}
