import DaisCore

/// The screens of the console, switched by number keys.
public enum Tab: Int, CaseIterable, Hashable, Sendable {
    case panels = 1, people, organizations, findings, week

    public var title: String {
        switch self {
        case .panels: return "Panels"
        case .people: return "People"
        case .organizations: return "Organizations"
        case .findings: return "Findings"
        case .week: return "Week"
        }
    }

    /// The name on a narrow tab bar.
    public var shortTitle: String { self == .organizations ? "Orgs" : title }
}

/// Which half of a screen the movement keys act on.
public enum Focus: Hashable, Sendable { case list, details }

/// A selection in a list and the first row shown.
public struct ListCursor: Hashable, Sendable {
    public var selected = 0
    public var top = 0
    /// Scroll of the details pane beside the list.
    public var detailTop = 0

    public init() {}
}

/// Which panels the Panels screen shows.
public struct PanelFilter: Hashable, Sendable {
    public enum FindingsChoice: String, CaseIterable, Hashable, Sendable {
        case any, errors, problems = "errors or warnings", none = "no findings"
    }

    public var series: SeriesID?
    public var status: PanelStatus?
    public var person: PersonID?
    public var findings: FindingsChoice = .any

    public init() {}

    public var isActive: Bool { series != nil || status != nil || person != nil || findings != .any }
}

/// Where the store lives and what it looked like when loaded.
public struct StoreInfo: Hashable, Sendable {
    public var path: String
    public var fingerprint: StoreFile.Fingerprint?
    /// Another console holds the store; edits are allowed but saving is refused.
    public var readOnlyReason: String?

    public init(path: String, fingerprint: StoreFile.Fingerprint?, readOnlyReason: String? = nil) {
        self.path = path
        self.fingerprint = fingerprint
        self.readOnlyReason = readOnlyReason
    }
}

/// A message in the status line until the next key.
public struct Notice: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, success, error }
    public let text: String
    public let kind: Kind

    public init(_ text: String, _ kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

/// Everything the console shows and edits. A value: the reducer changes it, views read it.
public struct AppState: Sendable {
    public internal(set) var catalog: Catalog
    public internal(set) var schedule: Schedule
    public internal(set) var store: StoreInfo
    public internal(set) var history = History()

    public internal(set) var tab: Tab = .panels
    public internal(set) var focus: Focus = .list
    public internal(set) var width: Int
    public internal(set) var height: Int

    /// Display zones (the store's setting) and the one the lists use now.
    public internal(set) var currentZone = 0

    public internal(set) var panelOrder: SortedIndex<PanelID, PanelSortKey>
    public internal(set) var peopleOrder: SortedIndex<PersonID, NameSortKey<PersonID>>
    public internal(set) var organizationOrder: SortedIndex<OrganizationID, NameSortKey<OrganizationID>>
    /// The panels shown when a filter or search is active (in order); nil shows all.
    public internal(set) var visiblePanels: [PanelID]?
    public internal(set) var visiblePeople: [PersonID]?
    public internal(set) var visibleOrganizations: [OrganizationID]?
    public internal(set) var cursors: [Tab: ListCursor] = [:]
    public internal(set) var filter = PanelFilter()
    /// The search text of each screen, and whether it is being typed.
    public internal(set) var search: [Tab: TextField] = [:]
    public internal(set) var searching = false

    /// The Week screen: the Monday shown and the selected day (0-6) and row.
    public internal(set) var weekStart: LocalDate
    public internal(set) var weekDay = 0
    public internal(set) var weekRow = 0

    /// Bumped by every edit: what derived data (search corpora) was built for.
    public internal(set) var version = 0
    /// Folded search texts of the three lists, built off the main thread for `version`.
    public internal(set) var corpora: SearchCorpora?
    var corporaRequested = -1
    /// The last search's query and matching positions per tab, to narrow the next character's search.
    var lastMatches: [Tab: SearchMatches] = [:]

    /// The sorted findings and the version they were gathered for, and the version asked of the
    /// background (-1: none under way).
    var findingsCache: (version: Int, list: [Finding])?
    var findingsRequested = -1

    /// Dialogs, the topmost last.
    public internal(set) var overlays: [Overlay] = []
    public internal(set) var notice: Notice?
    /// The export dialog as last written: its format, panels, statuses, title and folder are offered
    /// again while the console runs.
    var lastExport: ExportDialog?
    /// Why unsaved edits cannot be kept in the recovery file beside the store, while that lasts:
    /// shown in the status line until a write succeeds.
    public internal(set) var recoveryProblem: String?
    /// Set when the console should end.
    public internal(set) var quitting = false
    /// Set while a save started from the quit question is under way.
    var quittingAfterSave = false

    /// The catalog as the store file holds it (last loaded or saved): the base of a merge when the file
    /// changed on disk meanwhile.
    public internal(set) var savedCatalog: Catalog

    /// Opens a catalog loaded from `store`.
    /// `asOf` is the day the checks are made for (speakers' confirmations), `today` unless given.
    public init(catalog: Catalog, store: StoreInfo, width: Int = 120, height: Int = 40, today: LocalDate? = nil, asOf: LocalDate? = nil) {
        self.catalog = catalog
        self.savedCatalog = catalog
        self.schedule = Schedule(catalog: catalog, asOf: asOf ?? today)
        self.store = store
        self.width = width
        self.height = height
        panelOrder = SortedIndex(catalog.panels.values.map { ($0.id, PanelSortKey($0)) })
        peopleOrder = SortedIndex(catalog.people.values.map { ($0.id, NameSortKey(name: $0.name, id: $0.id)) })
        organizationOrder = SortedIndex(catalog.organizations.values.map { ($0.id, NameSortKey(name: $0.name, id: $0.id)) })
        let start = today ?? LocalDate(year: 2024, month: 11, day: 11)!
        weekStart = start.adding(days: -start.weekdayIndex)
        for tab in Tab.allCases { cursors[tab] = ListCursor() }
        selectFirstUpcoming(today: today)
        scrollToSelection()
        // A git merge left clashes in the store: the organizer chooses first.
        if !catalog.mergeClashes.isEmpty { overlays.append(.recordedClashes(RecordedClashes(catalog.mergeClashes))) }
    }

    /// Shows a message in the status line (until the next key).
    public mutating func announce(_ text: String) { notice = Notice(text) }

    // MARK: Derived

    public var isModified: Bool { history.isModified }

    /// The display zones that are real zones, in order (at least UTC).
    public var displayZones: [Zone] {
        let zones = catalog.settings.displayZones.compactMap(Zone.named)
        return zones.isEmpty ? [.utc] : zones
    }

    /// The zone lists and the Week screen read times in.
    public var zone: Zone {
        let zones = displayZones
        return zones[min(currentZone, zones.count - 1)]
    }

    public var cursor: ListCursor { cursors[tab] ?? ListCursor() }

    /// Number of panels the Panels screen lists.
    public var panelCount: Int { visiblePanels?.count ?? panelOrder.count }

    public func panelID(at position: Int) -> PanelID? {
        if let visible = visiblePanels { return position >= 0 && position < visible.count ? visible[position] : nil }
        return position >= 0 && position < panelOrder.count ? panelOrder.ids[position] : nil
    }

    public var selectedPanel: Panel? {
        panelID(at: cursors[.panels]?.selected ?? 0).flatMap { catalog.panels[$0] }
    }

    public var peopleCount: Int { visiblePeople?.count ?? peopleOrder.count }

    public func personID(at position: Int) -> PersonID? {
        if let visible = visiblePeople { return position >= 0 && position < visible.count ? visible[position] : nil }
        return position >= 0 && position < peopleOrder.count ? peopleOrder.ids[position] : nil
    }

    public var selectedPerson: Person? { personID(at: cursors[.people]?.selected ?? 0).flatMap { catalog.people[$0] } }

    public var organizationCount: Int { visibleOrganizations?.count ?? organizationOrder.count }

    public func organizationID(at position: Int) -> OrganizationID? {
        if let visible = visibleOrganizations { return position >= 0 && position < visible.count ? visible[position] : nil }
        return position >= 0 && position < organizationOrder.count ? organizationOrder.ids[position] : nil
    }

    public var selectedOrganization: Organization? {
        organizationID(at: cursors[.organizations]?.selected ?? 0).flatMap { catalog.organizations[$0] }
    }

    /// Every finding, errors first: gathered and sorted once per state version (by `reduce`, while
    /// the Findings screen is shown), else when asked.
    public var findings: [Finding] {
        if let cache = findingsCache, cache.version == version { return cache.list }
        return schedule.findings
    }

    /// The panels whose start falls on each day of the shown week, in the current zone (and filter).
    public var weekDays: [[Panel]] {
        let zone = self.zone
        var days: [[Panel]] = Array(repeating: [], count: 7)
        // Scan from a day before the week (any offset is under a day) to a day after it.
        let monday = LocalDateTime(date: weekStart, hour: 0, minute: 0)!.secondsSinceEpochAsUTC
        var i = panelOrder.lowerBound(PanelSortKey(instant: monday - 86_400))
        while i < panelOrder.count, panelOrder.key(at: i).instant < monday + 8 * 86_400 {
            if let panel = catalog.panels[panelOrder.ids[i]], let slot = try? panel.slot().get(), matchesFilter(panel) {
                let day = zone.local(at: slot.span.start).date.daysSinceEpoch - weekStart.daysSinceEpoch
                if day >= 0 && day < 7 { days[day].append(panel) }
            }
            i += 1
        }
        return days
    }

    /// The days of a month (1...31) on which a panel shown starts, in the current display zone.
    public func monthPanelDays(_ first: LocalDate) -> [Int] {
        let zone = self.zone
        let start = LocalDateTime(date: first, hour: 0, minute: 0)!.secondsSinceEpochAsUTC
        var days: [Int] = []
        var i = panelOrder.lowerBound(PanelSortKey(instant: start - 86_400))
        while i < panelOrder.count, panelOrder.key(at: i).instant < start + 33 * 86_400 {
            if let panel = catalog.panels[panelOrder.ids[i]], let slot = try? panel.slot().get(), matchesFilter(panel) {
                let date = zone.local(at: slot.span.start).date
                if date.year == first.year && date.month == first.month { days.append(date.day) }
            }
            i += 1
        }
        return days
    }

    /// True when a panel passes the filter (search is applied separately).
    public func matchesFilter(_ panel: Panel) -> Bool {
        if let series = filter.series, panel.series != series { return false }
        if let status = filter.status, panel.status != status { return false }
        if let person = filter.person, !panel.roster.contains(where: { $0.person == person }) { return false }
        switch filter.findings {
        case .any: return true
        case .errors: return schedule.marks(for: panel.id).errors > 0
        case .problems: return !schedule.marks(for: panel.id).isEmpty
        case .none: return schedule.marks(for: panel.id).isEmpty
        }
    }

    /// Selects the first panel that starts on or after `today` (else the last one).
    mutating func selectFirstUpcoming(today: LocalDate?) {
        guard let today, panelOrder.count > 0 else { return }
        let instant = LocalDateTime(date: today, hour: 0, minute: 0)!.secondsSinceEpochAsUTC
        var position = min(panelOrder.lowerBound(PanelSortKey(instant: instant)), panelOrder.count - 1)
        while position > 0 && panelOrder.key(at: position).instant == Int64.max { position -= 1 }  // skip unplaced panels
        cursors[.panels]?.selected = position
    }
}

extension PanelSortKey {
    /// A key that sorts before every panel starting at or after `instant`.
    init(instant: Int64) {
        self.init(instant: instant, local: LocalDateTime(year: 1, month: 1, day: 1, hour: 0, minute: 0)!, id: PanelID(""))
    }
}
