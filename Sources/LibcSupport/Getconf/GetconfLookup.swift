extension GetconfVariable {
    /// The variable called `name`.
    ///
    /// Like glibc, a name also stands for the listed variable spelled with a
    /// `_POSIX_` prefix (`VERSION` is `_POSIX_VERSION`) unless it is a name of
    /// its own. A linear scan: a few hundred length checks and short compares
    /// cost less than building any index would.
    public static func named(_ name: ByteString) -> GetconfVariable? {
        for variable in all where ByteString(variable.name) == name {
            return variable
        }
        let prefix = ByteString("_POSIX_")
        for variable in all where variable.isListed && variable.name.utf8CodeUnitCount == prefix.count + name.count {
            let candidate = ByteString(variable.name)
            if candidate.hasPrefix(prefix) && candidate.dropFirst(prefix.count) == name {
                return variable
            }
        }
        return nil
    }
}
