/// Everything in one store, as a value: settings, organizations, people, series and panels, each keyed by id.
public struct Catalog: Hashable, Sendable {
    public var settings: Settings
    public var organizations: [OrganizationID: Organization]
    public var people: [PersonID: Person]
    public var series: [SeriesID: Series]
    public var panels: [PanelID: Panel]
    /// Clashes a git merge recorded (format 2), until the organizer resolves them.
    public var mergeClashes: [MergeClash] = []

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

    /// Panels ordered by start instant (panels whose time cannot be resolved last), then by local
    /// start, then id. Each panel's instant is worked out once, before sorting.
    public func panelsByStart() -> [Panel] {
        var zones: [String: Zone?] = [:]
        let keyed = panels.values.map { panel -> (instant: Int64, local: Int64, panel: Panel) in
            let zone: Zone?
            if let known = zones[panel.zone] {
                zone = known
            } else {
                zone = Zone.named(panel.zone)
                zones[panel.zone] = zone
            }
            var instant = Int64.max
            if let zone, case .success(let slot) = resolveSlot(start: panel.start, zone: zone, minutes: panel.durationMinutes) {
                instant = slot.span.start.secondsSinceEpoch
            }
            return (instant, panel.start.secondsSinceEpochAsUTC, panel)
        }
        return keyed.sorted { a, b in
            if a.instant != b.instant { return a.instant < b.instant }
            if a.local != b.local { return a.local < b.local }
            return a.panel.id < b.panel.id
        }.map(\.panel)
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
