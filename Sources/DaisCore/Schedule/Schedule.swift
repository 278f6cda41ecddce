/// The scheduling core: every finding of a catalog, kept up to date edit by edit.
///
/// Findings are held by scope (a panel, a person, a series, a folded name), so that after one edit
/// only the scopes it touches are checked again: the panel's own rules (`PanelRules`), its people's
/// (`PersonRules`: double bookings and changeovers, a sort and sweep over their panels) and its
/// series' (`SeriesRules`). The whole-store check is the same work for every scope: near-linear,
/// never pairwise over all panels.
///
/// Panels, people, series and organizations are numbered as they are met, and each panel's place on
/// the time line is kept in a small record of plain numbers (`Timeline`), so that the sweeps
/// compare numbers.
///
/// The stored state is internal so that the schedule's extensions in this folder (updates, preview)
/// can share it; nothing else reads it.
public struct Schedule: Sendable {
    public private(set) var settings: Settings
    /// The settings the rules read, taken out once.
    let wakingHours: WakingHours, changeoverMinutes: Int
    /// The day the check is made for (speakers who have not confirmed are warned about from
    /// `settings.confirmDays` before a panel); nil: not checked.
    public let asOf: LocalDate?
    /// The days (since the epoch) on which a panel with speakers who have not confirmed is warned
    /// about: `asOf` and the `confirmDays` after it.
    let confirmWindow: ClosedRange<Int>?
    /// Errors and warnings over the whole store, kept as findings come and go.
    public internal(set) var totals = Marks()

    // Panels, by number.
    var panelNumbers = Numbering<PanelKind>()
    var timeline = Timeline()
    var byPanel: [[Finding]] = []
    var panelMarks: [Marks] = []

    // People, by number: what the checks read of each, their live panels and their findings.
    var personNumbers = Numbering<PersonKind>()
    var personIDs: [PersonID] = []
    var facts: [PersonFacts?] = []
    var briefs: [PersonBrief] = []
    var personPanels: [[Int32]] = []
    var byPerson: [[Finding]] = []

    // Series, by number: whether the catalog holds each, its live panels and its findings.
    var seriesNumbers = Numbering<SeriesKind>()
    var seriesIDs: [SeriesID] = []
    var seriesExists: [Bool] = []
    var seriesPanels: [[Int32]] = []
    var bySeries: [[Finding]] = []

    // Organizations, by number: whether the catalog holds each, and the live panels naming it as
    // host or co-sponsor.
    var organizationNumbers = Numbering<OrganizationKind>()
    var organizationExists: [Bool] = []
    var organizationPanels: [[Int32]] = []

    // Possible duplicates, and the findings of the settings.
    var duplicatePeople = DuplicateNames<PersonKind>()
    var duplicateOrganizations = DuplicateNames<OrganizationKind>()
    var global: [Finding] = []

    /// Counts of findings naming one panel.
    public struct Marks: Hashable, Sendable {
        public var errors = 0
        public var warnings = 0
        public var isEmpty: Bool { errors == 0 && warnings == 0 }
    }

    /// Checks the whole catalog, as of a day (nil: speakers' confirmations are not checked against
    /// a date).
    public init(catalog: Catalog, asOf: LocalDate? = nil) {
        self.init(settings: catalog.settings, asOf: asOf)
        rebuild(catalog)
    }

    /// Checks everything again (after settings change, or a reload): every person, series and
    /// organization is numbered, every panel placed and checked on its own, then every person's and
    /// series' panels are swept, and the names compared.
    public mutating func rebuild(_ catalog: Catalog) {
        var clock = PhaseClock("check")
        self = Schedule(settings: catalog.settings, asOf: asOf)
        personNumbers.reserveCapacity()
        seriesNumbers.reserveCapacity()
        organizationNumbers.reserveCapacity()
        for (id, person) in catalog.people { addPerson(id, person) }
        for id in catalog.series.keys { _ = internSeries(id, catalog) }
        for id in catalog.organizations.keys { _ = internOrganization(id, catalog) }
        clock.lap("people, series and organizations numbered")
        // Each live panel is listed under its people, series and organizations once all are met: the
        // (owner, panel) pairs are grouped in one pass, each list made once at its size.
        var personPairs: [(owner: Int, panel: Int32)] = [], seriesPairs = personPairs, organizationPairs = personPairs
        personPairs.reserveCapacity(catalog.panels.count * 4)
        seriesPairs.reserveCapacity(catalog.panels.count)
        organizationPairs.reserveCapacity(catalog.panels.count * 2)
        panelNumbers.reserveCapacity()
        timeline.reserveCapacity(catalog.panels.count)
        byPanel.reserveCapacity(catalog.panels.count)
        panelMarks.reserveCapacity(catalog.panels.count)
        // In the order the panels were read (ids are interned as the store is decoded), which is the
        // order they lie in memory: a dictionary's own order would visit them at random. Sorted as
        // plain keys, not as panels.
        var order = catalog.panels.indices.map { (symbol: catalog.panels.keys[$0].symbol, index: $0) }
        order.sort { $0.symbol < $1.symbol }
        for (_, position) in order {
            let panel = catalog.panels.values[position]
            let index = addPanel(panel.id), i = Int32(index)
            guard panel.status != .cancelled else { continue }
            let links = checkLive(index, panel, catalog)
            for person in links.people { personPairs.append((person.number, i)) }
            if let s = links.series { seriesPairs.append((s, i)) }
            if let o = links.host { organizationPairs.append((o, i)) }
            for o in links.cosponsors { organizationPairs.append((o, i)) }
        }
        personPanels = Schedule.group(personPairs, owners: personIDs.count)
        seriesPanels = Schedule.group(seriesPairs, owners: seriesIDs.count)
        organizationPanels = Schedule.group(organizationPairs, owners: organizationExists.count)
        clock.lap("panels placed and checked")
        for p in personIDs.indices { recheckPerson(p, catalog) }
        for s in seriesIDs.indices { recheckSeries(s, catalog) }
        clock.lap("person and series sweeps")
        duplicatePeople = DuplicateNames(catalog)
        duplicateOrganizations = DuplicateNames(catalog)
        remark((removed: [], added: Array(duplicatePeople.findings.values) + duplicateOrganizations.findings.values))
        clock.lap("duplicate names")
        global = catalog.mergeClashes.map { Finding(.mergeClash, .mergeClash($0)) } + Schedule.settingsFindings(catalog.settings)
        remark((removed: [], added: global))
    }

    private init(settings: Settings, asOf: LocalDate?) {
        self.settings = settings
        wakingHours = settings.wakingHours
        changeoverMinutes = settings.changeoverMinutes
        self.asOf = asOf
        confirmWindow = asOf.map { $0.daysSinceEpoch...($0.daysSinceEpoch + settings.confirmDays) }
    }

    /// Lists of panel numbers by owner from (owner, panel) pairs, each in the pairs' order: counted,
    /// laid out by owner in one array, then cut into one list per owner.
    private static func group(_ pairs: [(owner: Int, panel: Int32)], owners: Int) -> [[Int32]] {
        var starts = [Int](repeating: 0, count: owners + 1)
        for pair in pairs { starts[pair.owner + 1] += 1 }
        for o in 0..<owners { starts[o + 1] += starts[o] }
        var flat = [Int32](repeating: 0, count: pairs.count)
        var next = starts
        for pair in pairs {
            flat[next[pair.owner]] = pair.panel
            next[pair.owner] += 1
        }
        return (0..<owners).map { Array(flat[starts[$0]..<starts[$0 + 1]]) }
    }

    // MARK: Reading

    /// Every finding, errors first, in the design's table order.
    public var findings: [Finding] {
        // In `Finding.ordered`'s order, through keys made once per finding.
        unorderedFindings.map { ($0.sortKey, $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }

    /// Every finding, scope by scope.
    var unorderedFindings: [Finding] {
        var all: [Finding] = global
        for list in byPanel where !list.isEmpty { all += list }
        for list in byPerson where !list.isEmpty { all += list }
        for list in bySeries where !list.isEmpty { all += list }
        all += duplicatePeople.findings.values
        all += duplicateOrganizations.findings.values
        return all
    }

    /// Errors and warnings among the findings naming a panel.
    public func marks(for id: PanelID) -> Marks {
        guard let i = panelNumbers[id] else { return Marks() }
        return panelMarks[i]
    }

    /// Marks of every panel that has some, by id.
    public var allMarks: [PanelID: Marks] {
        var result: [PanelID: Marks] = [:]
        for (i, m) in panelMarks.enumerated() where !m.isEmpty { result[timeline[i].id] = m }
        return result
    }

    /// The start instant of a panel whose time can be placed (nil otherwise, or when cancelled).
    public func start(of id: PanelID) -> Instant? {
        panelNumbers[id].flatMap { timeline.span($0)?.start }
    }

    /// Findings naming a panel: its own, and those of its people and series that involve it.
    /// Costs the size of its roster's and series' findings, not of the store.
    public func findings(forPanel panel: Panel) -> [Finding] {
        let id = panel.id
        var result = panelNumbers[id].map { byPanel[$0] } ?? []
        var seen = Set<Finding>(result)
        for entry in panel.roster {
            guard let p = personNumbers[entry.person] else { continue }
            for f in byPerson[p] where f.panels.contains(id) && seen.insert(f).inserted { result.append(f) }
        }
        if let s = panel.series.flatMap({ seriesNumbers[$0] }) {
            for f in bySeries[s] where f.panels.contains(id) && seen.insert(f).inserted { result.append(f) }
        }
        return result.sorted(by: Finding.ordered)
    }

    /// Findings naming a person.
    public func findings(forPerson id: PersonID) -> [Finding] {
        var result: [Finding] = []
        if let duplicate = duplicatePeople.finding(for: id) { result.append(duplicate) }
        if let p = personNumbers[id] {
            result += byPerson[p]
            for panel in personPanels[p] { result += byPanel[Int(panel)].filter { $0.people.contains(id) } }
        }
        return Array(Set(result)).sorted(by: Finding.ordered)
    }

    /// Live (not cancelled) panels with a person on their roster, from the index (not a scan).
    public func livePanels(withPerson id: PersonID) -> [PanelID] {
        personNumbers[id].map { personPanels[$0].map { timeline[Int($0)].id } } ?? []
    }

    /// Live panels an organization hosts (itself or as its series' host) or co-sponsors.
    public func livePanels(namingOrganization id: OrganizationID, in catalog: Catalog) -> [PanelID] {
        var indexes = organizationNumbers[id].map { organizationPanels[$0] } ?? []
        for series in catalog.series.values where series.host == id {
            for i in seriesNumbers[series.id].map({ seriesPanels[$0] }) ?? [] where !indexes.contains(i) { indexes.append(i) }
        }
        return indexes.map { timeline[Int($0)].id }
    }

    /// The findings of the settings: display zones that are not zones.
    static func settingsFindings(_ settings: Settings) -> [Finding] {
        settings.displayZones.filter { Zone.named($0) == nil }.map {
            Finding(.invalidTime, .settingsZone(zone: $0, problem: SlotProblem.unknownZone($0).description))
        }
    }
}
