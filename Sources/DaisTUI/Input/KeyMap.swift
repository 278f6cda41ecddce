/// What a key does, by name. The key map binds keys to commands per context; the reducer performs them.
public enum Command: Hashable, Sendable {
    // Browsing
    case showTab(Tab), help, quit, save, undo, redo, search, filter, zones, cycleZone, toggleFocus
    case up, down, pageUp, pageDown, first, last, left, right, previousWeek, nextWeek
    case open, new, edit, delete, roster
    // Dialogs
    case accept, cancel, nextField, previousField, saveForm, cycleForward, cycleBackward, clear
    case addEntry, removeEntry, moveUp, moveDown, cycleRole, cycleStatus, appearanceTitle, setHost, addCosponsor, switchSection, duplicate, editSeries, goToDate
    case yes, no, saveAndQuit, quitWithoutSaving, reload, saveAs, restore, discard, export, newLine
    case merge, takeMine, takeTheirs
    case findTime, previousDay, nextDay
    case changes, compareWith
}

/// Where a key is pressed: the screen or the topmost dialog.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case everywhere = "Everywhere"
    case lists = "Lists and details"
    case panels = "Panels screen"
    case week = "Week screen"
    case directory = "People and Organizations screens"
    case findings = "Findings screen"
    case search = "Search"
    case editor = "Panel editor"
    case roster = "Roster and organizations editor"
    case picker = "Choosing a person or organization"
    case form = "Person, organization and series forms"
    case prompt = "Questions"
    case filter = "Filter"
    case zones = "Display zones"
    case help = "Help"
    case confirm = "Confirmations"
    case storeChanged = "Store changed on disk"
    case merge = "Merging with the store on disk"
    case recovery = "Recovered edits"
    case export = "Export"
    case planner = "Finding a time"
    case changes = "Changes to announce"
}

/// One binding: keys, the command, and the help text (the same table draws the help screen), and
/// the words the footer shows for it where it works ("n new"; nil: not in the footer).
public struct Binding: Sendable {
    public let context: KeyContext
    public let keys: [Key]
    public let command: Command
    public let help: String
    public let footer: String?

    public init(context: KeyContext, keys: [Key], command: Command, help: String, footer: String? = nil) {
        self.context = context
        self.keys = keys
        self.command = command
        self.help = help
        self.footer = footer
    }
}

/// The key map: keys as data. Handling and the help screen both read `bindings`.
public enum KeyMap {
    public static let bindings: [Binding] = [
        // Everywhere (when no dialog is open)
        Binding(context: .everywhere, keys: [.character("1")], command: .showTab(.panels), help: "Panels"),
        Binding(context: .everywhere, keys: [.character("2")], command: .showTab(.people), help: "People"),
        Binding(context: .everywhere, keys: [.character("3")], command: .showTab(.organizations), help: "Organizations"),
        Binding(context: .everywhere, keys: [.character("4")], command: .showTab(.findings), help: "Findings"),
        Binding(context: .everywhere, keys: [.character("5")], command: .showTab(.week), help: "Week"),
        Binding(context: .everywhere, keys: [.character("?"), .function(1)], command: .help, help: "this help", footer: "? help"),
        Binding(context: .everywhere, keys: [.character("/")], command: .search, help: "search (case and accents ignored)", footer: "/ search"),
        Binding(context: .everywhere, keys: [.character("f")], command: .filter, help: "filter panels: series, status, person, findings", footer: "f filter"),
        Binding(context: .everywhere, keys: [.character("z")], command: .zones, help: "choose display zones", footer: "z zones"),
        Binding(context: .everywhere, keys: [.character("Z")], command: .cycleZone, help: "show times in the next display zone"),
        Binding(context: .everywhere, keys: [.character("u")], command: .undo, help: "undo", footer: "u undo"),
        Binding(context: .everywhere, keys: [.control("r")], command: .redo, help: "redo"),
        Binding(context: .everywhere, keys: [.character("s"), .control("s")], command: .save, help: "save the store", footer: "s save"),
        Binding(context: .everywhere, keys: [.character("A")], command: .changes, help: "changes to announce: since the last save, a file or a git revision"),
        Binding(context: .everywhere, keys: [.character("x")], command: .export, help: "export the agenda: ics, md, html, csv, schedule.json", footer: "x export"),
        Binding(context: .everywhere, keys: [.character("q")], command: .quit, help: "quit (asks when there are unsaved changes)", footer: "q quit"),
        // Lists
        Binding(context: .lists, keys: [.down, .character("j")], command: .down, help: "next row"),
        Binding(context: .lists, keys: [.up, .character("k")], command: .up, help: "previous row"),
        Binding(context: .lists, keys: [.pageDown, .control("f")], command: .pageDown, help: "next page"),
        Binding(context: .lists, keys: [.pageUp, .control("b")], command: .pageUp, help: "previous page"),
        Binding(context: .lists, keys: [.home, .character("g")], command: .first, help: "first row"),
        Binding(context: .lists, keys: [.end, .character("G")], command: .last, help: "last row"),
        Binding(context: .lists, keys: [.tab], command: .toggleFocus, help: "move between list and details"),
        Binding(context: .lists, keys: [.left, .character("h")], command: .left, help: "focus the list"),
        Binding(context: .lists, keys: [.right, .character("l")], command: .right, help: "focus the details"),
        Binding(context: .lists, keys: [.enter], command: .open, help: "open: edit the panel, person or organization"),
        Binding(context: .lists, keys: [.character("n")], command: .new, help: "new panel, person or organization", footer: "n new"),
        Binding(context: .lists, keys: [.character("e")], command: .edit, help: "edit the selected record", footer: "e edit"),
        Binding(context: .lists, keys: [.character("d"), .delete], command: .delete, help: "delete the selected record (asks)", footer: "d delete"),
        Binding(context: .panels, keys: [.character("r")], command: .roster, help: "edit roster, host and co-sponsors", footer: "r roster"),
        Binding(context: .panels, keys: [.character("F")], command: .findTime, help: "find a time for the roster: the planner", footer: "F find a time"),
        Binding(context: .panels, keys: [.character("c")], command: .duplicate, help: "duplicate the panel on another date (same series, roster, organizations, time)",
                footer: "c duplicate"),
        Binding(context: .panels, keys: [.character("S")], command: .editSeries, help: "edit the panel's series (name, host, description)", footer: "S series"),
        Binding(context: .findings, keys: [.enter], command: .open, help: "jump to the panel (or person)", footer: "Enter jump"),
        Binding(context: .week, keys: [.left, .character("h")], command: .left, help: "previous day", footer: "← → day"),
        Binding(context: .week, keys: [.right, .character("l")], command: .right, help: "next day"),
        Binding(context: .week, keys: [.down, .character("j")], command: .down, help: "next panel of the day"),
        Binding(context: .week, keys: [.up, .character("k")], command: .up, help: "previous panel of the day"),
        Binding(context: .week, keys: [.pageDown, .character("]")], command: .nextWeek, help: "next week", footer: "[ ] week"),
        Binding(context: .week, keys: [.pageUp, .character("[")], command: .previousWeek, help: "previous week"),
        Binding(context: .week, keys: [.enter], command: .open, help: "show the panel on the Panels screen"),
        Binding(context: .week, keys: [.character("g")], command: .goToDate, help: "go to a date (the week holding it)", footer: "g date"),
        Binding(context: .week, keys: [.character("Z")], command: .cycleZone, help: "the hours in the next display zone", footer: "Z zone"),
        Binding(context: .week, keys: [.character("e")], command: .edit, help: "edit the panel", footer: "e edit"),
        Binding(context: .week, keys: [.character("n")], command: .new, help: "new panel on the selected day", footer: "n new"),
        Binding(context: .week, keys: [.character("r")], command: .roster, help: "edit roster, host and co-sponsors", footer: "r roster"),
        Binding(context: .week, keys: [.character("c")], command: .duplicate, help: "duplicate the panel on another date", footer: "c duplicate"),
        Binding(context: .week, keys: [.character("F")], command: .findTime, help: "find a time for the panel's roster", footer: "F find a time"),
        // Search
        Binding(context: .search, keys: [.enter], command: .accept, help: "keep the search and return to the list"),
        Binding(context: .search, keys: [.escape], command: .cancel, help: "clear the search"),
        // Panel editor
        Binding(context: .editor, keys: [.tab], command: .nextField, help: "next field (on Zone: take the first completion, then go on)"),
        Binding(context: .editor, keys: [.backTab], command: .previousField, help: "previous field"),
        Binding(context: .editor, keys: [.down], command: .nextField, help: "next field (in text with several lines: next line)"),
        Binding(context: .editor, keys: [.up], command: .previousField, help: "previous field (in text with several lines: previous line)"),
        Binding(context: .editor, keys: [.control("s"), .function(2)], command: .saveForm, help: "save the panel"),
        Binding(context: .editor, keys: [.enter], command: .accept, help: "next field; on a choice: pick; on the last field: save"),
        Binding(context: .editor, keys: [.control("j")], command: .newLine, help: "in Description, Links, Notes: a line break"),
        Binding(context: .editor, keys: [.character(" "), .right], command: .cycleForward, help: "on Format, Status: next choice"),
        Binding(context: .editor, keys: [.left], command: .cycleBackward, help: "on Format, Status: previous choice"),
        Binding(context: .editor, keys: [.backspace, .delete], command: .removeEntry, help: "on Series, Host: clear; on Co-sponsors: remove the last"),
        Binding(context: .editor, keys: [.escape], command: .cancel, help: "close without saving"),
        // Roster
        Binding(context: .roster, keys: [.character("a"), .insert], command: .addEntry, help: "add a person (or a co-sponsor)"),
        Binding(context: .roster, keys: [.character("r"), .character(" ")], command: .cycleRole, help: "role: moderator, remarks, panelist"),
        Binding(context: .roster, keys: [.character("s")], command: .cycleStatus, help: "status: invited, confirmed, tentative, declined"),
        Binding(context: .roster, keys: [.character("t")], command: .appearanceTitle, help: "title for this appearance"),
        Binding(context: .roster, keys: [.character("K"), .shiftUp], command: .moveUp, help: "move up"),
        Binding(context: .roster, keys: [.character("J"), .shiftDown], command: .moveDown, help: "move down"),
        Binding(context: .roster, keys: [.character("d"), .delete, .backspace], command: .removeEntry, help: "remove"),
        Binding(context: .roster, keys: [.character("o")], command: .setHost, help: "choose the host organization"),
        Binding(context: .roster, keys: [.character("c")], command: .addCosponsor, help: "add a co-sponsor"),
        Binding(context: .roster, keys: [.tab], command: .switchSection, help: "switch between roster and organizations"),
        Binding(context: .roster, keys: [.down, .character("j")], command: .down, help: "next entry"),
        Binding(context: .roster, keys: [.up, .character("k")], command: .up, help: "previous entry"),
        Binding(context: .roster, keys: [.character("u")], command: .undo, help: "undo"),
        Binding(context: .roster, keys: [.control("r")], command: .redo, help: "redo"),
        Binding(context: .roster, keys: [.escape, .character("q"), .enter], command: .cancel, help: "close"),
        // Picker
        Binding(context: .picker, keys: [.down, .tab], command: .down, help: "next match"),
        Binding(context: .picker, keys: [.up, .backTab], command: .up, help: "previous match"),
        Binding(context: .picker, keys: [.enter], command: .accept, help: "choose (or create the new one)"),
        Binding(context: .picker, keys: [.escape], command: .cancel, help: "close"),
        // Forms
        Binding(context: .form, keys: [.tab, .down], command: .nextField, help: "next field"),
        Binding(context: .form, keys: [.backTab, .up], command: .previousField, help: "previous field"),
        Binding(context: .form, keys: [.enter], command: .accept, help: "next field; on the last: save; on a series' Host: choose the organization"),
        Binding(context: .form, keys: [.control("j")], command: .newLine, help: "in Notes and Description: a line break"),
        Binding(context: .form, keys: [.control("s"), .function(2)], command: .saveForm, help: "save"),
        Binding(context: .form, keys: [.escape], command: .cancel, help: "close without saving"),
        // Prompt
        Binding(context: .prompt, keys: [.enter], command: .accept, help: "accept"),
        Binding(context: .prompt, keys: [.tab], command: .nextField, help: "complete (zones)"),
        Binding(context: .prompt, keys: [.escape], command: .cancel, help: "cancel"),
        // Filter
        Binding(context: .filter, keys: [.down, .character("j"), .tab], command: .down, help: "next criterion"),
        Binding(context: .filter, keys: [.up, .character("k"), .backTab], command: .up, help: "previous criterion"),
        Binding(context: .filter, keys: [.right, .character("l"), .character(" ")], command: .cycleForward, help: "next choice"),
        Binding(context: .filter, keys: [.left, .character("h")], command: .cycleBackward, help: "previous choice"),
        Binding(context: .filter, keys: [.enter], command: .accept, help: "on Series, Person: choose; else close"),
        Binding(context: .filter, keys: [.backspace, .delete, .character("x")], command: .clear, help: "clear the criterion"),
        Binding(context: .filter, keys: [.character("f")], command: .accept, help: "close, keeping the filter"),
        Binding(context: .filter, keys: [.escape], command: .cancel, help: "close, restoring the previous filter"),
        // Zones
        Binding(context: .zones, keys: [.down, .character("j")], command: .down, help: "next zone"),
        Binding(context: .zones, keys: [.up, .character("k")], command: .up, help: "previous zone"),
        Binding(context: .zones, keys: [.enter], command: .accept, help: "show lists in this zone"),
        Binding(context: .zones, keys: [.character("a")], command: .addEntry, help: "add a zone (EST, Sydney, Europe/London, ...)"),
        Binding(context: .zones, keys: [.character("d"), .delete], command: .removeEntry, help: "remove the zone"),
        Binding(context: .zones, keys: [.character("K"), .shiftUp], command: .moveUp, help: "move up"),
        Binding(context: .zones, keys: [.character("J"), .shiftDown], command: .moveDown, help: "move down"),
        Binding(context: .zones, keys: [.escape, .character("q"), .character("z")], command: .cancel, help: "close"),
        // Export
        Binding(context: .export, keys: [.down, .tab], command: .down, help: "next choice"),
        Binding(context: .export, keys: [.up, .backTab], command: .up, help: "previous choice"),
        Binding(context: .export, keys: [.right, .character(" ")], command: .cycleForward, help: "on Format, Panels, Statuses: next option"),
        Binding(context: .export, keys: [.left], command: .cycleBackward, help: "on Format, Panels, Statuses: previous option"),
        Binding(context: .export, keys: [.enter, .control("s")], command: .accept, help: "write the file (asks before replacing one)"),
        Binding(context: .export, keys: [.escape], command: .cancel, help: "close"),
        // The planner
        Binding(context: .planner, keys: [.right, .character("l")], command: .right, help: "a step later (15 minutes)", footer: "←→ 15 min"),
        Binding(context: .planner, keys: [.left, .character("h")], command: .left, help: "a step earlier"),
        Binding(context: .planner, keys: [.down, .pageDown, .character("j")], command: .nextDay, help: "the same time a day later", footer: "↑↓ day"),
        Binding(context: .planner, keys: [.up, .pageUp, .character("k")], command: .previousDay, help: "the same time a day earlier"),
        Binding(context: .planner, keys: [.tab], command: .nextField, help: "the next of the best starts", footer: "Tab next best"),
        Binding(context: .planner, keys: [.enter], command: .accept, help: "move the panel to this start (u undoes)", footer: "Enter move here"),
        Binding(context: .planner, keys: [.escape], command: .cancel, help: "close without moving the panel", footer: "Esc close"),
        // Help
        Binding(context: .changes, keys: [.down, .character("j")], command: .down, help: "scroll down"),
        Binding(context: .changes, keys: [.up, .character("k")], command: .up, help: "scroll up"),
        Binding(context: .changes, keys: [.pageDown, .character(" ")], command: .pageDown, help: "next page"),
        Binding(context: .changes, keys: [.pageUp], command: .pageUp, help: "previous page"),
        Binding(context: .changes, keys: [.character("o")], command: .compareWith, help: "compare with a store file or git revision (HEAD~1, a tag)"),
        Binding(context: .changes, keys: [.escape, .character("q"), .character("A")], command: .cancel, help: "close"),
        Binding(context: .help, keys: [.down, .character("j")], command: .down, help: "scroll down"),
        Binding(context: .help, keys: [.up, .character("k")], command: .up, help: "scroll up"),
        Binding(context: .help, keys: [.pageDown, .character(" ")], command: .pageDown, help: "next page"),
        Binding(context: .help, keys: [.pageUp], command: .pageUp, help: "previous page"),
        Binding(context: .help, keys: [.escape, .character("q"), .character("?")], command: .cancel, help: "close"),
        // Confirmations
        Binding(context: .confirm, keys: [.character("y")], command: .yes, help: "yes"),
        Binding(context: .confirm, keys: [.character("n"), .escape], command: .no, help: "no, go back"),
        Binding(context: .confirm, keys: [.character("s")], command: .saveAndQuit, help: "when quitting: save, then quit"),
        Binding(context: .confirm, keys: [.character("q")], command: .quitWithoutSaving, help: "when quitting: quit without saving"),
        Binding(context: .storeChanged, keys: [.character("r")], command: .reload, help: "reload the store from disk (your edits are lost)"),
        Binding(context: .storeChanged, keys: [.character("m")], command: .merge, help: "merge: keep both sides' changes to different records, decide clashes"),
        Binding(context: .storeChanged, keys: [.character("a")], command: .saveAs, help: "save your version under another name"),
        Binding(context: .storeChanged, keys: [.escape], command: .cancel, help: "go back (nothing is saved)"),
        Binding(context: .merge, keys: [.down, .character("j")], command: .down, help: "next clash"),
        Binding(context: .merge, keys: [.up, .character("k")], command: .up, help: "previous clash"),
        Binding(context: .merge, keys: [.character("m"), .left], command: .takeMine, help: "keep my value for this clash"),
        Binding(context: .merge, keys: [.character("t"), .right], command: .takeTheirs, help: "take the value on disk for this clash"),
        Binding(context: .merge, keys: [.enter], command: .accept, help: "apply the merge (then save it with s)"),
        Binding(context: .merge, keys: [.escape], command: .cancel, help: "go back without merging (nothing changes)"),
        Binding(context: .recovery, keys: [.character("r")], command: .restore, help: "restore the recovered edits (then save them with s)"),
        Binding(context: .recovery, keys: [.character("d")], command: .discard, help: "discard them"),
        Binding(context: .recovery, keys: [.escape], command: .cancel, help: "decide later (the file is kept)"),
    ]

    /// The command for a key in a context, if one is bound.
    public static func command(for key: Key, in context: KeyContext) -> Command? {
        bindings.first { $0.context == context && $0.keys.contains(key) }?.command
    }

    /// The contexts whose keys a screen takes, in the order they are tried.
    public static func scopes(of context: KeyContext) -> [KeyContext] {
        switch context {
        case .week: return [.week, .everywhere]
        case .panels, .directory, .findings: return [context, .lists, .everywhere]
        default: return [context]
        }
    }

    /// The footer of a screen: the keys that work there, "? help" first, then the screen's own, the
    /// lists', and those that work everywhere.
    public static func footer(for context: KeyContext) -> String {
        var seen = Set<String>(), words: [String] = []
        // The Findings list is read, not edited: its lists' n, e, d do nothing there.
        let skipped: Set<String> = context == .findings ? ["n new", "e edit", "d delete"] : []
        for scope in scopes(of: context) {
            for binding in bindings where binding.context == scope {
                guard let footer = binding.footer, !skipped.contains(footer), seen.insert(footer).inserted else { continue }
                words.append(footer)
            }
        }
        if let help = words.firstIndex(of: "? help") { words.insert(words.remove(at: help), at: 0) }
        return words.joined(separator: "  ")
    }

    /// Where else a key does something, when it does nothing in `context`: the first screen that
    /// binds it, and what it does there.
    public static func elsewhere(_ key: Key, from context: KeyContext) -> (context: KeyContext, help: String)? {
        for other in [KeyContext.panels, .week, .directory, .findings] where other != context {
            if let binding = bindings.first(where: { $0.context == other && $0.keys.contains(key) }) { return (other, binding.help) }
        }
        return nil
    }

    /// The help screen's lines: each context, then its keys and what they do.
    public static func helpLines() -> [String] {
        var lines: [String] = []
        for context in KeyContext.allCases {
            let rows = bindings.filter { $0.context == context }
            guard !rows.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append(context.rawValue)
            for row in rows {
                let keys = row.keys.map(\.description).joined(separator: " ")
                lines.append("  " + keys.padding(18) + row.help)
            }
        }
        lines.append("")
        lines.append("Text fields: ← → move, Home/End or Ctrl-A/Ctrl-E, Backspace/Delete, Ctrl-U/Ctrl-K clear before/after, Ctrl-W delete a word.")
        return lines
    }
}

extension String {
    /// Padded with spaces to at least `width` characters.
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
