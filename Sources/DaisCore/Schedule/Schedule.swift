/// The scheduling core: every finding of a catalog, kept up to date edit by edit.
///
/// Findings are held by scope (a panel, a person, a series, a name key), so that after one edit only
/// the scopes it touches are checked again: a panel's own checks, its people's double bookings and
/// changeovers (sort and sweep over their panels) and its series' overlaps. The whole-store check is
/// the same work for every scope: near-linear, never pairwise over all panels. Panels and people are
/// interned to small integers so that sweeps and counts work on arrays.
public struct Schedule: Sendable {
    public private(set) var settings: Settings

    private var panelIndex: [PanelID: Int] = [:]
    private var panelIDs: [PanelID] = []
    /// Mentions of live (not cancelled) panels; nil for cancelled, deleted or never-seen ones.
    private var mentions: [PanelMention?] = []
    /// A panel's own findings.
    private var byPanel: [[Finding]] = []
    /// Errors and warnings of every finding naming a panel.
    private var panelMarks: [Marks] = []
    /// Errors and warnings over the whole store, kept as findings come and go.
    public private(set) var totals = Marks()

    private var personIndex: [PersonID: Int] = [:]
    private var personIDs: [PersonID] = []
    /// What the checks need of a person; nil when the id names nobody.
    private var facts: [PersonFacts?] = []
    /// Live panels with the person on their roster (once each), and the person's own findings.
    private var personPanels: [[Int]] = []
    private var byPerson: [[Finding]] = []

    private var seriesPanels: [SeriesID: [Int]] = [:]
    private var bySeries: [SeriesID: [Finding]] = [:]
    /// Live panels naming an organization as host or co-sponsor.
    private var organizationPanels: [OrganizationID: [Int]] = [:]

    private var personKeys: [PersonID: String] = [:]
    private var personKeyMembers: [String: [PersonID]] = [:]
    private var byPersonKey: [String: Finding] = [:]
    private var organizationKeys: [OrganizationID: String] = [:]
    private var organizationKeyMembers: [String: [OrganizationID]] = [:]
    private var byOrganizationKey: [String: Finding] = [:]
    private var global: [Finding] = []

    /// Counts of findings naming one panel.
    public struct Marks: Hashable, Sendable {
        public var errors = 0
        public var warnings = 0
        public var isEmpty: Bool { errors == 0 && warnings == 0 }
    }

    /// A person as the checks see them, resolved once.
    struct PersonFacts: Sendable {
        let name: String
        let home: Zone?
        let unavailable: [(span: TimeSpan, zone: Zone)]
    }

    /// Checks the whole catalog.
    public init(catalog: Catalog) {
        settings = catalog.settings
        rebuild(catalog)
    }

    private init(empty settings: Settings) { self.settings = settings }

    // MARK: Reading

    /// Every finding, errors first, in the design's table order.
    public var findings: [Finding] {
        var all: [Finding] = global
        for list in byPanel where !list.isEmpty { all += list }
        for list in byPerson where !list.isEmpty { all += list }
        for list in bySeries.values { all += list }
        all += byPersonKey.values
        all += byOrganizationKey.values
        return all.sorted(by: Finding.ordered)
    }

    /// Errors and warnings among the findings naming a panel.
    public func marks(for id: PanelID) -> Marks {
        guard let i = panelIndex[id] else { return Marks() }
        return panelMarks[i]
    }

    /// Marks of every panel that has some, by id.
    public var allMarks: [PanelID: Marks] {
        var result: [PanelID: Marks] = [:]
        for (i, m) in panelMarks.enumerated() where !m.isEmpty { result[panelIDs[i]] = m }
        return result
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
        if let s = panel.series {
            for f in bySeries[s] ?? [] where f.panels.contains(id) && seen.insert(f).inserted { result.append(f) }
        }
        return result.sorted(by: Finding.ordered)
    }

    /// Live (not cancelled) panels with a person on their roster, from the index (not a scan).
    public func livePanels(withPerson id: PersonID) -> [PanelID] {
        personIndex[id].map { personPanels[$0].map { panelIDs[$0] } } ?? []
    }

    /// Live panels an organization hosts (itself or as its series' host) or co-sponsors.
    public func livePanels(namingOrganization id: OrganizationID, in catalog: Catalog) -> [PanelID] {
        var indexes = organizationPanels[id] ?? []
        for series in catalog.series.values where series.host == id {
            for i in seriesPanels[series.id] ?? [] where !indexes.contains(i) { indexes.append(i) }
        }
        return indexes.map { panelIDs[$0] }
    }

    /// Findings naming a person.
    public func findings(forPerson id: PersonID) -> [Finding] {
        var result: [Finding] = []
        if let key = personKeys[id], let dup = byPersonKey[key] { result.append(dup) }
        if let p = personIndex[id] {
            result += byPerson[p]
            for panel in personPanels[p] { result += byPanel[panel].filter { $0.people.contains(id) } }
        }
        return Array(Set(result)).sorted(by: Finding.ordered)
    }

    // MARK: Updating

    /// Re-checks after one panel was added (`old` nil), changed, or deleted (`new` nil). Touches only
    /// that panel, the people on its old and new rosters, and its old and new series.
    public mutating func panelChanged(old: Panel?, new: Panel?, in catalog: Catalog) {
        guard let id = new?.id ?? old?.id else { return }
        if let old, old.id != id { panelChanged(old: old, new: nil, in: catalog) }
        var zones = ZoneCache()
        let index = internPanel(id)
        if mentions[index] != nil, let old { unindex(index, old) }
        mentions[index] = nil
        let live = new.flatMap { $0.status == .cancelled ? nil : $0 }
        var scratch: [Int] = []
        if let live {
            mentions[index] = mention(live, &zones)
            indexPanel(index, live, catalog, &zones, &scratch)
        }
        recheckPanel(index, live, catalog, &zones, &scratch)
        var people: [PersonID] = [], series: [SeriesID] = []
        for panel in [old, new].compactMap({ $0 }) {
            for entry in panel.roster where !people.contains(entry.person) { people.append(entry.person) }
            if let s = panel.series, !series.contains(s) { series.append(s) }
        }
        var buffers = SweepBuffers()
        for person in people { recheckPerson(internPerson(person, catalog, &zones), catalog, &buffers) }
        for s in series { recheckSeries(s, catalog, &buffers) }
    }

    /// Re-checks after one person was added, changed or deleted: their name key, their own findings and
    /// the panel checks of every panel they are on.
    public mutating func personChanged(_ id: PersonID, in catalog: Catalog) {
        var zones = ZoneCache()
        let p = internPerson(id, catalog, &zones)
        facts[p] = catalog.people[id].map { personFacts($0, &zones) }
        updatePersonKey(id, catalog)
        var buffers = SweepBuffers()
        recheckPerson(p, catalog, &buffers)
        var scratch: [Int] = []
        for index in personPanels[p] {
            if let panel = catalog.panels[panelIDs[index]] { recheckPanel(index, panel, catalog, &zones, &scratch) }
        }
    }

    /// Re-checks after one organization was added, changed or deleted.
    public mutating func organizationChanged(_ id: OrganizationID, in catalog: Catalog) {
        updateOrganizationKey(id, catalog)
        var zones = ZoneCache()
        var scratch: [Int] = []
        for index in organizationPanels[id] ?? [] {
            if let panel = catalog.panels[panelIDs[index]] { recheckPanel(index, panel, catalog, &zones, &scratch) }
        }
        var buffers = SweepBuffers()
        for series in catalog.series.values where series.host == id { recheckSeries(series.id, catalog, &buffers) }
    }

    /// Re-checks after one series was added, changed or deleted.
    public mutating func seriesChanged(_ id: SeriesID, in catalog: Catalog) {
        var buffers = SweepBuffers()
        recheckSeries(id, catalog, &buffers)
        var zones = ZoneCache()
        var scratch: [Int] = []
        for index in seriesPanels[id] ?? [] {
            if let panel = catalog.panels[panelIDs[index]] { recheckPanel(index, panel, catalog, &zones, &scratch) }
        }
    }

    /// Checks everything again (after settings change, or a reload).
    public mutating func rebuild(_ catalog: Catalog) {
        self = Schedule(empty: catalog.settings)
        let panelCount = catalog.panels.count
        panelIndex.reserveCapacity(panelCount)
        panelIDs.reserveCapacity(panelCount)
        mentions.reserveCapacity(panelCount)
        byPanel.reserveCapacity(panelCount)
        panelMarks.reserveCapacity(panelCount)
        personIndex.reserveCapacity(catalog.people.count)
        var zones = ZoneCache()
        for person in catalog.people.values { _ = internPerson(person.id, catalog, &zones) }
        // One pass over the panels: intern, index, and the panel's own checks (which need only the
        // panel, its people's facts and the catalog).
        var scratch: [Int] = []
        for panel in catalog.panels.values {
            let index = internPanel(panel.id)
            guard panel.status != .cancelled else { continue }
            mentions[index] = mention(panel, &zones)
            indexPanel(index, panel, catalog, &zones, &scratch)
            recheckPanel(index, panel, catalog, &zones, &scratch, rosterInScratch: true)
        }
        var buffers = SweepBuffers()
        for p in 0..<personIDs.count { recheckPerson(p, catalog, &buffers) }
        for series in seriesPanels.keys { recheckSeries(series, catalog, &buffers) }
        for series in catalog.series.keys where seriesPanels[series] == nil { recheckSeries(series, catalog, &buffers) }
        for person in catalog.people.values {
            let key = NameFolding.personKey(person.name)
            personKeys[person.id] = key
            personKeyMembers[key, default: []].append(person.id)
        }
        for (key, members) in personKeyMembers where members.count > 1 { recheckPersonKey(key, catalog) }
        for org in catalog.organizations.values {
            let key = NameFolding.organizationKey(org.name)
            organizationKeys[org.id] = key
            organizationKeyMembers[key, default: []].append(org.id)
        }
        for (key, members) in organizationKeyMembers where members.count > 1 { recheckOrganizationKey(key, catalog) }
        global = settingsFindings(catalog.settings)
        for f in global { mark(f, +1) }
    }

    // MARK: Interning and indexes

    private mutating func internPanel(_ id: PanelID) -> Int {
        if let i = panelIndex[id] { return i }
        let i = panelIDs.count
        panelIndex[id] = i
        panelIDs.append(id)
        mentions.append(nil)
        byPanel.append([])
        panelMarks.append(Marks())
        return i
    }

    private mutating func internPerson(_ id: PersonID, _ catalog: Catalog, _ zones: inout ZoneCache) -> Int {
        if let p = personIndex[id] { return p }
        let p = personIDs.count
        personIndex[id] = p
        personIDs.append(id)
        facts.append(catalog.people[id].map { personFacts($0, &zones) })
        personPanels.append([])
        byPerson.append([])
        return p
    }

    private func personFacts(_ person: Person, _ zones: inout ZoneCache) -> PersonFacts {
        var windows: [(span: TimeSpan, zone: Zone)] = []
        for window in person.unavailable {
            if case .success(let span) = window.span(), let zone = zones.zone(window.zone) { windows.append((span, zone)) }
        }
        return PersonFacts(name: person.name, home: person.homeZone.flatMap { zones.zone($0) }, unavailable: windows)
    }

    /// Adds a live panel to the person, series and organization indexes. `scratch` receives the
    /// interned numbers of its roster people, in roster order, once each.
    private mutating func indexPanel(_ index: Int, _ panel: Panel, _ catalog: Catalog, _ zones: inout ZoneCache, _ scratch: inout [Int]) {
        scratch.removeAll(keepingCapacity: true)
        for entry in panel.roster {
            let p = internPerson(entry.person, catalog, &zones)
            if !scratch.contains(p) {
                scratch.append(p)
                personPanels[p].append(index)
            }
        }
        if let s = panel.series { seriesPanels[s, default: []].append(index) }
        if let host = panel.host { organizationPanels[host, default: []].append(index) }
        for (k, org) in panel.cosponsors.enumerated() where org != panel.host && !panel.cosponsors[..<k].contains(org) {
            organizationPanels[org, default: []].append(index)
        }
    }

    private mutating func unindex(_ index: Int, _ panel: Panel) {
        for entry in panel.roster {
            if let p = personIndex[entry.person] { personPanels[p].removeAll { $0 == index } }
        }
        if let s = panel.series { seriesPanels[s]?.removeAll { $0 == index } }
        if let host = panel.host { organizationPanels[host]?.removeAll { $0 == index } }
        for org in panel.cosponsors { organizationPanels[org]?.removeAll { $0 == index } }
    }

    private func mention(_ panel: Panel, _ zones: inout ZoneCache) -> PanelMention {
        guard let zone = zones.zone(panel.zone) else { return PanelMention(id: panel.id, title: panel.title, slot: nil) }
        return PanelMention(id: panel.id, title: panel.title,
                            slot: try? resolveSlot(start: panel.start, zone: zone, minutes: panel.durationMinutes).get())
    }

    // MARK: Marks

    /// Moves the per-panel counts from the old findings of a scope to its new ones.
    private mutating func remark(removing old: [Finding], adding new: [Finding]) {
        for f in old { mark(f, -1) }
        for f in new { mark(f, +1) }
    }

    private mutating func mark(_ finding: Finding, _ delta: Int) {
        if finding.severity == .error { totals.errors += delta } else { totals.warnings += delta }
        let indexes = finding.panelIndexes
        for (k, i) in indexes.enumerated() where k == 0 || indexes[k - 1] != i {
            if finding.severity == .error { panelMarks[i].errors += delta } else { panelMarks[i].warnings += delta }
        }
    }

    // MARK: Panel checks

    /// Replaces a panel's own findings. With `rosterInScratch`, `scratch` already holds the interned
    /// numbers of its roster people (as `indexPanel` leaves them); otherwise it is refilled here.
    private mutating func recheckPanel(_ index: Int, _ panel: Panel?, _ catalog: Catalog, _ zones: inout ZoneCache,
                                       _ scratch: inout [Int], rosterInScratch: Bool = false) {
        var new: [Finding] = []
        if let panel {
            if !rosterInScratch {
                scratch.removeAll(keepingCapacity: true)
                for entry in panel.roster {
                    let p = internPerson(entry.person, catalog, &zones)
                    if !scratch.contains(p) { scratch.append(p) }
                }
            }
            let mention = mentions[index] ?? PanelMention(id: panel.id, title: panel.title, slot: try? panel.slot().get())
            new = panelFindings(panel, mention: mention, indexes: [index], people: scratch, catalog) { (personIDs[$0], facts[$0]) }
        }
        if !byPanel[index].isEmpty || !new.isEmpty {
            remark(removing: byPanel[index], adding: new)
            byPanel[index] = new
        }
    }

    /// A live panel's own checks: time, references, roster, unavailability, waking hours, open roles.
    /// `people` are the roster's people once each, as numbers that `person` turns into id and facts.
    func panelFindings(_ panel: Panel, mention: PanelMention, indexes here: [Int], people: [Int], _ catalog: Catalog,
                       person facts: (Int) -> (PersonID, PersonFacts?)) -> [Finding] {
        var out: [Finding] = []
        let id = panel.id

        if mention.slot == nil {
            if case .failure(let problem) = panel.slot() {
                out.append(Finding(.invalidTime, panels: [id], indexes: here, .panelTime(mention, problem: problem)))
            }
        } else if let ambiguity = mention.slot?.ambiguity {
            out.append(Finding(.ambiguousTime, panels: [id], indexes: here, .ambiguous(mention, first: ambiguity.first, second: ambiguity.second)))
        }

        if let series = panel.series, catalog.series.index(forKey: series) == nil {
            out.append(Finding(.unknownReference, panels: [id], indexes: here, series: [series], .unknownPanelReference(mention, field: "series", id: series.rawValue)))
        }
        if let host = panel.host, catalog.organizations.index(forKey: host) == nil {
            out.append(Finding(.unknownReference, panels: [id], indexes: here, organizations: [host], .unknownPanelReference(mention, field: "host organization", id: host.rawValue)))
        }
        for org in panel.cosponsors where catalog.organizations.index(forKey: org) == nil {
            out.append(Finding(.unknownReference, panels: [id], indexes: here, organizations: [org], .unknownPanelReference(mention, field: "co-sponsor", id: org.rawValue)))
        }

        var hasModerator = false, hasPanelist = false
        for entry in panel.roster {
            if entry.role == .moderator { hasModerator = true } else if entry.role == .panelist { hasPanelist = true }
        }
        let hours = settings.wakingHours
        for p in people {
            let (personID, known) = facts(p)
            guard let person = known else {
                out.append(Finding(.unknownReference, panels: [id], indexes: here, people: [personID], .unknownPanelReference(mention, field: "person", id: personID.rawValue)))
                continue
            }
            var roles: [Role] = []
            var count = 0
            for entry in panel.roster where entry.person == personID { count += 1 }
            if count > 1 {
                for entry in panel.roster where entry.person == personID { roles.append(entry.role) }
                out.append(Finding(.personTwiceInRoster, panels: [id], indexes: here, people: [personID], .twiceInRoster(person: person.name, mention, roles: roles)))
            }
            guard let slot = mention.slot else { continue }
            for window in person.unavailable where window.span.overlaps(slot.span) {
                out.append(Finding(.personUnavailable, panels: [id], indexes: here, people: [personID],
                                   .unavailable(person: person.name, mention, window: window.span, windowZone: window.zone)))
            }
            if let home = person.home, outsideWakingHours(slot.span, home, hours) {
                out.append(Finding(.outsideWakingHours, panels: [id], indexes: here, people: [personID],
                                   .outsideWakingHours(person: person.name, mention, home: home, hours: hours)))
            }
        }
        if panel.status == .scheduled {
            if !hasModerator { out.append(Finding(.noModerator, panels: [id], indexes: here, .noModerator(mention))) }
            if !hasPanelist { out.append(Finding(.noPanelists, panels: [id], indexes: here, .noPanelists(mention))) }
        }
        return out
    }

    /// The findings a draft of a panel would have against the rest of the store, without changing
    /// anything: its own checks, and the double bookings, changeovers and series overlaps it would make.
    /// For the editor's live view; costs the draft's people's and series' panels.
    public func preview(_ draft: Panel, in catalog: Catalog) -> [Finding] {
        guard draft.status != .cancelled else { return [] }
        var zones = ZoneCache()
        let mention = PanelMention(id: draft.id, title: draft.title, slot: try? draft.slot().get())
        let own = panelIndex[draft.id]
        var ids: [PersonID] = [], known: [PersonFacts?] = []
        for entry in draft.roster where !ids.contains(entry.person) {
            ids.append(entry.person)
            if let p = personIndex[entry.person] { known.append(facts[p]) } else { known.append(catalog.people[entry.person].map { personFacts($0, &zones) }) }
        }
        var out = panelFindings(draft, mention: mention, indexes: [], people: Array(0..<ids.count), catalog) { (ids[$0], known[$0]) }
        guard let slot = mention.slot else { return out }
        let span = slot.span
        func ordered(_ other: PanelMention) -> (PanelMention, PanelMention) {
            other.slot!.span.start < span.start || (other.slot!.span.start == span.start && other.id < draft.id) ? (other, mention) : (mention, other)
        }
        for (k, personID) in ids.enumerated() {
            guard let facts = known[k], let p = personIndex[personID] else { continue }
            var before: (gap: Int, mention: PanelMention)?, after: (gap: Int, mention: PanelMention)?
            for i in personPanels[p] where i != own {
                guard let other = mentions[i], let otherSpan = other.slot?.span else { continue }
                if otherSpan.overlaps(span) {
                    let (a, b) = ordered(other)
                    out.append(Finding(.personDoubleBooked, panels: [a.id, b.id], people: [personID],
                                       .doubleBooked(person: facts.name, a, b, overlapMinutes: span.overlapMinutes(with: otherSpan))))
                } else if otherSpan.end <= span.start {
                    let gap = otherSpan.end.minutes(until: span.start)
                    if before == nil || gap < before!.gap { before = (gap, other) }
                } else {
                    let gap = span.end.minutes(until: otherSpan.start)
                    if after == nil || gap < after!.gap { after = (gap, other) }
                }
            }
            if let before, before.gap < settings.changeoverMinutes {
                out.append(Finding(.shortChangeover, panels: [before.mention.id, draft.id], people: [personID],
                                   .shortChangeover(person: facts.name, before.mention, mention, gapMinutes: before.gap, changeover: settings.changeoverMinutes)))
            }
            if let after, after.gap < settings.changeoverMinutes {
                out.append(Finding(.shortChangeover, panels: [draft.id, after.mention.id], people: [personID],
                                   .shortChangeover(person: facts.name, mention, after.mention, gapMinutes: after.gap, changeover: settings.changeoverMinutes)))
            }
        }
        if let seriesID = draft.series, let series = catalog.series[seriesID] {
            for i in seriesPanels[seriesID] ?? [] where i != own {
                guard let other = mentions[i], let otherSpan = other.slot?.span, otherSpan.overlaps(span) else { continue }
                let (a, b) = ordered(other)
                out.append(Finding(.seriesOverlap, panels: [a.id, b.id], series: [seriesID],
                                   .seriesOverlap(series: series.name, a, b, overlapMinutes: span.overlapMinutes(with: otherSpan))))
            }
        }
        return out.sorted(by: Finding.ordered)
    }

    /// True when any part of the span falls outside [start, end) of the waking hours in the zone.
    func outsideWakingHours(_ span: TimeSpan, _ zone: Zone, _ hours: WakingHours) -> Bool {
        guard hours.start < hours.end else { return false }
        let start = zone.local(at: span.start)
        let end = zone.local(at: span.end)
        if start.minuteOfDay < hours.start { return true }
        let days = end.date.daysSinceEpoch - start.date.daysSinceEpoch
        return end.minuteOfDay + days * 24 * 60 > hours.end
    }

    // MARK: Person checks

    /// Reusable arrays for sweeps, so that checking many people allocates little.
    struct SweepBuffers {
        var timed: [(span: TimeSpan, index: Int)] = []
        var active: [(span: TimeSpan, index: Int)] = []
    }

    private mutating func recheckPerson(_ p: Int, _ catalog: Catalog, _ buffers: inout SweepBuffers) {
        let new = personFindings(p, catalog, &buffers)
        if !byPerson[p].isEmpty || !new.isEmpty {
            remark(removing: byPerson[p], adding: new)
            byPerson[p] = new
        }
    }

    /// A person's double bookings and short changeovers (sort and sweep over their panels), and their
    /// own zones that are not zones.
    func personFindings(_ p: Int, _ catalog: Catalog, _ buffers: inout SweepBuffers) -> [Finding] {
        var out: [Finding] = []
        let id = personIDs[p]
        guard let facts = facts[p] else { return out }
        let name = facts.name
        if let person = catalog.people[id] {
            if let home = person.homeZone, facts.home == nil {
                out.append(Finding(.invalidTime, people: [id], .personZone(person: name, field: "home zone", problem: SlotProblem.unknownZone(home).description)))
            }
            if facts.unavailable.count != person.unavailable.count {
                for window in person.unavailable {
                    guard case .failure(let problem) = window.span() else { continue }
                    let text: String
                    if case .nonPositiveDuration = problem { text = "the window ends before it starts" } else { text = problem.description }
                    out.append(Finding(.invalidTime, people: [id], .personZone(person: name, field: "unavailable \(window.start) to \(window.end) \(window.zone)", problem: text)))
                }
            }
        }
        let indices = personPanels[p]
        guard indices.count > 1 else { return out }
        sweep(indices, &buffers) { earlier, current in
            out.append(Finding(.personDoubleBooked, panels: [panelIDs[earlier.index], panelIDs[current.index]], indexes: [earlier.index, current.index], people: [id],
                               .doubleBooked(person: name, mentions[earlier.index]!, mentions[current.index]!,
                                             overlapMinutes: earlier.span.overlapMinutes(with: current.span))))
        } gap: { previous, current, minutes in
            guard minutes < settings.changeoverMinutes else { return }
            out.append(Finding(.shortChangeover, panels: [panelIDs[previous.index], panelIDs[current.index]], indexes: [previous.index, current.index], people: [id],
                               .shortChangeover(person: name, mentions[previous.index]!, mentions[current.index]!, gapMinutes: minutes, changeover: settings.changeoverMinutes)))
        }
        return out
    }

    /// Sorts panels by start and sweeps them once: `overlap` for every pair that overlaps, `gap` for
    /// each panel that starts when nothing earlier is still running, with the minutes since the latest
    /// end before it.
    private func sweep(_ indices: [Int], _ buffers: inout SweepBuffers,
                       overlap: ((span: TimeSpan, index: Int), (span: TimeSpan, index: Int)) -> Void,
                       gap: ((span: TimeSpan, index: Int), (span: TimeSpan, index: Int), Int) -> Void) {
        buffers.timed.removeAll(keepingCapacity: true)
        for i in indices { if let slot = mentions[i]?.slot { buffers.timed.append((slot.span, i)) } }
        guard buffers.timed.count > 1 else { return }
        buffers.timed.sort { $0.span.start != $1.span.start ? $0.span.start < $1.span.start : panelIDs[$0.index] < panelIDs[$1.index] }
        buffers.active.removeAll(keepingCapacity: true)
        var latest: (span: TimeSpan, index: Int)?
        for current in buffers.timed {
            buffers.active.removeAll { $0.span.end <= current.span.start }
            for earlier in buffers.active { overlap(earlier, current) }
            if buffers.active.isEmpty, let previous = latest {
                gap(previous, current, previous.span.end.minutes(until: current.span.start))
            }
            buffers.active.append(current)
            if latest == nil || current.span.end > latest!.span.end { latest = current }
        }
    }

    // MARK: Series checks

    private mutating func recheckSeries(_ id: SeriesID, _ catalog: Catalog, _ buffers: inout SweepBuffers) {
        let new = seriesFindings(id, catalog, &buffers)
        remark(removing: bySeries[id] ?? [], adding: new)
        bySeries[id] = new.isEmpty ? nil : new
    }

    /// A series' overlapping panels (sort and sweep) and its unknown host.
    func seriesFindings(_ id: SeriesID, _ catalog: Catalog, _ buffers: inout SweepBuffers) -> [Finding] {
        guard let series = catalog.series[id] else { return [] }
        var out: [Finding] = []
        if let host = series.host, catalog.organizations.index(forKey: host) == nil {
            out.append(Finding(.unknownReference, organizations: [host], series: [id], .unknownSeriesHost(series: series.name, id: host.rawValue)))
        }
        guard let indices = seriesPanels[id], indices.count > 1 else { return out }
        sweep(indices, &buffers) { earlier, current in
            out.append(Finding(.seriesOverlap, panels: [panelIDs[earlier.index], panelIDs[current.index]], indexes: [earlier.index, current.index], series: [id],
                               .seriesOverlap(series: series.name, mentions[earlier.index]!, mentions[current.index]!,
                                              overlapMinutes: earlier.span.overlapMinutes(with: current.span))))
        } gap: { _, _, _ in }
        return out
    }

    // MARK: Duplicate names

    private mutating func updatePersonKey(_ id: PersonID, _ catalog: Catalog) {
        var keys: [String] = []
        if let old = personKeys.removeValue(forKey: id) {
            personKeyMembers[old]?.removeAll { $0 == id }
            keys.append(old)
        }
        if let person = catalog.people[id] {
            let key = NameFolding.personKey(person.name)
            personKeys[id] = key
            personKeyMembers[key, default: []].append(id)
            if !keys.contains(key) { keys.append(key) }
        }
        for key in keys { recheckPersonKey(key, catalog) }
    }

    private mutating func recheckPersonKey(_ key: String, _ catalog: Catalog) {
        if let old = byPersonKey.removeValue(forKey: key) { mark(old, -1) }
        defer { if let new = byPersonKey[key] { mark(new, +1) } }
        let members = (personKeyMembers[key] ?? []).filter { catalog.people.index(forKey: $0) != nil }.sorted()
        if members.isEmpty { personKeyMembers[key] = nil }
        guard members.count > 1 else { return }
        byPersonKey[key] = Finding(.possibleDuplicatePerson, people: members,
                                   .duplicatePeople(members.map { ($0.rawValue, catalog.people[$0]!.name) }))
    }

    private mutating func updateOrganizationKey(_ id: OrganizationID, _ catalog: Catalog) {
        var keys: [String] = []
        if let old = organizationKeys.removeValue(forKey: id) {
            organizationKeyMembers[old]?.removeAll { $0 == id }
            keys.append(old)
        }
        if let org = catalog.organizations[id] {
            let key = NameFolding.organizationKey(org.name)
            organizationKeys[id] = key
            organizationKeyMembers[key, default: []].append(id)
            if !keys.contains(key) { keys.append(key) }
        }
        for key in keys { recheckOrganizationKey(key, catalog) }
    }

    private mutating func recheckOrganizationKey(_ key: String, _ catalog: Catalog) {
        if let old = byOrganizationKey.removeValue(forKey: key) { mark(old, -1) }
        defer { if let new = byOrganizationKey[key] { mark(new, +1) } }
        let members = (organizationKeyMembers[key] ?? []).filter { catalog.organizations.index(forKey: $0) != nil }.sorted()
        if members.isEmpty { organizationKeyMembers[key] = nil }
        guard members.count > 1 else { return }
        byOrganizationKey[key] = Finding(.possibleDuplicateOrganization, organizations: members,
                                         .duplicateOrganizations(members.map { ($0.rawValue, catalog.organizations[$0]!.name) }))
    }

    // MARK: Settings

    private func settingsFindings(_ settings: Settings) -> [Finding] {
        settings.displayZones.filter { Zone.named($0) == nil }.map {
            Finding(.invalidTime, .settingsZone(zone: $0, problem: SlotProblem.unknownZone($0).description))
        }
    }
}

/// Zones looked up once per check run (the registry takes a lock).
struct ZoneCache {
    private var zones: [String: Zone?] = [:]

    mutating func zone(_ id: String) -> Zone? {
        if let hit = zones[id] { return hit }
        let zone = Zone.named(id)
        zones[id] = zone
        return zone
    }
}
