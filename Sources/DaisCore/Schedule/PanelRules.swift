/// What a panel's own checks read: the panel, where the schedule placed it, and what it names.
/// Every rule of `PanelRules` takes this one value, so that a new rule needs no new parameters.
struct PanelContext {
    let panel: Panel
    /// The panel's roster, read once.
    let roster: [RosterEntry]
    /// The panel's number in the schedule, for the per-panel counts (none for a draft).
    let indexes: Finding.PanelIndexes
    /// Where the panel is on the time line; nil when its time cannot be placed.
    let span: TimeSpan?
    /// When the panel's local start occurs twice in its zone (the first is used), that zone's number
    /// in `zones`; -1 otherwise.
    let ambiguousZone: Int16
    /// The roster's people, each once, in roster order.
    let people: [RosterPerson]
    /// People's facts by number (nil: the catalog lacks them).
    let facts: [PersonFacts?]
    /// The zones that the zone numbers here and in the briefs name.
    let zones: [Zone]
    /// The series and organizations the panel names that the catalog lacks: its series first, then
    /// its host, then its co-sponsors in order. (People the catalog lacks are in `people`.)
    let missing: [MissingReference]
    let hours: WakingHours
    /// Panels whose local start date (a day since the epoch) is in this window are warned about when
    /// speakers have not confirmed; the window's first day is the check's. Nil: not checked.
    let confirmWindow: ClosedRange<Int>?

    struct RosterPerson {
        let id: PersonID
        /// The person's number in `facts`.
        let number: Int
        let brief: PersonBrief
    }

    /// The panel as a message names it: made for each finding, read only when the message is written.
    var mention: PanelMention { PanelMention(panel) }

    /// A roster person the catalog holds, as a finding names them.
    func speaker(_ person: RosterPerson) -> Speaker { Speaker(id: person.id, facts: facts[person.number]!) }

    /// The roster entry's person as a finding names them, when the catalog holds them.
    func speaker(_ entry: RosterEntry) -> Speaker? {
        guard let person = people.first(where: { $0.id == entry.person }), person.brief.known else { return nil }
        return speaker(person)
    }

    func finding(_ code: FindingCode, _ detail: FindingDetail) -> Finding { Finding(code, indexes: indexes, detail) }
}

/// The checks of one live panel on its own, one function per finding code (`docs/checks.md`); each
/// appends what it finds.
enum PanelRules {
    /// Every rule's findings for a panel. A new rule is one more function here and one more line.
    static func findings(_ c: PanelContext) -> [Finding] {
        var out: [Finding] = []
        personTwiceInRoster(c, &out)
        personUnavailable(c, &out)
        unknownReference(c, &out)
        invalidTime(c, &out)
        speakerDeclined(c, &out)
        ambiguousTime(c, &out)
        noModerator(c, &out)
        noPanelists(c, &out)
        speakerUnconfirmed(c, &out)
        outsideWakingHours(c, &out)
        return out
    }

    /// A person the catalog holds is on the roster more than once.
    static func personTwiceInRoster(_ c: PanelContext, _ out: inout [Finding]) {
        // A person is on the roster twice only when the roster is longer than its people.
        guard c.roster.count != c.people.count else { return }
        for person in c.people where person.brief.known {
            let roles = c.roster.filter { $0.person == person.id }.map(\.role)
            if roles.count > 1 { out.append(c.finding(.personTwiceInRoster, .twiceInRoster(c.speaker(person), c.mention, roles: roles))) }
        }
    }

    /// The panel overlaps one of a roster member's unavailability windows.
    static func personUnavailable(_ c: PanelContext, _ out: inout [Finding]) {
        guard let span = c.span else { return }
        for person in c.people where person.brief.hasWindows {
            let speaker = c.speaker(person)
            for window in speaker.facts.unavailable where window.span.overlaps(span) {
                out.append(c.finding(.personUnavailable, .unavailable(speaker, c.mention, window: window.span, windowZone: window.zone)))
            }
        }
    }

    /// The panel names a series, organization or person the catalog lacks.
    static func unknownReference(_ c: PanelContext, _ out: inout [Finding]) {
        for reference in c.missing { out.append(c.finding(.unknownReference, .unknownPanelReference(c.mention, reference))) }
        for person in c.people where !person.brief.known {
            out.append(c.finding(.unknownReference, .unknownPanelReference(c.mention, .person(person.id))))
        }
    }

    /// The panel's time cannot be placed: unknown zone, a start the clocks skip, a bad duration.
    static func invalidTime(_ c: PanelContext, _ out: inout [Finding]) {
        guard c.span == nil, case .failure(let problem) = c.panel.slot() else { return }
        out.append(c.finding(.invalidTime, .panelTime(c.mention, problem: problem)))
    }

    /// The panel's local start occurs twice (clocks turned back).
    static func ambiguousTime(_ c: PanelContext, _ out: inout [Finding]) {
        guard c.ambiguousZone >= 0, case .ambiguous(let first, let second) = c.zones[Int(c.ambiguousZone)].resolve(c.panel.start) else { return }
        out.append(c.finding(.ambiguousTime, .ambiguous(c.mention, first: first, second: second)))
    }

    /// A speaker of a scheduled panel has declined.
    static func speakerDeclined(_ c: PanelContext, _ out: inout [Finding]) {
        guard c.panel.status == .scheduled else { return }
        for entry in c.roster where entry.status == .declined {
            if let speaker = c.speaker(entry) { out.append(c.finding(.speakerDeclined, .declined(speaker, c.mention, role: entry.role))) }
        }
    }

    /// A speaker of a scheduled panel on the check's day or within `confirmDays` after it (by the
    /// panel's own date) is still invited or tentative.
    static func speakerUnconfirmed(_ c: PanelContext, _ out: inout [Finding]) {
        guard c.panel.status == .scheduled, let window = c.confirmWindow, c.span != nil,
              window.contains(c.panel.start.date.daysSinceEpoch) else { return }
        let days = c.panel.start.date.daysSinceEpoch - window.lowerBound
        for entry in c.roster where entry.status.isOpen {
            if let speaker = c.speaker(entry) {
                out.append(c.finding(.speakerUnconfirmed, .unconfirmed(speaker, c.mention, role: entry.role, status: entry.status, daysAhead: days)))
            }
        }
    }

    /// A scheduled panel has no moderator who has confirmed (or tentatively accepted).
    static func noModerator(_ c: PanelContext, _ out: inout [Finding]) {
        guard c.panel.status == .scheduled, !c.roster.contains(where: { $0.role == .moderator && $0.status.counts }) else { return }
        out.append(c.finding(.noModerator, .noModerator(c.mention, invited: c.roster.contains { $0.role == .moderator })))
    }

    /// A scheduled panel has no panelists.
    static func noPanelists(_ c: PanelContext, _ out: inout [Finding]) {
        guard c.panel.status == .scheduled, !c.roster.contains(where: { $0.role == .panelist }) else { return }
        out.append(c.finding(.noPanelists, .noPanelists(c.mention)))
    }

    /// Part of the panel falls outside waking hours (the person's own, else the store's) in a roster
    /// member's home zone.
    static func outsideWakingHours(_ c: PanelContext, _ out: inout [Finding]) {
        guard let span = c.span else { return }
        // A panel's people often share a home zone and hours: the answer for the last one is kept.
        var last: (home: Int16, hours: WakingHours, outside: Bool) = (-1, c.hours, false)
        for person in c.people where person.brief.home >= 0 {
            let hours = person.brief.hours ?? c.hours
            guard hours.start < hours.end else { continue }
            if person.brief.home != last.home || hours != last.hours {
                last = (person.brief.home, hours, isOutside(span, c.zones[Int(person.brief.home)], hours))
            }
            if last.outside { out.append(c.finding(.outsideWakingHours, .outsideWakingHours(c.speaker(person), c.mention, hours: hours))) }
        }
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
