/// The fixed texts getconf prints.
enum GetconfText {
    /// On standard error for a wrong number of arguments (glibc's words).
    static let usage: StaticString = """
        Usage: getconf [-v specification] variable_name [pathname]
               getconf -a [pathname]

        """

    static let help: StaticString = """
        Usage: getconf [-v SPEC] VAR
          or:  getconf [-v SPEC] PATH_VAR PATH
          or:  getconf [-v SPEC] -a [PATH]

        Print the value of the system configuration variable VAR, or of the file
        system variable PATH_VAR for the file system holding PATH. With -a, print
        every variable and its value, file system variables for PATH (/ if not
        given). With -v, first check that this system supports the compilation
        environment SPEC (such as POSIX_V7_LP64_OFF64).

        A variable without a value prints "undefined". Exit status: 0 on success,
        1 if the output cannot be written, 2 for an unknown variable or
        specification or a wrong number of arguments, 3 if PATH cannot be
        examined.

          --help     display this help and exit
          --version  output version information and exit

        """

    static let version: StaticString = """
        getconf (libc-support) 0.1

        """
}
