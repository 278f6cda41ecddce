import DaisCore

/// The Findings screen: every finding of the store, errors first, and the selected one whole.
enum FindingsView {
    static func draw(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        let list = layout.list, details = layout.details
        let findings = state.findings
        let totals = state.schedule.totals
        screen.bar(" \(Plural.count(totals.errors, "error")), \(Plural.count(totals.warnings, "warning"))   Enter: go to the panel",
                   row: list.row, column: list.column, width: list.width, style: .header)
        if findings.isEmpty {
            screen.put("Nothing to report: no conflicts and no roster problems.", row: list.row + 2, column: 2, width: list.width - 4, style: .accent)
            return
        }
        let cursor = state.cursors[.findings] ?? ListCursor()
        for k in 0..<max(0, list.height - 1) {
            let position = cursor.top + k
            guard position < findings.count else { break }
            let f = findings[position]
            let r = list.row + 1 + k
            let selected = position == cursor.selected
            screen.bar("", row: r, column: list.column, width: list.width, style: selected ? .selected : .plain)
            var x = screen.put(f.severity == .error ? " ✗ " : " ! ", row: r, column: 0, width: 3, style: selected ? .selected : (f.severity == .error ? .error : .warning))
            let codeWidth = min(26, list.width / 3)
            x += screen.put(DisplayText.pad(f.code.rawValue, to: codeWidth), row: r, column: x, width: codeWidth, style: selected ? .selected : .dim)
            screen.put(f.message, row: r, column: x, width: list.width - x, style: selected ? .selected : .plain)
        }
        PanelsView.drawSeparator(&screen, layout)
        guard cursor.selected < findings.count else { return }
        let lines = detailLines(findings[cursor.selected], state, width: details.width - 1)
        screen.draw(lines, in: Rect(row: details.row, column: details.column + 1, width: details.width - 1, height: details.height))
    }

    /// The selected finding as the details pane shows it: its whole message, and whom it concerns.
    static func detailLines(_ finding: Finding, _ state: AppState, width: Int) -> [StyledLine] {
        let style: Style = finding.severity == .error ? .error : .warning
        var lines = [StyledLine("\(finding.severity == .error ? "✗ error" : "! warning")  \(finding.code.rawValue)", style)]
        lines.append(StyledLine(""))
        lines += StyledLine.wrapped(finding.message, width: width)
        let panels = finding.panels.compactMap { state.catalog.panels[$0]?.title }
        if !panels.isEmpty {
            lines.append(StyledLine(""))
            lines += StyledLine.wrapped(Plural.noun(panels.count, "Panel") + ": " + panels.joined(separator: "; "), width: width, style: .dim, hanging: 2)
        }
        let people = finding.people.map { state.catalog.name(of: $0) }
        if !people.isEmpty {
            lines += StyledLine.wrapped(Plural.noun(people.count, "Person", "People") + ": " + people.joined(separator: ", "), width: width, style: .dim, hanging: 2)
        }
        lines.append(StyledLine(""))
        lines.append(StyledLine("Enter goes to \(panels.isEmpty ? (people.isEmpty ? "the record" : "the person") : "the panel"); docs/checks.md says how to fix it", .dim))
        return lines
    }
}
