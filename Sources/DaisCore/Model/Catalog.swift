/// Everything in one store, as a value: settings, organizations, people, series and panels, each keyed by id.
public struct Catalog: Hashable, Sendable {
    public var settings: Settings
    public var organizations: [OrganizationID: Organization]
    public var people: [PersonID: Person]
    public var series: [SeriesID: Series]
    public var panels: [PanelID: Panel]

    public init(settings: Settings = Settings(), organizations: [Organization] = [], people: [Person] = [],
                series: [Series] = [], panels: [Panel] = []) {
        self.settings = settings
        self.organizations = Dictionary(organizations.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.people = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.series = Dictionary(series.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.panels = Dictionary(panels.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The panel's own host, else its series' host.
    public func effectiveHost(of panel: Panel) -> OrganizationID? {
        panel.host ?? panel.series.flatMap { series[$0]?.host }
    }

    /// Panels ordered by start instant (panels whose time cannot be resolved last, by local start), then id.
    ///
    /// Each panel's key (its instant, its local start read as UTC, its position) is made once, in
    /// parallel parts that number the zones they meet, and the plain keys are sorted; only panels
    /// with equal keys compare ids. (Sorting the panels themselves read two panels' storage at every
    /// comparison: a cache miss each once the store outgrows the cache.)
    public func panelsByStart() -> [Panel] {
        let values = Array(panels.values)
        let ranges = Parallel.ranges(values.count, minimum: 4_096)
        let keys = Column<StartKey>(count: values.count, repeating: StartKey(instant: 0, local: 0, position: 0))
        Parallel.run(ranges.count) { k in
            var zones = ZoneNumbers()
            values.forEachAhead(in: ranges[k], rosters: false) { i in
                let panel = values[i]
                let z = zones.number(panel.zone)
                var instant = Int64.max
                if z >= 0, case .success(let slot) = resolveSlot(start: panel.start, zone: zones[z], minutes: panel.durationMinutes) {
                    instant = slot.span.start.secondsSinceEpoch
                }
                keys[i] = StartKey(instant: instant, local: panel.start.secondsSinceEpochAsUTC, position: Int32(i))
            }
        }
        var sorted = keys.array()
        sorted.sort { a, b in a.instant != b.instant ? a.instant < b.instant : a.local < b.local }
        var i = 0
        while i < sorted.count {
            var j = i + 1
            while j < sorted.count && sorted[j].instant == sorted[i].instant && sorted[j].local == sorted[i].local { j += 1 }
            if j - i > 1 { sorted[i..<j].sort { values[Int($0.position)].id < values[Int($1.position)].id } }
            i = j
        }
        // Taking a panel writes its reference count: each is asked for 8 places ahead.
        return [Panel](gathering: sorted.count, ahead: { values[Int(sorted[$0].position)].prefetchStorage() }) { values[Int(sorted[$0].position)] }
    }

    /// What `panelsByStart` sorts: plain numbers.
    private struct StartKey {
        let instant: Int64, local: Int64
        let position: Int32
    }

    /// People ordered by name (folded), then id.
    public func peopleByName() -> [Person] {
        people.values.sorted { a, b in
            let fa = NameFolding.sortKey(a.name), fb = NameFolding.sortKey(b.name)
            return fa != fb ? fa < fb : a.id < b.id
        }
    }

    /// Organizations ordered by name (folded), then id.
    public func organizationsByName() -> [Organization] {
        organizations.values.sorted { a, b in
            let fa = NameFolding.sortKey(a.name), fb = NameFolding.sortKey(b.name)
            return fa != fb ? fa < fb : a.id < b.id
        }
    }

    /// Series ordered by name, then id.
    public func seriesByName() -> [Series] {
        series.values.sorted { a, b in a.name != b.name ? a.name < b.name : a.id < b.id }
    }

    /// The name for a person id, or the id itself when it names nobody.
    public func name(of person: PersonID) -> String { people[person]?.name ?? person.rawValue }

    /// The name for an organization id, or the id itself when it names nothing.
    public func name(of organization: OrganizationID) -> String { organizations[organization]?.name ?? organization.rawValue }

    /// The title line to print for a roster entry: its own, else the person's.
    public func titleLine(for entry: RosterEntry) -> String? {
        entry.title?.nonEmpty ?? people[entry.person]?.titleLine
    }
}
