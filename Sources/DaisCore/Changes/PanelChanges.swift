/// What changed between two versions of a store, panel by panel, and whom each change concerns:
/// what an organizer announces after a round of edits ("the panel moved; your time is now ...").
///
/// Panels are compared by id. Each change names the people to tell: for a new or deleted panel its
/// roster; for a moved, cancelled, renamed or otherwise re-announced one those on its roster before
/// and after (declined speakers left out); for a roster change the person added, taken off or
/// changed.
public struct PanelChanges: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case added
        case removed
        case moved
        case cancelled
        /// Draft to scheduled, cancelled to scheduled, scheduled to draft.
        case status
        case renamed
        case joined = "roster-added"
        case left = "roster-removed"
        /// A roster entry's role or confirmation changed.
        case rosterChanged = "roster-changed"
    }

    /// One person to tell about a change, with the panel's times read in their home zone (the
    /// panel's own zone when they have none).
    public struct Recipient: Sendable {
        public let person: PersonID
        public let name: String
        public let email: String?
        public let role: Role?
        public let zone: Zone
        /// "Wed Nov 27 02:00-03:00 AEDT"; nil when the panel has no such time (new, or removed).
        public let before: String?
        public let after: String?
    }

    public struct Change: Sendable {
        public let kind: Kind
        /// In words: "from Tue Nov 26 10:00-11:00 EST to Tue Dec 3 10:00-11:00 EST", "draft to scheduled".
        public let detail: String
        public let recipients: [Recipient]
    }

    /// One panel's changes.
    public struct Entry: Sendable {
        public let id: PanelID
        /// The current title (the old one for a removed panel).
        public let title: String
        /// The panel's time before and after, in its own zone ("Tue Nov 26 10:00-11:00 EST").
        public let before: String?
        public let after: String?
        public let changes: [Change]
    }

    /// Panels with changes, in the order of their (new, else old) start, then id.
    public let entries: [Entry]

    public init(from old: Catalog, to new: Catalog) {
        var entries: [(key: (Int64, String), entry: Entry)] = []
        for id in Set(old.panels.keys).union(new.panels.keys) {
            let before = old.panels[id], after = new.panels[id]
            let changes = PanelChanges.changes(before, after, old, new)
            guard !changes.isEmpty, let panel = after ?? before else { continue }
            let start = (try? panel.slot().get())?.span.start.secondsSinceEpoch ?? Int64.max
            entries.append(((start, id.rawValue), Entry(id: id, title: panel.title, before: before.flatMap(PanelChanges.when),
                                                        after: after.flatMap(PanelChanges.when), changes: changes)))
        }
        self.entries = entries.sorted { $0.key < $1.key }.map(\.entry)
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// A panel's time in its own zone, "Tue Nov 26 10:00-11:00 EST"; nil when it cannot be placed.
    static func when(_ panel: Panel) -> String? {
        guard let slot = try? panel.slot().get() else { return nil }
        return TimeFormat.dayRange(slot.span, in: slot.zone)
    }

    /// A panel's span in a zone, with the year when it is not the panel's own zone's reading ("Wed
    /// Nov 27 02:00-03:00 AEDT").
    static func when(_ panel: Panel?, in zone: Zone) -> String? {
        guard let panel, let slot = try? panel.slot().get() else { return nil }
        return TimeFormat.dayRange(slot.span, in: zone)
    }

    /// The changes from `before` to `after` (either may be nil: added, removed).
    static func changes(_ before: Panel?, _ after: Panel?, _ oldStore: Catalog, _ newStore: Catalog) -> [Change] {
        // A person as the new store has them (the old one for someone since removed), with the
        // panel's times before and after as they concern them.
        func tell(_ entry: RosterEntry, before: Panel?, after: Panel?) -> Recipient {
            recipient(entry.person, role: entry.role, before, after, newStore.people[entry.person] ?? oldStore.people[entry.person])
        }
        func tell(_ entry: RosterEntry) -> Recipient { tell(entry, before: before, after: after) }
        func everyone(_ entries: [RosterEntry]) -> [Recipient] {
            var seen = Set<PersonID>()
            return entries.filter { $0.status != .declined && seen.insert($0.person).inserted }.map(tell)
        }
        switch (before, after) {
        case (nil, nil): return []
        case (nil, let panel?):
            return [Change(kind: .added, detail: when(panel).map { "on \($0)" } ?? "time unknown", recipients: everyone(panel.roster))]
        case (let panel?, nil):
            return [Change(kind: .removed, detail: when(panel).map { "was on \($0)" } ?? "time unknown", recipients: everyone(panel.roster))]
        case (let old?, let panel?):
            // Those on the roster before and after hear of the panel's changes; those added or
            // taken off hear of that instead.
            let staying = everyone(panel.roster.filter { entry in old.roster.contains { $0.person == entry.person } })
            var changes: [Change] = []
            if old.status != panel.status {
                changes.append(Change(kind: panel.status == .cancelled ? .cancelled : .status, detail: "\(old.status.rawValue) to \(panel.status.rawValue)",
                                      recipients: staying))
            }
            if old.start != panel.start || old.zone != panel.zone || old.durationMinutes != panel.durationMinutes {
                changes.append(Change(kind: .moved, detail: "from \(when(old) ?? "an unknown time") to \(when(panel) ?? "an unknown time")",
                                      recipients: staying))
            }
            if old.title != panel.title {
                changes.append(Change(kind: .renamed, detail: "from '\(old.title)'", recipients: staying))
            }
            return changes + rosterChanges(old, panel, name: { newStore.people[$0]?.name ?? oldStore.people[$0]?.name ?? $0.rawValue },
                                           joined: { tell($0, before: nil, after: panel) }, left: { tell($0, before: old, after: nil) },
                                           changed: { tell($0) })
        }
    }

    /// People added to the roster, taken off it, or whose role or answer changed.
    static func rosterChanges(_ old: Panel, _ new: Panel, name: (PersonID) -> String, joined: (RosterEntry) -> Recipient,
                              left: (RosterEntry) -> Recipient, changed: (RosterEntry) -> Recipient) -> [Change] {
        var changes: [Change] = []
        for entry in new.roster {
            if let previous = old.roster.first(where: { $0.person == entry.person }) {
                var what: [String] = []
                if previous.role != entry.role { what.append("role \(previous.role.rawValue) to \(entry.role.rawValue)") }
                if previous.status != entry.status { what.append("\(previous.status.rawValue) to \(entry.status.rawValue)") }
                if !what.isEmpty {
                    changes.append(Change(kind: .rosterChanged, detail: "\(name(entry.person)): " + what.joined(separator: ", "), recipients: [changed(entry)]))
                }
            } else {
                let status = entry.status == .confirmed ? "" : " (\(entry.status.rawValue))"
                changes.append(Change(kind: .joined, detail: "\(name(entry.person)) as \(entry.role.rawValue)\(status)", recipients: [joined(entry)]))
            }
        }
        for entry in old.roster where !new.roster.contains(where: { $0.person == entry.person }) {
            changes.append(Change(kind: .left, detail: "\(name(entry.person)), who was \(entry.role.rawValue)", recipients: [left(entry)]))
        }
        return changes
    }

    static func recipient(_ id: PersonID, role: Role?, _ before: Panel?, _ after: Panel?, _ person: Person?) -> Recipient {
        let panelZone = (after ?? before).flatMap { Zone.named($0.zone) } ?? Zone.utc
        let zone = person?.homeZone.flatMap(Zone.named) ?? panelZone
        return Recipient(person: id, name: person?.name ?? id.rawValue, email: person?.email?.nonEmpty, role: role, zone: zone,
                         before: when(before, in: zone), after: when(after, in: zone))
    }
}
