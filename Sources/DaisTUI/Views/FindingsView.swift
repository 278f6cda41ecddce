import DaisCore

/// The Findings screen: every finding of the store, errors first.
enum FindingsView {
    static func draw(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        let main = layout.main
        let findings = state.findings
        let totals = state.schedule.totals
        screen.bar(" \(totals.errors) error\(totals.errors == 1 ? "" : "s"), \(totals.warnings) warning\(totals.warnings == 1 ? "" : "s")   Enter: go to the panel",
                   row: main.row, column: 0, width: main.width, style: .header)
        if findings.isEmpty {
            screen.put("Nothing to report: no conflicts and no roster problems.", row: main.row + 2, column: 2, width: main.width - 4, style: .accent)
            return
        }
        let cursor = state.cursors[.findings] ?? ListCursor()
        for k in 0..<max(0, main.height - 1) {
            let position = cursor.top + k
            guard position < findings.count else { break }
            let f = findings[position]
            let r = main.row + 1 + k
            let selected = position == cursor.selected
            screen.bar("", row: r, column: 0, width: main.width, style: selected ? .selected : .plain)
            var x = screen.put(f.severity == .error ? " ✗ " : " ! ", row: r, column: 0, width: 3, style: selected ? .selected : (f.severity == .error ? .error : .warning))
            x += screen.put(DisplayText.pad(f.code.rawValue, to: 32), row: r, column: x, width: 32, style: selected ? .selected : .dim)
            screen.put(f.message, row: r, column: x, width: main.width - x, style: selected ? .selected : .plain)
        }
    }
}

/// The Week screen: seven columns, one a day, in the current display zone.
enum WeekView {
    static func draw(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        let main = layout.main
        let days = state.weekDays
        let end = state.weekStart.adding(days: 6)
        screen.bar(" Week of \(TimeFormat.weekdayDate(state.weekStart)) to \(TimeFormat.shortDate(end)) \(end.year), times in \(state.zone.identifier)   [ ] weeks  ← → days  Z zone",
                   row: main.row, column: 0, width: main.width, style: .header)
        let columnWidth = (main.width - 1) / 7
        for day in 0..<7 {
            let x = day * columnWidth
            let date = state.weekStart.adding(days: day)
            let isSelected = day == state.weekDay
            let heading = columnWidth >= 13 ? TimeFormat.weekdayDate(date) : "\(TimeFormat.weekdayShort[date.weekdayIndex]) \(date.day)"
            screen.bar(" " + heading, row: main.row + 1, column: x, width: columnWidth - 1, style: isSelected ? .bold : .dim)
            for (k, panel) in days[day].prefix(max(0, (main.height - 2) / 2)).enumerated() {
                let r = main.row + 2 + k * 2
                let selected = isSelected && k == state.weekRow
                let style: Style = selected ? .selected : (panel.status == .cancelled ? .dim : .plain)
                let time = (try? panel.slot().get()).map { TimeFormat.Reading($0.span.start, in: state.zone).local.timeText } ?? "?"
                let (mark, markStyle) = ConsoleView.mark(state.schedule.marks(for: panel.id))
                screen.bar("", row: r, column: x, width: columnWidth - 1, style: style)
                let used = screen.put("\(mark)", row: r, column: x, width: 1, style: selected ? .selected : markStyle)
                let minutes = " \(panel.durationMinutes)m"
                screen.put(time + (columnWidth >= 14 ? minutes : ""), row: r, column: x + used, width: columnWidth - 1 - used, style: style)
                screen.bar(panel.title, row: r + 1, column: x, width: columnWidth - 1, style: selected ? .selected : .dim)
            }
            if days[day].count > (main.height - 2) / 2 {
                screen.put("+\(days[day].count - (main.height - 2) / 2) more", row: main.bottom - 1, column: x, width: columnWidth - 1, style: .dim)
            }
            if day < 6 { for r in (main.row + 1)..<main.bottom { screen.put("│", row: r, column: x + columnWidth - 1, width: 1, style: .dim) } }
        }
    }
}
