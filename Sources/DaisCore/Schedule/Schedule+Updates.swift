extension Schedule {
    // MARK: Edits

    /// Re-checks after one panel was added (`old` nil), changed, or deleted (`new` nil). Touches only
    /// that panel, the people on its old and new rosters, and its old and new series.
    public mutating func panelChanged(old: Panel?, new: Panel?, in catalog: Catalog) {
        guard let id = new?.id ?? old?.id else { return }
        if let old, old.id != id { panelChanged(old: old, new: nil, in: catalog) }
        let index = internPanel(id)
        if timeline.live[index], let old { unindex(index, old) }
        timeline.live[index] = false
        if let new, new.status != .cancelled {
            addLive(index, new, catalog)
        } else {
            setPanelFindings(index, [])
        }
        var people: [PersonID] = [], series: [SeriesID] = []
        for panel in [old, new].compactMap({ $0 }) {
            for entry in panel.roster where !people.contains(entry.person) { people.append(entry.person) }
            if let s = panel.series, !series.contains(s) { series.append(s) }
        }
        for person in people { recheckPerson(internPerson(person, catalog), catalog) }
        for s in series { recheckSeries(internSeries(s), catalog) }
    }

    /// Re-checks after one person was added, changed or deleted: their folded name, their own
    /// findings and the checks of every panel they are on.
    public mutating func personChanged(_ id: PersonID, in catalog: Catalog) {
        let p = internPerson(id, catalog)
        facts[p] = catalog.people[id].map { PersonFacts($0, zones: &timeline.zones) }
        remark(duplicatePeople.update(id, in: catalog))
        recheckPerson(p, catalog)
        recheckPanels(personPanels[p], catalog)
    }

    /// Re-checks after one organization was added, changed or deleted: its folded name, the panels
    /// naming it and the series it hosts.
    public mutating func organizationChanged(_ id: OrganizationID, in catalog: Catalog) {
        remark(duplicateOrganizations.update(id, in: catalog))
        recheckPanels(organizationPanels[id] ?? [], catalog)
        for series in catalog.series.values where series.host == id { recheckSeries(internSeries(series.id), catalog) }
    }

    /// Re-checks after one series was added, changed or deleted: its own findings and its panels'.
    public mutating func seriesChanged(_ id: SeriesID, in catalog: Catalog) {
        let s = internSeries(id)
        recheckSeries(s, catalog)
        recheckPanels(seriesPanels[s], catalog)
    }

    // MARK: Numbers and indexes

    mutating func internPanel(_ id: PanelID) -> Int {
        if let i = panelNumbers[id] { return i }
        let i = timeline.append(id)
        panelNumbers[id] = i
        byPanel.append([])
        panelMarks.append(Marks())
        return i
    }

    /// A person's number; a person met for the first time is read from the catalog.
    mutating func internPerson(_ id: PersonID, _ catalog: Catalog) -> Int {
        if let p = personNumbers[id] { return p }
        let p = personIDs.count
        personNumbers[id] = p
        personIDs.append(id)
        facts.append(catalog.people[id].map { PersonFacts($0, zones: &timeline.zones) })
        personPanels.append([])
        byPerson.append([])
        return p
    }

    mutating func internSeries(_ id: SeriesID) -> Int {
        if let s = seriesNumbers[id] { return s }
        let s = seriesIDs.count
        seriesNumbers[id] = s
        seriesIDs.append(id)
        seriesPanels.append([])
        bySeries.append([])
        return s
    }

    /// The numbers of a panel's roster people, each once, in roster order.
    mutating func rosterNumbers(_ panel: Panel, _ catalog: Catalog) -> [Int] {
        var numbers: [Int] = []
        for entry in panel.roster {
            let p = internPerson(entry.person, catalog)
            if !numbers.contains(p) { numbers.append(p) }
        }
        return numbers
    }

    /// Makes a panel live: places it on the time line, adds it to the lists of its people, its
    /// series and its organizations, and runs its own checks.
    mutating func addLive(_ index: Int, _ panel: Panel, _ catalog: Catalog) {
        timeline.place(index, panel)
        timeline.live[index] = true
        let i = Int32(index), people = rosterNumbers(panel, catalog)
        for p in people { personPanels[p].append(i) }
        if let s = panel.series { seriesPanels[internSeries(s)].append(i) }
        if let host = panel.host { organizationPanels[host, default: []].append(i) }
        for (k, org) in panel.cosponsors.enumerated() where org != panel.host && !panel.cosponsors[..<k].contains(org) {
            organizationPanels[org, default: []].append(i)
        }
        setPanelFindings(index, PanelRules.findings(panelContext(index, panel, people, catalog)))
    }

    /// Takes a panel that is no longer live (as it was) off the lists `addLive` put it on.
    mutating func unindex(_ index: Int, _ panel: Panel) {
        let i = Int32(index)
        for entry in panel.roster {
            if let p = personNumbers[entry.person] { personPanels[p].removeAll { $0 == i } }
        }
        if let s = panel.series.flatMap({ seriesNumbers[$0] }) { seriesPanels[s].removeAll { $0 == i } }
        for org in panel.cosponsors + (panel.host.map { [$0] } ?? []) { organizationPanels[org]?.removeAll { $0 == i } }
    }

    // MARK: Checking scopes again

    /// What a live panel's rules read; `people` are its roster's numbers, each once.
    func panelContext(_ index: Int, _ panel: Panel, _ people: [Int], _ catalog: Catalog) -> PanelContext {
        PanelContext(panel: panel, indexes: .init(index), span: timeline.span(index), ambiguousZone: timeline.ambiguousZone(index),
                     people: people.map { .init(id: personIDs[$0], facts: facts[$0]) }, missing: Schedule.missingReferences(panel, catalog),
                     hours: settings.wakingHours)
    }

    /// Re-checks the panels (by number) that the catalog still holds.
    mutating func recheckPanels(_ indexes: [Int32], _ catalog: Catalog) {
        for i32 in indexes {
            let index = Int(i32)
            guard let panel = catalog.panels[timeline.panelIDs[index]] else { continue }
            setPanelFindings(index, PanelRules.findings(panelContext(index, panel, rosterNumbers(panel, catalog), catalog)))
        }
    }

    mutating func setPanelFindings(_ index: Int, _ new: [Finding]) {
        if !byPanel[index].isEmpty || !new.isEmpty {
            remark((removed: byPanel[index], added: new))
            byPanel[index] = new
        }
    }

    /// Replaces a person's findings; none for a person the catalog lacks (the panels naming them
    /// say so).
    mutating func recheckPerson(_ p: Int, _ catalog: Catalog) {
        var new: [Finding] = []
        if let facts = facts[p] {
            let panels = personPanels[p].count > 1 ? timeline.timed(personPanels[p]) : []
            new = PersonRules.findings(PersonContext(id: personIDs[p], facts: facts, panels: panels, changeover: settings.changeoverMinutes, catalog: catalog))
        }
        if !byPerson[p].isEmpty || !new.isEmpty {
            remark((removed: byPerson[p], added: new))
            byPerson[p] = new
        }
    }

    /// Replaces a series' findings; none for a series the catalog lacks (the panels naming it say so).
    mutating func recheckSeries(_ s: Int, _ catalog: Catalog) {
        var new: [Finding] = []
        if let series = catalog.series[seriesIDs[s]] {
            let panels = seriesPanels[s].count > 1 ? timeline.timed(seriesPanels[s]) : []
            new = SeriesRules.findings(SeriesContext(id: seriesIDs[s], series: series, panels: panels, catalog: catalog))
        }
        if !bySeries[s].isEmpty || !new.isEmpty {
            remark((removed: bySeries[s], added: new))
            bySeries[s] = new
        }
    }

    /// The series and organizations a panel names that the catalog lacks, in `PanelContext.missing`'s order.
    static func missingReferences(_ panel: Panel, _ catalog: Catalog) -> [MissingReference] {
        var missing: [MissingReference] = []
        if let series = panel.series, catalog.series.index(forKey: series) == nil { missing.append(.series(series)) }
        if let host = panel.host, catalog.organizations.index(forKey: host) == nil { missing.append(.host(host)) }
        for org in panel.cosponsors where catalog.organizations.index(forKey: org) == nil { missing.append(.cosponsor(org)) }
        return missing
    }

    // MARK: Counts

    /// Moves the counts from the findings that went to those that came.
    mutating func remark(_ change: (removed: [Finding], added: [Finding])) {
        for f in change.removed { mark(f, -1) }
        for f in change.added { mark(f, +1) }
    }

    private mutating func mark(_ finding: Finding, _ delta: Int) {
        let isError = finding.severity == .error
        if isError { totals.errors += delta } else { totals.warnings += delta }
        finding.panelIndexes.forEach { i in
            if isError { panelMarks[i].errors += delta } else { panelMarks[i].warnings += delta }
        }
    }
}
