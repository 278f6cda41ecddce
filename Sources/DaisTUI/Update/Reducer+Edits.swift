import DaisCore

extension AppState {
    /// Applies an edit, records it for undo, and re-checks only what it touched.
    mutating func commit(_ edit: Edit) {
        guard !edit.changes.isEmpty else { return }
        apply(edit.changes)
        history.record(edit)
    }

    mutating func undo() {
        guard let edit = history.popUndo() else {
            notice = Notice("Nothing to undo")
            return
        }
        apply(edit.inverse.changes)
        notice = Notice("Undid: \(edit.label)")
    }

    mutating func redo() {
        guard let edit = history.popRedo() else {
            notice = Notice("Nothing to redo")
            return
        }
        apply(edit.changes)
        notice = Notice("Redid: \(edit.label)")
    }

    /// Applies changes to the catalog, the schedule, the sorted indexes and the visible lists, keeping
    /// the selection on the same records.
    mutating func apply(_ changes: [Change]) {
        version += 1
        lastMatches = [:]
        let selectedPanelID = panelID(at: cursors[.panels]?.selected ?? 0)
        let selectedPersonID = personID(at: cursors[.people]?.selected ?? 0)
        let selectedOrganizationID = organizationID(at: cursors[.organizations]?.selected ?? 0)
        var settingsChanged = false
        for change in changes {
            switch change {
            case let .panel(old, new):
                if let old { catalog.panels[old.id] = nil }
                if let new { catalog.panels[new.id] = new }
                schedule.panelChanged(old: old, new: new, in: catalog)
                if let old { panelOrder.update(old.id, key: nil) }
                if let new { panelOrder.update(new.id, key: PanelSortKey(new)) }
                if visiblePanels != nil {
                    if let old { visiblePanels!.removeAll { $0 == old.id } }
                    if let new, matchesFilter(new), matchesSearch(new) { insertVisible(new.id) }
                }
            case let .person(old, new):
                let id = (new ?? old)!.id
                catalog.people[id] = new
                schedule.personChanged(id, in: catalog)
                peopleOrder.update(id, key: new.map { NameSortKey(name: $0.name, id: $0.id) })
                if new == nil { visiblePeople?.removeAll { $0 == id } }
            case let .organization(old, new):
                let id = (new ?? old)!.id
                catalog.organizations[id] = new
                schedule.organizationChanged(id, in: catalog)
                organizationOrder.update(id, key: new.map { NameSortKey(name: $0.name, id: $0.id) })
                if new == nil { visibleOrganizations?.removeAll { $0 == id } }
            case let .series(old, new):
                let id = (new ?? old)!.id
                catalog.series[id] = new
                schedule.seriesChanged(id, in: catalog)
            case let .settings(_, new):
                catalog.settings = new
                settingsChanged = true
            }
        }
        if settingsChanged {
            schedule.rebuild(catalog)
            currentZone = min(currentZone, displayZones.count - 1)
        }
        if let id = selectedPanelID, let position = visiblePanels?.firstIndex(of: id) ?? (visiblePanels == nil ? panelOrder.position(of: id) : nil) {
            cursors[.panels]?.selected = position
        }
        if let id = selectedPersonID, let position = visiblePeople?.firstIndex(of: id) ?? peopleOrder.position(of: id) {
            cursors[.people]?.selected = position
        }
        if let id = selectedOrganizationID, let position = visibleOrganizations?.firstIndex(of: id) ?? organizationOrder.position(of: id) {
            cursors[.organizations]?.selected = position
        }
        let saved = tab
        for t in [Tab.panels, .people, .organizations] {
            tab = t
            scrollToSelection()
        }
        tab = saved
        scrollToSelection()
    }

    func matchesSearch(_ panel: Panel) -> Bool {
        let query = NameFolding.fold(search[.panels]?.text ?? "")
        return query.isEmpty || NameFolding.fold(searchText(panel)).contains(query)
    }

    /// Inserts a panel into the filtered list at its place in start order.
    mutating func insertVisible(_ id: PanelID) {
        guard let key = panelOrder.key(of: id) else { return }
        var lo = 0, hi = visiblePanels!.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if let k = panelOrder.key(of: visiblePanels![mid]), k < key { lo = mid + 1 } else { hi = mid }
        }
        visiblePanels!.insert(id, at: lo)
    }

    /// Replaces everything after a reload or a restored recovery file.
    /// Starts over on another catalog (reload, recovery, merge); `base` is what the file on disk holds
    /// (the catalog itself when nil), the base of a later merge.
    mutating func replaceCatalog(_ newCatalog: Catalog, fingerprint: StoreFile.Fingerprint?, modified: Bool, base: Catalog? = nil) {
        var fresh = AppState(catalog: newCatalog, store: StoreInfo(path: store.path, fingerprint: fingerprint, readOnlyReason: store.readOnlyReason),
                             width: width, height: height, today: nil, asOf: schedule.asOf)
        if let base { fresh.savedCatalog = base }
        fresh.tab = tab
        fresh.currentZone = min(currentZone, fresh.displayZones.count - 1)
        fresh.history.reset(modified: modified)
        self = fresh
    }

    /// Resolves the clashes a git merge recorded: "theirs" put in where chosen, the record of clashes
    /// cleared; unsaved, undoable as one step is not (like a merge), so the notice says what to do.
    mutating func resolveRecordedClashes(_ dialog: RecordedClashes) {
        var resolved = catalog
        for index in dialog.takingTheirs.sorted() where dialog.clashes.indices.contains(index) {
            CatalogMerge.takeTheirs(dialog.clashes[index], in: &resolved)
        }
        resolved.mergeClashes = []
        replaceCatalog(resolved, fingerprint: store.fingerprint, modified: true, base: savedCatalog)
        let name = store.path.split(separator: "/").last.map(String.init) ?? store.path
        notice = Notice("Clashes resolved (\(dialog.takingTheirs.count) taken from theirs): s saves, then git add \(name) and git commit finish the merge", .success)
    }

    /// Takes a merge with the store on disk: the edits now stand on what is on disk, unsaved.
    mutating func applyMerge(_ merged: Catalog, _ merge: CatalogMerge, onDisk: StoreFile.Loaded) {
        let choices = merge.clashes.isEmpty ? "" : " (clashes decided)"
        replaceCatalog(merged, fingerprint: onDisk.fingerprint, modified: merged != onDisk.catalog, base: onDisk.catalog)
        notice = Notice("Merged with the store on disk: \(merge.summary)\(choices). s saves the merge.", .success)
    }
}
