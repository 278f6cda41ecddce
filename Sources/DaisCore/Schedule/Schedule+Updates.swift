extension Schedule {
    // MARK: Edits

    /// Re-checks after one panel was added (`old` nil), changed, or deleted (`new` nil). Touches only
    /// that panel, the people on its old and new rosters, and its old and new series.
    public mutating func panelChanged(old: Panel?, new: Panel?, in catalog: Catalog) {
        guard let id = new?.id ?? old?.id else { return }
        if let old, old.id != id { panelChanged(old: old, new: nil, in: catalog) }
        let index = panelNumbers[id] ?? addPanel(id)
        if timeline[index].live, let old { unindex(index, old) }
        timeline.remove(index)
        if let new, new.status != .cancelled {
            let links = checkLive(index, new, catalog), i = Int32(index)
            for person in links.people { personPanels[person.number].append(i) }
            if let s = links.series { seriesPanels[s].append(i) }
            if let o = links.host { organizationPanels[o].append(i) }
            for o in links.cosponsors { organizationPanels[o].append(i) }
        } else {
            setPanelFindings(index, [])
        }
        var people: [PersonID] = [], series: [SeriesID] = []
        for panel in [old, new].compactMap({ $0 }) {
            for entry in panel.roster where !people.contains(entry.person) { people.append(entry.person) }
            if let s = panel.series, !series.contains(s) { series.append(s) }
        }
        for person in people { recheckPerson(internPerson(person, catalog), catalog) }
        for s in series { recheckSeries(internSeries(s, catalog), catalog) }
    }

    /// Re-checks after one person was added, changed or deleted: their folded name, their own
    /// findings and the checks of every panel they are on.
    public mutating func personChanged(_ id: PersonID, in catalog: Catalog) {
        let p = internPerson(id, catalog)
        (facts[p], briefs[p]) = PersonFacts.read(catalog.people[id], zones: &timeline.zones)
        remark(duplicatePeople.update(id, in: catalog))
        recheckPerson(p, catalog)
        recheckPanels(personPanels[p], catalog)
    }

    /// Re-checks after one organization was added, changed or deleted: its folded name, the panels
    /// naming it and the series it hosts.
    public mutating func organizationChanged(_ id: OrganizationID, in catalog: Catalog) {
        let o = internOrganization(id, catalog)
        organizationExists[o] = catalog.organizations.index(forKey: id) != nil
        remark(duplicateOrganizations.update(id, in: catalog))
        recheckPanels(organizationPanels[o], catalog)
        for series in catalog.series.values where series.host == id { recheckSeries(internSeries(series.id, catalog), catalog) }
    }

    /// Re-checks after one series was added, changed or deleted: its own findings and its panels'.
    public mutating func seriesChanged(_ id: SeriesID, in catalog: Catalog) {
        let s = internSeries(id, catalog)
        recheckSeries(s, catalog)
        recheckPanels(seriesPanels[s], catalog)
    }

    // MARK: Numbers

    /// Numbers a panel not numbered before.
    mutating func addPanel(_ id: PanelID) -> Int {
        let i = timeline.append(id)
        panelNumbers[id] = i
        byPanel.append([])
        panelMarks.append(Marks())
        return i
    }

    /// A person's number; a person met for the first time is read from the catalog.
    mutating func internPerson(_ id: PersonID, _ catalog: Catalog) -> Int {
        if let p = personNumbers[id] { return p }
        addPerson(id, catalog.people[id])
        return personIDs.count - 1
    }

    /// Numbers a person not numbered before (`person` nil: the catalog lacks them).
    mutating func addPerson(_ id: PersonID, _ person: Person?) {
        personNumbers[id] = personIDs.count
        personIDs.append(id)
        let (fact, brief) = PersonFacts.read(person, zones: &timeline.zones)
        facts.append(fact)
        briefs.append(brief)
        personPanels.append([])
        byPerson.append([])
    }

    mutating func internSeries(_ id: SeriesID, _ catalog: Catalog) -> Int {
        if let s = seriesNumbers[id] { return s }
        let s = seriesIDs.count
        seriesNumbers[id] = s
        seriesIDs.append(id)
        seriesExists.append(catalog.series.index(forKey: id) != nil)
        seriesPanels.append([])
        bySeries.append([])
        return s
    }

    mutating func internOrganization(_ id: OrganizationID, _ catalog: Catalog) -> Int {
        if let o = organizationNumbers[id] { return o }
        let o = organizationExists.count
        organizationNumbers[id] = o
        organizationExists.append(catalog.organizations.index(forKey: id) != nil)
        organizationPanels.append([])
        return o
    }

    // MARK: Panels

    /// What a live panel names: its roster as read, and by number its roster people (each once, in
    /// roster order), its series, its host, its co-sponsors (each once, the host not again); and
    /// what of them the catalog lacks.
    struct PanelLinks {
        let roster: [RosterEntry]
        var people: [PanelContext.RosterPerson] = []
        var series: Int?
        var host: Int?
        var cosponsors: [Int] = []
        /// In `PanelContext.missing`'s order.
        var missing: [MissingReference] = []
    }

    /// A panel's links, giving numbers to what it names for the first time.
    mutating func links(_ panel: Panel, _ catalog: Catalog) -> PanelLinks {
        let roster = panel.roster
        var links = PanelLinks(roster: roster)
        links.people.reserveCapacity(roster.count)
        links.cosponsors.reserveCapacity(panel.cosponsors.count)
        for k in roster.indices {
            let id = roster[k].person, p = internPerson(id, catalog)
            if !links.people.contains(where: { $0.number == p }) { links.people.append(.init(id: id, number: p, brief: briefs[p])) }
        }
        if let id = panel.series {
            let s = internSeries(id, catalog)
            links.series = s
            if !seriesExists[s] { links.missing.append(.series(id)) }
        }
        if let host = panel.host {
            let o = internOrganization(host, catalog)
            links.host = o
            if !organizationExists[o] { links.missing.append(.host(host)) }
        }
        for org in panel.cosponsors {
            let o = internOrganization(org, catalog)
            if o != links.host && !links.cosponsors.contains(o) { links.cosponsors.append(o) }
            if !organizationExists[o] { links.missing.append(.cosponsor(org)) }
        }
        return links
    }

    /// Makes a panel live: places it on the time line and runs its own checks. Returns its links,
    /// for the caller to list the panel under its people, series and organizations.
    mutating func checkLive(_ index: Int, _ panel: Panel, _ catalog: Catalog) -> PanelLinks {
        timeline.place(index, panel)
        let links = links(panel, catalog)
        setPanelFindings(index, PanelRules.findings(panelContext(index, panel, links)))
        return links
    }

    /// Takes a panel that is no longer live (as it was) off the lists it was put on.
    mutating func unindex(_ index: Int, _ panel: Panel) {
        let i = Int32(index)
        for entry in panel.roster {
            if let p = personNumbers[entry.person] { personPanels[p].removeAll { $0 == i } }
        }
        if let s = panel.series.flatMap({ seriesNumbers[$0] }) { seriesPanels[s].removeAll { $0 == i } }
        for org in panel.cosponsors + (panel.host.map { [$0] } ?? []) {
            if let o = organizationNumbers[org] { organizationPanels[o].removeAll { $0 == i } }
        }
    }

    /// What a live panel's rules read.
    func panelContext(_ index: Int, _ panel: Panel, _ links: PanelLinks) -> PanelContext {
        let place = timeline[index]
        return PanelContext(panel: panel, roster: links.roster, indexes: .init(index), span: timeline.span(index), ambiguousZone: place.ambiguous ? place.zone : -1,
                            people: links.people, facts: facts, zones: timeline.zones.all, missing: links.missing, hours: wakingHours,
                            confirmWindow: confirmWindow)
    }

    /// Re-checks the panels (by number) that the catalog still holds.
    mutating func recheckPanels(_ indexes: [Int32], _ catalog: Catalog) {
        for i32 in indexes {
            let index = Int(i32)
            guard let panel = catalog.panels[timeline[index].id] else { continue }
            setPanelFindings(index, PanelRules.findings(panelContext(index, panel, links(panel, catalog))))
        }
    }

    mutating func setPanelFindings(_ index: Int, _ new: [Finding]) {
        if !byPanel[index].isEmpty || !new.isEmpty {
            remark((removed: byPanel[index], added: new))
            byPanel[index] = new
        }
    }

    // MARK: People and series

    /// Replaces a person's findings; none for a person the catalog lacks (the panels naming them
    /// say so).
    mutating func recheckPerson(_ p: Int, _ catalog: Catalog) {
        var new: [Finding] = []
        if let facts = facts[p] {
            let panels = personPanels[p].count > 1 ? timeline.timed(personPanels[p]) : []
            new = PersonRules.findings(PersonContext(id: personIDs[p], facts: facts, panels: panels, changeover: changeoverMinutes,
                                                      people: catalog.people, catalogPanels: catalog.panels))
        }
        if !byPerson[p].isEmpty || !new.isEmpty {
            remark((removed: byPerson[p], added: new))
            byPerson[p] = new
        }
    }

    /// Replaces a series' findings; none for a series the catalog lacks (the panels naming it say so).
    mutating func recheckSeries(_ s: Int, _ catalog: Catalog) {
        let series = catalog.series[seriesIDs[s]]
        seriesExists[s] = series != nil
        var new: [Finding] = []
        if let series {
            let panels = seriesPanels[s].count > 1 ? timeline.timed(seriesPanels[s]) : []
            new = SeriesRules.findings(SeriesContext(id: seriesIDs[s], series: series, panels: panels, organizations: catalog.organizations,
                                                      catalogPanels: catalog.panels))
        }
        if !bySeries[s].isEmpty || !new.isEmpty {
            remark((removed: bySeries[s], added: new))
            bySeries[s] = new
        }
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
