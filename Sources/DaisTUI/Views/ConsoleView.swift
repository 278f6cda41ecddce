import DaisCore

/// Draws the whole console for a state: tab bar, the current screen, the status line and dialogs.
public enum ConsoleView {
    public static func render(_ state: AppState) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        let layout = Layout(width: state.width, height: state.height)
        if layout.isTooSmall {
            drawTooSmall(&screen, state)
            return screen
        }
        drawTabBar(&screen, state)
        switch state.tab {
        case .panels: PanelsView.draw(&screen, state, layout)
        case .people: DirectoryView.drawPeople(&screen, state, layout)
        case .organizations: DirectoryView.drawOrganizations(&screen, state, layout)
        case .findings: FindingsView.draw(&screen, state, layout)
        case .week: WeekView.draw(&screen, state, layout)
        }
        drawStatus(&screen, state)
        for overlay in state.overlays { DialogView.draw(overlay, &screen, state) }
        return screen
    }

    static func drawTooSmall(_ screen: inout Screen, _ state: AppState) {
        var lines = ["Dais needs a terminal of at least \(Layout.minimumWidth)×\(Layout.minimumHeight);",
                     "this one is \(state.width)×\(state.height).", "Enlarge the window, or press q to quit."]
        if case .confirm(let question)? = state.overlays.last, case .quit = question.subject {
            lines = [question.message, question.choices]
        }
        for (i, line) in lines.enumerated() {
            let row = state.height / 2 - 1 + i
            let w = DisplayText.width(of: line)
            screen.put(line, row: row, column: max(0, (state.width - w) / 2), width: state.width, style: i == 0 ? .bold : .plain)
        }
    }

    /// The tab bar, with the findings' counts and the display zone on the right. Where all does not
    /// fit (80 columns), the tabs' names and the zone are shortened first: the counts always show.
    static func drawTabBar(_ screen: inout Screen, _ state: AppState) {
        screen.bar("", row: 0, column: 0, width: state.width, style: .header)
        let marks = state.schedule.totals
        let counts = "✗ \(marks.errors)  ! \(marks.warnings)  "
        let city = state.zone.identifier.split(separator: "/").last.map { $0.replacingOccurrences(of: "_", with: " ") } ?? state.zone.identifier
        let tabs = { (short: Bool) in " Dais " + Tab.allCases.map { " \($0.rawValue) \(short ? $0.shortTitle : $0.title) " }.joined() }
        var right = counts + state.zone.identifier + " ", short = false
        for (candidateShort, zone) in [(false, state.zone.identifier), (true, state.zone.identifier), (true, city), (true, "")] {
            (short, right) = (candidateShort, counts + zone + " ")
            if DisplayText.width(of: tabs(short)) + DisplayText.width(of: right) + 1 <= state.width { break }
        }
        var x = screen.put(" Dais ", row: 0, column: 0, width: state.width, style: .header)
        for tab in Tab.allCases {
            let label = " \(tab.rawValue) \(short ? tab.shortTitle : tab.title) "
            x += screen.put(label, row: 0, column: x, width: state.width - x, style: tab == state.tab ? .selected : .header)
        }
        let w = DisplayText.width(of: right)
        if x + w <= state.width { screen.put(right, row: 0, column: state.width - w, width: w, style: .header) }
    }

    static func drawStatus(_ screen: inout Screen, _ state: AppState) {
        let row = state.height - 1
        screen.bar("", row: row, column: 0, width: state.width, style: .header)
        var right = ""
        if state.isModified { right += "● modified  " }
        if state.store.readOnlyReason != nil { right += "read-only  " }
        right += FileName.base(state.store.path) + " "
        let rightWidth = min(DisplayText.width(of: right), state.width / 2)
        screen.put(right, row: row, column: state.width - rightWidth, width: rightWidth, style: state.isModified ? .warning : .header)
        let leftWidth = state.width - rightWidth - 1
        if state.searching, let field = state.search[state.tab] {
            let x = screen.put("/", row: row, column: 0, width: leftWidth, style: .header)
            screen.draw(field, in: Rect(row: row, column: x, width: leftWidth - x, height: 1), focused: true, style: .header)
        } else if let notice = state.notice {
            screen.put(" " + notice.text, row: row, column: 0, width: leftWidth,
                       style: notice.kind == .error ? .error : notice.kind == .success ? .accent : .header)
        } else if let problem = state.recoveryProblem, state.isModified {
            screen.put(" Unsaved edits cannot be kept beside the store (\(problem)); retrying. s saves them",
                       row: row, column: 0, width: leftWidth, style: .error)
        } else {
            var hint = " " + KeyMap.footer(for: state.keyContext)
            if let query = state.search[state.tab]?.text, !query.isEmpty { hint = " search: \(query)  (/ to change, Esc in search clears)" }
            if state.tab == .panels && state.filter.isActive { hint = " filtered (f to change)" + hint }
            screen.put(hint, row: row, column: 0, width: leftWidth, style: .header)
        }
    }

    /// "✗" for errors, "!" for warnings, " " for none.
    static func mark(_ marks: Schedule.Marks) -> (String, Style) {
        if marks.errors > 0 { return ("✗", .error) }
        if marks.warnings > 0 { return ("!", .warning) }
        return (" ", .plain)
    }
}

/// File name helpers for display.
enum FileName {
    static func base(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
