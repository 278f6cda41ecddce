/// What a panel's own checks read: the panel, where the schedule placed it, and what it names.
/// Every rule of `PanelRules` takes this one value, so that a new rule needs no new parameters.
struct PanelContext {
    let panel: Panel
    /// The panel's number in the schedule, for the per-panel counts (none for a draft).
    let indexes: Finding.PanelIndexes
    /// Where the panel is on the time line; nil when its time cannot be placed.
    let span: TimeSpan?
    /// The panel's zone when its local start occurs twice there (the first is used).
    let ambiguousZone: Zone?
    /// The roster's people, each once, in roster order; facts nil for a person the catalog lacks.
    let people: [RosterPerson]
    /// The series and organizations the panel names that the catalog lacks: its series first, then
    /// its host, then its co-sponsors in order. (People the catalog lacks are in `people`.)
    let missing: [MissingReference]
    let hours: WakingHours

    struct RosterPerson {
        let id: PersonID
        let facts: PersonFacts?
    }

    /// The panel as a message names it: made for each finding, read only when the message is written.
    var mention: PanelMention { PanelMention(panel) }

    func finding(_ code: FindingCode, _ detail: FindingDetail) -> Finding { Finding(code, indexes: indexes, detail) }
}

/// The checks of one live panel on its own, one function per finding code (`docs/checks.md`).
enum PanelRules {
    static let all: [@Sendable (PanelContext) -> [Finding]] = [
        personTwiceInRoster, personUnavailable, unknownReference, invalidTime, ambiguousTime, noModerator, noPanelists, outsideWakingHours,
    ]

    /// Every rule's findings for a panel.
    static func findings(_ context: PanelContext) -> [Finding] { all.flatMap { $0(context) } }

    /// A person the catalog holds is on the roster more than once.
    static func personTwiceInRoster(_ c: PanelContext) -> [Finding] {
        let roster = c.panel.roster
        // A person is on the roster twice only when the roster is longer than its people.
        guard roster.count != c.people.count else { return [] }
        var out: [Finding] = []
        for person in c.people {
            guard let facts = person.facts else { continue }
            let roles = roster.filter { $0.person == person.id }.map(\.role)
            if roles.count > 1 { out.append(c.finding(.personTwiceInRoster, .twiceInRoster(Speaker(id: person.id, facts: facts), c.mention, roles: roles))) }
        }
        return out
    }

    /// The panel overlaps one of a roster member's unavailability windows.
    static func personUnavailable(_ c: PanelContext) -> [Finding] {
        guard let span = c.span else { return [] }
        var out: [Finding] = []
        for person in c.people {
            guard let facts = person.facts else { continue }
            for window in facts.unavailable where window.span.overlaps(span) {
                out.append(c.finding(.personUnavailable, .unavailable(Speaker(id: person.id, facts: facts), c.mention, window: window.span, windowZone: window.zone)))
            }
        }
        return out
    }

    /// The panel names a series, organization or person the catalog lacks.
    static func unknownReference(_ c: PanelContext) -> [Finding] {
        var out = c.missing.map { c.finding(.unknownReference, .unknownPanelReference(c.mention, $0)) }
        for person in c.people where person.facts == nil {
            out.append(c.finding(.unknownReference, .unknownPanelReference(c.mention, .person(person.id))))
        }
        return out
    }

    /// The panel's time cannot be placed: unknown zone, a start the clocks skip, a bad duration.
    static func invalidTime(_ c: PanelContext) -> [Finding] {
        guard c.span == nil, case .failure(let problem) = c.panel.slot() else { return [] }
        return [c.finding(.invalidTime, .panelTime(c.mention, problem: problem))]
    }

    /// The panel's local start occurs twice (clocks turned back).
    static func ambiguousTime(_ c: PanelContext) -> [Finding] {
        guard let zone = c.ambiguousZone, case .ambiguous(let first, let second) = zone.resolve(c.panel.start) else { return [] }
        return [c.finding(.ambiguousTime, .ambiguous(c.mention, first: first, second: second))]
    }

    /// A scheduled panel has no moderator.
    static func noModerator(_ c: PanelContext) -> [Finding] {
        guard c.panel.status == .scheduled, !c.panel.roster.contains(where: { $0.role == .moderator }) else { return [] }
        return [c.finding(.noModerator, .noModerator(c.mention))]
    }

    /// A scheduled panel has no panelists.
    static func noPanelists(_ c: PanelContext) -> [Finding] {
        guard c.panel.status == .scheduled, !c.panel.roster.contains(where: { $0.role == .panelist }) else { return [] }
        return [c.finding(.noPanelists, .noPanelists(c.mention))]
    }

    /// Part of the panel falls outside waking hours in a roster member's home zone.
    static func outsideWakingHours(_ c: PanelContext) -> [Finding] {
        guard let span = c.span else { return [] }
        var out: [Finding] = []
        for person in c.people {
            guard let facts = person.facts, let home = facts.home, isOutside(span, home, c.hours) else { continue }
            out.append(c.finding(.outsideWakingHours, .outsideWakingHours(Speaker(id: person.id, facts: facts), c.mention, hours: c.hours)))
        }
        return out
    }

    /// True when any part of the span falls outside [start, end) of the waking hours in the zone.
    /// Works on local seconds (minute of day and day number), never on calendar dates.
    static func isOutside(_ span: TimeSpan, _ zone: Zone, _ hours: WakingHours) -> Bool {
        guard hours.start < hours.end else { return false }
        let start = span.start.secondsSinceEpoch + Int64(zone.offset(at: span.start))
        let end = span.end.secondsSinceEpoch + Int64(zone.offset(at: span.end))
        let startDay = start >= 0 ? start / 86_400 : (start - 86_399) / 86_400
        let endDay = end >= 0 ? end / 86_400 : (end - 86_399) / 86_400
        if Int((start - startDay * 86_400) / 60) < hours.start { return true }
        return Int((end - endDay * 86_400) / 60) + Int(endDay - startDay) * 24 * 60 > hours.end
    }
}
