/// Where each panel sits on the time line, by the schedule's panel number: flat arrays of instants
/// and zone numbers, so that the sweeps compare numbers and never read the panels themselves.
struct Timeline: Sendable {
    var panelIDs: [PanelID] = []
    /// Not cancelled and present in the catalog.
    var live: [Bool] = []
    /// Start and end instants, and the zone's number (-1 when the time cannot be placed).
    var starts: [Int64] = []
    var ends: [Int64] = []
    var zoneOf: [Int16] = []
    /// The local start occurs twice in the zone (the first is used).
    var ambiguous: [Bool] = []
    var zones = ZoneNumbers()

    /// Numbers a new panel, not live and not placed.
    mutating func append(_ id: PanelID) -> Int {
        panelIDs.append(id)
        live.append(false)
        starts.append(0)
        ends.append(0)
        zoneOf.append(-1)
        ambiguous.append(false)
        return panelIDs.count - 1
    }

    /// Places a panel on the time line where `Panel.slot()` does, or marks it unplaceable.
    mutating func place(_ index: Int, _ panel: Panel) {
        zoneOf[index] = -1
        ambiguous[index] = false
        let z = zones.number(panel.zone)
        guard z >= 0, case .success(let slot) = resolveSlot(start: panel.start, zone: zones[z], minutes: panel.durationMinutes) else { return }
        zoneOf[index] = z
        starts[index] = slot.span.start.secondsSinceEpoch
        ends[index] = slot.span.end.secondsSinceEpoch
        ambiguous[index] = slot.ambiguity != nil
    }

    /// The span of a live, placed panel.
    func span(_ index: Int) -> TimeSpan? {
        guard live[index], zoneOf[index] >= 0 else { return nil }
        return TimeSpan(start: Instant(secondsSinceEpoch: starts[index]), end: Instant(secondsSinceEpoch: ends[index]))
    }

    /// The zone of a live, placed panel whose local start occurs twice there.
    func ambiguousZone(_ index: Int) -> Zone? {
        span(index) != nil && ambiguous[index] ? zones[zoneOf[index]] : nil
    }

    /// A panel as messages name it (the catalog's panel, looked up only when a finding is made).
    func mention(_ index: Int, in catalog: Catalog) -> PanelMention {
        PanelMention(id: panelIDs[index], panel: catalog.panels[panelIDs[index]])
    }

    /// The live, placed panels among `indices`, by start (then id): what the sweeps read.
    func timed(_ indices: [Int32]) -> [TimedPanel] {
        var timed: [TimedPanel] = []
        timed.reserveCapacity(indices.count)
        for i32 in indices {
            let i = Int(i32)
            if live[i] && zoneOf[i] >= 0 { timed.append(TimedPanel(index: i, id: panelIDs[i], start: starts[i], end: ends[i])) }
        }
        timed.sort { $0.start != $1.start ? $0.start < $1.start : $0.id < $1.id }
        return timed
    }

    /// Calls `body` for every two panels that overlap, the earlier first, in one pass over panels
    /// sorted by start: each is compared only with those still running when it starts, so the work
    /// grows with the panels and their overlaps, never with every pair.
    static func forEachOverlap(_ panels: [TimedPanel], _ body: (TimedPanel, TimedPanel) -> Void) {
        var running: [TimedPanel] = []
        for current in panels {
            running.removeAll { $0.end <= current.start }
            for earlier in running { body(earlier, current) }
            running.append(current)
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
    func mention(in catalog: Catalog) -> PanelMention { PanelMention(id: id, panel: catalog.panels[id]) }
}
