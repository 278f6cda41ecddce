import DaisCore

/// The panel form, with the slot shown live in every display zone and the draft's findings.
enum EditorView {
    static func draw(_ editor: PanelEditor, _ screen: inout Screen, _ state: AppState) {
        let rect = Rect(row: 1, column: 0, width: state.width, height: state.height - 2)
        screen.box(rect, title: editor.original == nil ? "New panel" : "Edit panel")
        let problems = editor.problems()
        let labelWidth = 13
        let valueWidth = rect.width - labelWidth - 4
        var r = rect.row + 1
        let descriptionRows = state.height >= 34 ? 4 : state.height >= 28 ? 2 : 1
        for field in PanelEditor.Field.allCases {
            let focused = field == editor.focus
            let rows = field == .description ? descriptionRows : (field == .links || field == .notes) ? (state.height >= 34 ? 2 : 1) : 1
            guard r + rows <= rect.bottom - 3 else { break }
            screen.put(field.label, row: r, column: rect.column + 2, width: labelWidth, style: focused ? .bold : (problems[field] != nil ? .error : .dim))
            let x = rect.column + 2 + labelWidth
            if let text = editor.texts[field] {
                let wide = [PanelEditor.Field.title, .description, .links, .notes].contains(field)
                let fieldWidth = wide && !text.text.isEmpty ? valueWidth : valueWidth / 2 + 10
                screen.draw(text, in: Rect(row: r, column: x, width: fieldWidth, height: rows), focused: focused, style: focused ? .selected : .plain)
                if fieldWidth == valueWidth {
                    if let problem = problems[field] { screen.put(problem, row: r + rows - 1, column: x, width: valueWidth, style: .error) }
                } else if let problem = problems[field], field != .zone || !focused {
                    screen.put(problem, row: r, column: x + valueWidth / 2 + 12, width: valueWidth / 2 - 12, style: .error)
                } else if field == .zone, let zone = ZoneAliases.lookup(text.text).zone, zone.identifier != text.text {
                    screen.put("= \(zone.identifier)", row: r, column: x + valueWidth / 2 + 12, width: valueWidth / 2 - 12, style: .accent)
                } else if field == .zone, focused {
                    let c = editor.zoneCompletions
                    let hint = c.isEmpty ? (problems[.zone] ?? "") : "Tab takes \(c[0]) and goes on" + (c.count > 1 ? "; or \(c.dropFirst().joined(separator: ", "))" : "")
                    screen.put(hint, row: r, column: x + valueWidth / 2 + 12, width: valueWidth / 2 - 12, style: c.isEmpty ? .error : .accent)
                }
            } else {
                let value = choiceText(field, editor, state)
                screen.bar(value, row: r, column: x, width: valueWidth / 2 + 10, style: focused ? .selected : .plain)
                if focused {
                    let hint = field == .format || field == .status ? "Space or ← → to change" : field == .cosponsors ? "Enter adds, Backspace removes the last" : "Enter to choose, Backspace clears"
                    screen.put(hint, row: r, column: x + valueWidth / 2 + 12, width: valueWidth / 2 - 12, style: .dim)
                }
            }
            r += rows
        }
        // Live slot, findings (below a blank line where there is room for one).
        if state.height >= 28 { r += 1 }
        let room = max(0, rect.bottom - 2 - r)
        screen.draw(slotAndFindings(editor, state, width: rect.width - 4, room: room), in: Rect(row: r, column: rect.column + 2, width: rect.width - 4, height: room))
        let footer = editor.message ?? "Tab fields  Enter next/save  Ctrl-J line break (description, links, notes)  Ctrl-S save  Esc cancel"
        screen.put(footer, row: rect.bottom - 2, column: rect.column + 2, width: rect.width - 4, style: editor.message == nil ? .dim : .error)
    }

    /// The slot in every display zone and the draft's findings, in at most `room` lines. Findings
    /// come first when room is short: the slot shrinks to one line of zones, then each finding to
    /// one line, and only then do the last findings give way to a line that counts them.
    static func slotAndFindings(_ editor: PanelEditor, _ state: AppState, width: Int, room: Int) -> [StyledLine] {
        var slot: [StyledLine] = [], compact: [StyledLine] = []
        switch editor.slot {
        case .success(let s)?:
            slot = PanelDetail.slotLines(s, zones: state.displayZones).map { StyledLine($0, .accent) }
            let own = s.zone.local(at: s.span.start).date
            let others = state.displayZones.filter { $0 != s.zone }.map { zone in
                let shift = TimeFormat.dayShift(from: own, to: zone.local(at: s.span.start).date)
                return TimeFormat.range(s.span, in: zone) + (shift.isEmpty ? "" : " \(shift)")
            }
            let first = "\(TimeFormat.weekdayDate(own)) \(own.year)  \(TimeFormat.range(s.span, in: s.zone))"
            compact = StyledLine.wrapped(([first] + others).joined(separator: " · "), width: width, style: .accent, hanging: 2)
            if s.ambiguity != nil {
                let fold = StyledLine("this time occurs twice that day (clocks go back); the first is used", .warning)
                slot.append(fold)
                compact.append(fold)
            }
        case .failure(let problem)?:
            slot = [StyledLine(problem.description, .error)]
            compact = slot
        case nil:
            slot = [StyledLine("the slot appears here once date, start, zone and minutes are valid", .dim)]
            compact = slot
        }
        let findings = state.editorPreview(editor)?.findings ?? []
        let marked = findings.map { ("\($0.severity == .error ? "✗" : "!") \($0.message)", $0.severity == .error ? Style.error : .warning) }
        let wrapped = marked.flatMap { StyledLine.wrapped($0.0, width: width, style: $0.1, hanging: 2) }
        if slot.count + wrapped.count <= room { return slot + wrapped }
        if compact.count + wrapped.count <= room { return compact + wrapped }
        let short = marked.map { StyledLine($0.0, $0.1) }
        if compact.count + short.count <= room { return compact + short }
        let shown = max(0, room - compact.count - 1)
        return compact + short.prefix(shown) + [StyledLine("… \(short.count - shown) more: the Findings screen lists every one once the panel is saved", .dim)]
    }

    static func choiceText(_ field: PanelEditor.Field, _ editor: PanelEditor, _ state: AppState) -> String {
        switch field {
        case .series: return editor.series.map { state.catalog.series[$0]?.name ?? $0.rawValue } ?? "(none)"
        case .format: return editor.format.label
        case .status: return editor.status.rawValue
        case .host:
            if let host = editor.host { return state.catalog.organizations[host]?.displayName ?? host.rawValue }
            if let series = editor.series, let host = state.catalog.series[series]?.host { return "(series host: \(state.catalog.name(of: host)))" }
            return "(none)"
        case .cosponsors:
            return editor.cosponsors.isEmpty ? "(none)" : editor.cosponsors.map { state.catalog.organizations[$0]?.shortName ?? state.catalog.name(of: $0) }.joined(separator: ", ")
        default: return ""
        }
    }
}

/// The roster and organizations editor.
enum RosterView {
    static func draw(_ editor: RosterEditor, _ screen: inout Screen, _ state: AppState) {
        guard let panel = state.catalog.panels[editor.panelID] else { return }
        let rect = Rect(row: 1, column: 0, width: state.width, height: state.height - 2)
        screen.box(rect, title: "Roster and organizations")
        var r = rect.row + 1
        let width = rect.width - 4
        screen.put(panel.title, row: r, column: rect.column + 2, width: width, style: .bold)
        r += 1
        if let slot = try? panel.slot().get() {
            screen.put(PanelDetail.slotLines(slot, zones: state.displayZones).first ?? "", row: r, column: rect.column + 2, width: width, style: .dim)
        }
        r += 2
        screen.put("Roster" + (editor.section == .roster ? "" : "  (Tab)"), row: r, column: rect.column + 2, width: width, style: editor.section == .roster ? .header : .dim)
        r += 1
        if panel.roster.isEmpty { screen.put("nobody yet: a adds a person", row: r, column: rect.column + 4, width: width - 2, style: .dim); r += 1 }
        for (k, entry) in panel.roster.enumerated() {
            let selected = editor.section == .roster && k == editor.selected
            let name = state.catalog.people[entry.person]?.name ?? "\(entry.person) (unknown)"
            let title = state.catalog.titleLine(for: entry).map { " — " + $0 } ?? ""
            let status = entry.status == .confirmed ? "" : " (\(entry.status.rawValue))"
            screen.bar("  \(entry.role.label.padding(10))\(name)\(status)\(title)", row: r, column: rect.column + 1, width: rect.width - 2,
                       style: selected ? .selected : (entry.status == .declined ? .dim : .plain))
            r += 1
            if r >= rect.bottom - 8 { break }
        }
        r += 1
        screen.put("Organizations" + (editor.section == .organizations ? "" : "  (Tab)"), row: r, column: rect.column + 2, width: width,
                   style: editor.section == .organizations ? .header : .dim)
        r += 1
        let hostText = panel.host.map { state.catalog.organizations[$0]?.displayName ?? $0.rawValue }
            ?? state.catalog.effectiveHost(of: panel).map { "(series host: \(state.catalog.name(of: $0)))" } ?? "(none)"
        screen.bar("  Host        \(hostText)", row: r, column: rect.column + 1, width: rect.width - 2,
                   style: editor.section == .organizations && editor.selected == 0 ? .selected : .plain)
        r += 1
        for (k, org) in panel.cosponsors.enumerated() where r < rect.bottom - 5 {
            screen.bar("  Co-sponsor  \(state.catalog.organizations[org]?.displayName ?? org.rawValue)", row: r, column: rect.column + 1, width: rect.width - 2,
                       style: editor.section == .organizations && editor.selected == k + 1 ? .selected : .plain)
            r += 1
        }
        // The findings whole where there is room (wrapped), else a line each.
        let findings = state.schedule.findings(forPanel: panel).map { ("\($0.severity == .error ? "✗" : "!") \($0.message)", $0.severity == .error ? Style.error : .warning) }
        r += 1
        let room = max(0, rect.bottom - 3 - r)
        let wrapped = findings.flatMap { StyledLine.wrapped($0.0, width: width, style: $0.1, hanging: 2) }
        screen.draw(wrapped.count <= room ? wrapped : findings.map { StyledLine($0.0, $0.1) }, in: Rect(row: r, column: rect.column + 2, width: width, height: room))
        let hint = editor.section == .roster
            ? "a add  r role  s status  t title  K J move  d remove  Tab organizations  o host  c co-sponsor  u undo  Esc close"
            : "a add co-sponsor  o host  K J move  d remove  Tab roster  u undo  Esc close"
        screen.put(hint, row: rect.bottom - 2, column: rect.column + 2, width: width, style: .dim)
    }
}
