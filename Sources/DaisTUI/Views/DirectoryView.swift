import DaisCore

/// The People and Organizations screens: a directory and the selected record's panels.
enum DirectoryView {
    static func drawPeople(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        let list = layout.list
        let cursor = state.cursors[.people] ?? ListCursor()
        screen.bar(" Name", row: list.row, column: list.column, width: list.width, style: state.focus == .list ? .header : .dim)
        let count = Plural.count(state.peopleCount, "person", "people") + " "
        screen.put(count, row: list.row, column: list.right - DisplayText.width(of: count), width: DisplayText.width(of: count),
                   style: state.focus == .list ? .header : .dim)
        if state.peopleCount == 0 {
            screen.put(state.peopleOrder.count == 0 ? "No people yet: press n to add someone." : "Nobody matches the search.",
                       row: list.row + 2, column: 2, width: list.width - 4, style: .dim)
        }
        for k in 0..<max(0, list.height - 1) {
            let position = cursor.top + k
            guard let id = state.personID(at: position), let person = state.catalog.people[id] else { break }
            let selected = position == cursor.selected
            let style: Style = selected ? .selected : .plain
            let r = list.row + 1 + k
            screen.bar("", row: r, column: list.column, width: list.width, style: style)
            let findings = state.schedule.findings(forPerson: id)
            let mark = findings.contains { $0.severity == .error } ? ("✗", Style.error) : findings.isEmpty ? (" ", Style.plain) : ("!", Style.warning)
            var x = list.column + 1
            x += screen.put(mark.0 + " ", row: r, column: x, width: 2, style: selected ? .selected : mark.1)
            let nameWidth = min(30, (list.width - 4) / 2)
            x += screen.put(DisplayText.pad(person.name, to: nameWidth) + " ", row: r, column: x, width: nameWidth + 1, style: style)
            screen.put(person.titleLine ?? "", row: r, column: x, width: list.right - x, style: selected ? .selected : .dim)
        }
        PanelsView.drawSeparator(&screen, layout)
        guard let person = state.selectedPerson else { return }
        let details = layout.details
        let lines = personLines(person, state, width: details.width - 1)
        screen.draw(lines, in: Rect(row: details.row, column: details.column + 1, width: details.width - 1, height: details.height),
                    top: min(cursor.detailTop, max(0, lines.count - details.height)))
    }

    static func personLines(_ person: Person, _ state: AppState, width: Int) -> [StyledLine] {
        var lines = StyledLine.wrapped(person.name, width: width, style: .bold)
        if let title = person.title { lines += StyledLine.wrapped(title, width: width) }
        if let affiliation = person.affiliation { lines += StyledLine.wrapped(affiliation, width: width) }
        if let email = person.email { lines.append(StyledLine(email, .accent)) }
        let home = person.homeZone.flatMap(Zone.named)
        lines.append(StyledLine("Home zone: " + (person.homeZone ?? "not given (times shown in \(state.zone.identifier))"), .dim))
        for window in person.unavailable {
            lines.append(StyledLine("Unavailable \(window.start) to \(window.end) \(window.zone)", .warning))
        }
        if let notes = person.notes?.nonEmpty { lines += StyledLine.wrapped("Notes: \(notes)", width: width, style: .dim) }
        lines.append(StyledLine(""))
        let panels = byStart(state.schedule.livePanels(withPerson: person.id).compactMap { state.catalog.panels[$0] })
        lines.append(StyledLine(panels.isEmpty ? "On no panel yet" : "Panels", .bold))
        let zone = home ?? state.zone
        for (panel, slot) in panels {
            let roles = panel.roster.filter { $0.person == person.id }.map(\.role.label).joined(separator: ", ")
            let when: String
            if let slot {
                when = TimeFormat.dayRange(slot.span, in: zone) + " \(zone.local(at: slot.span.start).date.year)"
            } else {
                when = "\(panel.start.date) time to be fixed"
            }
            lines.append(StyledLine(when + (panel.status == .cancelled ? "  (cancelled)" : ""), panel.status == .cancelled ? .dim : .plain, indent: 2))
            lines += StyledLine.wrapped("\(roles): \(panel.title)", width: width, style: .dim, indent: 4)
        }
        let findings = state.schedule.findings(forPerson: person.id)
        if !findings.isEmpty {
            lines.append(StyledLine(""))
            lines.append(StyledLine("Findings", .bold))
            for f in findings {
                lines += StyledLine.wrapped("\(f.severity == .error ? "✗" : "!") \(f.message)", width: width,
                                            style: f.severity == .error ? .error : .warning, indent: 2, hanging: 2)
            }
        }
        return lines
    }

    static func drawOrganizations(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        let list = layout.list
        let cursor = state.cursors[.organizations] ?? ListCursor()
        screen.bar(" Organization", row: list.row, column: list.column, width: list.width, style: state.focus == .list ? .header : .dim)
        if state.organizationCount == 0 {
            screen.put("No organizations yet: press n to add one.", row: list.row + 2, column: 2, width: list.width - 4, style: .dim)
        }
        for k in 0..<max(0, list.height - 1) {
            let position = cursor.top + k
            guard let id = state.organizationID(at: position), let org = state.catalog.organizations[id] else { break }
            let selected = position == cursor.selected
            let r = list.row + 1 + k
            screen.bar("", row: r, column: list.column, width: list.width, style: selected ? .selected : .plain)
            screen.put(" " + org.displayName, row: r, column: list.column, width: list.width, style: selected ? .selected : .plain)
        }
        PanelsView.drawSeparator(&screen, layout)
        guard let org = state.selectedOrganization else { return }
        let details = layout.details
        let width = details.width - 1
        // Lines below the pane are not made: an organization can name hundreds of panels, and
        // wrapping each took most of a key's time.
        let lines = organizationLines(org, state, width: width, needed: cursor.detailTop + details.height)
        screen.draw(lines, in: Rect(row: details.row, column: details.column + 1, width: width, height: details.height),
                    top: min(cursor.detailTop, max(0, lines.count - details.height)))
    }

    /// The organization's details: name, address, id, the panels it hosts and co-sponsors. Only
    /// the first `needed` lines are sure to be made (all of them with `Int.max`).
    static func organizationLines(_ org: Organization, _ state: AppState, width: Int, needed: Int = Int.max) -> [StyledLine] {
        var lines = StyledLine.wrapped(org.displayName, width: width, style: .bold)
        if let url = org.url { lines.append(StyledLine(url, .accent)) }
        lines.append(StyledLine("id \(org.id)", .dim))
        let ordered = byStart(state.schedule.livePanels(namingOrganization: org.id, in: state.catalog).compactMap { state.catalog.panels[$0] })
        let hosted = ordered.filter { state.catalog.effectiveHost(of: $0.panel) == org.id }
        let cosponsored = ordered.filter { $0.panel.cosponsors.contains(org.id) }
        sections: for (heading, panels) in [("Hosts", hosted), ("Co-sponsors", cosponsored)] {
            lines.append(StyledLine(""))
            lines.append(StyledLine(panels.isEmpty ? "\(heading) no panel" : "\(heading) \(Plural.count(panels.count, "panel"))", .bold))
            for (panel, slot) in panels {
                if lines.count >= needed { break sections }
                let when = slot.map { TimeFormat.Reading($0.span.start, in: state.zone).dayClock + " \(state.zone.local(at: $0.span.start).date.year)" } ?? "\(panel.start.date)"
                lines += StyledLine.wrapped("\(when)  \(panel.title)", width: width, indent: 2, hanging: 4)
            }
        }
        return lines
    }

    /// Panels in start order (`PanelSortKey`), each with its slot (nil: its time cannot be placed),
    /// resolved once: sorting by `PanelSortKey($0) < PanelSortKey($1)` resolved both panels' times
    /// at every comparison, and the lines resolved them once more.
    static func byStart(_ panels: [Panel]) -> [(panel: Panel, slot: Slot?)] {
        panels.map { panel in
            let slot = try? panel.slot().get()
            return (key: PanelSortKey(instant: slot?.span.start.secondsSinceEpoch ?? Int64.max, local: panel.start, id: panel.id), panel: panel, slot: slot)
        }
        .sorted { $0.key < $1.key }
        .map { (panel: $0.panel, slot: $0.slot) }
    }
}
