import DaisCore

/// The Panels screen: the list grouped by month and series, and the selected panel's details.
enum PanelsView {
    static func draw(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        let list = layout.list, details = layout.details
        let zone = state.zone
        let cursor = state.cursors[.panels] ?? ListCursor()
        let focusStyle: Style = state.focus == .list ? .header : .dim
        screen.bar(" When (\(zone.identifier))", row: list.row, column: list.column, width: list.width, style: focusStyle)
        let countText = state.visiblePanels != nil ? "\(state.panelCount) of \(state.panelOrder.count) " : Plural.count(state.panelCount, "panel") + " "
        let cw = DisplayText.width(of: countText)
        if cw < list.width / 2 { screen.put(countText, row: list.row, column: list.right - cw, width: cw, style: focusStyle) }
        let rows = state.panelRows(from: cursor.top, limit: list.height - 1)
        if rows.isEmpty {
            // A new store's first steps; otherwise what hides the panels.
            let lines = state.panelOrder.count == 0
                ? ["No panels yet. First steps:", "  n  create a panel (then r for its roster)", "  z  choose the zones times are shown in",
                   "  2  the people directory (n adds a person)", "  ?  every key"]
                : ["No panel matches the search or filter."]
            for (k, line) in lines.enumerated() where k < list.height - 2 {
                screen.put(line, row: list.row + 2 + k, column: list.column + 2, width: list.width - 4, style: k == 0 ? .bold : .dim)
            }
        }
        for (k, row) in rows.enumerated() {
            let r = list.row + 1 + k
            switch row {
            case .month(let text):
                screen.put(text, row: r, column: list.column + 1, width: list.width - 1, style: .bold)
            case .series(let text):
                screen.put(text, row: r, column: list.column + 3, width: list.width - 3, style: .accent)
            case .panel(let position):
                guard let id = state.panelID(at: position), let panel = state.catalog.panels[id] else { continue }
                drawRow(&screen, panel, state, zone: zone, row: r, rect: list, selected: position == cursor.selected)
            }
        }
        drawSeparator(&screen, layout)
        guard let panel = state.selectedPanel else { return }
        let lines = detailLines(panel, state, width: details.width - 1)
        let top = min(cursor.detailTop, max(0, lines.count - details.height))
        screen.draw(lines, in: Rect(row: details.row, column: details.column + 1, width: details.width - 1, height: details.height), top: top)
    }

    /// " Wed Nov 13  10:00 EST   60 ✗ TBA Countering arbitrary detention…"
    static func drawRow(_ screen: inout Screen, _ panel: Panel, _ state: AppState, zone: Zone, row: Int, rect: Rect, selected: Bool) {
        let base: Style = selected ? .selected : (panel.status == .cancelled ? .dim : .plain)
        screen.bar("", row: row, column: rect.column, width: rect.width, style: base)
        var x = rect.column + 1
        if let slot = try? panel.slot().get() {
            let reading = TimeFormat.Reading(slot.span.start, in: zone)
            x += screen.put(DisplayText.pad(TimeFormat.weekdayDate(reading.local.date), to: 11), row: row, column: x, width: 11, style: base)
            x += screen.put(DisplayText.pad(reading.clock, to: 11), row: row, column: x, width: 11, style: base)
        } else {
            x += screen.put(DisplayText.pad(TimeFormat.weekdayDate(panel.start.date), to: 11), row: row, column: x, width: 11, style: base)
            x += screen.put(DisplayText.pad("\(panel.start.timeText) ?", to: 11), row: row, column: x, width: 11, style: selected ? .selected : .error)
        }
        let minutes = String(panel.durationMinutes)
        x += screen.put(String(repeating: " ", count: max(0, 3 - minutes.count)) + minutes + " ", row: row, column: x, width: 4, style: base)
        let (mark, markStyle) = ConsoleView.mark(state.schedule.marks(for: panel.id))
        x += screen.put(mark + " ", row: row, column: x, width: 2, style: selected ? .selected : markStyle)
        let tba = panel.status == .cancelled ? "CXL " : panel.hasOpenRoles ? "TBA " : panel.status == .draft ? "dft "
            : panel.roster.contains(where: { $0.status != .confirmed }) ? "ask " : "    "
        x += screen.put(tba, row: row, column: x, width: 4, style: selected ? .selected : (panel.status == .cancelled ? .dim : .warning))
        screen.put(panel.title, row: row, column: x, width: rect.right - x, style: base)
    }

    static func drawSeparator(_ screen: inout Screen, _ layout: Layout) {
        let list = layout.list
        if layout.sideBySide {
            for r in list.row..<list.bottom { screen.put("│", row: r, column: list.right, width: 1, style: .dim) }
        } else {
            screen.put(String(repeating: "─", count: layout.width), row: list.bottom, column: 0, width: layout.width, style: .dim)
        }
    }

    /// The selected panel as the details pane shows it.
    static func detailLines(_ panel: Panel, _ state: AppState, width: Int) -> [StyledLine] {
        let catalog = state.catalog
        var lines: [StyledLine] = StyledLine.wrapped(panel.title, width: width, style: .bold)
        var facts: [String] = []
        if let s = panel.series { facts.append(catalog.series[s]?.name ?? "\(s) (unknown series)") }
        facts.append(panel.format.label)
        facts.append(panel.status.rawValue)
        lines += StyledLine.wrapped(facts.joined(separator: " · "), width: width, style: .dim)
        lines.append(StyledLine(""))
        switch panel.slot() {
        case .success(let slot):
            lines += PanelDetail.slotLines(slot, zones: state.displayZones).flatMap { StyledLine.wrapped($0, width: width, hanging: 2) }
            if slot.ambiguity != nil { lines.append(StyledLine("the start time occurs twice that day; the first is used", .warning, indent: 2)) }
        case .failure(let problem):
            lines.append(StyledLine("\(panel.start.date) \(panel.start.timeText) \(panel.zone)"))
            lines += StyledLine.wrapped(problem.description, width: width, style: .error, indent: 2)
        }
        lines.append(StyledLine(""))
        if let host = catalog.effectiveHost(of: panel) {
            let name = catalog.organizations[host]?.displayName ?? "\(host) (unknown)"
            lines += StyledLine.wrapped("Hosted by \(name)" + (panel.host == nil ? " (series host)" : ""), width: width, hanging: 2)
        }
        if !panel.cosponsors.isEmpty {
            let names = panel.cosponsors.map { catalog.organizations[$0]?.displayName ?? "\($0) (unknown)" }
            lines += StyledLine.wrapped("Co-sponsored by " + names.joined(separator: ", "), width: width, hanging: 2)
        }
        lines.append(StyledLine(""))
        lines.append(StyledLine("Roster", .bold))
        for role in Role.allCases {
            let entries = panel.entries(role)
            if entries.isEmpty && role != .remarks { lines.append(StyledLine("\(role.label.padding(10))TBA", .warning, indent: 2)) }
            for entry in entries {
                let name = catalog.people[entry.person]?.name ?? "\(entry.person) (unknown person)"
                let status = entry.status == .confirmed ? "" : " (\(entry.status.rawValue))"
                lines.append(StyledLine("\(role.label.padding(10))\(name)\(status)", entry.status.isOpen ? .warning : entry.status == .declined ? .error : .plain, indent: 2))
                if let title = catalog.titleLine(for: entry) {
                    lines += StyledLine.wrapped(title, width: width, style: .dim, indent: 12)
                }
            }
        }
        let findings = state.schedule.findings(forPanel: panel)
        if !findings.isEmpty {
            lines.append(StyledLine(""))
            lines.append(StyledLine("Findings", .bold))
            for f in findings {
                lines += StyledLine.wrapped("\(f.severity == .error ? "✗" : "!") \(f.message)", width: width,
                                            style: f.severity == .error ? .error : .warning, indent: 2, hanging: 2)
            }
        }
        if let description = panel.description?.nonEmpty {
            lines.append(StyledLine(""))
            lines += StyledLine.wrapped(description, width: width)
        }
        if !panel.links.isEmpty {
            lines.append(StyledLine(""))
            for link in panel.links {
                // The details are the organizer's: every link, marked when announcements leave it out.
                let kind = [link.kind == .other ? nil : link.kind.rawValue, link.isPublic ? nil : "speakers only"].compactMap { $0 }
                let note = kind.isEmpty ? "" : " (\(kind.joined(separator: ", ")))"
                lines += StyledLine.wrapped("\(link.label)\(note): \(link.url)", width: width, style: .accent)
            }
        }
        if let notes = panel.notes?.nonEmpty {
            lines.append(StyledLine(""))
            lines += StyledLine.wrapped("Notes: \(notes)", width: width, style: .dim)
        }
        return lines
    }
}
