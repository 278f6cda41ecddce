/// The scheduling core: every finding of a catalog, kept up to date edit by edit.
///
/// Findings are held by scope (a panel, a person, a series, a name key), so that after one edit only
/// the scopes it touches are checked again: a panel's own checks, its people's double bookings and
/// changeovers (sort and sweep over their panels) and its series' overlaps. The whole-store check is
/// the same work for every scope: near-linear, never pairwise over all panels.
///
/// Panels, people, series and zones are interned to small integers, and each panel's place on the time
/// line is kept in flat arrays, so that the sweeps read a few cache lines per panel and never touch
/// the panels' strings.
public struct Schedule: Sendable {
    public private(set) var settings: Settings
    /// How many threads the whole-store check uses.
    private let cores: Int

    // Panels.
    private var panelIndex = SymbolIndex<PanelKind>()
    /// Each panel's place on the time line, by interned number.
    private var timeline = Timeline()
    private var byPanel: [[Finding]] = []
    private var panelMarks: [Marks] = []
    /// Errors and warnings over the whole store, kept as findings come and go.
    public private(set) var totals = Marks()


    // People.
    private var personIndex = SymbolIndex<PersonKind>()
    private var personIDs: [PersonID] = []
    private var facts: [PersonFacts?] = []
    /// What each panel's checks read of a person first, in 4 bytes (the facts are objects spread
    /// over the heap; reading them for every panel of a whole-store check missed the cache).
    private var briefs: [PersonBrief] = []
    private var personPanels: [[Int32]] = []
    private var byPerson: [[Finding]] = []

    // Series, and whether each names a series of the catalog.
    private var seriesIndex = SymbolIndex<SeriesKind>()
    private var seriesIDs: [SeriesID] = []
    private var seriesExists: [Bool] = []
    private var seriesPanels: [[Int32]] = []
    private var bySeries: [[Finding]] = []

    /// Live panels naming an organization (by interned number) as host or co-sponsor.
    private var organizationIndex = SymbolIndex<OrganizationKind>()
    private var organizationIDs: [OrganizationID] = []
    private var organizationPanels: [[Int32]] = []
    private var organizationExists: [Bool] = []

    // Duplicate names.
    /// Each person's and organization's folded name, by interned number (nil: none, or not in the catalog).
    private var personKeys: [String?] = []
    private var personNames = NameIndex<PersonKind>()
    private var byPersonKey: [String: Finding] = [:]
    private var organizationKeys: [String?] = []
    private var organizationNames = NameIndex<OrganizationKind>()
    private var byOrganizationKey: [String: Finding] = [:]
    private var global: [Finding] = []

    /// Counts of findings naming one panel.
    public struct Marks: Hashable, Sendable {
        public var errors = 0
        public var warnings = 0
        public var isEmpty: Bool { errors == 0 && warnings == 0 }
    }

    /// A person as each panel's checks look at them first: whether they exist, their home zone (a
    /// number into the timeline's zones, -1 for none) and whether they have unavailability windows.
    struct PersonBrief: Sendable {
        var home: Int16 = -1
        var hasWindows = false
        var known = false
    }

    /// A person as the checks see them, resolved once.
    /// A class, so that reading a person's facts for each panel costs one reference count, not one
    /// per field.
    final class PersonFacts: Sendable {
        let name: String
        let home: Zone?
        let unavailable: [(span: TimeSpan, zone: Zone)]
        /// True when the home zone or a window's zone or times could not be read (a finding).
        let hasBadZone: Bool

        init(name: String, home: Zone?, unavailable: [(span: TimeSpan, zone: Zone)], hasBadZone: Bool) {
            self.name = name
            self.home = home
            self.unavailable = unavailable
            self.hasBadZone = hasBadZone
        }
    }

    /// Checks the whole catalog.
    public init(catalog: Catalog) {
        self.init(catalog: catalog, cores: Parallel.cores)
    }

    /// Checks the whole catalog with its work cut for `cores` threads (the findings are the same
    /// for any number; tests cut it finer than the machine would).
    init(catalog: Catalog, cores: Int) {
        settings = catalog.settings
        self.cores = cores
        rebuild(catalog)
    }

    private init(empty settings: Settings, cores: Int) {
        self.settings = settings
        self.cores = cores
    }

    // MARK: Reading

    /// Every finding, errors first, in the design's table order.
    public var findings: [Finding] {
        var all: [Finding] = global
        for list in byPanel where !list.isEmpty { all += list }
        for list in byPerson where !list.isEmpty { all += list }
        for list in bySeries where !list.isEmpty { all += list }
        all += byPersonKey.values
        all += byOrganizationKey.values
        // In `Finding.ordered`'s order, through keys made once per finding.
        return all.map { ($0.sortKey, $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }

    /// Errors and warnings among the findings naming a panel.
    public func marks(for id: PanelID) -> Marks {
        guard let i = panelIndex[id] else { return Marks() }
        return panelMarks[i]
    }

    /// Marks of every panel that has some, by id.
    public var allMarks: [PanelID: Marks] {
        var result: [PanelID: Marks] = [:]
        for (i, m) in panelMarks.enumerated() where !m.isEmpty { result[timeline.panelIDs[i]] = m }
        return result
    }

    /// The start instant of a panel whose time can be placed (nil otherwise, or when cancelled).
    public func start(of id: PanelID) -> Instant? {
        guard let i = panelIndex[id], timeline.live[i], timeline.zoneOf[i] >= 0 else { return nil }
        return Instant(secondsSinceEpoch: timeline.starts[i])
    }

    /// Findings naming a panel: its own, and those of its people and series that involve it.
    /// Costs the size of its roster's and series' findings, not of the store.
    public func findings(forPanel panel: Panel) -> [Finding] {
        let id = panel.id
        var result = panelIndex[id].map { byPanel[$0] } ?? []
        var seen = Set<Finding>(result)
        for entry in panel.roster {
            guard let p = personIndex[entry.person] else { continue }
            for f in byPerson[p] where f.panels.contains(id) && seen.insert(f).inserted { result.append(f) }
        }
        if let s = panel.series.flatMap({ seriesIndex[$0] }) {
            for f in bySeries[s] where f.panels.contains(id) && seen.insert(f).inserted { result.append(f) }
        }
        return result.sorted(by: Finding.ordered)
    }

    /// Findings naming a person.
    public func findings(forPerson id: PersonID) -> [Finding] {
        var result: [Finding] = []
        if let p = personIndex[id], let key = personKeys[p], let dup = byPersonKey[key] { result.append(dup) }
        if let p = personIndex[id] {
            result += byPerson[p]
            for panel in personPanels[p] { result += byPanel[Int(panel)].filter { $0.people.contains(id) } }
        }
        return Array(Set(result)).sorted(by: Finding.ordered)
    }

    /// Live (not cancelled) panels with a person on their roster, from the index (not a scan).
    public func livePanels(withPerson id: PersonID) -> [PanelID] {
        personIndex[id].map { personPanels[$0].map { timeline.panelIDs[Int($0)] } } ?? []
    }

    /// Live panels an organization hosts (itself or as its series' host) or co-sponsors.
    public func livePanels(namingOrganization id: OrganizationID, in catalog: Catalog) -> [PanelID] {
        var indexes = organizationIndex[id].map { organizationPanels[$0] } ?? []
        for series in catalog.series.values where series.host == id {
            for i in seriesIndex[series.id].map({ seriesPanels[$0] }) ?? [] where !indexes.contains(i) { indexes.append(i) }
        }
        return indexes.map { timeline.panelIDs[Int($0)] }
    }

    // MARK: Updating

    /// Re-checks after one panel was added (`old` nil), changed, or deleted (`new` nil). Touches only
    /// that panel, the people on its old and new rosters, and its old and new series.
    public mutating func panelChanged(old: Panel?, new: Panel?, in catalog: Catalog) {
        guard let id = new?.id ?? old?.id else { return }
        if let old, old.id != id { panelChanged(old: old, new: nil, in: catalog) }
        var zones = ZoneCache()
        let index = internPanel(id)
        if timeline.live[index], let old { unindex(index, old) }
        timeline.live[index] = false
        let livePanel = new.flatMap { $0.status == .cancelled ? nil : $0 }
        var scratch: [Int] = []
        if let livePanel {
            place(index, livePanel, &zones)
            timeline.live[index] = true
            indexPanel(index, livePanel, catalog, &zones, &scratch)
        }
        recheckPanel(index, livePanel, catalog, &zones, &scratch)
        var people: [PersonID] = [], series: [SeriesID] = []
        for panel in [old, new].compactMap({ $0 }) {
            for entry in panel.roster where !people.contains(entry.person) { people.append(entry.person) }
            if let s = panel.series, !series.contains(s) { series.append(s) }
        }
        var buffers = SweepBuffers()
        for person in people { recheckPerson(internPerson(person, catalog, &zones), catalog, &buffers) }
        for s in series { recheckSeries(internSeries(s, catalog), catalog, &buffers) }
    }

    /// Re-checks after one person was added, changed or deleted: their name key, their own findings and
    /// the panel checks of every panel they are on.
    public mutating func personChanged(_ id: PersonID, in catalog: Catalog) {
        var zones = ZoneCache()
        let p = internPerson(id, catalog, &zones)
        setFacts(p, catalog.people[id].map { Schedule.personFacts($0, &zones) })
        updatePersonKey(p, catalog)
        var buffers = SweepBuffers()
        recheckPerson(p, catalog, &buffers)
        var scratch: [Int] = []
        for index in personPanels[p] {
            if let panel = catalog.panels[timeline.panelIDs[Int(index)]] { recheckPanel(Int(index), panel, catalog, &zones, &scratch) }
        }
    }

    /// Re-checks after one organization was added, changed or deleted.
    public mutating func organizationChanged(_ id: OrganizationID, in catalog: Catalog) {
        let o = internOrganization(id, catalog)
        organizationExists[o] = catalog.organizations.index(forKey: id) != nil
        updateOrganizationKey(o, catalog)
        var zones = ZoneCache()
        var scratch: [Int] = []
        for index in organizationIndex[id].map({ organizationPanels[$0] }) ?? [] {
            if let panel = catalog.panels[timeline.panelIDs[Int(index)]] { recheckPanel(Int(index), panel, catalog, &zones, &scratch) }
        }
        var buffers = SweepBuffers()
        for series in catalog.series.values where series.host == id { recheckSeries(internSeries(series.id, catalog), catalog, &buffers) }
    }

    /// Re-checks after one series was added, changed or deleted.
    public mutating func seriesChanged(_ id: SeriesID, in catalog: Catalog) {
        var buffers = SweepBuffers()
        let s = internSeries(id, catalog)
        recheckSeries(s, catalog, &buffers)
        var zones = ZoneCache()
        var scratch: [Int] = []
        for index in seriesPanels[s] {
            if let panel = catalog.panels[timeline.panelIDs[Int(index)]] { recheckPanel(Int(index), panel, catalog, &zones, &scratch) }
        }
    }

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
        var zoneCache = ZoneCache()
        // Each person is read once: facts for the panels' checks, folded name for duplicates.
        let readFacts = Column<PersonFacts?>(count: catalog.people.count, repeating: nil)
        let readKeys = Column<String?>(count: catalog.people.count, repeating: nil)
        Schedule.forEachValue(catalog.people, cores: cores) { i, person, zones in
            readFacts[i] = Schedule.personFacts(name: person.name, homeZone: person.homeZone, unavailable: person.unavailable, &zones)
            readKeys[i] = NameFolding.personKey(person.name)
        }
        clock.lap("people read")
        personIDs = Array(catalog.people.keys)
        facts = readFacts.array()
        personKeys = readKeys.array()
        briefs = Array(repeating: PersonBrief(), count: facts.count)
        for p in facts.indices { setFacts(p, facts[p]) }
        personPanels = Array(repeating: [], count: personIDs.count)
        byPerson = personPanels.map { _ in [] }
        for (p, id) in personIDs.enumerated() { personIndex.insert(id, p) }
        for id in catalog.series.keys { _ = internSeries(id, catalog) }
        for id in catalog.organizations.keys { _ = internOrganization(id, catalog) }
        let readOrganizationKeys = Column<String?>(count: catalog.organizations.count, repeating: nil)
        Schedule.forEachValue(catalog.organizations, cores: cores) { i, org, _ in readOrganizationKeys[i] = NameFolding.organizationKey(org.name) }
        organizationKeys = readOrganizationKeys.array()
        clock.lap("people, series and organizations numbered")
        addPanels(catalog, &zoneCache)
        clock.lap("panels in all")
        sweepPeopleAndSeries(catalog)
        clock.lap("person and series sweeps")
        addNameKeys(catalog)
        clock.lap("duplicate names")
        global = settingsFindings(catalog.settings)
        for f in global { mark(f, +1) }
    }

    /// The whole-store check's pass over the panels: number, place and index them, and run their own
    /// checks. Panels that name something the catalog lacks are done afterwards on this thread, since
    /// that needs new numbers.
    private mutating func addPanels(_ catalog: Catalog, _ zoneCache: inout ZoneCache) {
        var clock = PhaseClock("check")
        let panels = catalog.panels
        let ranges = Parallel.ranges(panels.count, minimum: 4_096, cores: cores)
        let starts = Parallel.starts(of: panels, at: ranges)
        let columns = PanelColumns(count: panels.count)
        let parts = Column<PanelPart>(count: ranges.count, repeating: PanelPart())
        let reader = PanelReader(personIndex: personIndex, personIDs: personIDs, facts: facts, briefs: briefs, homeRules: timeline.zones.rules, seriesIndex: seriesIndex,
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
        var found = parts.array()
        var deferred = PanelPart()
        for (k, part) in found.enumerated() {
            // Each part numbered the zones it met; renumber its panels into the schedule's numbers.
            let numbers = part.zones.ids.map { zoneNumber($0) }
            if numbers != (0..<numbers.count).map({ Int16($0) }) {
                for i in ranges[k] where timeline.zoneOf[i] >= 0 { timeline.zoneOf[i] = numbers[Int(timeline.zoneOf[i])] }
            }
            totals.errors += part.totals.errors
            totals.warnings += part.totals.warnings
        }
        var scratch: [Int] = []
        for i in found.flatMap({ $0.deferred }) {
            addLive(i, panels[timeline.panelIDs[i]]!, catalog, &zoneCache, &scratch, &deferred.personPairs, &deferred.seriesPairs, &deferred.organizationPairs)
        }
        found.append(deferred)
        clock.lap("panels naming missing records")
        // The three indexes are grouped at once, each from every part's pairs in turn.
        let all = found, owners = [personIDs.count, seriesIDs.count, organizationIndex.count]
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
    }

    /// Every person's and every series' sweep, in parallel parts.
    private mutating func sweepPeopleAndSeries(_ catalog: Catalog) {
        let (ids, allFacts, lists, line, changeover) = (personIDs, facts, personPanels, timeline, settings.changeoverMinutes)
        let personRanges = Parallel.ranges(ids.count, minimum: 1_024, cores: cores)
        let found = Column<[Finding]>(count: ids.count, repeating: [])
        Parallel.run(personRanges.count) { k in
            var buffers = SweepBuffers()
            for p in personRanges[k] where lists[p].count > 1 || allFacts[p] != nil {
                found[p] = Schedule.personFindings(ids[p], allFacts[p], lists[p], line, changeover, catalog, &buffers)
            }
        }
        byPerson = found.array()
        for list in byPerson { for f in list { mark(f, +1) } }

        let (series, seriesLists) = (seriesIDs, seriesPanels)
        let seriesRanges = Parallel.ranges(series.count, minimum: 1_024, cores: cores)
        let seriesFound = Column<[Finding]>(count: series.count, repeating: [])
        Parallel.run(seriesRanges.count) { k in
            var buffers = SweepBuffers()
            for s in seriesRanges[k] { seriesFound[s] = Schedule.seriesFindings(series[s], seriesLists[s], line, catalog, &buffers) }
        }
        bySeries = seriesFound.array()
        for list in bySeries { for f in list { mark(f, +1) } }
    }

    /// The people and organizations by folded name, and the possible duplicates (in parallel parts).
    private mutating func addNameKeys(_ catalog: Catalog) {
        (personNames, byPersonKey) = Schedule.names(keys: personKeys, ids: personIDs, cores: cores) { Schedule.duplicatePeople($0, catalog) }
        (organizationNames, byOrganizationKey) = Schedule.names(keys: organizationKeys, ids: organizationIDs, cores: cores) {
            Schedule.duplicateOrganizations($0, catalog)
        }
        for finding in byPersonKey.values { mark(finding, +1) }
        for finding in byOrganizationKey.values { mark(finding, +1) }
    }

    /// One kind's name index, and its possible duplicates by key.
    private static func names<Kind>(keys: [String?], ids: [Identifier<Kind>], cores: Int,
                                    _ duplicate: @Sendable ([Identifier<Kind>]) -> Finding?) -> (NameIndex<Kind>, [String: Finding]) {
        let built = NameIndex.build(keys: keys, ids: ids, cores: cores, shared: duplicate)
        return (built.index, Dictionary(uniqueKeysWithValues: built.shared.map { ($0.key, $0.found) }))
    }

    /// `body` for every record of a dictionary with its position in the dictionary's order (in
    /// parallel parts, each with its own zone cache), for the caller to write into columns. Each
    /// record is read (copied) once: reading its fields one by one through the dictionary would copy
    /// it whole for each.
    private static func forEachValue<ID: Sendable, Record: Sendable>(
        _ records: [ID: Record], cores: Int, _ body: @Sendable (Int, Record, inout ZoneCache) -> Void
    ) {
        let ranges = Parallel.ranges(records.count, minimum: 512, cores: cores)
        let starts = Parallel.starts(of: records, at: ranges)
        Parallel.run(ranges.count) { k in
            var zones = ZoneCache()
            var at = starts[k]
            for i in ranges[k] {
                body(i, records.values[at], &zones)
                records.formIndex(after: &at)
            }
        }
    }

    /// The one-thread pass's work for a panel that names something the catalog lacks: give the
    /// missing numbers, place it, note its people, series and organizations as pairs (grouped later),
    /// and run its own checks.
    private mutating func addLive(_ index: Int, _ panel: Panel, _ catalog: Catalog, _ zoneCache: inout ZoneCache, _ scratch: inout [Int],
                                  _ personPairs: inout [OwnerPanel], _ seriesPairs: inout [OwnerPanel], _ organizationPairs: inout [OwnerPanel]) {
        timeline.live[index] = true
        place(index, panel, &zoneCache)
        scratch.removeAll(keepingCapacity: true)
        for entry in panel.roster {
            let p = internPerson(entry.person, catalog, &zoneCache)
            if !scratch.contains(p) {
                scratch.append(p)
                personPairs.append((Int32(p), Int32(index)))
            }
        }
        var seriesKnown = true
        if let id = panel.series {
            let s = internSeries(id, catalog)
            seriesPairs.append((Int32(s), Int32(index)))
            seriesKnown = seriesExists[s]
        }
        var unknownOrganizations: [OrganizationID] = []
        if let host = panel.host {
            let o = internOrganization(host, catalog)
            organizationPairs.append((Int32(o), Int32(index)))
            if !organizationExists[o] { unknownOrganizations.append(host) }
        }
        for (k, org) in panel.cosponsors.enumerated() {
            let o = internOrganization(org, catalog)
            if !organizationExists[o] { unknownOrganizations.append(org) }
            if org != panel.host && !panel.cosponsors[..<k].contains(org) { organizationPairs.append((Int32(o), Int32(index))) }
        }
        let found = scratch.withUnsafeBufferPointer { people in
            Schedule.panelFindings(panel, span: timeline.span(index), ambiguousIn: timeline.ambiguousZone(index), index: index, people: people, ids: personIDs,
                                   facts: facts, briefs: briefs, homeRules: timeline.zones.rules, hours: settings.wakingHours, seriesKnown: seriesKnown,
                                   unknownOrganizations: unknownOrganizations)
        }
        setPanelFindings(index, found)
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
        let briefs: [PersonBrief]
        /// The rules of the zones people's briefs number (the schedule's zones before the pass,
        /// which hold them).
        let homeRules: [Unmanaged<ZoneRules>]
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
                let found = Schedule.panelFindings(panel, span: span, ambiguousIn: ambiguousZone, index: i, people: people.elements, ids: personIDs,
                                                   facts: facts, briefs: briefs, homeRules: homeRules, hours: hours, seriesKnown: true, unknownOrganizations: [])
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

    // MARK: Interning and indexes

    private mutating func internPanel(_ id: PanelID) -> Int {
        if let i = panelIndex[id] { return i }
        let i = timeline.panelIDs.count
        panelIndex.insert(id, i)
        timeline.panelIDs.append(id)
        timeline.live.append(false)
        timeline.starts.append(0)
        timeline.ends.append(0)
        timeline.zoneOf.append(-1)
        timeline.ambiguous.append(false)
        byPanel.append([])
        panelMarks.append(Marks())
        return i
    }

    private mutating func internPerson(_ id: PersonID, _ catalog: Catalog, _ zones: inout ZoneCache) -> Int {
        if let p = personIndex[id] { return p }
        let p = personIDs.count
        personIndex.insert(id, p)
        personIDs.append(id)
        facts.append(nil)
        briefs.append(PersonBrief())
        personKeys.append(nil)
        setFacts(p, catalog.people[id].map { Schedule.personFacts($0, &zones) })
        personPanels.append([])
        byPerson.append([])
        return p
    }

    private mutating func internSeries(_ id: SeriesID, _ catalog: Catalog) -> Int {
        if let s = seriesIndex[id] { return s }
        let s = seriesIDs.count
        seriesIndex.insert(id, s)
        seriesIDs.append(id)
        seriesExists.append(catalog.series.index(forKey: id) != nil)
        if seriesPanels.count < seriesIDs.count { seriesPanels.append([]) }
        bySeries.append([])
        return s
    }

    private mutating func internOrganization(_ id: OrganizationID, _ catalog: Catalog) -> Int {
        if let o = organizationIndex[id] { return o }
        let o = organizationIndex.count
        organizationIndex.insert(id, o)
        organizationIDs.append(id)
        organizationExists.append(catalog.organizations.index(forKey: id) != nil)
        organizationKeys.append(nil)
        if organizationPanels.count <= o { organizationPanels.append([]) }
        return o
    }

    /// Sets a person's facts and brief.
    private mutating func setFacts(_ p: Int, _ fact: PersonFacts?) {
        facts[p] = fact
        briefs[p] = PersonBrief(home: fact?.home.map { zoneNumber($0.identifier) } ?? -1, hasWindows: !(fact?.unavailable.isEmpty ?? true), known: fact != nil)
    }

    private static func personFacts(_ person: Person, _ zones: inout ZoneCache) -> PersonFacts {
        personFacts(name: person.name, homeZone: person.homeZone, unavailable: person.unavailable, &zones)
    }

    private static func personFacts(name: String, homeZone: String?, unavailable: [Unavailability], _ zones: inout ZoneCache) -> PersonFacts {
        var windows: [(span: TimeSpan, zone: Zone)] = []
        for window in unavailable {
            if case .success(let span) = window.span(), let zone = zones.zone(window.zone) { windows.append((span, zone)) }
        }
        let home = homeZone.flatMap { zones.zone($0) }
        return PersonFacts(name: name, home: home, unavailable: windows,
                           hasBadZone: (homeZone != nil && home == nil) || windows.count != unavailable.count)
    }

    /// Places a panel on the time line (or marks it unplaceable).
    private mutating func place(_ index: Int, _ panel: Panel, _ cache: inout ZoneCache) {
        timeline.zoneOf[index] = -1
        timeline.ambiguous[index] = false
        let z = zoneNumber(panel.zone)
        guard z >= 0, let place = timeline.zones.placement(panel, in: z) else { return }
        timeline.zoneOf[index] = z
        timeline.starts[index] = place.start
        timeline.ends[index] = place.end
        timeline.ambiguous[index] = place.ambiguous
    }

    /// The interned number of a zone id (one hash), or -1 when it is not a zone.
    private mutating func zoneNumber(_ id: String) -> Int16 { timeline.zones.number(id) }

    /// Adds a live panel to the person, series and organization indexes. `scratch` receives the
    /// interned numbers of its roster people, in roster order, once each.
    private mutating func indexPanel(_ index: Int, _ panel: Panel, _ catalog: Catalog, _ zones: inout ZoneCache, _ scratch: inout [Int]) {
        scratch.removeAll(keepingCapacity: true)
        for entry in panel.roster {
            let p = internPerson(entry.person, catalog, &zones)
            if !scratch.contains(p) {
                scratch.append(p)
                personPanels[p].append(Int32(index))
            }
        }
        if let s = panel.series { seriesPanels[internSeries(s, catalog)].append(Int32(index)) }
        if let host = panel.host { organizationPanels[internOrganization(host, catalog)].append(Int32(index)) }
        for (k, org) in panel.cosponsors.enumerated() where org != panel.host && !panel.cosponsors[..<k].contains(org) {
            organizationPanels[internOrganization(org, catalog)].append(Int32(index))
        }
    }

    private mutating func unindex(_ index: Int, _ panel: Panel) {
        let i = Int32(index)
        for entry in panel.roster {
            if let p = personIndex[entry.person] { personPanels[p].removeAll { $0 == i } }
        }
        if let s = panel.series.flatMap({ seriesIndex[$0] }) { seriesPanels[s].removeAll { $0 == i } }
        for org in panel.cosponsors + (panel.host.map { [$0] } ?? []) {
            if let o = organizationIndex[org] { organizationPanels[o].removeAll { $0 == i } }
        }
    }


    // MARK: References

    /// Whether a panel's series names a series (answered from the interned table when possible).
    private func seriesKnown(_ panel: Panel, _ catalog: Catalog) -> Bool {
        guard let id = panel.series else { return true }
        if let s = seriesIndex[id] { return seriesExists[s] }
        return catalog.series.index(forKey: id) != nil
    }

    /// The panel's host and co-sponsors that name no organization (usually none).
    private func unknownOrganizations(_ panel: Panel, _ catalog: Catalog) -> [OrganizationID] {
        var unknown: [OrganizationID] = []
        func check(_ org: OrganizationID) {
            let exists = organizationIndex[org].map { organizationExists[$0] } ?? (catalog.organizations.index(forKey: org) != nil)
            if !exists { unknown.append(org) }
        }
        if let host = panel.host { check(host) }
        for org in panel.cosponsors { check(org) }
        return unknown
    }

    // MARK: Marks

    /// Moves the per-panel counts from the old findings of a scope to its new ones.
    private mutating func remark(removing old: [Finding], adding new: [Finding]) {
        for f in old { mark(f, -1) }
        for f in new { mark(f, +1) }
    }

    private mutating func mark(_ finding: Finding, _ delta: Int) {
        let isError = finding.severity == .error
        if isError { totals.errors += delta } else { totals.warnings += delta }
        finding.panelIndexes.forEach { i in
            if isError { panelMarks[i].errors += delta } else { panelMarks[i].warnings += delta }
        }
    }

    // MARK: Panel checks

    /// Replaces a panel's own findings (none when it is deleted or cancelled: `panel` nil).
    private mutating func recheckPanel(_ index: Int, _ panel: Panel?, _ catalog: Catalog, _ zones: inout ZoneCache, _ scratch: inout [Int]) {
        guard let panel else { return setPanelFindings(index, []) }
        scratch.removeAll(keepingCapacity: true)
        for entry in panel.roster {
            let p = internPerson(entry.person, catalog, &zones)
            if !scratch.contains(p) { scratch.append(p) }
        }
        let (seriesKnown, unknownOrganizations) = (seriesKnown(panel, catalog), unknownOrganizations(panel, catalog))
        let found = scratch.withUnsafeBufferPointer { people in
            Schedule.panelFindings(panel, span: timeline.span(index), ambiguousIn: timeline.ambiguousZone(index), index: index, people: people, ids: personIDs,
                                   facts: facts, briefs: briefs, homeRules: timeline.zones.rules, hours: settings.wakingHours, seriesKnown: seriesKnown,
                                   unknownOrganizations: unknownOrganizations)
        }
        setPanelFindings(index, found)
    }

    private mutating func setPanelFindings(_ index: Int, _ new: [Finding]) {
        if !byPanel[index].isEmpty || !new.isEmpty {
            remark(removing: byPanel[index], adding: new)
            byPanel[index] = new
        }
    }

    /// A live panel's own checks: time, references, roster, unavailability, waking hours, open roles.
    /// `span` is where the schedule placed it (nil: its time cannot be placed); `ambiguousIn` is its
    /// zone when its local start occurs twice there. `people` are the roster's people once each, as
    /// numbers into `ids`, `facts` and `briefs`; `homeRules` are the rules of the zones the briefs
    /// number.
    static func panelFindings(_ panel: Panel, span: TimeSpan?, ambiguousIn ambiguousZone: Zone?, index: Int?, people: UnsafeBufferPointer<Int>,
                              ids: [PersonID], facts: [PersonFacts?], briefs: [PersonBrief], homeRules: [Unmanaged<ZoneRules>], hours: WakingHours, seriesKnown: Bool,
                              unknownOrganizations: [OrganizationID]) -> [Finding] {
        var out: [Finding] = []
        let here = index.map { Finding.PanelIndexes($0) } ?? .none
        // The message reads the panel itself (one reference), only when it is written. The mention
        // is made for each finding: made up front, it cost every panel a retain and a release.
        var mention: PanelMention { PanelMention(panel) }

        if span == nil {
            if case .failure(let problem) = panel.slot() {
                out.append(Finding(.invalidTime, indexes: here, .panelTime(mention, problem: problem)))
            }
        } else if let zone = ambiguousZone, case .ambiguous(let first, let second) = zone.resolve(panel.start) {
            out.append(Finding(.ambiguousTime, indexes: here, .ambiguous(mention, first: first, second: second)))
        }

        if let series = panel.series, !seriesKnown {
            out.append(Finding(.unknownReference, indexes: here, .unknownPanelReference(mention, .series(series))))
        }
        if !unknownOrganizations.isEmpty {
            if let host = panel.host, unknownOrganizations.contains(host) {
                out.append(Finding(.unknownReference, indexes: here, .unknownPanelReference(mention, .host(host))))
            }
            for org in panel.cosponsors where unknownOrganizations.contains(org) {
                out.append(Finding(.unknownReference, indexes: here, .unknownPanelReference(mention, .cosponsor(org))))
            }
        }

        // The roster's entries are read in place: copying one would retain its title.
        var hasModerator = false, hasPanelist = false
        let roster = panel.roster
        roster.withUnsafeBufferPointer { entries in
            for k in entries.indices {
                switch entries[k].role {
                case .moderator: hasModerator = true
                case .panelist: hasPanelist = true
                default: break
                }
            }
        }
        // Speakers on one panel mostly share a few home zones: the last two answers are kept (in
        // variables, not an array, so that a panel allocates nothing for them).
        var memo: (Int16, Bool, Int16, Bool) = (-1, false, -1, false)
        func outside(_ home: Int16) -> Bool {
            guard home >= 0, let span else { return false }
            if memo.0 == home { return memo.1 }
            if memo.2 == home { return memo.3 }
            let answer = Schedule.outsideWakingHours(span, homeRules[Int(home)], hours)
            memo = (home, answer, memo.0, memo.1)
            return answer
        }
        // A person is on the roster twice only when the roster is longer than its people.
        let hasRepeats = roster.count != people.count
        // Each person's brief is read first; their facts object only for a finding.
        for p in people {
            let personID = ids[p], brief = briefs[p]
            guard brief.known else {
                out.append(Finding(.unknownReference, indexes: here, .unknownPanelReference(mention, .person(personID))))
                continue
            }
            var count = 0
            if hasRepeats { for entry in panel.roster where entry.person == personID { count += 1 } }
            if count > 1 {
                let roles = panel.roster.filter { $0.person == personID }.map(\.role)
                out.append(Finding(.personTwiceInRoster, indexes: here, .twiceInRoster(Speaker(id: personID, facts: facts[p]!), mention, roles: roles)))
            }
            guard let span else { continue }
            if brief.hasWindows, let fact = facts[p] {
                for window in fact.unavailable where window.span.overlaps(span) {
                    out.append(Finding(.personUnavailable, indexes: here,
                                       .unavailable(Speaker(id: personID, facts: fact), mention, window: window.span, windowZone: window.zone)))
                }
            }
            if outside(brief.home) {
                out.append(Finding(.outsideWakingHours, indexes: here, .outsideWakingHours(Speaker(id: personID, facts: facts[p]!), mention, hours: hours)))
            }
        }
        if panel.status == .scheduled {
            if !hasModerator { out.append(Finding(.noModerator, indexes: here, .noModerator(mention))) }
            if !hasPanelist { out.append(Finding(.noPanelists, indexes: here, .noPanelists(mention))) }
        }
        return out
    }

    /// The findings a draft of a panel would have against the rest of the store, without changing
    /// anything: its own checks, and the double bookings, changeovers and series overlaps it would make.
    /// For the editor's live view; costs the draft's people's and series' panels.
    public func preview(_ draft: Panel, in catalog: Catalog) -> [Finding] {
        guard draft.status != .cancelled else { return [] }
        var cache = ZoneCache()
        let slot = try? draft.slot().get()
        let mention = PanelMention(draft)
        let own = panelIndex[draft.id]
        var ids: [PersonID] = [], known: [PersonFacts?] = [], briefs: [PersonBrief] = [], homes: [Zone] = []
        for entry in draft.roster where !ids.contains(entry.person) {
            ids.append(entry.person)
            let fact = personIndex[entry.person].map { facts[$0] } ?? catalog.people[entry.person].map { Schedule.personFacts($0, &cache) }
            known.append(fact)
            if let home = fact?.home { homes.append(home) }
            briefs.append(PersonBrief(home: fact?.home == nil ? -1 : Int16(homes.count - 1), hasWindows: !(fact?.unavailable.isEmpty ?? true), known: fact != nil))
        }
        var out = withExtendedLifetime(homes) {
            Array(0..<ids.count).withUnsafeBufferPointer { numbers in
                Schedule.panelFindings(draft, span: slot?.span, ambiguousIn: slot?.ambiguity != nil ? slot?.zone : nil, index: nil, people: numbers, ids: ids,
                                       facts: known, briefs: briefs, homeRules: homes.map { Unmanaged.passUnretained($0.rules) }, hours: settings.wakingHours,
                                       seriesKnown: seriesKnown(draft, catalog), unknownOrganizations: unknownOrganizations(draft, catalog))
            }
        }
        guard let span = slot?.span else { return out }
        /// The draft and another panel in start order.
        func ordered(_ other: PanelMention, _ otherSpan: TimeSpan) -> (PanelMention, PanelMention) {
            otherSpan.start < span.start || (otherSpan.start == span.start && other.id < draft.id) ? (other, mention) : (mention, other)
        }
        for (k, personID) in ids.enumerated() {
            guard let facts = known[k], let p = personIndex[personID] else { continue }
            let speaker = Speaker(id: personID, facts: facts)
            var before: (gap: Int, index: Int)?, after: (gap: Int, index: Int)?
            for i32 in personPanels[p] {
                let i = Int(i32)
                guard i != own, let otherSpan = timeline.span(i) else { continue }
                if otherSpan.overlaps(span) {
                    let (a, b) = ordered(timeline.mention(i, catalog), otherSpan)
                    out.append(Finding(.personDoubleBooked, .doubleBooked(speaker, a, b, overlapMinutes: span.overlapMinutes(with: otherSpan))))
                } else if otherSpan.end <= span.start {
                    let gap = otherSpan.end.minutes(until: span.start)
                    if before == nil || gap < before!.gap { before = (gap, i) }
                } else {
                    let gap = span.end.minutes(until: otherSpan.start)
                    if after == nil || gap < after!.gap { after = (gap, i) }
                }
            }
            let changeover = settings.changeoverMinutes
            if let before, before.gap < changeover {
                let other = timeline.mention(before.index, catalog)
                out.append(Finding(.shortChangeover, .shortChangeover(speaker, other, mention, gapMinutes: before.gap, changeover: changeover)))
            }
            if let after, after.gap < changeover {
                let other = timeline.mention(after.index, catalog)
                out.append(Finding(.shortChangeover, .shortChangeover(speaker, mention, other, gapMinutes: after.gap, changeover: changeover)))
            }
        }
        if let seriesID = draft.series, let series = catalog.series[seriesID], let s = seriesIndex[seriesID] {
            for i32 in seriesPanels[s] {
                let i = Int(i32)
                guard i != own, let otherSpan = timeline.span(i), otherSpan.overlaps(span) else { continue }
                let (a, b) = ordered(timeline.mention(i, catalog), otherSpan)
                out.append(Finding(.seriesOverlap, .seriesOverlap(series: seriesID, name: series.name, a, b, overlapMinutes: span.overlapMinutes(with: otherSpan))))
            }
        }
        return out.sorted(by: Finding.ordered)
    }

    /// True when any part of the span falls outside [start, end) of the waking hours in the zone.
    /// Works on local seconds (minute of day and day number), never on calendar dates.
    /// The zone's rules are read in place: they are held by whoever gave them.
    static func outsideWakingHours(_ span: TimeSpan, _ rules: Unmanaged<ZoneRules>, _ hours: WakingHours) -> Bool {
        guard hours.start < hours.end else { return false }
        let (a, b) = (span.start.secondsSinceEpoch, span.end.secondsSinceEpoch)
        let (startOffset, endOffset) = rules._withUnsafeGuaranteedRef { (Int64($0.offset(at: a)), Int64($0.offset(at: b))) }
        let start = a + startOffset
        let end = b + endOffset
        let startDay = start >= 0 ? start / 86_400 : (start - 86_399) / 86_400
        let endDay = end >= 0 ? end / 86_400 : (end - 86_399) / 86_400
        if Int((start - startDay * 86_400) / 60) < hours.start { return true }
        return Int((end - endDay * 86_400) / 60) + Int(endDay - startDay) * 24 * 60 > hours.end
    }

    // MARK: Person checks

    /// Reusable arrays for sweeps, so that checking many people allocates little: both only grow, and
    /// a sweep fills them from the front.
    struct SweepBuffers {
        var timed: [(start: Int64, end: Int64, index: Int)] = []
        var active: [(start: Int64, end: Int64, index: Int)] = []
    }

    private mutating func recheckPerson(_ p: Int, _ catalog: Catalog, _ buffers: inout SweepBuffers) {
        let new = Schedule.personFindings(personIDs[p], facts[p], personPanels[p], timeline, settings.changeoverMinutes, catalog, &buffers)
        if !byPerson[p].isEmpty || !new.isEmpty {
            remark(removing: byPerson[p], adding: new)
            byPerson[p] = new
        }
    }

    /// A person's double bookings and short changeovers (sort and sweep over their panels), and their
    /// own zones that are not zones.
    static func personFindings(_ id: PersonID, _ facts: PersonFacts?, _ panels: [Int32], _ timeline: Timeline, _ changeover: Int,
                               _ catalog: Catalog, _ buffers: inout SweepBuffers) -> [Finding] {
        var out: [Finding] = []
        guard let facts else { return out }
        let name = facts.name
        if facts.hasBadZone, let person = catalog.people[id] {
            if let home = person.homeZone, facts.home == nil {
                out.append(Finding(.invalidTime, .personZone(person: id, name: name, field: "home zone", problem: SlotProblem.unknownZone(home).description)))
            }
            if facts.unavailable.count != person.unavailable.count {
                for window in person.unavailable {
                    guard case .failure(let problem) = window.span() else { continue }
                    let text: String
                    if case .nonPositiveDuration = problem { text = "the window ends before it starts" } else { text = problem.description }
                    out.append(Finding(.invalidTime, .personZone(person: id, name: name, field: "unavailable \(window.start) to \(window.end) \(window.zone)", problem: text)))
                }
            }
        }
        guard panels.count > 1 else { return out }
        let speaker = Speaker(id: id, facts: facts)
        timeline.sweep(panels, &buffers) { earlier, current in
            let a = timeline.mention(earlier, catalog), b = timeline.mention(current, catalog)
            out.append(Finding(.personDoubleBooked, indexes: .init(earlier, current),
                               .doubleBooked(speaker, a, b, overlapMinutes: timeline.overlapMinutes(earlier, current))))
        } gap: { previous, current, minutes in
            guard minutes < changeover else { return }
            let a = timeline.mention(previous, catalog), b = timeline.mention(current, catalog)
            out.append(Finding(.shortChangeover, indexes: .init(previous, current), .shortChangeover(speaker, a, b, gapMinutes: minutes, changeover: changeover)))
        }
        return out
    }

    // MARK: Series checks

    private mutating func recheckSeries(_ s: Int, _ catalog: Catalog, _ buffers: inout SweepBuffers) {
        seriesExists[s] = catalog.series.index(forKey: seriesIDs[s]) != nil
        let new = Schedule.seriesFindings(seriesIDs[s], seriesPanels[s], timeline, catalog, &buffers)
        if !bySeries[s].isEmpty || !new.isEmpty {
            remark(removing: bySeries[s], adding: new)
            bySeries[s] = new
        }
    }

    /// A series' overlapping panels (sort and sweep) and its unknown host.
    static func seriesFindings(_ id: SeriesID, _ panels: [Int32], _ timeline: Timeline, _ catalog: Catalog, _ buffers: inout SweepBuffers) -> [Finding] {
        guard let series = catalog.series[id] else { return [] }
        var out: [Finding] = []
        if let host = series.host, catalog.organizations.index(forKey: host) == nil {
            out.append(Finding(.unknownReference, .unknownSeriesHost(series: id, name: series.name, host: host)))
        }
        guard panels.count > 1 else { return out }
        timeline.sweep(panels, &buffers) { earlier, current in
            let a = timeline.mention(earlier, catalog), b = timeline.mention(current, catalog)
            out.append(Finding(.seriesOverlap, indexes: .init(earlier, current),
                               .seriesOverlap(series: id, name: series.name, a, b, overlapMinutes: timeline.overlapMinutes(earlier, current))))
        } gap: { _, _, _ in }
        return out
    }

    // MARK: Duplicate names

    /// Files a person (by number) under their folded name again, and re-checks the old and new names.
    private mutating func updatePersonKey(_ p: Int, _ catalog: Catalog) {
        let new = catalog.people[personIDs[p]].map { NameFolding.personKey($0.name) }
        let keys = personNames.refile(personIDs[p], from: personKeys[p], to: new)
        personKeys[p] = new
        for key in keys { recheckPersonKey(key, catalog) }
    }

    private mutating func recheckPersonKey(_ key: String, _ catalog: Catalog) {
        if let old = byPersonKey.removeValue(forKey: key) { mark(old, -1) }
        guard let finding = Schedule.duplicatePeople(personNames[key], catalog) else { return }
        byPersonKey[key] = finding
        mark(finding, +1)
    }

    /// The finding for people of the catalog sharing a name key; nil when they are fewer than two.
    private static func duplicatePeople(_ members: [PersonID], _ catalog: Catalog) -> Finding? {
        let named = existing(members) { catalog.people[$0]?.name }
        return named.count > 1 ? Finding(.possibleDuplicatePerson, .duplicatePeople(named)) : nil
    }

    /// The members the catalog holds, with their names, in id order: each looked up once (a whole-store
    /// check meets every person whose name another shares).
    private static func existing<Kind>(_ members: [Identifier<Kind>], _ name: (Identifier<Kind>) -> String?) -> [(id: Identifier<Kind>, name: String)] {
        var named: [(id: Identifier<Kind>, name: String)] = []
        named.reserveCapacity(members.count)
        for id in members { if let text = name(id) { named.append((id, text)) } }
        named.sort { $0.id < $1.id }
        return named
    }

    /// Files an organization (by number) under its folded name again, and re-checks the old and new names.
    private mutating func updateOrganizationKey(_ o: Int, _ catalog: Catalog) {
        let new = catalog.organizations[organizationIDs[o]].map { NameFolding.organizationKey($0.name) }
        let keys = organizationNames.refile(organizationIDs[o], from: organizationKeys[o], to: new)
        organizationKeys[o] = new
        for key in keys { recheckOrganizationKey(key, catalog) }
    }

    private mutating func recheckOrganizationKey(_ key: String, _ catalog: Catalog) {
        if let old = byOrganizationKey.removeValue(forKey: key) { mark(old, -1) }
        guard let finding = Schedule.duplicateOrganizations(organizationNames[key], catalog) else { return }
        byOrganizationKey[key] = finding
        mark(finding, +1)
    }

    /// The finding for organizations of the catalog sharing a name key; nil when they are fewer than two.
    private static func duplicateOrganizations(_ members: [OrganizationID], _ catalog: Catalog) -> Finding? {
        let named = existing(members) { catalog.organizations[$0]?.name }
        return named.count > 1 ? Finding(.possibleDuplicateOrganization, .duplicateOrganizations(named)) : nil
    }

    // MARK: Settings

    private func settingsFindings(_ settings: Settings) -> [Finding] {
        settings.displayZones.filter { Zone.named($0) == nil }.map {
            Finding(.invalidTime, .settingsZone(zone: $0, problem: SlotProblem.unknownZone($0).description))
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

/// Zones looked up once per check run (the registry takes a lock).
struct ZoneCache {
    private var zones: [String: Zone?] = [:]
    private var recent = RecentStrings<Zone?>()

    mutating func zone(_ id: String) -> Zone? {
        if let hit = recent[id] { return hit }
        let zone = zones[id] ?? Zone.named(id)
        zones[id] = zone
        recent.note(id, zone)
        return zone
    }
}

/// The first few strings looked up and what they gave, found again by their representation: the
/// store decoder hands out one shared string per zone id, so most lookups are found here by
/// comparing two words, without hashing the text (identical representations are always equal
/// strings; a miss only costs the caller's hash). Each string is kept here too, so that its storage
/// cannot be freed and reused by another text.
struct RecentStrings<Value: Sendable>: Sendable {
    private var bits: [StringBits] = [], values: [Value] = [], kept: [String] = []

    subscript(string: String) -> Value? {
        guard let k = bits.firstIndex(of: StringBits(string)) else { return nil }
        return values[k]
    }

    mutating func note(_ string: String, _ value: Value) {
        guard bits.count < 16 else { return }
        bits.append(StringBits(string))
        values.append(value)
        kept.append(string)
    }
}

/// Zones numbered as they are met: a zone id gives a small number (one hash), -1 when it is not a zone.
/// The schedule numbers the zones of its time line so; each part of the whole-store check numbers the
/// zones it meets on its own, renumbered into the schedule's afterwards.
struct ZoneNumbers: Sendable {
    private var numbers: [String: Int16] = [:]
    /// The zones by number, and their ids.
    private(set) var all: [Zone] = []
    private(set) var ids: [String] = []
    private var recent = RecentStrings<Int16>()

    subscript(number: Int16) -> Zone { all[Int(number)] }
    /// Each zone's rules, by number, held by `all`: read in place (`_withUnsafeGuaranteedRef`), they
    /// cost the pass over the panels no retain and release per use, as copying a `Zone` (its id and
    /// its rules) out of `all` did.
    private(set) var rules: [Unmanaged<ZoneRules>] = []

    /// A panel's start and end instants in zone `number`, and whether its local start occurs twice
    /// there (the first is used); nil when it has no duration or its start does not exist in the
    /// zone. The zone's rules are read in place when its offset is steady around the start (nearly
    /// always); only otherwise is the zone copied out to resolve it.
    func placement(_ panel: Panel, in number: Int16) -> (start: Int64, end: Int64, ambiguous: Bool)? {
        guard panel.durationMinutes > 0, panel.durationMinutes <= Limits.maxDurationMinutes else { return nil }
        let local = panel.start
        // At the calendar's two ends the slot may leave it: `resolveSlot` decides (as everywhere).
        if local.date.year == Limits.years.lowerBound || local.date.year == Limits.years.upperBound {
            guard case .success = resolveSlot(start: local, zone: all[Int(number)], minutes: panel.durationMinutes) else { return nil }
        }
        let start: Instant, ambiguous: Bool
        if let steady = rules[Int(number)]._withUnsafeGuaranteedRef({ $0.steadyInstant(local) }) {
            (start, ambiguous) = (steady, false)
        } else {
            switch all[Int(number)].resolve(local) {
            case .unique(let i): (start, ambiguous) = (i, false)
            case .ambiguous(let first, _): (start, ambiguous) = (first, true)
            case .nonexistent: return nil
            }
        }
        return (start.secondsSinceEpoch, start.secondsSinceEpoch + Int64(panel.durationMinutes) * 60, ambiguous)
    }

    mutating func number(_ id: String) -> Int16 {
        if let z = recent[id] { return z }
        let z = hashed(id)
        recent.note(id, z)
        return z
    }

    private mutating func hashed(_ id: String) -> Int16 {
        if let z = numbers[id] { return z }
        guard let zone = Zone.named(id) else {
            numbers[id] = -1
            return -1
        }
        let z = Int16(all.count)
        all.append(zone)
        rules.append(Unmanaged.passUnretained(zone.rules))
        ids.append(id)
        numbers[id] = z
        return z
    }
}

/// A string's two words as stored (a pointer to its shared storage and its count and flags, or a
/// small string's bytes): equal bits mean the same text, as long as the string they were read from is
/// still held (the bits keep nothing alive).
struct StringBits: Equatable, Sendable {
    private let a: UInt64, b: UInt64

    @inline(__always)
    init(_ string: String) {
        (a, b) = unsafeBitCast(string, to: (UInt64, UInt64).self)
    }
}

/// Every panel's place on the time line, by interned number: flat arrays that sweeps read without
/// touching the panels themselves.
struct Timeline: Sendable {
    var panelIDs: [PanelID] = []
    /// Not cancelled and present in the catalog.
    var live: [Bool] = []
    /// Start and end instants, and the interned zone (-1 when the time cannot be placed).
    var starts: [Int64] = []
    var ends: [Int64] = []
    var zoneOf: [Int16] = []
    /// The local start occurs twice in the zone (the first is used).
    var ambiguous: [Bool] = []
    var zones = ZoneNumbers()

    /// The span of a live, placed panel.
    func span(_ index: Int) -> TimeSpan? {
        guard live[index], zoneOf[index] >= 0 else { return nil }
        return TimeSpan(start: Instant(secondsSinceEpoch: starts[index]), end: Instant(secondsSinceEpoch: ends[index]))
    }

    /// Minutes two live, placed panels overlap.
    func overlapMinutes(_ a: Int, _ b: Int) -> Int { span(a)!.overlapMinutes(with: span(b)!) }

    /// The zone of a live, placed panel whose local start occurs twice there.
    func ambiguousZone(_ index: Int) -> Zone? {
        span(index) != nil && ambiguous[index] ? zones[zoneOf[index]] : nil
    }

    /// A panel as messages name it (the catalog's panel, looked up only when a finding is made).
    func mention(_ index: Int, _ catalog: Catalog) -> PanelMention {
        let id = panelIDs[index]
        return PanelMention(id: id, panel: catalog.panels[id])
    }

    /// Sorts panels by start and sweeps them once: `overlap` for every pair that overlaps, `gap` for
    /// each panel that starts when nothing earlier is still running, with the minutes since the latest
    /// end before it.
    func sweep(_ indices: [Int32], _ buffers: inout Schedule.SweepBuffers, overlap: (Int, Int) -> Void, gap: (Int, Int, Int) -> Void) {
        // Both buffers only grow, and are filled from the front: no appends, no uniqueness checks.
        if buffers.timed.count < indices.count {
            buffers.timed = Array(repeating: (0, 0, 0), count: indices.count)
            buffers.active = buffers.timed
        }
        let ids = panelIDs
        func precedes(_ a: (start: Int64, end: Int64, index: Int), _ b: (start: Int64, end: Int64, index: Int)) -> Bool {
            a.start != b.start ? a.start < b.start : ids[a.index] < ids[b.index]
        }
        var latest: (end: Int64, index: Int)?
        buffers.timed.withUnsafeMutableBufferPointer { all in
            var count = 0
            for i32 in indices {
                let i = Int(i32)
                if live[i] && zoneOf[i] >= 0 {
                    all[count] = (starts[i], ends[i], i)
                    count += 1
                }
            }
            guard count > 1 else { return }
            var timed = UnsafeMutableBufferPointer(rebasing: all[..<count])
            if count > 32 {
                timed.sort(by: precedes)
            } else {
                // Most people and series have a few dozen panels: sorted by insertion, in place.
                for i in 1..<count {
                    let item = timed[i]
                    var j = i
                    while j > 0 && precedes(item, timed[j - 1]) {
                        timed[j] = timed[j - 1]
                        j -= 1
                    }
                    timed[j] = item
                }
            }
            // The panels still running, from the front of the other buffer.
            buffers.active.withUnsafeMutableBufferPointer { active in
                var running = 0
                for current in timed {
                    // Those that ended by the time this one starts are dropped, the rest kept in order.
                    var kept = 0
                    for k in 0..<running where active[k].end > current.start {
                        active[kept] = active[k]
                        kept += 1
                    }
                    running = kept
                    for k in 0..<running { overlap(active[k].index, current.index) }
                    if running == 0, let previous = latest {
                        gap(previous.index, current.index, Int((current.start - previous.end) / 60))
                    }
                    active[running] = current
                    running += 1
                    if latest == nil || current.end > latest!.end { latest = (current.end, current.index) }
                }
            }
        }
    }
}

