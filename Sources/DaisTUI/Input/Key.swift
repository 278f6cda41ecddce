/// A key press as the console understands it, independent of the terminal library.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case control(Character)  // Ctrl-A ... Ctrl-Z, as lowercase letters
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete, insert
    case function(Int)
    case shiftUp, shiftDown

    /// How the key is written in the help screen and docs: "k", "Ctrl-R", "PgDn", "Enter".
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-\(c.uppercased())"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .function(let n): return "F\(n)"
        case .shiftUp: return "Shift-↑"
        case .shiftDown: return "Shift-↓"
        }
    }

    /// The printable character this key types, if any.
    public var typed: Character? {
        if case .character(let c) = self { return c }
        return nil
    }
}
