import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// Whether the console can run here: both ends must be a terminal that can address the cursor.
public enum TerminalCheck {
    /// Nil when the console can start, else a one-line reason.
    public static func problem(environment: [String: String]) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return "standard input is not a terminal; the console needs one (try `dais list`)" }
        guard isatty(STDOUT_FILENO) == 1 else { return "standard output is not a terminal; the console needs one (try `dais list`)" }
        let term = environment["TERM"] ?? ""
        if term.isEmpty { return "TERM is not set; the console needs a terminal type such as xterm-256color" }
        var status: Int32 = 0
        guard setupterm(term, STDOUT_FILENO, &status) == OK, status == 1 else {
            return "terminal type \"\(term)\" is unknown here; set TERM to one this machine knows (such as xterm-256color)"
        }
        guard dais_has_cursor_addressing() != 0 else {
            return "terminal type \"\(term)\" cannot move the cursor; the console needs a full-screen terminal"
        }
        return nil
    }
}
