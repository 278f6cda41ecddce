import DaisCore

/// The console's update function: the new state and the effects for the shell, from one action.
/// Pure: no terminal, no files, no clock.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    var effects = state.update(action)
    // The Findings screen reads every finding on each key: they are gathered and sorted once per
    // version, in the background after the first frame and after edits, or here when the screen is
    // shown before that is done.
    if state.findingsCache?.version != state.version {
        if state.tab == .findings {
            state.findingsCache = (state.version, state.schedule.findings)
        } else if state.findingsRequested < 0 {
            state.findingsRequested = state.version
            effects.append(.sortFindings(state.schedule, version: state.version))
        }
    }
    // Search texts are folded in the background: once at start, and again when a search begins after edits.
    if state.corpora?.version != state.version && state.corporaRequested < 0 {
        state.corporaRequested = state.version
        effects.append(state.corporaEffect)
    }
    return effects
}

extension AppState {
    /// The effect that builds the search corpora for the current version.
    var corporaEffect: Effect {
        .buildSearchCorpora(catalog, panels: panelOrder.ids, people: peopleOrder.ids, organizations: organizationOrder.ids, version: version)
    }
}

extension AppState {
    mutating func update(_ action: Action) -> [Effect] {
    switch action {
    case .key(let key):
        self.notice = nil
        return self.handle(key)
    case .resize(let width, let height):
        self.width = width
        self.height = height
        self.scrollEveryListToSelection()
        return []
    case .saved(let fingerprint, let path, let written):
        if path == self.store.path {
            if let written { self.catalog = written }
            // Said once, on the save that first writes format 2 over a format-1 store.
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let upgrade = StoreEncoder.upgradeNotice(from: self.savedCatalog, to: self.catalog, name: name)
            self.store.fingerprint = fingerprint
            self.savedCatalog = self.catalog
            self.history.markSaved()
            self.notice = Notice(upgrade.map { "Saved: " + $0 } ?? "Saved \(path)", .success)
        } else {
            self.notice = Notice("Saved your version as \(path); the store itself was not changed", .success)
        }
        if self.quittingAfterSave {
            self.quitting = true
            return [.quit]
        }
        return []
    case .changesBaseLoaded(let base, let label):
        self.notice = nil
        if case .changes? = self.overlays.last {
            self.overlays[self.overlays.count - 1] = .changes(ChangesScreen(from: base, to: self.catalog, since: label))
        }
        return []
    case .changesBaseFailed(let reason):
        self.notice = Notice(reason, .error)
        return []
    case .saveFailed(let error):
        self.quittingAfterSave = false
        if case .changedOnDisk = error {
            self.overlays.append(.storeChanged)
        } else {
            self.notice = Notice(error.description, .error)
        }
        return []
    case .mergeLoaded(let loaded):
        let merge = CatalogMerge(base: self.savedCatalog, mine: self.catalog, theirs: loaded.catalog)
        if merge.clashes.isEmpty {
            self.applyMerge(merge.merged, merge, onDisk: loaded)
        } else {
            self.overlays.append(.merge(MergeDialog(merge: merge, onDisk: loaded)))
        }
        return []
    case .reloaded(let loaded):
        self.replaceCatalog(loaded.catalog, fingerprint: loaded.fingerprint, modified: false)
        self.notice = Notice("Reloaded \(self.store.path)", .success)
        return []
    case .reloadFailed(let error):
        self.notice = Notice(error.description, .error)
        return []
    case .waiting(let text):
        self.notice = Notice(text)
        return []
    case .lockAttempted(let refusal):
        return self.lockAttempted(refusal: refusal)
    case .recoveryFound(let offer):
        self.overlays.append(.recovery(offer))
        return []
    case .recoveryDiscarded:
        return []
    case .recoveryWrite(let problem):
        self.recoveryProblem = problem
        return []
    case .findingsSorted(let list, let version):
        if version == self.version { self.findingsCache = (version, list) }
        if self.findingsRequested <= version { self.findingsRequested = -1 }
        return []
    case .searchCorporaReady(let corpora):
        if corpora.panels.version == self.version { self.corpora = corpora }
        if self.corporaRequested <= corpora.panels.version { self.corporaRequested = -1 }
        return []
    case .exported(let path, let count):
        self.notice = Notice("Exported \(Plural.count(count, "panel")) to \(path)", .success)
        return []
    case .exportFailed(let error, let format, let ids, let path):
        if case .refusedOverwrite = error {
            // The dialog comes back under the question: n returns to the file name.
            if var dialog = self.lastExport {
                dialog.row = .file
                dialog.message = "\(path) exists: give another name, or Enter again to replace it"
                self.overlays.append(.export(dialog))
            }
            let title = self.lastExport.flatMap { $0.title.text.strippingSpaces.nonEmpty }
            self.overlays.append(.confirm(Confirmation(subject: .replaceExport(format, ids, path: path, title: title),
                                                        message: "\(path) exists. Replace it?", choices: "y Replace   n Another name")))
        } else {
            self.notice = Notice(error.description, .error)
        }
        return []
    }
    }
}

extension AppState {
    /// The context keys are read in now.
    public var keyContext: KeyContext {
        switch overlays.last {
        case .help?: return .help
        case .confirm?: return .confirm
        case .filter?: return .filter
        case .zones?: return .zones
        case .editor?: return .editor
        case .roster?: return .roster
        case .picker?: return .picker
        case .form?: return .form
        case .prompt?: return .prompt
        case .storeChanged?: return .storeChanged
        case .recovery?: return .recovery
        case .export?: return .export
        case .merge?, .recordedClashes?: return .merge
        case .planner?: return .planner
        case .changes?: return .changes
        case nil:
            if searching { return .search }
            switch tab {
            case .panels: return .panels
            case .week: return .week
            case .findings: return .findings
            case .people, .organizations: return .directory
            }
        }
    }

    mutating func handle(_ key: Key) -> [Effect] {
        // Ctrl-J (a line feed) breaks the line in a text of several lines; anywhere else it is Enter,
        // as some terminals send it for Enter.
        if key == .control("j") && !focusedTextIsMultiline { return handle(.enter) }
        if Layout(width: width, height: height).isTooSmall {
            // Only what the notice shows may act: q (quit), and the quit question it then shows.
            if case .confirm(let question)? = overlays.last, case .quit = question.subject { return handleDialog(key, .confirm) }
            return key == .character("q") ? perform(.quit) : []
        }
        let context = keyContext
        switch context {
        case .help, .confirm, .filter, .zones, .editor, .roster, .picker, .form, .prompt, .storeChanged, .recovery, .export, .merge, .planner, .changes:
            return handleDialog(key, context)
        case .search:
            return handleSearch(key)
        default:
            // Screen-specific bindings first, then lists, then everywhere.
            for scope in KeyMap.scopes(of: context) {
                if let command = KeyMap.command(for: key, in: scope) { return perform(command) }
            }
            // A key of another screen says where it works, instead of doing nothing without a word.
            if let (other, help) = KeyMap.elsewhere(key, from: context) {
                notice = Notice("\(key) works on the \(other.rawValue): \(help)")
            }
            return []
        }
    }

    /// Whether the focused field of the topmost form is a text of several lines.
    var focusedTextIsMultiline: Bool {
        switch overlays.last {
        case .editor(let editor)?: return editor.texts[editor.focus]?.multiline ?? false
        case .form(let form)?: return form.fields[form.focus].multiline
        default: return false
        }
    }

    // MARK: Browsing commands

    mutating func perform(_ command: Command) -> [Effect] {
        switch command {
        case .showTab(let tab): show(tab)
        case .help: overlays.append(.help(scroll: 0))
        case .changes: overlays.append(.changes(ChangesScreen(from: savedCatalog, to: catalog, since: "the last save")))
        case .quit: return quit()
        case .save: return save()
        case .undo: undo()
        case .redo: redo()
        case .search:
            searching = true
            if search[tab] == nil { search[tab] = TextField() }
            if corpora?.version != version && corporaRequested != version {
                corporaRequested = version
                return [corporaEffect]
            }
        case .filter: overlays.append(.filter(FilterDialog(previous: filter)))
        case .zones: overlays.append(.zones(ZoneDialog(selected: min(currentZone, displayZones.count - 1))))
        case .cycleZone:
            currentZone = (currentZone + 1) % displayZones.count
            notice = Notice("Times in \(zone.identifier)")
            scrollToSelection()
        case .toggleFocus: focus = focus == .list ? .details : .list
        case .left:
            if tab == .week { moveDay(-1) } else { focus = .list }
        case .right:
            if tab == .week { moveDay(1) } else { focus = .details }
        case .up: move(-1)
        case .down: move(1)
        case .pageUp: move(-max(1, listHeight - 1))
        case .pageDown: move(max(1, listHeight - 1))
        case .first: move(-Int.max / 2)
        case .last: move(Int.max / 2)
        case .previousWeek: shiftWeek(-7)
        case .nextWeek: shiftWeek(7)
        case .open: open()
        case .new: newRecord()
        case .edit: editRecord()
        case .delete: askDelete()
        case .roster:
            if let panel = tab == .week ? selectedWeekPanel : selectedPanel {
                overlays.append(.roster(RosterEditor(panelID: panel.id)))
            }
        case .export: openExport()
        case .duplicate: askDuplicate()
        case .findTime: openPlanner()
        case .goToDate:
            overlays.append(.prompt(Prompt(.goToDate, title: "Go to the week of (YYYY-MM-DD)", text: weekStart.adding(days: weekDay).description)))
        case .editSeries:
            guard let series = selectedPanel?.series.flatMap({ catalog.series[$0] }) else {
                notice = Notice("S edits the selected panel's series; this panel has none (Enter, then Series, gives it one)")
                break
            }
            overlays.append(.form(.series(series, hostName: series.host.map { catalog.name(of: $0) } ?? "")))
        default: break
        }
        return []
    }

    mutating func show(_ newTab: Tab) {
        if newTab == .week, tab != .week, let panel = selectedPanel, let slot = try? panel.slot().get() {
            let date = zone.local(at: slot.span.start).date
            weekStart = date.adding(days: -date.weekdayIndex)
            weekDay = date.weekdayIndex
            weekRow = weekDays[weekDay].firstIndex { $0.id == panel.id } ?? 0
        }
        tab = newTab
        focus = .list
        searching = false
        scrollToSelection()
    }

    /// Moves the selection (or scrolls the details when they have the focus).
    mutating func move(_ delta: Int) {
        if tab == .week {
            let count = weekDays[weekDay].count
            weekRow = max(0, min(count - 1, weekRow + delta))
            return
        }
        var c = cursor
        if focus == .details && tab != .findings {
            // Stopped at the last line: past it, keys up would first have to undo the overshoot.
            // (Going up, from where the pane stops: the details may have become shorter since.)
            c.detailTop = delta > 0 ? detailTop(atMost: c.detailTop > Int.max - delta ? Int.max : c.detailTop + delta)
                : max(0, detailTop(atMost: c.detailTop) &+ delta)
            cursors[tab] = c
            return
        }
        let count = rowCount
        guard count > 0 else { return }
        let target = delta > 0 ? min(count - 1, c.selected &+ delta) : max(0, c.selected &+ delta)
        c.selected = target
        c.detailTop = 0
        cursors[tab] = c
        scrollToSelection()
    }

    /// Rows of the current tab's list.
    var rowCount: Int {
        switch tab {
        case .panels: return panelCount
        case .people: return peopleCount
        case .organizations: return organizationCount
        case .findings: return findings.count
        case .week: return weekDays[weekDay].count
        }
    }

    /// Keeps the selected row inside the list's window.
    mutating func scrollToSelection() {
        var c = cursor
        let height = max(1, listHeight)
        c.selected = max(0, min(c.selected, max(0, rowCount - 1)))
        if c.selected < c.top { c.top = c.selected }
        if tab == .panels {
            if c.selected - c.top > height { c.top = c.selected - height + 1 }
            while c.top < c.selected, !panelRows(from: c.top, limit: height).contains(.panel(position: c.selected)) { c.top += 1 }
        } else if c.selected >= c.top + height {
            c.top = c.selected - height + 1
        }
        // The list fills its pane: no empty rows below the last row while rows above are hidden
        // (a pane that grew, or rows that went away).
        if tab == .panels {
            while c.top > 0, panelRows(from: c.top - 1, limit: height).contains(.panel(position: rowCount - 1)) { c.top -= 1 }
        } else {
            c.top = min(c.top, rowCount - height)
        }
        c.top = max(0, c.top)
        cursors[tab] = c
    }

    /// `scrollToSelection` for every list, as after a resize (the Findings list only when shown:
    /// counting it may mean gathering every finding).
    mutating func scrollEveryListToSelection() {
        let shown = tab
        for list in Tab.allCases where list != .week && (list != .findings || list == shown) {
            tab = list
            scrollToSelection()
        }
        tab = shown
    }

    mutating func moveDay(_ delta: Int) {
        weekDay += delta
        if weekDay < 0 { shiftWeek(-7); weekDay = 6 } else if weekDay > 6 { shiftWeek(7); weekDay = 0 }
        weekRow = 0
    }

    mutating func shiftWeek(_ days: Int) {
        weekStart = weekStart.adding(days: days)
        weekRow = 0
    }

    var selectedWeekPanel: Panel? {
        let day = weekDays[weekDay]
        return weekRow < day.count ? day[weekRow] : nil
    }

    /// Enter: edit on Panels, People and Organizations; jump to the panel on Findings and Week.
    mutating func open() {
        switch tab {
        case .panels, .people, .organizations: editRecord()
        case .week:
            if let panel = selectedWeekPanel { select(panel: panel.id) }
        case .findings:
            let list = findings
            guard cursor.selected < list.count else { return }
            let finding = list[cursor.selected]
            if let id = finding.panels.first { select(panel: id) } else if let person = finding.people.first { select(person: person) }
        }
    }

    /// Shows a panel selected on the Panels screen, clearing a filter or search that hides it.
    mutating func select(panel id: PanelID) {
        if catalog.panels[id] == nil { return }
        if let visible = visiblePanels, !visible.contains(id) {
            filter = PanelFilter()
            search[.panels] = nil
            visiblePanels = nil
            notice = Notice("Filter and search cleared to show the panel")
        }
        tab = .panels
        focus = .list
        cursors[.panels]?.selected = visiblePanels?.firstIndex(of: id) ?? panelOrder.position(of: id) ?? 0
        cursors[.panels]?.detailTop = 0
        scrollToSelection()
    }

    mutating func select(person id: PersonID) {
        tab = .people
        if let visible = visiblePeople, !visible.contains(id) {
            search[.people] = nil
            visiblePeople = nil
        }
        cursors[.people]?.selected = visiblePeople?.firstIndex(of: id) ?? peopleOrder.position(of: id) ?? 0
        scrollToSelection()
    }

    /// Asks for the date of a copy of the selected panel (a month later, to begin with).
    mutating func askDuplicate() {
        guard let panel = tab == .week ? selectedWeekPanel : selectedPanel else {
            notice = Notice("c copies the selected panel: choose one on the Panels or Week screen")
            return
        }
        let d = panel.start.date
        let next = LocalDate(year: d.month == 12 ? d.year + 1 : d.year, month: d.month % 12 + 1, day: min(d.day, 28)) ?? d
        overlays.append(.prompt(Prompt(.duplicate(panel.id), title: "Copy '\(panel.title)' to the date (same time, zone, series, roster, organizations)",
                                       text: next.description)))
    }

    mutating func newRecord() {
        switch tab {
        case .panels, .week, .findings:
            // A new panel starts like the selected one: its zone (a Sydney panel begets a Sydney
            // panel), its date there, its series.
            let model = tab == .week ? selectedWeekPanel : selectedPanel
            let modelZone = model.flatMap { Zone.named($0.zone) } ?? zone
            var date = model.flatMap { try? $0.slot().get() }.map { modelZone.local(at: $0.span.start).date } ?? weekStart
            if tab == .week { date = weekStart.adding(days: weekDay) }
            let series = tab == .panels ? selectedPanel?.series : nil
            overlays.append(.editor(PanelEditor(panel: nil, date: date, zone: modelZone.identifier, series: series)))
        case .people: overlays.append(.form(.person(nil)))
        case .organizations: overlays.append(.form(.organization(nil)))
        }
    }

    mutating func editRecord() {
        switch tab {
        case .panels, .findings:
            guard let panel = tab == .findings ? findings[safe: cursor.selected]?.panels.first.flatMap({ catalog.panels[$0] }) : selectedPanel else { return }
            overlays.append(.editor(PanelEditor(panel: panel, date: panel.start.date, zone: panel.zone)))
        case .week:
            if let panel = selectedWeekPanel { overlays.append(.editor(PanelEditor(panel: panel, date: panel.start.date, zone: panel.zone))) }
        case .people:
            if let person = selectedPerson { overlays.append(.form(.person(person))) }
        case .organizations:
            if let org = selectedOrganization { overlays.append(.form(.organization(org))) }
        }
    }

    mutating func askDelete() {
        switch tab {
        case .panels, .week:
            guard let panel = tab == .week ? selectedWeekPanel : selectedPanel else { return }
            overlays.append(.confirm(Confirmation(subject: .deletePanel(panel.id), message: "Delete the panel '\(panel.title)'?",
                                                  choices: "y Delete   n Keep it")))
        case .people:
            guard let person = selectedPerson else { return }
            let count = catalog.panels.values.filter { $0.roster.contains { $0.person == person.id } }.count
            let extra = count == 0 ? "" : count == 1 ? " They are on 1 panel and will be taken off its roster."
                : " They are on \(count) panels and will be taken off those rosters."
            overlays.append(.confirm(Confirmation(subject: .deletePerson(person.id), message: "Delete \(person.name)?\(extra)",
                                                  choices: "y Delete   n Keep")))
        case .organizations:
            guard let org = selectedOrganization else { return }
            overlays.append(.confirm(Confirmation(subject: .deleteOrganization(org.id),
                                                  message: "Delete \(org.name)? Panels it hosts or co-sponsors will no longer name it.",
                                                  choices: "y Delete   n Keep")))
        case .findings: break
        }
    }

    mutating func quit() -> [Effect] {
        if isModified {
            overlays.append(.confirm(Confirmation(subject: .quit, message: "There are unsaved changes.",
                                                  choices: "s Save and quit   q Quit without saving   n Stay")))
            return []
        }
        quitting = true
        return [.quit]
    }

    mutating func save() -> [Effect] {
        if store.readOnlyReason != nil {
            // The other holder may be gone by now: try the lock again, and save if it is ours.
            return [.takeLock(path: store.path)]
        }
        return [.save(catalog, base: savedCatalog, store)]
    }

    /// After trying to take the lock for a save: save, or offer to save under another name.
    mutating func lockAttempted(refusal: String?) -> [Effect] {
        guard let refusal else {
            store.readOnlyReason = nil
            notice = Notice("This console now holds the store (the other one closed)", .success)
            return [.save(catalog, base: savedCatalog, store)]
        }
        quittingAfterSave = false
        store.readOnlyReason = refusal
        var prompt = Prompt(.saveAs, title: "Read-only: save your version as (a new file)", text: store.path + ".mine.json")
        prompt.message = "Read-only: \(refusal)"
        overlays.append(.prompt(prompt))
        return []
    }

    // MARK: Search

    mutating func handleSearch(_ key: Key) -> [Effect] {
        if let command = KeyMap.command(for: key, in: .search) {
            searching = false
            if command == .cancel {
                search[tab] = nil
                applySearchAndFilter()
            }
            return []
        }
        var field = search[tab] ?? TextField()
        if [Key.up, .down, .pageUp, .pageDown].contains(key) {
            searching = false
            return perform(key == .up ? .up : key == .down ? .down : key == .pageUp ? .pageUp : .pageDown)
        }
        let before = field.text
        field.apply(key)
        search[tab] = field
        applySearchAndFilter(narrowingFrom: field.text.hasPrefix(before) ? before : nil)
        return []
    }

    /// Recomputes the visible rows of the current tab from its search text (and the panel filter).
    /// `narrowingFrom` is the previous query when the new one extends it: only the rows that matched
    /// it are searched again.
    mutating func applySearchAndFilter(narrowingFrom previous: String? = nil, keepingTab: Tab? = nil) {
        let t = keepingTab ?? tab
        let query = NameFolding.fold(search[t]?.text ?? "")
        let selectedPanelID = panelID(at: cursors[.panels]?.selected ?? 0)
        /// Positions matching the query in a corpus, narrowed from the last search when it extends it.
        func positions<ID>(_ corpus: SearchCorpus<ID>, _ key: Tab) -> [Int32] {
            let found = corpus.matches(query, narrowing: previous != nil ? lastMatches[key] : nil)
            lastMatches[key] = found
            return found.positions
        }
        switch t {
        case .panels, .week, .findings:
            if query.isEmpty && !filter.isActive {
                visiblePanels = nil
                lastMatches[.panels] = nil
            } else if let corpus = corpora?.panels, corpus.version == version {
                let ids = query.isEmpty ? corpus.ids : positions(corpus, .panels).map { corpus.ids[Int($0)] }
                visiblePanels = filter.isActive ? ids.filter { catalog.panels[$0].map(matchesFilter) ?? false } : ids
            } else {
                let base: [PanelID] = (previous != nil && !(previous!.isEmpty) ? visiblePanels : nil) ?? panelOrder.ids
                visiblePanels = base.filter { id in
                    guard let panel = catalog.panels[id] else { return false }
                    return matchesFilter(panel) && (query.isEmpty || NameFolding.fold(searchText(panel)).contains(query))
                }
            }
            if let id = selectedPanelID {
                if let visible = visiblePanels {
                    cursors[.panels]?.selected = visible.firstIndex(of: id) ?? 0
                } else {
                    cursors[.panels]?.selected = panelOrder.position(of: id) ?? 0
                }
            }
        case .people:
            if query.isEmpty {
                visiblePeople = nil
            } else if let corpus = corpora?.people, corpus.version == version {
                visiblePeople = positions(corpus, .people).map { corpus.ids[Int($0)] }
            } else {
                visiblePeople = peopleOrder.ids.filter { id in catalog.people[id].map { NameFolding.fold(AppState.searchText($0)).contains(query) } ?? false }
            }
            cursors[.people]?.selected = 0
        case .organizations:
            if query.isEmpty {
                visibleOrganizations = nil
            } else if let corpus = corpora?.organizations, corpus.version == version {
                visibleOrganizations = positions(corpus, .organizations).map { corpus.ids[Int($0)] }
            } else {
                visibleOrganizations = organizationOrder.ids.filter { id in catalog.organizations[id].map { NameFolding.fold(AppState.searchText($0)).contains(query) } ?? false }
            }
            cursors[.organizations]?.selected = 0
        }
        let saved = tab
        tab = t == .week || t == .findings ? .panels : t
        scrollToSelection()
        tab = saved
    }

    /// What search looks in for a panel: title, series, people, host and co-sponsors.
    func searchText(_ panel: Panel) -> String { AppState.searchText(panel, catalog) }

    static func searchText(_ panel: Panel, _ catalog: Catalog) -> String {
        var parts = [panel.title]
        if let s = panel.series { parts.append(catalog.series[s]?.name ?? "") }
        for entry in panel.roster { parts.append(catalog.name(of: entry.person)) }
        if let host = catalog.effectiveHost(of: panel) { parts.append(catalog.name(of: host)) }
        for org in panel.cosponsors { parts.append(catalog.name(of: org)) }
        return parts.joined(separator: " ")
    }

    static func searchText(_ person: Person) -> String {
        [person.name, person.title ?? "", person.affiliation ?? "", person.email ?? ""].joined(separator: " ")
    }

    static func searchText(_ org: Organization) -> String { "\(org.name) \(org.shortName ?? "")" }
}

extension Array {
    subscript(safe index: Int) -> Element? { index >= 0 && index < count ? self[index] : nil }
}
