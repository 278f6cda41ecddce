import CNcursesw
import DaisTUI
#if canImport(Glibc)
import Glibc
#endif

/// The ncurses backend: draws screens (only the cells that changed) and reads keys. The only code in
/// Dais that calls ncurses. Use from one thread.
public final class Terminal {
    private var screenPointer: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>
    private var previous: Screen?
    private let colors: Bool
    private var ended = false

    /// Opens the terminal on standard input and output; nil with a reason when it cannot.
    public static func open(environment: [String: String]) -> Result<Terminal, TerminalError> {
        if let problem = TerminalCheck.problem(environment: environment) { return .failure(TerminalError(message: problem)) }
        setlocale(LC_ALL, "")
        guard let screen = newterm(nil, dais_stdout(), dais_stdin()) else {
            return .failure(TerminalError(message: "cannot open the terminal \"\(environment["TERM"] ?? "")\""))
        }
        set_term(screen)
        return .success(Terminal(screen: screen, environment: environment))
    }

    private init(screen: OpaquePointer, environment: [String: String]) {
        screenPointer = screen
        window = dais_stdscr()
        cbreak()
        noecho()
        nonl()
        // Ctrl-S and Ctrl-Q are keys here (save), not terminal flow control.
        var modes = termios()
        if tcgetattr(STDIN_FILENO, &modes) == 0 {
            modes.c_iflag &= ~tcflag_t(IXON)
            tcsetattr(STDIN_FILENO, TCSANOW, &modes)
            def_prog_mode()
        }
        keypad(window, true)
        set_escdelay(25)
        wtimeout(window, 100)
        curs_set(0)
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        colors = !noColor && has_colors()
        if colors {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_RED), -1)
            init_pair(2, Int16(COLOR_YELLOW), -1)
            init_pair(3, Int16(COLOR_CYAN), -1)
            init_pair(4, Int16(COLOR_WHITE), Int16(COLOR_BLUE))
            init_pair(5, Int16(COLOR_BLACK), Int16(COLOR_CYAN))
        }
        dais_install_fatal_handlers()
        // A parent may have left SIGWINCH blocked; the console must hear about resizes.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    deinit { end() }

    /// Columns and rows now. Asks the terminal itself and tells ncurses when they changed, so that a
    /// resize is seen even when its signal went to another thread or was blocked.
    public var size: (width: Int, height: Int) {
        var w = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0, w.ws_row > 0,
           Int32(w.ws_col) != getmaxx(window) || Int32(w.ws_row) != getmaxy(window) {
            resizeterm(Int32(w.ws_row), Int32(w.ws_col))
        }
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Gives the terminal back: leaves curses mode, restores the cursor and echo.
    public func end() {
        guard !ended else { return }
        ended = true
        curs_set(1)
        endwin()
        if let s = screenPointer { delscreen(s) }
        screenPointer = nil
    }

    /// Draws a screen: the cells `Screen.changes(from:)` says differ from the last one drawn.
    public func draw(_ screen: Screen) {
        let (clear, updates) = screen.changes(from: previous)
        if clear { werase(window) }
        for update in updates { put(update.cell, row: update.row, column: update.column) }
        previous = screen
        if let cursor = screen.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wrefresh(window)
    }

    /// Forgets what is on screen, so that the next draw repaints everything.
    public func invalidate() {
        previous = nil
        clearok(window, true)
    }

    private func put(_ cell: Cell, row: Int, column: Int) {
        var scalars = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        if scalars.isEmpty { scalars = [32] }
        scalars.append(0)
        let (attributes, pair) = look(cell.style)
        _ = dais_put_cell(window, Int32(row), Int32(column), scalars, attributes, pair)
    }

    /// The attributes and color pair of a style; without colors, attributes alone tell them apart.
    private func look(_ style: Style) -> (attr_t, Int16) {
        switch style {
        case .plain: return (dais_a_normal(), 0)
        case .bold: return (dais_a_bold(), 0)
        case .dim: return (dais_a_dim(), 0)
        case .selected: return colors ? (dais_a_bold(), 5) : (dais_a_reverse() | dais_a_bold(), 0)
        case .header: return colors ? (dais_a_normal(), 4) : (dais_a_reverse(), 0)
        case .error: return colors ? (dais_a_bold(), 1) : (dais_a_bold(), 0)
        case .warning: return colors ? (dais_a_normal(), 2) : (dais_a_underline(), 0)
        case .accent: return colors ? (dais_a_normal(), 3) : (dais_a_normal(), 0)
        }
    }

    /// The next key, or nil after a short timeout (so that the caller can watch for signals).
    public func readEvent() -> TerminalEvent? {
        var ch: wint_t = 0
        let rc = wget_wch(window, &ch)
        if rc == ERR { return nil }
        let code = Int32(bitPattern: ch)
        if rc == KEY_CODE_YES {
            switch code {
            case KEY_RESIZE: return .resize(width: size.width, height: size.height)
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_IC: return .key(.insert)
            case KEY_BTAB: return .key(.backTab)
            case KEY_ENTER: return .key(.enter)
            case KEY_SR: return .key(.shiftUp)
            case KEY_SF: return .key(.shiftDown)
            default:
                for n in 1...12 where code == dais_key_f(Int32(n)) { return .key(.function(n)) }
                return nil
            }
        }
        switch code {
        case 9: return .key(.tab)
        case 13: return .key(.enter)
        case 10: return .key(.control("j"))  // Ctrl-J; the reducer takes it for Enter outside texts of several lines
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(code) + 96))))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: code)) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}

/// What the terminal reports.
public enum TerminalEvent: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
}

/// Why the console cannot start here.
public struct TerminalError: Error, Sendable {
    public let message: String
}
