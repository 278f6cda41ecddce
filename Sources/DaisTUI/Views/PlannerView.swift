import DaisCore

/// Draws the planner: for the panel's zone and each roster member, a strip of the candidate's day
/// (the panel's wall clock, midnight to midnight, two cells an hour) showing each hour in that
/// person's local time, marked by part of their day (waking, stretch, night), their other panels
/// (x) and unavailability (-); the candidate slot highlighted across all rows; its cost explained
/// below; the best starts of the window last.
enum PlannerView {
    /// Half hours in a strip, two cells each hour.
    static let columns = 48

    static func draw(_ planner: Planner, _ screen: inout Screen, _ state: AppState) {
        let rect = Rect(row: 1, column: 0, width: state.width, height: state.height - 2)
        screen.box(rect, title: "Find a time: '\(planner.title)' (\(planner.request.minutes) min)")
        let inner = rect.inset(by: 1).shifted(columns: 1)
        let width = inner.width - 1
        let r = planner.request
        let evaluation = planner.evaluation
        var row = inner.row
        // The candidate and its total.
        let cursorText = "\(TimeFormat.weekdayShort[planner.cursor.date.weekdayIndex]) \(planner.cursor.date) \(planner.cursor.timeText) \(r.zone.identifier)"
        switch evaluation {
        case .possible(let suggestion):
            screen.put(cursorText + (suggestion.cost.total == 0 ? "   free for everyone" : "   cost \(suggestion.cost.total)"),
                       row: row, column: inner.column, width: width, style: .bold)
        case .blocked(_, let why), .nonexistent(let why):
            screen.put(cursorText + "   not possible: " + why, row: row, column: inner.column, width: width, style: .error)
        }
        row += 2
        // The strips: the panel's zone, then each person.
        let dayStart = start(of: planner.cursor.date, in: r.zone)
        let slot: TimeSpan? = {
            switch evaluation {
            case .possible(let s): return s.span
            case .blocked(let span, _): return span
            case .nonexistent: return nil
            }
        }()
        let label = max(8, min(22, width - columns - 14))
        var strips: [(String, Zone?, SlotSearch.Attendee?)] = [("\(r.zone.abbreviation(at: dayStart)) (panel)", r.zone, nil)]
        for person in r.people { strips.append((person.name, person.home, person)) }
        // The panel's own zone is the first row, shaded by the audience's hours.
        for zone in r.audience where zone != r.zone { strips.append(("audience \(zone.abbreviation(at: dayStart))", zone, nil)) }
        for (name, zone, person) in strips where row < inner.bottom {
            screen.put(name, row: row, column: inner.column, width: label)
            let x = inner.column + label + 1
            guard let zone else {
                screen.put("no home zone: not scored", row: row, column: x, width: width - label - 1, style: .dim)
                row += 1
                continue
            }
            for c in 0..<columns {
                let t = dayStart.adding(minutes: 30 * c)
                let cell = TimeSpan(start: t, end: t.adding(minutes: 30))
                let local = zone.local(at: t)
                // Each hour of the strip shows, over its two cells, the hour it begins at in this zone.
                let hour = c % 2 == 0 ? local.hour : zone.local(at: t.adding(minutes: -30)).hour
                let digits = Array(hour < 10 ? "0\(hour)" : "\(hour)")
                var text = String(digits[c % 2])
                var style: Style
                switch SlotCost.part(of: local.minuteOfDay, hours: person?.hours ?? r.audienceHours, stretch: r.stretchMinutes) {
                case .waking: style = .plain
                case .stretch: style = .warning
                case .night: style = .dim
                }
                if let person {
                    if person.busy.contains(where: { $0.span.overlaps(cell) }) { (text, style) = ("x", .error) }
                    else if person.unavailable.contains(where: { $0.overlaps(cell) }) { (text, style) = ("-", .error) }
                }
                if let slot, slot.overlaps(cell) { style = .selected }
                screen.put(text, row: row, column: x + c, width: 1, style: style)
            }
            if let slot {
                let start = zone.local(at: slot.start)
                let shift = TimeFormat.dayShift(from: planner.cursor.date, to: start.date)
                screen.put("\(start.timeText) \(zone.abbreviation(at: slot.start))" + shift,
                           row: row, column: x + columns + 1, width: max(0, inner.right - x - columns - 1))
            }
            row += 1
        }
        if row < inner.bottom {
            var x = inner.column + label + 1
            for (text, style) in [("07 waking", Style.plain), ("07 stretch", .warning), ("07 night", .dim), ("x busy", .error),
                                  ("- away", .error), ("07 this start", .selected)] {
                x += screen.put(text, row: row, column: x, width: max(0, inner.right - x), style: style) + 2
            }
            row += 2
        }
        // The cost of the candidate, person by person.
        var lines: [StyledLine] = []
        if case .possible(let suggestion) = evaluation {
            // Those without a home zone are named in the strips above.
            for line in suggestion.cost.lines where line.zone != nil {
                lines += StyledLine.wrapped("\(line.subject): \(line.explanation)" + (line.points > 0 ? " (\(line.points))" : ""),
                                            width: width, style: line.points > 0 ? .warning : .plain, hanging: 2)
            }
        }
        // The best starts of the window.
        let best = planner.best.enumerated().map { k, s in
            "\(k + 1). \(TimeFormat.weekdayShort[s.local.date.weekdayIndex]) \(s.local.date) \(s.local.timeText) cost \(s.cost.total)"
        }
        let title = best.isEmpty ? "No start of \(r.from) to \(r.to) is possible." : "Best of \(r.from) to \(r.to) (Tab):"
        let room = inner.bottom - row
        if width >= 100 {
            // Wide: the cost on the left, the best starts beside it.
            let half = width / 2
            screen.draw(Array(lines.prefix(room)), in: Rect(row: row, column: inner.column, width: half - 2, height: room))
            drawBest(title, best, planner.chosen, &screen, Rect(row: row, column: inner.column + half, width: width - half, height: room))
        } else {
            // Narrow: the best starts below the cost, as many as fit (at least the first).
            let bestRows = best.isEmpty ? 0 : min(best.count, max(1, room - lines.count - 2))
            let costRows = max(0, min(lines.count, room - bestRows - 2))
            screen.draw(Array(lines.prefix(costRows)), in: Rect(row: row, column: inner.column, width: width, height: costRows))
            let top = row + costRows + (costRows > 0 ? 1 : 0)
            drawBest(title, best, planner.chosen, &screen, Rect(row: top, column: inner.column, width: width, height: inner.bottom - top))
        }
    }

    static func drawBest(_ title: String, _ best: [String], _ chosen: Int?, _ screen: inout Screen, _ rect: Rect) {
        guard rect.height > 0 else { return }
        screen.put(title, row: rect.row, column: rect.column, width: rect.width, style: .bold)
        for (k, text) in best.enumerated() where 1 + k < rect.height {
            screen.put(text, row: rect.row + 1 + k, column: rect.column + 2, width: rect.width - 2, style: chosen == k ? .selected : .plain)
        }
    }

    /// The instant of midnight of a date in a zone (the first instant of the day when the clocks
    /// skip midnight).
    static func start(of date: LocalDate, in zone: Zone) -> Instant {
        var local = LocalDateTime(date: date, hour: 0, minute: 0)!
        while true {
            switch zone.resolve(local) {
            case .unique(let instant), .ambiguous(let instant, _): return instant
            case .nonexistent: local = local.adding(minutes: 15)
            }
        }
    }
}
