import DaisCore

extension AppState {
    /// Routes a key to the topmost dialog.
    mutating func handleDialog(_ key: Key, _ context: KeyContext) -> [Effect] {
        switch overlays.last {
        case .help(let scroll)?:
            let lines = KeyMap.helpLines().count
            let page = max(1, height - 4)
            switch KeyMap.command(for: key, in: .help) {
            case .down?: overlays[overlays.count - 1] = .help(scroll: min(max(0, lines - page), scroll + 1))
            case .up?: overlays[overlays.count - 1] = .help(scroll: max(0, scroll - 1))
            case .pageDown?: overlays[overlays.count - 1] = .help(scroll: min(max(0, lines - page), scroll + page))
            case .pageUp?: overlays[overlays.count - 1] = .help(scroll: max(0, scroll - page))
            case .cancel?: overlays.removeLast()
            default: break
            }
            return []
        case .changes(var screen)?:
            let page = max(1, height - 4), last = max(0, screen.rows(width: width - 3).count - page)
            switch KeyMap.command(for: key, in: .changes) {
            case .down?: screen.scroll = min(last, screen.scroll + 1)
            case .up?: screen.scroll = max(0, screen.scroll - 1)
            case .pageDown?: screen.scroll = min(last, screen.scroll + page)
            case .pageUp?: screen.scroll = max(0, screen.scroll - page)
            case .compareWith?:
                overlays.append(.prompt(Prompt(.changesSince, title: "Compare with a store file or a git revision of this store (HEAD~1, a tag)", text: "HEAD")))
                return []
            case .cancel?:
                overlays.removeLast()
                return []
            default: return []
            }
            overlays[overlays.count - 1] = .changes(screen)
            return []
        case .confirm(let confirmation)?:
            return handleConfirm(confirmation, KeyMap.command(for: key, in: .confirm))
        case .planner(let planner)?:
            handlePlanner(planner, KeyMap.command(for: key, in: .planner))
            return []
        case .storeChanged?:
            switch KeyMap.command(for: key, in: .storeChanged) {
            case .reload?:
                overlays.removeLast()
                return [.reload(path: store.path)]
            case .merge?:
                overlays.removeLast()
                return [.loadForMerge(path: store.path)]
            case .saveAs?:
                overlays.removeLast()
                overlays.append(.prompt(Prompt(.saveAs, title: "Save your version as (a new file)", text: store.path + ".mine.json")))
            case .cancel?: overlays.removeLast()
            default: break
            }
            return []
        case .recordedClashes(var dialog)?:
            let command = KeyMap.command(for: key, in: .merge)
            switch command {
            case .accept?:
                overlays.removeLast()
                resolveRecordedClashes(dialog)
                return []
            case .cancel?:
                overlays.removeLast()
                notice = Notice("The clashes stay recorded (dais check lists them); reopen the store to choose")
                return []
            default: AppState.choose(command, among: dialog.clashes.count, &dialog.selected, &dialog.takingTheirs)
            }
            overlays[overlays.count - 1] = .recordedClashes(dialog)
            return []
        case .merge(var dialog)?:
            let command = KeyMap.command(for: key, in: .merge)
            switch command {
            case .accept?:
                overlays.removeLast()
                applyMerge(dialog.merge.resolved(takingTheirs: dialog.takingTheirs), dialog.merge, onDisk: dialog.onDisk)
                return []
            case .cancel?:
                overlays.removeLast()
                notice = Notice("Not merged; nothing changed. s tries to save again.")
                return []
            default: AppState.choose(command, among: dialog.merge.clashes.count, &dialog.selected, &dialog.takingTheirs)
            }
            overlays[overlays.count - 1] = .merge(dialog)
            return []
        case .recovery(let offer)?:
            switch KeyMap.command(for: key, in: .recovery) {
            case .restore?:
                overlays.removeLast()
                let path = store.path
                replaceCatalog(offer.catalog, fingerprint: store.fingerprint, modified: true, base: savedCatalog)
                notice = Notice("Recovered edits restored; save with s to keep them", .success)
                return [.discardRecovery(storePath: path)]
            case .discard?:
                overlays.removeLast()
                notice = Notice("Recovered edits discarded")
                return [.discardRecovery(storePath: store.path)]
            case .cancel?: overlays.removeLast()
            default: break
            }
            return []
        case .filter(let dialog)?:
            handleFilter(dialog, key)
            return []
        case .zones(let dialog)?:
            handleZones(dialog, key)
            return []
        case .prompt(let prompt)?:
            return handlePrompt(prompt, key)
        case .editor(let editor)?:
            handleEditor(editor, key)
            return []
        case .roster(let roster)?:
            handleRoster(roster, key)
            return []
        case .picker(let picker)?:
            handlePicker(picker, key)
            return []
        case .form(let form)?:
            handleForm(form, key)
            return []
        case .export(let dialog)?:
            return handleExport(dialog, key)
        case nil:
            return []
        }
    }

    // MARK: Confirmations

    mutating func handleConfirm(_ confirmation: Confirmation, _ command: Command?) -> [Effect] {
        switch (confirmation.subject, command) {
        case (_, .no?):
            overlays.removeLast()
        case (.deletePanel(let id), .yes?):
            overlays.removeLast()
            if let panel = catalog.panels[id] {
                commit(Edit("Delete '\(panel.title)'", [.panel(old: panel, new: nil)]))
                notice = Notice("Deleted '\(panel.title)' (u to undo)")
            }
        case (.deletePerson(let id), .yes?):
            overlays.removeLast()
            guard let person = catalog.people[id] else { break }
            var changes: [Change] = []
            for panel in catalog.panels.values where panel.roster.contains(where: { $0.person == id }) {
                var changed = panel
                changed.roster.removeAll { $0.person == id }
                changes.append(.panel(old: panel, new: changed))
            }
            changes.append(.person(old: person, new: nil))
            commit(Edit("Delete \(person.name)", changes))
            notice = Notice("Deleted \(person.name) (u to undo)")
        case (.deleteOrganization(let id), .yes?):
            overlays.removeLast()
            guard let org = catalog.organizations[id] else { break }
            var changes: [Change] = []
            for panel in catalog.panels.values where panel.host == id || panel.cosponsors.contains(id) {
                var changed = panel
                if changed.host == id { changed.host = nil }
                changed.cosponsors.removeAll { $0 == id }
                changes.append(.panel(old: panel, new: changed))
            }
            for series in catalog.series.values where series.host == id {
                var changed = series
                changed.host = nil
                changes.append(.series(old: series, new: changed))
            }
            changes.append(.organization(old: org, new: nil))
            commit(Edit("Delete \(org.name)", changes))
            notice = Notice("Deleted \(org.name) (u to undo)")
        case (.quit, .saveAndQuit?):
            overlays.removeLast()
            quittingAfterSave = true
            return save()
        case (.quit, .quitWithoutSaving?):
            overlays.removeLast()
            quitting = true
            return [.quit]
        case (.reload, .yes?):
            overlays.removeLast()
            return [.reload(path: store.path)]
        case (.replaceExport(let format, let ids, let path, let title), .yes?):
            overlays.removeLast()
            if case .export? = overlays.last { overlays.removeLast() }
            return [.export(catalog, format, ids, zones: displayZones, title: title, path: path, replacing: true)]
        default:
            break
        }
        return []
    }

    // MARK: Filter

    mutating func handleFilter(_ dialog: FilterDialog, _ key: Key) {
        var dialog = dialog
        let rows = FilterDialog.Row.allCases
        switch KeyMap.command(for: key, in: .filter) {
        case .down?: dialog.row = rows[(dialog.row.rawValue + 1) % rows.count]
        case .up?: dialog.row = rows[(dialog.row.rawValue + rows.count - 1) % rows.count]
        case .cycleForward?, .cycleBackward?:
            let step = KeyMap.command(for: key, in: .filter) == .cycleForward ? 1 : -1
            switch dialog.row {
            case .series:
                let choices: [SeriesID?] = [nil] + catalog.seriesByName().map(\.id)
                let i = choices.firstIndex { $0 == filter.series } ?? 0
                filter.series = choices[(i + step + choices.count) % choices.count]
            case .status:
                let choices: [PanelStatus?] = [nil] + PanelStatus.allCases
                let i = choices.firstIndex { $0 == filter.status } ?? 0
                filter.status = choices[(i + step + choices.count) % choices.count]
            case .person:
                overlays.append(.picker(Picker(kind: .person, purpose: .filterPerson)))
            case .findings:
                let choices = PanelFilter.FindingsChoice.allCases
                let i = choices.firstIndex(of: filter.findings) ?? 0
                filter.findings = choices[(i + step + choices.count) % choices.count]
            }
        case .clear?:
            switch dialog.row {
            case .series: filter.series = nil
            case .status: filter.status = nil
            case .person: filter.person = nil
            case .findings: filter.findings = .any
            }
        case .accept?:
            switch dialog.row {
            case .series: overlays.append(.picker(Picker(kind: .series, purpose: .filterSeries)))
            case .person: overlays.append(.picker(Picker(kind: .person, purpose: .filterPerson)))
            default:
                overlays.removeLast()
                applySearchAndFilter(keepingTab: .panels)
                return
            }
        case .cancel?:
            filter = dialog.previous
            overlays.removeLast()
            applySearchAndFilter(keepingTab: .panels)
            return
        default:
            return
        }
        if case .filter? = overlays.last { overlays[overlays.count - 1] = .filter(dialog) } else if let i = overlays.lastIndex(where: { if case .filter = $0 { return true } else { return false } }) {
            overlays[i] = .filter(dialog)
        }
        applySearchAndFilter(keepingTab: .panels)
    }

    // MARK: Zones

    mutating func handleZones(_ dialog: ZoneDialog, _ key: Key) {
        var dialog = dialog
        let zones = catalog.settings.displayZones
        switch KeyMap.command(for: key, in: .zones) {
        case .down?: dialog.selected = min(zones.count - 1, dialog.selected + 1)
        case .up?: dialog.selected = max(0, dialog.selected - 1)
        case .accept?:
            overlays.removeLast()
            let valid = displayZones
            if let zone = Zone.named(zones[safe: dialog.selected] ?? ""), let i = valid.firstIndex(of: zone) { currentZone = i }
            notice = Notice("Times in \(zone.identifier)")
            scrollToSelection()
            return
        case .addEntry?:
            overlays.append(.prompt(Prompt(.addZone, title: "Add a display zone (EST, Sydney, Europe/London, UTC+3, ...)")))
        case .removeEntry?:
            guard zones.count > 1, dialog.selected < zones.count else {
                notice = Notice("Keep at least one display zone", .error)
                return
            }
            var new = zones
            let removed = new.remove(at: dialog.selected)
            setDisplayZones(new, label: "Remove display zone \(removed)")
            dialog.selected = min(dialog.selected, new.count - 1)
        case .moveUp?, .moveDown?:
            let up = KeyMap.command(for: key, in: .zones) == .moveUp
            let target = dialog.selected + (up ? -1 : 1)
            guard target >= 0, target < zones.count else { return }
            var new = zones
            new.swapAt(dialog.selected, target)
            setDisplayZones(new, label: "Reorder display zones")
            dialog.selected = target
        case .cancel?:
            overlays.removeLast()
            return
        default:
            return
        }
        if let i = overlays.lastIndex(where: { if case .zones = $0 { return true } else { return false } }) { overlays[i] = .zones(dialog) }
    }

    mutating func setDisplayZones(_ zones: [String], label: String) {
        var settings = catalog.settings
        settings.displayZonesValue = zones
        commit(Edit(label, [.settings(old: catalog.settings, new: settings)]))
    }

    // MARK: Prompts

    /// ↑ ↓ move among clashes, m keeps mine, t takes theirs: what both clash dialogs (a merge with
    /// the store on disk, the clashes a git merge recorded) share.
    static func choose(_ command: Command?, among count: Int, _ selected: inout Int, _ takingTheirs: inout Set<Int>) {
        switch command {
        case .down?: selected = min(count - 1, selected + 1)
        case .up?: selected = max(0, selected - 1)
        case .takeMine?: takingTheirs.remove(selected)
        case .takeTheirs?: takingTheirs.insert(selected)
        default: break
        }
    }

    mutating func handlePrompt(_ prompt: Prompt, _ key: Key) -> [Effect] {
        var prompt = prompt
        switch KeyMap.command(for: key, in: .prompt) {
        case .cancel?:
            overlays.removeLast()
            return []
        case .nextField?:
            if case .addZone = prompt.purpose, let first = ZoneAliases.completions(for: prompt.field.text).first {
                prompt.field = TextField(first)
            }
        case .accept?:
            return acceptPrompt(prompt)
        default:
            prompt.field.apply(key)
            prompt.message = nil
        }
        overlays[overlays.count - 1] = .prompt(prompt)
        return []
    }

    mutating func acceptPrompt(_ prompt: Prompt) -> [Effect] {
        var prompt = prompt
        let text = prompt.field.text
        switch prompt.purpose {
        case .saveAs, .exportFile:
            let path = text.strippingSpaces
            guard !path.isEmpty else {
                prompt.message = "give a file name"
                overlays[overlays.count - 1] = .prompt(prompt)
                return []
            }
            overlays.removeLast()
            let folder = store.path.contains("/") ? String(store.path[..<store.path.lastIndex(of: "/")!]) : "."
            return [.saveAs(catalog, path: path.hasPrefix("/") ? path : "\(folder)/\(path)")]
        case .changesSince:
            let since = text.strippingSpaces
            guard !since.isEmpty else {
                prompt.message = "a store file, or a git revision such as HEAD~1"
                overlays[overlays.count - 1] = .prompt(prompt)
                return []
            }
            overlays.removeLast()
            return [.loadChangesBase(since: since, storePath: store.path)]
        case .goToDate:
            guard let date = LocalDate(parsing: text.strippingSpaces) else {
                prompt.message = "a date like 2024-11-13"
                overlays[overlays.count - 1] = .prompt(prompt)
                return []
            }
            overlays.removeLast()
            weekStart = date.adding(days: -date.weekdayIndex)
            weekDay = date.weekdayIndex
            weekRow = 0
            return []
        case .duplicate(let id):
            guard let original = catalog.panels[id] else {
                overlays.removeLast()
                return []
            }
            switch original.duplicated(on: text.strippingSpaces, in: catalog) {
            case .failure(let problem):
                prompt.message = problem.message
                overlays[overlays.count - 1] = .prompt(prompt)
            case .success(let copy):
                overlays.removeLast()
                commit(Edit("Duplicate '\(original.title)' on \(copy.start.date)", [.panel(old: nil, new: copy)]))
                select(panel: copy.id)
                notice = Notice("Copied '\(copy.title)' to \(copy.start.date) as a draft: Enter edits it, r its roster", .success)
            }
            return []
        case .appearanceTitle(let id, let index):
            overlays.removeLast()
            guard var panel = catalog.panels[id], index < panel.roster.count else { return [] }
            let old = panel
            panel.roster[index].title = text.strippingSpaces.isEmpty ? nil : text.strippingSpaces
            commit(Edit("Title for \(catalog.name(of: panel.roster[index].person))", [.panel(old: old, new: panel)]))
        case .addZone:
            let lookup = ZoneAliases.lookup(text)
            guard let zone = lookup.zone else {
                prompt.message = lookup.message
                overlays[overlays.count - 1] = .prompt(prompt)
                return []
            }
            overlays.removeLast()
            var zones = catalog.settings.displayZones
            guard !zones.contains(zone.identifier) else {
                notice = Notice("\(zone.identifier) is already a display zone")
                return []
            }
            zones.append(zone.identifier)
            setDisplayZones(zones, label: "Add display zone \(zone.identifier)")
            if let i = overlays.lastIndex(where: { if case .zones = $0 { return true } else { return false } }) {
                overlays[i] = .zones(ZoneDialog(selected: zones.count - 1))
            }
        }
        return []
    }

    // MARK: Export

    mutating func openExport() {
        var choices: [ExportDialog.Selection] = [.all]
        if visiblePanels != nil { choices.append(.shown) }
        if let series = selectedPanel?.series { choices.append(.series(series)) }
        if tab == .people, let person = selectedPerson { choices.append(.person(person.id)) }
        for entry in selectedPanel?.roster ?? [] where !choices.contains(.person(entry.person)) { choices.append(.person(entry.person)) }
        var folder = store.path.contains("/") ? String(store.path[..<store.path.lastIndex(of: "/")!]) : "."
        let initial: ExportDialog.Selection = tab == .people ? choices.first { if case .person = $0 { return true } else { return false } } ?? .all
            : (visiblePanels != nil ? .shown : .all)
        var dialog = ExportDialog(selection: initial, choices: choices, file: TextField())
        // What was written last time, while the console runs: format, panels, statuses, title, folder.
        if let last = lastExport {
            dialog.format = last.format
            if choices.contains(last.selection) { dialog.selection = last.selection }
            (dialog.statuses, dialog.statusesChosen, dialog.title) = (last.statuses, last.statusesChosen, last.title)
            let path = last.file.text.strippingSpaces
            if let slash = path.lastIndex(of: "/") { folder = String(path[..<slash]) }
        } else {
            dialog.statuses = .standard(for: dialog.format)
        }
        dialog.file = TextField("\(folder)/agenda.\(dialog.format.fileExtension)")
        overlays.append(.export(dialog))
    }

    /// The panels a selection names, in start order.
    func panels(for selection: ExportDialog.Selection) -> [PanelID] {
        switch selection {
        case .all: return panelOrder.ids
        case .shown: return visiblePanels ?? panelOrder.ids
        case .series(let s): return panelOrder.ids.filter { catalog.panels[$0]?.series == s }
        case .person(let p): return panelOrder.ids.filter { catalog.panels[$0]?.roster.contains { $0.person == p } == true }
        }
    }

    /// "all 6 panels", "the 3 panels shown", "Magnitsky Month 2024", "Evgenia Kara-Murza's panels".
    public func describe(_ selection: ExportDialog.Selection) -> String {
        let count = panels(for: selection).count
        switch selection {
        case .all: return count == 1 ? "the 1 panel" : "all \(Plural.count(count, "panel"))"
        case .shown: return "\(count == 1 ? "the 1 panel" : "the \(Plural.count(count, "panel"))") shown (search and filter)"
        case .series(let s): return "\(catalog.series[s]?.name ?? s.rawValue) (\(count))"
        case .person(let p): return "\(catalog.name(of: p))'s agenda (\(count))"
        }
    }

    mutating func handleExport(_ dialog: ExportDialog, _ key: Key) -> [Effect] {
        var dialog = dialog
        let command = KeyMap.command(for: key, in: .export)
        // The file name and the title take typing, ← → and Space.
        if dialog.row == .file || dialog.row == .title, editsText(key, multiline: false) {
            if dialog.row == .file { dialog.file.apply(key) } else { dialog.title.apply(key) }
            dialog.message = nil
            overlays[overlays.count - 1] = .export(dialog)
            return []
        }
        let rows = ExportDialog.Row.allCases
        switch command {
        case .down?: dialog.row = rows[(dialog.row.rawValue + 1) % rows.count]
        case .up?: dialog.row = rows[(dialog.row.rawValue + rows.count - 1) % rows.count]
        case .cycleForward?, .cycleBackward?:
            let step = command == .cycleForward ? 1 : -1
            switch dialog.row {
            case .format:
                let all = ExportFormat.allCases
                let old = dialog.format
                dialog.format = all[(all.firstIndex(of: old)! + step + all.count) % all.count]
                var path = dialog.file.text
                if path.hasSuffix("." + old.fileExtension) { path.removeLast(old.fileExtension.count + 1) }
                dialog.file = TextField(path + "." + dialog.format.fileExtension)
                if !dialog.statusesChosen { dialog.statuses = .standard(for: dialog.format) }
            case .selection:
                let i = dialog.choices.firstIndex(of: dialog.selection) ?? 0
                dialog.selection = dialog.choices[(i + step + dialog.choices.count) % dialog.choices.count]
            case .statuses:
                let all = ExportDialog.Statuses.allCases
                dialog.statuses = all[(all.firstIndex(of: dialog.statuses)! + step + all.count) % all.count]
                dialog.statusesChosen = true
            case .title, .file: break
            }
        case .accept?:
            let path = dialog.file.text.strippingSpaces
            guard !path.isEmpty else {
                dialog.message = "give a file name"
                dialog.row = .file
                break
            }
            overlays.removeLast()
            lastExport = dialog
            let ids = panels(for: dialog.selection).filter { catalog.panels[$0].map { dialog.statuses.contains($0.status) } ?? false }
            return [.export(catalog, dialog.format, ids, zones: displayZones, title: dialog.title.text.strippingSpaces.nonEmpty, path: path, replacing: false)]
        case .cancel?:
            overlays.removeLast()
            return []
        default:
            return []
        }
        overlays[overlays.count - 1] = .export(dialog)
        return []
    }
}
