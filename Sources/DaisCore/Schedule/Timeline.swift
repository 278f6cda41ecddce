/// Where each panel sits on the time line, by the schedule's panel number: one small record per
/// panel, so that the sweeps compare numbers and never read the panels themselves.
struct Timeline: Sendable {
    /// A panel's place on the time line.
    struct Place: Sendable {
        /// Start and end instants, when `zone` is not -1.
        var start: Int64 = 0
        var end: Int64 = 0
        let id: PanelID
        /// The zone's number in `zones`; -1 when the panel's time cannot be placed.
        var zone: Int16 = -1
        /// Not cancelled and present in the catalog.
        var live = false
        /// The local start occurs twice in the zone (the first is used).
        var ambiguous = false
    }

    private var places: [Place] = []
    var zones = ZoneNumbers()

    subscript(index: Int) -> Place { places[index] }

    mutating func reserveCapacity(_ count: Int) { places.reserveCapacity(count) }

    /// Numbers a new panel, not live.
    mutating func append(_ id: PanelID) -> Int {
        places.append(Place(id: id))
        return places.count - 1
    }

    /// Takes a panel off the time line (cancelled or deleted).
    mutating func remove(_ index: Int) { places[index].live = false }

    /// Puts a live panel on the time line where `Panel.slot()` places it (or marks its time
    /// unplaceable).
    mutating func place(_ index: Int, _ panel: Panel) {
        places[index] = Place(id: places[index].id, live: true)
        let minutes = panel.durationMinutes, local = panel.start
        guard minutes > 0, minutes <= Limits.maxDurationMinutes else { return }
        let z = zones.number(panel.zone)
        guard z >= 0 else { return }
        let zone = zones[z]
        // Only at the calendar's two ends can a slot leave it: `resolveSlot` decides there.
        if local.date.year == Limits.years.lowerBound || local.date.year == Limits.years.upperBound {
            guard case .success = resolveSlot(start: local, zone: zone, minutes: minutes) else { return }
        }
        let start: Instant, twice: Bool
        switch zone.resolve(local) {
        case .unique(let instant): (start, twice) = (instant, false)
        case .ambiguous(let first, _): (start, twice) = (first, true)
        case .nonexistent: return
        }
        places[index] = Place(start: start.secondsSinceEpoch, end: start.adding(minutes: minutes).secondsSinceEpoch, id: places[index].id,
                              zone: z, live: true, ambiguous: twice)
    }

    /// The span of a live, placed panel.
    func span(_ index: Int) -> TimeSpan? {
        let place = places[index]
        guard place.live, place.zone >= 0 else { return nil }
        return TimeSpan(start: Instant(secondsSinceEpoch: place.start), end: Instant(secondsSinceEpoch: place.end))
    }

    /// A panel as messages name it (the catalog's panel, looked up only when a finding is made).
    func mention(_ index: Int, in catalog: Catalog) -> PanelMention {
        PanelMention(id: places[index].id, panel: catalog.panels[places[index].id])
    }

    /// The live, placed panels among `indices`, by start (then id): what the sweeps read.
    func timed(_ indices: [Int32]) -> [TimedPanel] {
        var timed: [TimedPanel] = []
        timed.reserveCapacity(indices.count)
        for i32 in indices {
            let i = Int(i32), place = places[i]
            if place.live && place.zone >= 0 { timed.append(TimedPanel(index: i, id: place.id, start: place.start, end: place.end)) }
        }
        timed.sort { $0.start != $1.start ? $0.start < $1.start : $0.id < $1.id }
        return timed
    }

    /// Calls `body` for every two panels that overlap, the earlier first, in one pass over panels
    /// sorted by start: each is compared only with those still running when it starts, so the work
    /// grows with the panels and their overlaps, never with every pair.
    static func forEachOverlap(_ panels: [TimedPanel], _ body: (TimedPanel, TimedPanel) -> Void) {
        // The positions of the panels still running, in start order.
        var running: [Int] = []
        for (position, current) in panels.enumerated() {
            // Those that ended by the time this one starts are dropped, the rest kept in order.
            var kept = 0
            for k in running.indices where panels[running[k]].end > current.start {
                running[kept] = running[k]
                kept += 1
            }
            running.removeLast(running.count - kept)
            for earlier in running { body(panels[earlier], current) }
            running.append(position)
        }
    }

    /// Calls `body` for every panel (of panels sorted by start) that starts when nothing before it
    /// is still running, with the panel before it that ended last (the first of them to end then)
    /// and the whole minutes between that end and this start.
    static func forEachGap(_ panels: [TimedPanel], _ body: (_ previous: TimedPanel, _ next: TimedPanel, _ minutes: Int) -> Void) {
        var latest: TimedPanel?
        for current in panels {
            if let previous = latest, previous.end <= current.start {
                body(previous, current, Int((current.start - previous.end) / 60))
            }
            if latest == nil || current.end > latest!.end { latest = current }
        }
    }
}

/// A live, placed panel as the sweeps read it: its number, id and instants.
struct TimedPanel: Sendable {
    let index: Int
    let id: PanelID
    let start: Int64
    let end: Int64

    var span: TimeSpan { TimeSpan(start: Instant(secondsSinceEpoch: start), end: Instant(secondsSinceEpoch: end)) }

    /// The panel as messages name it (looked up in the catalog only when a finding is made).
    func mention(in panels: [PanelID: Panel]) -> PanelMention { PanelMention(id: id, panel: panels[id]) }
}
