import CLibc

/// Identity of the running machine, for the `perMachine` and `binding`
/// sections of user records.
public enum LocalMachine {
    /// The 32 hex digits of `/etc/machine-id`, or nil.
    public static func machineID() -> [UInt8]? {
        guard let file = try? MappedFile(path: "/etc/machine-id") else { return nil }
        var lines = file.lines
        let id = Array((lines.next() ?? .empty).buffer)
        guard id.count == 32, id.allSatisfy({ ASCII.isDigit($0) || (ASCII.lowercase($0) >= UInt8(ascii: "a") && ASCII.lowercase($0) <= UInt8(ascii: "f")) }) else { return nil }
        return id
    }

    /// The kernel's host name (`uname -n`).
    public static func hostName() -> [UInt8]? {
        var names = utsname()
        guard uname(&names) == 0 else { return nil }
        return withUnsafeBytes(of: &names.nodename) { raw -> [UInt8]? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var result: [UInt8] = []
            for byte in bytes {
                if byte == 0 { break }
                result.append(byte)
            }
            return result.isEmpty ? nil : result
        }
    }
}
