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
        let livePanel = new.flatMap { $0.status == .cancelled ? nil : $0 }
        if let livePanel {
            timeline.place(index, livePanel)
            timeline.live[index] = true
            indexPanel(index, livePanel, catalog)
        }
        recheckPanel(index, livePanel, catalog)
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
        let o = internOrganization(id)
        remark(duplicateOrganizations.update(id, in: catalog))
        recheckPanels(organizationPanels[o], catalog)
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
        if let i = panelIndex[id] { return i }
        let i = timeline.append(id)
        panelIndex.insert(id, i)
        byPanel.append([])
        panelMarks.append(Marks())
        return i
    }

    /// A person's number; a person met for the first time is read from the catalog.
    mutating func internPerson(_ id: PersonID, _ catalog: Catalog) -> Int {
        if let p = personIndex[id] { return p }
        let p = personIDs.count
        personIndex.insert(id, p)
        personIDs.append(id)
        facts.append(catalog.people[id].map { PersonFacts($0, zones: &timeline.zones) })
        personPanels.append([])
        byPerson.append([])
        return p
    }

    mutating func internSeries(_ id: SeriesID) -> Int {
        if let s = seriesIndex[id] { return s }
        let s = seriesIDs.count
        seriesIndex.insert(id, s)
        seriesIDs.append(id)
        seriesPanels.append([])
        bySeries.append([])
        return s
    }

    mutating func internOrganization(_ id: OrganizationID) -> Int {
        if let o = organizationIndex[id] { return o }
        let o = organizationIDs.count
        organizationIndex.insert(id, o)
        organizationIDs.append(id)
        organizationPanels.append([])
        return o
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

    /// Adds a live panel to the lists of its people, its series and its organizations.
    mutating func indexPanel(_ index: Int, _ panel: Panel, _ catalog: Catalog) {
        let i = Int32(index)
        for p in rosterNumbers(panel, catalog) { personPanels[p].append(i) }
        if let s = panel.series { seriesPanels[internSeries(s)].append(i) }
        var organizations: [OrganizationID] = []
        for org in [panel.host].compactMap({ $0 }) + panel.cosponsors where !organizations.contains(org) {
            organizations.append(org)
            organizationPanels[internOrganization(org)].append(i)
        }
    }

    /// Takes a panel that is no longer live (as it was) off the lists `indexPanel` put it on.
    mutating func unindex(_ index: Int, _ panel: Panel) {
        let i = Int32(index)
        for entry in panel.roster {
            if let p = personIndex[entry.person] { personPanels[p].removeAll { $0 == i } }
        }
        if let s = panel.series.flatMap({ seriesIndex[$0] }) { seriesPanels[s].removeAll { $0 == i } }
        for org in panel.cosponsors + (panel.host.map { [$0] } ?? []) {
            if let o = organizationIndex[org] { organizationPanels[o].removeAll { $0 == i } }
        }
    }

    // MARK: Checking scopes again

    /// Replaces a panel's own findings (none when it is deleted or cancelled: `panel` nil).
    mutating func recheckPanel(_ index: Int, _ panel: Panel?, _ catalog: Catalog) {
        guard let panel else { return setPanelFindings(index, []) }
        let people = rosterNumbers(panel, catalog).map { PanelContext.RosterPerson(id: personIDs[$0], facts: facts[$0]) }
        let context = PanelContext(panel: panel, indexes: .init(index), span: timeline.span(index), ambiguousZone: timeline.ambiguousZone(index),
                                   people: people, missing: Schedule.missingReferences(panel, catalog), hours: settings.wakingHours)
        setPanelFindings(index, PanelRules.findings(context))
    }

    /// Re-checks the panels (by number) that the catalog still holds.
    mutating func recheckPanels(_ indexes: [Int32], _ catalog: Catalog) {
        for index in indexes {
            if let panel = catalog.panels[timeline.panelIDs[Int(index)]] { recheckPanel(Int(index), panel, catalog) }
        }
    }

    mutating func setPanelFindings(_ index: Int, _ new: [Finding]) {
        if !byPanel[index].isEmpty || !new.isEmpty {
            remark((removed: byPanel[index], added: new))
            byPanel[index] = new
        }
    }

    mutating func recheckPerson(_ p: Int, _ catalog: Catalog) {
        let new = Schedule.personFindings(personIDs[p], facts[p], personPanels[p], timeline, settings.changeoverMinutes, catalog)
        if !byPerson[p].isEmpty || !new.isEmpty {
            remark((removed: byPerson[p], added: new))
            byPerson[p] = new
        }
    }

    mutating func recheckSeries(_ s: Int, _ catalog: Catalog) {
        let new = Schedule.seriesFindings(seriesIDs[s], seriesPanels[s], timeline, catalog)
        if !bySeries[s].isEmpty || !new.isEmpty {
            remark((removed: bySeries[s], added: new))
            bySeries[s] = new
        }
    }

    /// A person's findings; none for a person the catalog lacks (the panels naming them say so).
    static func personFindings(_ id: PersonID, _ facts: PersonFacts?, _ panels: [Int32], _ timeline: Timeline, _ changeover: Int,
                               _ catalog: Catalog) -> [Finding] {
        guard let facts else { return [] }
        let timed = panels.count > 1 ? timeline.timed(panels) : []
        return PersonRules.findings(PersonContext(id: id, facts: facts, panels: timed, changeover: changeover, catalog: catalog))
    }

    /// A series' findings; none for a series the catalog lacks (the panels naming it say so).
    static func seriesFindings(_ id: SeriesID, _ panels: [Int32], _ timeline: Timeline, _ catalog: Catalog) -> [Finding] {
        guard let series = catalog.series[id] else { return [] }
        let timed = panels.count > 1 ? timeline.timed(panels) : []
        return SeriesRules.findings(SeriesContext(id: id, series: series, panels: timed, catalog: catalog))
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

    mutating func mark(_ finding: Finding, _ delta: Int) {
        let isError = finding.severity == .error
        if isError { totals.errors += delta } else { totals.warnings += delta }
        finding.panelIndexes.forEach { i in
            if isError { panelMarks[i].errors += delta } else { panelMarks[i].warnings += delta }
        }
    }
}
