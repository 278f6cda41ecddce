/// Building a slot search from the catalog: the roster's people with their home zones, waking
/// hours, other panels and unavailability; the series' audience; the store's stretch and changeover.
extension SlotSearch.Request {
    /// What is wrong with a request, in words.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// A search for an existing panel: its zone, duration and roster, its series' audience. The
    /// panel's own current time is not held against its people.
    public init(panel: Panel, catalog: Catalog, from: LocalDate, to: LocalDate, minutes: Int? = nil, step: Int = 15) throws(Problem) {
        guard let zone = Zone.named(panel.zone) else {
            throw Problem(description: "panel \(panel.id) has the zone \"\(panel.zone)\", which is not a known time zone")
        }
        var ids: [PersonID] = []
        for entry in panel.roster where !ids.contains(entry.person) { ids.append(entry.person) }
        try self.init(people: ids, zone: zone, series: panel.series, catalog: catalog, from: from, to: to,
                      minutes: minutes ?? panel.durationMinutes, step: step, leavingOut: panel.id)
    }

    /// A search for a panel not yet made: these people, starts stepping through `zone`, scored for
    /// the audience of `series` (when given), with the series' other panels deciding each person's
    /// burden. `leavingOut` is a panel whose time does not count (the one being moved).
    public init(people ids: [PersonID], zone: Zone, series: SeriesID?, catalog: Catalog, from: LocalDate, to: LocalDate,
                minutes: Int, step: Int = 15, leavingOut: PanelID? = nil) throws(Problem) {
        guard !ids.isEmpty else { throw Problem(description: "no people to find a time for (the roster is empty)") }
        guard from <= to else { throw Problem(description: "the window ends (\(to)) before it starts (\(from))") }
        guard to.daysSinceEpoch - from.daysSinceEpoch < 366 else { throw Problem(description: "the window is longer than a year; give a shorter --from/--to") }
        guard Limits.durationMinutes.contains(minutes) else {
            throw Problem(description: "a duration of \(minutes) minutes is outside \(Limits.durationMinutes.lowerBound)-\(Limits.durationMinutes.upperBound)")
        }
        guard (1...1440).contains(step) else { throw Problem(description: "a step of \(step) minutes is outside 1-1440") }
        let settings = catalog.settings
        // Each person's other live panels, and the series' other panels, by one pass over the catalog.
        var busy: [PersonID: [(span: TimeSpan, title: String)]] = [:]
        var seriesSpans: [(span: TimeSpan, people: [PersonID])] = []
        for panel in catalog.panels.values where panel.status != .cancelled && panel.id != leavingOut {
            let onIt = ids.filter { id in panel.roster.contains { $0.person == id } }
            let inSeries = series != nil && panel.series == series
            guard !onIt.isEmpty || inSeries, case .success(let slot) = panel.slot() else { continue }
            for id in onIt { busy[id, default: []].append((slot.span, panel.title)) }
            if inSeries { seriesSpans.append((slot.span, onIt)) }
        }
        var attendees: [SlotSearch.Attendee] = []
        for id in ids {
            guard let person = catalog.people[id] else { throw Problem(description: "no person with id \"\(id)\" (see `dais people`)") }
            let home = person.homeZone.flatMap(Zone.named)
            let hours = person.wakingHours ?? settings.wakingHours
            var unavailable: [TimeSpan] = []
            for window in person.unavailable { if case .success(let span) = window.span() { unavailable.append(span) } }
            // How many of the series' other panels already fell outside this person's waking hours.
            let burden = home.map { home in
                seriesSpans.count { entry in
                    entry.people.contains(id) && SlotCost.outside(entry.span, in: home, hours: hours, stretch: settings.stretchMinutes) != (0, 0, 0)
                }
            } ?? 0
            attendees.append(SlotSearch.Attendee(id: id, name: person.name, home: home, hours: hours, busy: busy[id] ?? [],
                                                 unavailable: unavailable, burden: burden))
        }
        // The audience: the series' zones, else where the panel is announced, its own zone.
        let named = series.flatMap { catalog.series[$0] }?.audienceZones.compactMap(Zone.named) ?? []
        self.init(zone: zone, from: from, to: to, minutes: minutes, step: step, people: attendees, audience: named.isEmpty ? [zone] : named,
                  audienceHours: settings.wakingHours, stretchMinutes: settings.stretchMinutes, changeoverMinutes: settings.changeoverMinutes)
    }
}
