extension Schedule {
    /// Checks everything again (after settings change, or a reload).
    ///
    /// Everything the catalog holds gets its number first; then the panels are read once, in parallel
    /// parts (a panel's own checks need only the panel, its people's facts and what exists), and the
    /// sweeps per person and per series and the name keys run in parallel parts too. Giving numbers,
    /// grouping and counting stay on one thread. The findings do not depend on how the work was cut.
    public mutating func rebuild(_ catalog: Catalog) {
        var clock = PhaseClock("check")
        self = Schedule(empty: catalog.settings, cores: cores)
        panelIndex.reserveAll()
        personIndex.reserveAll()
        seriesIndex.reserveAll()
        organizationIndex.reserveAll()
        // Each person is read once: facts for the panels' checks, folded name for duplicates.
        let readFacts = Column<PersonFacts?>(count: catalog.people.count, repeating: nil)
        let readKeys = Column<String?>(count: catalog.people.count, repeating: nil)
        Schedule.forEachValue(catalog.people, cores: cores) { i, person, zones in
            readFacts[i] = PersonFacts(person, zones: &zones)
            readKeys[i] = PersonKind.key(person.name)
        }
        clock.lap("people read")
        personIDs = Array(catalog.people.keys)
        facts = readFacts.array()
        let personKeys = readKeys.array()
        personPanels = Array(repeating: [], count: personIDs.count)
        byPerson = personPanels.map { _ in [] }
        for (p, id) in personIDs.enumerated() { personIndex.insert(id, p) }
        for id in catalog.series.keys { _ = internSeries(id) }
        for id in catalog.organizations.keys { _ = internOrganization(id) }
        let readOrganizationKeys = Column<String?>(count: catalog.organizations.count, repeating: nil)
        Schedule.forEachValue(catalog.organizations, cores: cores) { i, org, _ in readOrganizationKeys[i] = OrganizationKind.key(org.name) }
        let organizationKeys = readOrganizationKeys.array()
        clock.lap("people, series and organizations numbered")
        addPanels(catalog)
        clock.lap("panels in all")
        sweepPeopleAndSeries(catalog)
        clock.lap("person and series sweeps")
        duplicatePeople = DuplicateNames(keys: personKeys, ids: personIDs, in: catalog, cores: cores)
        duplicateOrganizations = DuplicateNames(keys: organizationKeys, ids: Array(catalog.organizations.keys), in: catalog, cores: cores)
        for finding in duplicatePeople.findings.values { mark(finding, +1) }
        for finding in duplicateOrganizations.findings.values { mark(finding, +1) }
        clock.lap("duplicate names")
        global = Schedule.settingsFindings(catalog.settings)
        for f in global { mark(f, +1) }
    }

    /// The whole-store check's pass over the panels: number, place and index them, and run their own
    /// checks. Panels that name something the catalog lacks are done afterwards on this thread, since
    /// that needs new numbers.
    private mutating func addPanels(_ catalog: Catalog) {
        var clock = PhaseClock("check")
        let panels = catalog.panels
        let ranges = Parallel.ranges(panels.count, minimum: 4_096, cores: cores)
        let starts = Parallel.starts(of: panels, at: ranges)
        let columns = PanelColumns(count: panels.count)
        let parts = Column<PanelPart>(count: ranges.count, repeating: PanelPart())
        let reader = PanelReader(personIndex: personIndex, personIDs: personIDs, facts: facts, seriesIndex: seriesIndex,
                                 organizationIndex: organizationIndex, hours: settings.wakingHours)
        Parallel.run(ranges.count) { k in parts[k] = reader.read(panels, from: starts[k], ranges[k], into: columns) }

        clock.lap("panels read in parts")
        timeline.panelIDs = columns.panelIDs.array()
        timeline.live = columns.live.array()
        timeline.starts = columns.starts.array()
        timeline.ends = columns.ends.array()
        timeline.zoneOf = columns.zoneOf.array()
        timeline.ambiguous = columns.ambiguous.array()
        byPanel = columns.findings.array()
        panelMarks = columns.marks.array()
        for (i, id) in timeline.panelIDs.enumerated() { panelIndex.insert(id, i) }
        let found = parts.array()
        for (k, part) in found.enumerated() {
            // Each part numbered the zones it met; renumber its panels into the schedule's numbers.
            let numbers = part.zones.ids.map { timeline.zones.number($0) }
            if numbers != (0..<numbers.count).map({ Int16($0) }) {
                for i in ranges[k] where timeline.zoneOf[i] >= 0 { timeline.zoneOf[i] = numbers[Int(timeline.zoneOf[i])] }
            }
            totals.errors += part.totals.errors
            totals.warnings += part.totals.warnings
        }
        // The three indexes are grouped at once, each from every part's pairs in turn.
        let all = found, owners = [personIDs.count, seriesIDs.count, organizationIDs.count]
        let lists = Column<[[Int32]]>(count: 3, repeating: [])
        Parallel.run(3, cores: cores) { k in
            switch k {
            case 0: lists[0] = Schedule.group(all.map(\.personPairs), into: owners[0])
            case 1: lists[1] = Schedule.group(all.map(\.seriesPairs), into: owners[1])
            default: lists[2] = Schedule.group(all.map(\.organizationPairs), into: owners[2])
            }
        }
        let grouped = lists.array()
        (personPanels, seriesPanels, organizationPanels) = (grouped[0], grouped[1], grouped[2])
        clock.lap("panels grouped by person, series and organization")
        // Panels naming what the catalog lacks, as an edit adds them (new numbers come last).
        for i in found.flatMap({ $0.deferred }) {
            let panel = panels[timeline.panelIDs[i]]!
            timeline.live[i] = true
            timeline.place(i, panel)
            indexPanel(i, panel, catalog)
            recheckPanel(i, panel, catalog)
        }
        clock.lap("panels naming missing records")
    }

    /// Every person's and every series' sweep, in parallel parts.
    private mutating func sweepPeopleAndSeries(_ catalog: Catalog) {
        let (ids, allFacts, lists, line, changeover) = (personIDs, facts, personPanels, timeline, settings.changeoverMinutes)
        let personRanges = Parallel.ranges(ids.count, minimum: 1_024, cores: cores)
        let found = Column<[Finding]>(count: ids.count, repeating: [])
        Parallel.run(personRanges.count) { k in
            for p in personRanges[k] where lists[p].count > 1 || allFacts[p] != nil {
                found[p] = Schedule.personFindings(ids[p], allFacts[p], lists[p], line, changeover, catalog)
            }
        }
        byPerson = found.array()
        for list in byPerson { for f in list { mark(f, +1) } }

        let (series, seriesLists) = (seriesIDs, seriesPanels)
        let seriesRanges = Parallel.ranges(series.count, minimum: 1_024, cores: cores)
        let seriesFound = Column<[Finding]>(count: series.count, repeating: [])
        Parallel.run(seriesRanges.count) { k in
            for s in seriesRanges[k] { seriesFound[s] = Schedule.seriesFindings(series[s], seriesLists[s], line, catalog) }
        }
        bySeries = seriesFound.array()
        for list in bySeries { for f in list { mark(f, +1) } }
    }

    /// `body` for every record of a dictionary with its position in the dictionary's order (in
    /// parallel parts, each with its own zone numbers), for the caller to write into columns. Each
    /// record is read (copied) once: reading its fields one by one through the dictionary would copy
    /// it whole for each.
    private static func forEachValue<ID: Sendable, Record: Sendable>(
        _ records: [ID: Record], cores: Int, _ body: @Sendable (Int, Record, inout ZoneNumbers) -> Void
    ) {
        let ranges = Parallel.ranges(records.count, minimum: 512, cores: cores)
        let starts = Parallel.starts(of: records, at: ranges)
        Parallel.run(ranges.count) { k in
            var zones = ZoneNumbers()
            var at = starts[k]
            for i in ranges[k] {
                body(i, records.values[at], &zones)
                records.formIndex(after: &at)
            }
        }
    }

    /// The columns the parallel pass over the panels fills, one position per panel.
    private struct PanelColumns: Sendable {
        let panelIDs: Column<PanelID>
        let live: Column<Bool>
        let starts: Column<Int64>
        let ends: Column<Int64>
        let zoneOf: Column<Int16>
        let ambiguous: Column<Bool>
        let findings: Column<[Finding]>
        let marks: Column<Marks>

        init(count: Int) {
            panelIDs = Column(count: count, repeating: PanelID(symbol: 0))
            live = Column(count: count, repeating: false)
            starts = Column(count: count, repeating: 0)
            ends = Column(count: count, repeating: 0)
            zoneOf = Column(count: count, repeating: -1)
            ambiguous = Column(count: count, repeating: false)
            findings = Column(count: count, repeating: [])
            marks = Column(count: count, repeating: Marks())
        }
    }

    /// What one part of the pass over the panels found besides its columns.
    private struct PanelPart: Sendable {
        /// The zones it met, numbered in the order it met them.
        var zones = ZoneNumbers()
        /// (person, panel), (series, panel) and (organization, panel) numbers.
        var personPairs: [OwnerPanel] = []
        var seriesPairs: [OwnerPanel] = []
        var organizationPairs: [OwnerPanel] = []
        /// Panels naming a person, series or organization the catalog lacks.
        var deferred: [Int] = []
        var totals = Marks()
    }

    /// What a part of the pass over the panels reads: numbers and facts given before it started.
    private struct PanelReader: Sendable {
        let personIndex: SymbolIndex<PersonKind>
        let personIDs: [PersonID]
        let facts: [PersonFacts?]
        let seriesIndex: SymbolIndex<SeriesKind>
        let organizationIndex: SymbolIndex<OrganizationKind>
        let hours: WakingHours

        /// Reads the panels at positions `range` (the first at `start`) into `columns`.
        func read(_ panels: [PanelID: Panel], from start: Dictionary<PanelID, Panel>.Index, _ range: Range<Int>, into columns: PanelColumns) -> PanelPart {
            var part = PanelPart()
            part.personPairs.reserveCapacity(range.count * 4)
            part.seriesPairs.reserveCapacity(range.count)
            var people = ScratchList(), organizations = ScratchList()
            // Panels lie spread over the heap: each one's storage is asked for 8 panels ahead and its
            // roster 4 ahead, so that reading them rarely waits for memory.
            var at = start, near = start, ahead = start
            for _ in 0..<min(4, range.count) { panels.formIndex(after: &near) }
            for _ in 0..<min(8, range.count) { panels.formIndex(after: &ahead) }
            for i in range {
                if i + 8 < range.upperBound {
                    panels.values[ahead].prefetchStorage()
                    panels.formIndex(after: &ahead)
                }
                if i + 4 < range.upperBound {
                    panels.values[near].prefetchRoster()
                    panels.formIndex(after: &near)
                }
                let panel = panels.values[at]
                panels.formIndex(after: &at)
                columns.panelIDs[i] = panel.id
                guard panel.status != .cancelled else { continue }
                guard let series = numbers(of: panel, &people, &organizations) else {
                    part.deferred.append(i)
                    continue
                }
                columns.live[i] = true
                let panel32 = Int32(i)
                for p in people.elements { part.personPairs.append((Int32(p), panel32)) }
                if let series { part.seriesPairs.append((Int32(series), panel32)) }
                for o in organizations.elements { part.organizationPairs.append((Int32(o), panel32)) }

                var span: TimeSpan?
                var ambiguousZone: Zone?
                if panel.durationMinutes > 0 {
                    let z = part.zones.number(panel.zone)
                    if z >= 0, let place = part.zones.placement(panel, in: z) {
                        columns.starts[i] = place.start
                        columns.ends[i] = place.end
                        columns.zoneOf[i] = z
                        columns.ambiguous[i] = place.ambiguous
                        if place.ambiguous { ambiguousZone = part.zones[z] }
                        span = TimeSpan(start: Instant(secondsSinceEpoch: place.start), end: Instant(secondsSinceEpoch: place.end))
                    }
                }
                let roster = people.elements.map { PanelContext.RosterPerson(id: personIDs[$0], facts: facts[$0]) }
                let context = PanelContext(panel: panel, indexes: .init(i), span: span, ambiguousZone: ambiguousZone, people: roster, missing: [], hours: hours)
                let found = PanelRules.findings(context)
                guard !found.isEmpty else { continue }
                var marks = Marks()
                for f in found { if f.severity == .error { marks.errors += 1 } else { marks.warnings += 1 } }
                columns.findings[i] = found
                columns.marks[i] = marks
                part.totals.errors += marks.errors
                part.totals.warnings += marks.warnings
            }
            return part
        }

        /// The numbers of a panel's people and organizations (each once) into the two lists, and its
        /// series' number; nil when it names any the catalog lacks.
        private func numbers(of panel: Panel, _ people: inout ScratchList, _ organizations: inout ScratchList) -> Int?? {
            people.clear()
            organizations.clear()
            let known = panel.roster.withUnsafeBufferPointer { entries in
                for k in entries.indices {
                    guard let p = personIndex[entries[k].person] else { return false }
                    people.appendUnique(p)
                }
                return true
            }
            guard known else { return nil }
            if let host = panel.host {
                guard let o = organizationIndex[host] else { return nil }
                organizations.appendUnique(o)
            }
            for org in panel.cosponsors {
                guard let o = organizationIndex[org] else { return nil }
                organizations.appendUnique(o)
            }
            guard let series = panel.series else { return .some(nil) }
            guard let s = seriesIndex[series] else { return nil }
            return .some(s)
        }
    }

    /// A person's, series' or organization's number and a panel's number.
    typealias OwnerPanel = (owner: Int32, panel: Int32)

    /// Lists of panel numbers per owner from every part's (owner, panel) pairs in turn: counted, laid
    /// out in one flat array by owner, then cut into one list per owner (each allocated once).
    private static func group(_ parts: [[OwnerPanel]], into owners: Int) -> [[Int32]] {
        var starts = [Int32](repeating: 0, count: owners + 1)
        for pairs in parts {
            pairs.withUnsafeBufferPointer { for pair in $0 { starts[Int(pair.owner) + 1] += 1 } }
        }
        for o in 0..<owners { starts[o + 1] += starts[o] }
        var flat = [Int32](repeating: 0, count: Int(starts[owners]))
        var next = starts
        flat.withUnsafeMutableBufferPointer { flat in
            next.withUnsafeMutableBufferPointer { next in
                for pairs in parts {
                    pairs.withUnsafeBufferPointer {
                        for pair in $0 {
                            flat[Int(next[Int(pair.owner)])] = pair.panel
                            next[Int(pair.owner)] += 1
                        }
                    }
                }
            }
        }
        return flat.withUnsafeBufferPointer { flat in
            (0..<owners).map { o in Array(flat[Int(starts[o])..<Int(starts[o + 1])]) }
        }
    }
}

/// A short list of numbers reused panel after panel, each number once: cleared by resetting its
/// count and filled from the front (an array's removeAll and append cost more than the lookups
/// that fill it).
struct ScratchList: ~Copyable {
    private var buffer = UnsafeMutableBufferPointer<Int>.allocate(capacity: 16)
    private var count = 0

    deinit { buffer.deallocate() }

    mutating func clear() { count = 0 }

    /// Adds a number unless the list holds it already. Inlined (it runs several times for every
    /// panel of a whole-store check), with the rare growing out of line.
    @inline(__always)
    mutating func appendUnique(_ number: Int) {
        for k in 0..<count where buffer[k] == number { return }
        if count == buffer.count { grow() }
        buffer[count] = number
        count += 1
    }

    @inline(never)
    private mutating func grow() {
        let grown = UnsafeMutableBufferPointer<Int>.allocate(capacity: buffer.count * 2)
        _ = grown.initialize(from: buffer)
        buffer.deallocate()
        buffer = grown
    }

    /// The numbers, valid until the list changes.
    var elements: UnsafeBufferPointer<Int> { UnsafeBufferPointer(rebasing: buffer[..<count]) }
}
