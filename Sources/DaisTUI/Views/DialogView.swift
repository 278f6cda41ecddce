import DaisCore

/// Draws dialogs over the screen.
enum DialogView {
    static func draw(_ overlay: Overlay, _ screen: inout Screen, _ state: AppState) {
        switch overlay {
        case .help(let scroll): drawHelp(scroll, &screen, state)
        case .changes(let changes): drawChanges(changes, &screen, state)
        case .recordedClashes(let dialog):
            drawClashes(title: "A git merge left \(Plural.count(dialog.clashes.count, "clash", "clashes")): choose a side, then save and git add",
                        summary: "The store holds your side (mine) until you choose", hint: "↑ ↓ clash   m mine   t theirs   Enter resolve   Esc later",
                        rows: dialog.clashes.map { ($0.kind, $0.name, $0.field, $0.mine, $0.theirsText) },
                        selected: dialog.selected, takingTheirs: dialog.takingTheirs, &screen, state)
        case .confirm(let c): drawMessage(title: "Confirm", lines: [c.message], choices: c.choices, &screen, state)
        case .storeChanged:
            drawMessage(title: "The store changed on disk",
                        lines: ["\(state.store.path) was changed by someone else since Dais loaded it.", "Nothing was saved. Your edits are still here."],
                        choices: "m Merge both   r Reload from disk (your edits are lost)   a Save yours as   Esc Back", &screen, state)
        case .recovery(let offer):
            drawMessage(title: "Recovered edits",
                        lines: ["Dais found edits that were not saved when it last stopped (\(offer.savedAt)).",
                                "They hold \(Plural.count(offer.catalog.panels.count, "panel")) and \(Plural.count(offer.catalog.people.count, "person", "people"))."],
                        choices: "r Restore them   d Discard them   Esc Decide later", &screen, state)
        case .filter(let dialog): drawFilter(dialog, &screen, state)
        case .zones(let dialog): drawZones(dialog, &screen, state)
        case .prompt(let prompt): drawPrompt(prompt, &screen, state)
        case .picker(let picker): drawPicker(picker, &screen, state)
        case .form(let form): drawForm(form, &screen, state)
        case .roster(let roster): RosterView.draw(roster, &screen, state)
        case .editor(let editor): EditorView.draw(editor, &screen, state)
        case .export(let dialog): drawExport(dialog, &screen, state)
        case .merge(let dialog): drawMerge(dialog, &screen, state)
        case .planner(let planner): PlannerView.draw(planner, &screen, state)
        }
    }

    /// A centred box of a width (capped by the screen) and height.
    static func centered(width: Int, height: Int, _ state: AppState) -> Rect {
        let w = min(width, state.width - 2), h = min(height, state.height - 2)
        return Rect(row: max(1, (state.height - h) / 2), column: max(1, (state.width - w) / 2), width: w, height: h)
    }

    static func drawMessage(title: String, lines: [String], choices: String, _ screen: inout Screen, _ state: AppState) {
        let width = min(state.width - 4, 76)
        var body: [StyledLine] = []
        for line in lines { body += StyledLine.wrapped(line, width: width - 4) }
        body.append(StyledLine(""))
        body.append(StyledLine(choices, .bold))
        let rect = centered(width: width, height: body.count + 2, state)
        screen.box(rect, title: title)
        screen.draw(body, in: rect.inset(by: 1).shifted(columns: 1))
    }

    static func drawHelp(_ scroll: Int, _ screen: inout Screen, _ state: AppState) {
        let rect = Rect(row: 1, column: 0, width: state.width, height: state.height - 2)
        screen.box(rect, title: "Keys (↑ ↓ PgUp PgDn scroll, Esc closes)")
        let lines = KeyMap.helpLines().map { line -> StyledLine in
            line.hasPrefix("  ") || line.isEmpty ? StyledLine(line) : StyledLine(line, .bold)
        }
        screen.draw(lines, in: rect.inset(by: 1).shifted(columns: 1), top: scroll)
    }

    /// The Changes screen: the report of `dais changes`, panel headings bold, changes in the accent.
    static func drawChanges(_ changes: ChangesScreen, _ screen: inout Screen, _ state: AppState) {
        let rect = Rect(row: 1, column: 0, width: state.width, height: state.height - 2)
        screen.box(rect, title: "Changes to announce (o compare with a file or revision, ↑ ↓ PgUp PgDn scroll, Esc closes)")
        let inner = rect.inset(by: 1).shifted(columns: 1)
        screen.draw(changes.rows(width: inner.width), in: inner, top: changes.scroll)
    }

    static func drawFilter(_ dialog: FilterDialog, _ screen: inout Screen, _ state: AppState) {
        let rect = centered(width: 64, height: 10, state)
        screen.box(rect, title: "Filter panels")
        let f = state.filter
        let values: [(FilterDialog.Row, String, String)] = [
            (.series, "Series", f.series.map { state.catalog.series[$0]?.name ?? $0.rawValue } ?? "any"),
            (.status, "Status", f.status?.rawValue ?? "any"),
            (.person, "Person", f.person.map { state.catalog.name(of: $0) } ?? "anyone"),
            (.findings, "Findings", f.findings.rawValue),
        ]
        for (k, (row, label, value)) in values.enumerated() {
            let selected = row == dialog.row
            screen.bar("  \(label.padding(10))\(value)", row: rect.row + 1 + k, column: rect.column + 1, width: rect.width - 2,
                       style: selected ? .selected : .plain)
        }
        screen.put("\(state.panelCount) of \(Plural.count(state.panelOrder.count, "panel")) shown", row: rect.row + 6, column: rect.column + 2, width: rect.width - 4, style: .accent)
        screen.put("← → change  Enter choose  x clear  f keep  Esc restore", row: rect.bottom - 2, column: rect.column + 2, width: rect.width - 4, style: .dim)
    }

    static func drawZones(_ dialog: ZoneDialog, _ screen: inout Screen, _ state: AppState) {
        let zones = state.catalog.settings.displayZones
        let rect = centered(width: 64, height: zones.count + 6, state)
        screen.box(rect, title: "Display zones")
        for (k, id) in zones.enumerated() {
            let current = Zone.named(id) == state.zone
            let text = "\(current ? "●" : " ") \(id)" + (Zone.named(id) == nil ? "  (not a zone)" : "")
            screen.bar(" " + text, row: rect.row + 1 + k, column: rect.column + 1, width: rect.width - 2, style: k == dialog.selected ? .selected : .plain)
        }
        screen.put("Enter show times here  a add  d remove  K J move  Esc close", row: rect.bottom - 2, column: rect.column + 2, width: rect.width - 4, style: .dim)
    }

    /// The clashes of a merge, three lines each: what, mine, theirs; the chosen side marked.
    static func drawMerge(_ dialog: MergeDialog, _ screen: inout Screen, _ state: AppState) {
        let clashes = dialog.merge.clashes
        drawClashes(title: "Merge with the store on disk: \(clashes.count) clash\(clashes.count == 1 ? "" : "es")", summary: dialog.merge.summary,
                    hint: "↑ ↓ clash   m mine   t theirs   Enter merge   Esc back",
                    rows: clashes.map { ($0.record, $0.name, $0.field, $0.mine, $0.theirs) }, selected: dialog.selected,
                    takingTheirs: dialog.takingTheirs, &screen, state)
    }

    /// Clashes three lines each: what, mine, theirs; the chosen side marked.
    static func drawClashes(title: String, summary: String, hint: String, rows clashes: [(record: String, name: String, field: String, mine: String, theirs: String)],
                            selected: Int, takingTheirs: Set<Int>, _ screen: inout Screen, _ state: AppState) {
        let rect = centered(width: 96, height: min(state.height - 2, 3 * clashes.count + 7), state)
        screen.box(rect, title: title)
        let inner = rect.inset(by: 1)
        _ = screen.put(summary, row: inner.row, column: inner.column + 1, width: inner.width - 2, style: .accent)
        let visible = max(1, (inner.height - 3) / 3)
        let first = min(max(0, selected - visible + 1), max(0, clashes.count - visible))
        for (k, index) in (first..<min(clashes.count, first + visible)).enumerated() {
            let clash = clashes[index]
            let theirs = takingTheirs.contains(index)
            let row = inner.row + 2 + 3 * k
            // The field first: a long title is cut, never what clashed.
            screen.bar("\(clash.field) of \(clash.record) \"\(clash.name)\"", row: row, column: inner.column, width: inner.width,
                       style: index == selected ? .selected : .bold)
            _ = screen.put("  \(theirs ? " " : "●") mine:   \(clash.mine)", row: row + 1, column: inner.column, width: inner.width, style: theirs ? .dim : .plain)
            _ = screen.put("  \(theirs ? "●" : " ") theirs: \(clash.theirs)", row: row + 2, column: inner.column, width: inner.width, style: theirs ? .plain : .dim)
        }
        _ = screen.put(hint, row: rect.bottom - 2, column: inner.column + 1, width: inner.width - 2, style: .dim)
    }

    static func drawPrompt(_ prompt: Prompt, _ screen: inout Screen, _ state: AppState) {
        var completions: [String] = []
        if case .addZone = prompt.purpose { completions = ZoneAliases.completions(for: prompt.field.text, limit: 5) }
        let rect = centered(width: 72, height: 6 + completions.count, state)
        screen.box(rect, title: prompt.title)
        screen.draw(prompt.field, in: Rect(row: rect.row + 2, column: rect.column + 2, width: rect.width - 4, height: 1), focused: true, style: .bold)
        if let message = prompt.message {
            screen.put(message, row: rect.row + 3, column: rect.column + 2, width: rect.width - 4, style: .error)
        }
        for (k, c) in completions.enumerated() {
            screen.put("  " + c, row: rect.row + 4 + k, column: rect.column + 2, width: rect.width - 4, style: k == 0 ? .accent : .dim)
        }
        screen.put("Enter accept  Esc cancel" + (completions.isEmpty ? "" : "  Tab complete"), row: rect.bottom - 1, column: rect.column + 2, width: rect.width - 4, style: .dim)
    }

    static func drawPicker(_ picker: Picker, _ screen: inout Screen, _ state: AppState) {
        let items = state.pickerItems(picker)
        let rect = centered(width: min(100, state.width - 4), height: state.height - 4, state)
        let noun = picker.kind == .person ? "a person" : picker.kind == .organization ? "an organization" : "a series"
        screen.box(rect, title: "Choose \(noun): type to search")
        screen.draw(picker.query, in: Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: 1), focused: true, style: .bold)
        let listHeight = rect.height - 4
        let top = max(0, picker.selected - listHeight + 1)
        for (k, item) in items.dropFirst(top).prefix(listHeight).enumerated() {
            let selected = top + k == picker.selected
            let r = rect.row + 3 + k
            let (primary, secondary) = describe(item, picker.kind, state)
            screen.bar("", row: r, column: rect.column + 1, width: rect.width - 2, style: selected ? .selected : .plain)
            let used = screen.put(" " + primary, row: r, column: rect.column + 1, width: rect.width - 2, style: selected ? .selected : .bold)
            screen.put("  " + secondary, row: r, column: rect.column + 1 + used, width: rect.width - 2 - used, style: selected ? .selected : .dim)
        }
        if items.isEmpty { screen.put("nothing matches", row: rect.row + 3, column: rect.column + 3, width: rect.width - 6, style: .dim) }
    }

    static func describe(_ item: PickerItem, _ kind: Picker.Kind, _ state: AppState) -> (String, String) {
        switch item {
        case .none: return ("(none)", "")
        case .new(let name):
            let noun = kind == .person ? "person" : kind == .organization ? "organization" : "series"
            return ("+ New \(noun) “\(name)”", "")
        case .person(let id):
            let p = state.catalog.people[id]
            return (p?.name ?? id.rawValue, [p?.homeZone, p?.titleLine, p?.email].compactMap { $0 }.joined(separator: " · "))
        case .organization(let id):
            let o = state.catalog.organizations[id]
            return (o?.displayName ?? id.rawValue, "")
        case .series(let id):
            return (state.catalog.series[id]?.name ?? id.rawValue, "")
        }
    }

    static func drawExport(_ dialog: ExportDialog, _ screen: inout Screen, _ state: AppState) {
        let rect = centered(width: 76, height: 12, state)
        screen.box(rect, title: "Export the agenda")
        let rows: [(ExportDialog.Row, String)] = [(.format, "Format"), (.selection, "Panels"), (.statuses, "Statuses"), (.title, "Title"), (.file, "File")]
        for (k, (row, label)) in rows.enumerated() {
            let r = rect.row + 1 + k
            let focused = row == dialog.row
            screen.put(label, row: r, column: rect.column + 2, width: 9, style: focused ? .bold : .dim)
            let x = rect.column + 11, w = rect.width - 13
            switch row {
            case .format: screen.bar(dialog.format.label, row: r, column: x, width: w, style: focused ? .selected : .plain)
            case .selection: screen.bar(state.describe(dialog.selection), row: r, column: x, width: w, style: focused ? .selected : .plain)
            case .statuses: screen.bar(dialog.statuses.rawValue, row: r, column: x, width: w, style: focused ? .selected : .plain)
            case .title:
                if dialog.title.text.isEmpty && !focused {
                    screen.put("(the series' name, else “Agenda”)", row: r, column: x, width: w, style: .dim)
                } else {
                    screen.draw(dialog.title, in: Rect(row: r, column: x, width: w, height: 1), focused: focused, style: focused ? .selected : .plain)
                }
            case .file: screen.draw(dialog.file, in: Rect(row: r, column: x, width: w, height: 1), focused: focused, style: focused ? .selected : .plain)
            }
        }
        let zones = state.displayZones.map(\.identifier).joined(separator: ", ")
        screen.put("Times shown in: \(zones)", row: rect.row + 7, column: rect.column + 2, width: rect.width - 4, style: .dim)
        if let message = dialog.message { screen.put(message, row: rect.row + 8, column: rect.column + 2, width: rect.width - 4, style: .error) }
        screen.put("↑ ↓ row  ← → change  Enter write  Esc close", row: rect.bottom - 2, column: rect.column + 2, width: rect.width - 4, style: .dim)
    }

    static func drawForm(_ form: RecordForm, _ screen: inout Screen, _ state: AppState) {
        let multilineRows = 3
        let height = form.fields.reduce(0) { $0 + ($1.multiline ? multilineRows : 1) } + 5
        let rect = centered(width: 76, height: height, state)
        screen.box(rect, title: form.title)
        var r = rect.row + 1
        let labelWidth = 13
        for (k, field) in form.fields.enumerated() {
            let focused = k == form.focus
            screen.put(form.labels[k], row: r, column: rect.column + 2, width: labelWidth, style: focused ? .bold : .dim)
            let rows = field.multiline ? multilineRows : 1
            screen.draw(field, in: Rect(row: r, column: rect.column + 2 + labelWidth, width: rect.width - labelWidth - 4, height: rows), focused: focused)
            r += rows
        }
        if case .series = form.kind, form.focus == 1 {
            screen.put("Enter chooses the organization (or makes a new one)", row: r, column: rect.column + 2 + labelWidth,
                       width: rect.width - labelWidth - 4, style: .accent)
        }
        if form.labels[form.focus] == "Home zone", ZoneAliases.lookup(form.fields[form.focus].text).zone == nil {
            let c = ZoneAliases.completions(for: form.fields[form.focus].text, limit: 3)
            if !c.isEmpty {
                let hint = "Tab takes \(c[0]) and goes on" + (c.count > 1 ? "; or \(c.dropFirst().joined(separator: ", "))" : "")
                // On the row under the form's last field (a wrapped line when it does not fit).
                let lines = StyledLine.wrapped(hint, width: rect.width - labelWidth - 4, style: .accent)
                screen.draw(lines, in: Rect(row: r, column: rect.column + 2 + labelWidth, width: rect.width - labelWidth - 4, height: max(1, rect.bottom - 3 - r)))
            }
        }
        if let message = form.message { screen.put(message, row: rect.bottom - 3, column: rect.column + 2, width: rect.width - 4, style: .error) }
        screen.put("Tab next  Enter next/save  Ctrl-J line break (notes)  Ctrl-S save  Esc cancel", row: rect.bottom - 2, column: rect.column + 2, width: rect.width - 4, style: .dim)
    }
}

extension Rect {
    func shifted(columns: Int) -> Rect { Rect(row: row, column: column + columns, width: width - columns, height: height) }
}
