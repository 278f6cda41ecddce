#if canImport(Glibc)
import Glibc
#endif

/// Columns of the terminal on standard output, or 80 when it is not a terminal.
func terminalWidth() -> Int {
    var size = winsize()
    if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 {
        return Int(size.ws_col)
    }
    return 80
}
