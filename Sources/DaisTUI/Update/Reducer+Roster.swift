import DaisCore

/// One row of a picker.
public enum PickerItem: Hashable, Sendable {
    case none
    case person(PersonID)
    case organization(OrganizationID)
    case series(SeriesID)
    case new(String)
}

extension AppState {
    // MARK: Roster editor

    mutating func handleRoster(_ editor: RosterEditor, _ key: Key) {
        var editor = editor
        guard let panel = catalog.panels[editor.panelID] else {
            overlays.removeLast()
            return
        }
        let rows = editor.section == .roster ? panel.roster.count : 1 + panel.cosponsors.count
        var changed = panel
        var label = ""
        switch KeyMap.command(for: key, in: .roster) {
        case .down?: editor.selected = min(max(0, rows - 1), editor.selected + 1)
        case .up?: editor.selected = max(0, editor.selected - 1)
        case .switchSection?:
            editor.section = editor.section == .roster ? .organizations : .roster
            editor.selected = 0
        case .addEntry?:
            overlays[overlays.count - 1] = .roster(editor)
            overlays.append(.picker(editor.section == .roster ? Picker(kind: .person, purpose: .rosterAdd(panel.id))
                                    : Picker(kind: .organization, purpose: .rosterCosponsor(panel.id))))
            return
        case .setHost?:
            overlays[overlays.count - 1] = .roster(editor)
            overlays.append(.picker(Picker(kind: .organization, purpose: .rosterHost(panel.id))))
            return
        case .addCosponsor?:
            overlays[overlays.count - 1] = .roster(editor)
            overlays.append(.picker(Picker(kind: .organization, purpose: .rosterCosponsor(panel.id))))
            return
        case .cycleRole?:
            guard editor.section == .roster, editor.selected < panel.roster.count else { return }
            let roles = Role.allCases
            let entry = panel.roster[editor.selected]
            changed.roster[editor.selected].role = roles[(roles.firstIndex(of: entry.role)! + 1) % roles.count]
            label = "\(catalog.name(of: entry.person)) as \(changed.roster[editor.selected].role.rawValue)"
        case .cycleStatus?:
            guard editor.section == .roster, editor.selected < panel.roster.count else { return }
            let entry = panel.roster[editor.selected]
            changed.roster[editor.selected].status = entry.status.next
            label = "\(catalog.name(of: entry.person)) \(changed.roster[editor.selected].status.rawValue)"
        case .appearanceTitle?:
            guard editor.section == .roster, editor.selected < panel.roster.count else { return }
            let entry = panel.roster[editor.selected]
            overlays[overlays.count - 1] = .roster(editor)
            overlays.append(.prompt(Prompt(.appearanceTitle(panel.id, editor.selected),
                                           title: "Title of \(catalog.name(of: entry.person)) on this panel (empty: their usual title)",
                                           text: entry.title ?? catalog.people[entry.person]?.titleLine ?? "")))
            return
        case .moveUp?, .moveDown?:
            let delta = KeyMap.command(for: key, in: .roster) == .moveUp ? -1 : 1
            if editor.section == .roster {
                let target = editor.selected + delta
                guard target >= 0, target < panel.roster.count else { return }
                changed.roster.swapAt(editor.selected, target)
                label = "Reorder the roster"
                editor.selected = target
            } else {
                let i = editor.selected - 1, target = i + delta
                guard i >= 0, target >= 0, target < panel.cosponsors.count else { return }
                changed.cosponsors.swapAt(i, target)
                label = "Reorder co-sponsors"
                editor.selected = target + 1
            }
        case .removeEntry?:
            if editor.section == .roster {
                guard editor.selected < panel.roster.count else { return }
                let removed = changed.roster.remove(at: editor.selected)
                label = "Remove \(catalog.name(of: removed.person)) from the roster"
                editor.selected = max(0, min(editor.selected, changed.roster.count - 1))
            } else if editor.selected == 0 {
                guard changed.host != nil else { return }
                changed.host = nil
                label = "Clear the host"
            } else {
                guard editor.selected - 1 < changed.cosponsors.count else { return }
                let removed = changed.cosponsors.remove(at: editor.selected - 1)
                label = "Remove co-sponsor \(catalog.name(of: removed))"
                editor.selected = min(editor.selected, changed.cosponsors.count)
            }
        case .undo?: undo()
        case .redo?: redo()
        case .cancel?:
            overlays.removeLast()
            return
        default:
            return
        }
        if changed != panel { commit(Edit(label, [.panel(old: panel, new: changed)])) }
        if let i = overlays.lastIndex(where: { if case .roster = $0 { return true } else { return false } }) { overlays[i] = .roster(editor) }
    }

    // MARK: Pickers

    /// The rows a picker shows for what is typed: matches by folded name (and title and affiliation for
    /// people, to tell namesakes apart), names starting with the text first, at most `limit`.
    /// The chooser's list: matches at the start of the name first, then at the start of a word,
    /// then inside a word; people who are on more rosters first within each; then by name.
    public func pickerItems(_ picker: Picker, limit: Int = 50) -> [PickerItem] {
        let query = NameFolding.fold(picker.query.text)
        var found: [(rank: Int, weight: Int, order: Int, item: PickerItem)] = []
        func consider(_ item: PickerItem, name: String, extra: String, weight: Int = 0) {
            let folded = NameFolding.fold(name)
            let rank: Int
            if query.isEmpty || folded.hasPrefix(query) {
                rank = 0
            } else if folded.split(separator: " ").contains(where: { $0.hasPrefix(query) }) {
                rank = 1
            } else if (folded + " " + NameFolding.fold(extra)).contains(query) {
                rank = 2
            } else {
                return
            }
            found.append((rank, weight, found.count, item))
        }
        switch picker.kind {
        case .person:
            var appearances: [PersonID: Int] = [:]
            if !query.isEmpty {
                for panel in catalog.panels.values { for entry in panel.roster { appearances[entry.person, default: 0] += 1 } }
            }
            for id in peopleOrder.ids {
                guard let p = catalog.people[id] else { continue }
                consider(.person(id), name: p.name, extra: "\(p.title ?? "") \(p.affiliation ?? "") \(p.email ?? "")", weight: appearances[id] ?? 0)
            }
        case .organization:
            for id in organizationOrder.ids {
                guard let o = catalog.organizations[id] else { continue }
                consider(.organization(id), name: o.name, extra: o.shortName ?? "")
            }
        case .series:
            for s in catalog.seriesByName() { consider(.series(s.id), name: s.name, extra: s.description ?? "") }
        }
        found.sort { ($0.rank, -$0.weight, $0.order) < ($1.rank, -$1.weight, $1.order) }
        var items: [PickerItem] = picker.offersNone && query.isEmpty ? [.none] : []
        items += found.prefix(limit).map(\.item)
        let typed = picker.query.text.strippingSpaces
        if (picker.offersNew || picker.kind == .series && picker.purpose.isEditorSeries), !typed.isEmpty { items.append(.new(typed)) }
        return items
    }

    mutating func handlePicker(_ picker: Picker, _ key: Key) {
        var picker = picker
        switch KeyMap.command(for: key, in: .picker) {
        case .down?: picker.selected = min(pickerItems(picker).count - 1, picker.selected + 1)
        case .up?: picker.selected = max(0, picker.selected - 1)
        case .cancel?:
            overlays.removeLast()
            return
        case .accept?:
            let items = pickerItems(picker)
            guard picker.selected < items.count else { return }
            overlays.removeLast()
            pick(items[picker.selected], for: picker)
            return
        default:
            guard editsText(key, multiline: false) else { return }
            picker.query.apply(key)
            picker.selected = 0
        }
        overlays[overlays.count - 1] = .picker(picker)
    }

    /// Applies a chosen item to what opened the picker.
    mutating func pick(_ item: PickerItem, for picker: Picker) {
        if case .new(let name) = item {
            var form: RecordForm
            switch picker.kind {
            case .person: form = .person(nil, name: name)
            case .organization: form = .organization(nil, name: name)
            case .series: form = .series(nil)
            }
            if picker.kind == .series { form.fields[0] = TextField(name) }
            switch picker.purpose {
            case .rosterAdd(let id): form.followUp = .addToRoster(id)
            case .rosterHost(let id): form.followUp = .setRosterHost(id)
            case .rosterCosponsor(let id): form.followUp = .addRosterCosponsor(id)
            case .editorHost: form.followUp = .setEditorHost
            case .editorCosponsor: form.followUp = .addEditorCosponsor
            case .seriesHost: form.followUp = .setSeriesHost
            default: break
            }
            overlays.append(.form(form))
            return
        }
        switch picker.purpose {
        case .rosterAdd(let id):
            guard case .person(let person) = item else { return }
            addToRoster(panel: id, person: person, extra: [])
        case .rosterHost(let id):
            guard let old = catalog.panels[id] else { return }
            var panel = old
            if case .organization(let org) = item { panel.host = org } else { panel.host = nil }
            commit(Edit("Host of '\(panel.title)'", [.panel(old: old, new: panel)]))
        case .rosterCosponsor(let id):
            guard case .organization(let org) = item else { return }
            addCosponsor(panel: id, org: org, extra: [])
        case .editorSeries, .editorHost, .editorCosponsor:
            guard let i = overlays.lastIndex(where: { if case .editor = $0 { return true } else { return false } }),
                  case .editor(var editor) = overlays[i] else { return }
            switch (picker.purpose, item) {
            case (.editorSeries, .series(let s)): editor.series = s
            case (.editorSeries, .none): editor.series = nil
            case (.editorHost, .organization(let o)): editor.host = o
            case (.editorHost, .none): editor.host = nil
            case (.editorCosponsor, .organization(let o)): if !editor.cosponsors.contains(o) { editor.cosponsors.append(o) }
            default: break
            }
            overlays[i] = .editor(editor)
        case .seriesHost:
            let name = if case .organization(let o) = item { catalog.organizations[o]?.name ?? o.rawValue } else { "" }
            setSeriesFormHost(name)
        case .filterSeries, .filterPerson:
            switch item {
            case .series(let s): filter.series = s
            case .person(let p): filter.person = p
            case .none: if case .filterSeries = picker.purpose { filter.series = nil } else { filter.person = nil }
            default: break
            }
            applySearchAndFilter(keepingTab: .panels)
        }
    }

    /// Writes the host chosen for the series form that is open under the chooser.
    mutating func setSeriesFormHost(_ name: String) {
        guard let i = overlays.lastIndex(where: { if case .form(let f) = $0, case .series = f.kind { return true } else { return false } }),
              case .form(var form) = overlays[i] else { return }
        form.fields[1] = TextField(name)
        form.focus = 2
        overlays[i] = .form(form)
    }

    /// Adds a person to a roster: as moderator when there is none yet, else as panelist.
    mutating func addToRoster(panel id: PanelID, person: PersonID, extra: [Change]) {
        guard let old = catalog.panels[id] else { return }
        if old.roster.contains(where: { $0.person == person }) {
            notice = Notice("\(catalog.name(of: person)) is already on this roster", .error)
            commit(Edit("Add \(catalog.name(of: person))", extra))
            return
        }
        var panel = old
        let role: Role = panel.roster.contains { $0.role == .moderator } ? .panelist : .moderator
        panel.roster.append(RosterEntry(person: person, role: role))
        commit(Edit("Add \(catalog.name(of: person)) as \(role.rawValue)", extra + [.panel(old: old, new: panel)]))
        notice = Notice("Added \(catalog.name(of: person)) as \(role.rawValue) (r changes the role)", .success)
        if let i = overlays.lastIndex(where: { if case .roster = $0 { return true } else { return false } }),
           case .roster(var editor) = overlays[i] {
            editor.section = .roster
            editor.selected = panel.roster.count - 1
            overlays[i] = .roster(editor)
        }
    }

    mutating func addCosponsor(panel id: PanelID, org: OrganizationID, extra: [Change]) {
        guard let old = catalog.panels[id] else { return }
        var panel = old
        if !panel.cosponsors.contains(org) { panel.cosponsors.append(org) }
        commit(Edit("Add co-sponsor \(catalog.name(of: org))", extra + [.panel(old: old, new: panel)]))
    }

    // MARK: Forms

    mutating func handleForm(_ form: RecordForm, _ key: Key) {
        var form = form
        let field = form.fields[form.focus]
        if editsText(key, multiline: field.multiline) {
            form.fields[form.focus].apply(key)
            form.message = nil
            overlays[overlays.count - 1] = .form(form)
            return
        }
        if case .series = form.kind, form.focus == 1, key == .enter {
            // The host is chosen from the organizations (or made), as everywhere else.
            var picker = Picker(kind: .organization, purpose: .seriesHost)
            picker.query = TextField(field.text)
            overlays.append(.picker(picker))
            return
        }
        switch KeyMap.command(for: key, in: .form) {
        case .nextField?:
            if form.labels[form.focus] == "Home zone", key == .tab, ZoneAliases.lookup(field.text).zone == nil,
               let first = ZoneAliases.completions(for: field.text).first {
                // Tab takes the first completion and goes on, as in the panel form.
                form.fields[form.focus] = TextField(first)
                form.focus += 1
            } else {
                form.focus = (form.focus + 1) % form.fields.count  // from the last field, round to the first
            }
        case .previousField?: form.focus = max(0, form.focus - 1)
        case .accept?:
            if form.focus < form.fields.count - 1 { form.focus += 1 } else { saveForm(form); return }
        case .saveForm?:
            saveForm(form)
            return
        case .cancel?:
            overlays.removeLast()
            return
        default:
            return
        }
        overlays[overlays.count - 1] = .form(form)
    }

    /// Validates and saves a person, organization or series form as one edit (with its follow-up).
    mutating func saveForm(_ form: RecordForm) {
        var form = form
        func refuse(_ message: String, field: Int) {
            form.message = message
            form.focus = field
            overlays[overlays.count - 1] = .form(form)
        }
        let values = form.fields.map { $0.text.strippingSpaces }
        guard !values[0].isEmpty else { return refuse("a name is needed", field: 0) }
        var change: Change
        switch form.kind {
        case .person(let id):
            if !values[3].isEmpty && (!values[3].contains("@") || values[3].contains(" ")) { return refuse("an e-mail address like name@example.org", field: 3) }
            var home: String?
            if !values[4].isEmpty {
                let lookup = ZoneAliases.lookup(values[4])
                guard let zone = lookup.zone else { return refuse(lookup.message, field: 4) }
                home = zone.identifier
            }
            var hours: WakingHours?
            if !values[5].isEmpty {
                guard let range = WakingHours(range: values[5]) else { return refuse("waking hours like 08:00-21:00 (blank: the store's)", field: 5) }
                hours = range
            }
            let old = id.flatMap { catalog.people[$0] }
            var person = old ?? Person(id: Slug.personID(name: values[0], in: catalog), name: values[0])
            person.name = values[0]
            person.title = values[1].nonEmpty
            person.affiliation = values[2].nonEmpty
            person.email = values[3].nonEmpty
            person.homeZone = home
            person.wakingHours = hours
            person.notes = form.fields[6].text.nonEmpty
            change = .person(old: old, new: person)
            overlays.removeLast()
            if old == nil, case .addToRoster(let panel)? = form.followUp {
                addToRoster(panel: panel, person: person.id, extra: [change])
                return
            }
            commit(Edit(old == nil ? "New person \(person.name)" : "Edit \(person.name)", [change]))
            if old == nil, tab == .people { select(person: person.id) }
        case .organization(let id):
            let old = id.flatMap { catalog.organizations[$0] }
            var org = old ?? Organization(id: Slug.organizationID(name: values[0], shortName: values[1].nonEmpty, in: catalog), name: values[0])
            org.name = values[0]
            org.shortName = values[1].nonEmpty
            org.url = values[2].nonEmpty
            change = .organization(old: old, new: org)
            overlays.removeLast()
            switch form.followUp {
            case .addRosterCosponsor(let panel)?: addCosponsor(panel: panel, org: org.id, extra: [change])
            case .setRosterHost(let panelID)?:
                guard let oldPanel = catalog.panels[panelID] else { return }
                var panel = oldPanel
                panel.host = org.id
                commit(Edit("New host \(org.name)", [change, .panel(old: oldPanel, new: panel)]))
            case .setSeriesHost?:
                commit(Edit("New organization \(org.name)", [change]))
                setSeriesFormHost(org.name)
            case .setEditorHost?, .addEditorCosponsor?:
                commit(Edit("New organization \(org.name)", [change]))
                if let i = overlays.lastIndex(where: { if case .editor = $0 { return true } else { return false } }), case .editor(var editor) = overlays[i] {
                    if case .setEditorHost? = form.followUp { editor.host = org.id } else { editor.cosponsors.append(org.id) }
                    overlays[i] = .editor(editor)
                }
            default:
                commit(Edit(old == nil ? "New organization \(org.name)" : "Edit \(org.name)", [change]))
            }
        case .series(let id):
            var host: OrganizationID?
            if !values[1].isEmpty {
                let key = NameFolding.organizationKey(values[1])
                guard let match = catalog.organizations.values.first(where: { $0.id.rawValue == values[1] || NameFolding.organizationKey($0.name) == key || $0.shortName == values[1] })
                else { return refuse("no organization named \"\(values[1])\": Enter on Host chooses one, or makes it", field: 1) }
                host = match.id
            }
            var audience: [String] = []
            for text in values[2].split(separator: ",").map({ String($0).strippingSpaces }) where !text.isEmpty {
                let lookup = ZoneAliases.lookup(text)
                guard let zone = lookup.zone else { return refuse(lookup.message, field: 2) }
                if !audience.contains(zone.identifier) { audience.append(zone.identifier) }
            }
            let old = id.flatMap { catalog.series[$0] }
            var series = old ?? Series(id: Slug.seriesID(name: values[0], in: catalog), name: values[0])
            series.name = values[0]
            series.host = host
            series.audienceZones = audience
            series.description = form.fields[3].text.nonEmpty
            overlays.removeLast()
            commit(Edit(old == nil ? "New series \(series.name)" : "Edit \(series.name)", [.series(old: old, new: series)]))
            if let i = overlays.lastIndex(where: { if case .editor = $0 { return true } else { return false } }), case .editor(var editor) = overlays[i] {
                editor.series = series.id
                overlays[i] = .editor(editor)
            }
        }
    }
}

extension Picker.Purpose {
    var isEditorSeries: Bool { if case .editorSeries = self { return true } else { return false } }
}
