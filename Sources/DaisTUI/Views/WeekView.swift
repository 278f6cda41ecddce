import DaisCore

/// The Week screen: an hour axis in the current display zone and seven columns, one a day, each
/// panel at the row of its start hour (later panels of a crowded hour on the rows after it).
enum WeekView {
    static let axisWidth = 6

    static func draw(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        let main = layout.main
        let days = state.weekDays
        let end = state.weekStart.adding(days: 6)
        screen.bar(" Week of \(TimeFormat.weekdayDate(state.weekStart)) to \(TimeFormat.shortDate(end)) \(end.year), times in \(state.zone.identifier)",
                   row: main.row, column: 0, width: main.width, style: .header)
        let columnWidth = (main.width - axisWidth - 1) / 7
        let hours = hourRows(days, state)
        let rows = max(0, main.height - 2)
        let placed = place(days, state, hours: hours, rows: rows)
        // The hour axis: the hours of the day that the week's panels use, and the working day around them.
        for (k, hour) in hours.prefix(rows).enumerated() {
            screen.put(String(format: "%02d:00", hour), row: main.row + 2 + k, column: 0, width: axisWidth, style: .dim)
        }
        for day in 0..<7 {
            let x = axisWidth + day * columnWidth
            let date = state.weekStart.adding(days: day)
            let isSelected = day == state.weekDay
            let heading = columnWidth >= 13 ? TimeFormat.weekdayDate(date) : "\(TimeFormat.weekdayShort[date.weekdayIndex]) \(date.day)"
            screen.bar(" " + heading, row: main.row + 1, column: x, width: columnWidth - 1, style: isSelected ? .bold : .dim)
            for (k, panel) in days[day].enumerated() {
                guard let row = placed[day][k] else { continue }
                let r = main.row + 2 + row
                let selected = isSelected && k == state.weekRow
                let style: Style = selected ? .selected : (panel.status == .cancelled ? .dim : .plain)
                let time = (try? panel.slot().get()).map { TimeFormat.Reading($0.span.start, in: state.zone).local.timeText } ?? "?"
                let (mark, markStyle) = ConsoleView.mark(state.schedule.marks(for: panel.id))
                screen.bar("", row: r, column: x, width: columnWidth - 1, style: style)
                let used = screen.put(mark, row: r, column: x, width: 1, style: selected ? .selected : markStyle)
                screen.put("\(time) \(panel.title)", row: r, column: x + used, width: columnWidth - 1 - used, style: style)
            }
            let hidden = placed[day].filter { $0 == nil }.count
            if hidden > 0 { screen.put("+\(hidden) more", row: min(main.bottom, main.row + 2 + hours.count) - 1, column: x, width: columnWidth - 1, style: .dim) }
            for r in (main.row + 1)..<min(main.bottom, main.row + 2 + hours.count) { screen.put("│", row: r, column: x + columnWidth - 1, width: 1, style: .dim) }
        }
        for r in (main.row + 1)..<min(main.bottom, main.row + 2 + hours.count) { screen.put("│", row: r, column: axisWidth - 1, width: 1, style: .dim) }
        // Below the hours: the selected panel whole, then the month around the selected day.
        var r = main.row + 2 + hours.count + 1
        if r < main.bottom, let panel = state.selectedWeekPanel, let slot = try? panel.slot().get() {
            let when = "\(TimeFormat.weekdayDate(TimeFormat.Reading(slot.span.start, in: state.zone).local.date))  \(TimeFormat.range(slot.span, in: state.zone))"
            let lines = StyledLine.wrapped("\(when)  \(panel.title)", width: main.width - 2, style: .bold, hanging: 2)
            screen.draw(lines, in: Rect(row: r, column: 1, width: main.width - 2, height: min(3, main.bottom - r)))
            r += min(3, lines.count) + 1
        }
        if main.bottom - r >= 8 { drawMonth(&screen, state, row: r, column: 1) }
    }

    /// The month of the selected day as a small calendar: days with panels in bold, the week shown
    /// in the accent colour, the selected day selected.
    static func drawMonth(_ screen: inout Screen, _ state: AppState, row: Int, column: Int) {
        let selected = state.weekStart.adding(days: state.weekDay)
        guard let first = LocalDate(year: selected.year, month: selected.month, day: 1) else { return }
        screen.put(TimeFormat.monthYear(first), row: row, column: column, width: 21, style: .bold)
        screen.put("Mo Tu We Th Fr Sa Su", row: row + 1, column: column, width: 21, style: .dim)
        let busy = Set(state.monthPanelDays(first))
        let days = LocalDate.daysIn(month: first.month, year: first.year)
        for day in 1...days {
            let date = LocalDate(year: first.year, month: first.month, day: day)!
            let cell = first.weekdayIndex + day - 1
            let inWeek = date >= state.weekStart && date < state.weekStart.adding(days: 7)
            let style: Style = date == selected ? .selected : busy.contains(day) ? .bold : inWeek ? .accent : .plain
            screen.put(String(format: "%2d", day), row: row + 2 + cell / 7, column: column + (cell % 7) * 3, width: 2, style: style)
        }
    }

    /// The hours the axis shows: 08:00 to 20:00, widened to every hour a panel of the week starts in.
    static func hourRows(_ days: [[Panel]], _ state: AppState) -> [Int] {
        var first = 8, last = 20
        for panel in days.joined() {
            guard let hour = startHour(panel, state) else { continue }
            (first, last) = (min(first, hour), max(last, hour))
        }
        return Array(first...last)
    }

    /// The row of each panel of each day (nil: no room left), from its start hour down.
    static func place(_ days: [[Panel]], _ state: AppState, hours: [Int], rows: Int) -> [[Int?]] {
        days.map { panels in
            var next = 0
            return panels.map { panel in
                let wanted = startHour(panel, state).flatMap { hours.firstIndex(of: $0) } ?? next
                let row = max(wanted, next)
                next = row + 1
                return row < rows ? row : nil
            }
        }
    }

    static func startHour(_ panel: Panel, _ state: AppState) -> Int? {
        (try? panel.slot().get()).map { TimeFormat.Reading($0.span.start, in: state.zone).local.hour }
    }
}
