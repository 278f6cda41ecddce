/// Where a panel is on the time line, for messages.
struct Placement: Hashable, Sendable {
    let zone: Zone
    let span: TimeSpan
}

/// A panel as a message names it: the panel as it was checked (one reference to its storage), read
/// for its title and time only when the message is written. A whole-store check makes a finding for
/// thousands of panels; copying titles and zones into each would touch memory the check never reads.
struct PanelMention: Sendable {
    let id: PanelID
    /// Nil when the catalog did not hold the panel (its id stands in for its title).
    let panel: Panel?

    init(_ panel: Panel) {
        id = panel.id
        self.panel = panel
    }

    init(id: PanelID, panel: Panel?) {
        self.id = id
        self.panel = panel
    }

    var title: String { panel?.title ?? id.rawValue }

    /// The panel's zone and span, as the schedule placed it (nil when its time cannot be placed).
    var slot: Placement? {
        guard let panel, case .success(let slot) = panel.slot() else { return nil }
        return Placement(zone: slot.zone, span: slot.span)
    }

    /// "'Transnational repression'".
    var quoted: String { "'\(title)'" }

    /// "Nov 26 10:00 EST", read in the panel's own zone.
    var when: String { Self.when(slot) }

    private static func when(_ slot: Placement?) -> String {
        guard let slot else { return "time unknown" }
        return TimeFormat.Reading(slot.span.start, in: slot.zone).dayClock
    }

    /// "Nov 27 01:30 AEDT = Nov 26 09:30 EST" when the other zone reads differently.
    func when(alsoIn zone: Zone) -> String {
        guard let slot else { return Self.when(nil) }
        let own = TimeFormat.Reading(slot.span.start, in: slot.zone)
        let other = TimeFormat.Reading(slot.span.start, in: zone)
        return own.abbreviation == other.abbreviation && own.local == other.local ? own.dayClock : "\(own.dayClock) = \(other.dayClock)"
    }
}

/// A person a finding names: their id, and the facts the check read (name, home zone), kept by
/// reference.
struct Speaker: Sendable {
    let id: PersonID
    let facts: PersonFacts

    var name: String { facts.name }
}

/// What a panel names that the catalog lacks.
enum MissingReference: Sendable {
    case person(PersonID)
    case series(SeriesID)
    case host(OrganizationID)
    case cosponsor(OrganizationID)

    var field: String {
        switch self {
        case .person: return "person"
        case .series: return "series"
        case .host: return "host organization"
        case .cosponsor: return "co-sponsor"
        }
    }

    var id: String {
        switch self {
        case .person(let id): return id.rawValue
        case .series(let id): return id.rawValue
        case .host(let id), .cosponsor(let id): return id.rawValue
        }
    }
}

/// The facts a finding's message is written from; the records a finding names come from them too.
enum FindingDetail: Sendable {
    case doubleBooked(Speaker, PanelMention, PanelMention, overlapMinutes: Int)
    case twiceInRoster(Speaker, PanelMention, roles: [Role])
    case unavailable(Speaker, PanelMention, window: TimeSpan, windowZone: Zone)
    case unknownPanelReference(PanelMention, MissingReference)
    case unknownSeriesHost(series: SeriesID, name: String, host: OrganizationID)
    case panelTime(PanelMention, problem: SlotProblem)
    case personZone(person: PersonID, name: String, field: String, problem: String)
    case settingsZone(zone: String, problem: String)
    case ambiguous(PanelMention, first: Instant, second: Instant)
    /// `invited`: the roster has a moderator, none of whom has confirmed or accepted tentatively.
    case noModerator(PanelMention, invited: Bool)
    case noPanelists(PanelMention)
    case declined(Speaker, PanelMention, role: Role)
    case unconfirmed(Speaker, PanelMention, role: Role, status: RosterStatus, daysAhead: Int)
    case outsideWakingHours(Speaker, PanelMention, hours: WakingHours)
    case shortChangeover(Speaker, PanelMention, PanelMention, gapMinutes: Int, changeover: Int)
    case seriesOverlap(series: SeriesID, name: String, PanelMention, PanelMention, overlapMinutes: Int)
    case mergeClash(MergeClash)
    case duplicatePeople([(id: PersonID, name: String)])
    case duplicateOrganizations([(id: OrganizationID, name: String)])

    /// The panels involved, in start order where there are two.
    var panels: [PanelID] {
        switch self {
        case let .doubleBooked(_, a, b, _), let .shortChangeover(_, a, b, _, _), let .seriesOverlap(_, _, a, b, _): return [a.id, b.id]
        case let .twiceInRoster(_, p, _), let .unavailable(_, p, _, _), let .unknownPanelReference(p, _), let .panelTime(p, _),
             let .ambiguous(p, _, _), let .noModerator(p, _), let .noPanelists(p), let .outsideWakingHours(_, p, _),
             let .declined(_, p, _), let .unconfirmed(_, p, _, _, _):
            return [p.id]
        case .mergeClash(let clash): return clash.kind == "panel" ? [PanelID(clash.id)] : []
        case .unknownSeriesHost, .personZone, .settingsZone, .duplicatePeople, .duplicateOrganizations: return []
        }
    }

    var people: [PersonID] {
        switch self {
        case let .doubleBooked(s, _, _, _), let .twiceInRoster(s, _, _), let .unavailable(s, _, _, _), let .outsideWakingHours(s, _, _),
             let .shortChangeover(s, _, _, _, _), let .declined(s, _, _), let .unconfirmed(s, _, _, _, _):
            return [s.id]
        case .unknownPanelReference(_, .person(let id)), .personZone(let id, _, _, _): return [id]
        case .duplicatePeople(let members): return members.map(\.id)
        case .mergeClash(let clash) where clash.kind == "person": return [PersonID(clash.id)]
        default: return []
        }
    }

    var organizations: [OrganizationID] {
        switch self {
        case .unknownPanelReference(_, .host(let id)), .unknownPanelReference(_, .cosponsor(let id)), .unknownSeriesHost(_, _, let id): return [id]
        case .duplicateOrganizations(let members): return members.map(\.id)
        case .mergeClash(let clash) where clash.kind == "organization": return [OrganizationID(clash.id)]
        default: return []
        }
    }

    var series: [SeriesID] {
        switch self {
        case .unknownPanelReference(_, .series(let id)), .unknownSeriesHost(let id, _, _), .seriesOverlap(let id, _, _, _, _): return [id]
        case .mergeClash(let clash) where clash.kind == "series": return [SeriesID(clash.id)]
        default: return []
        }
    }

    var message: String {
        switch self {
        case let .doubleBooked(person, a, b, minutes):
            let zone = a.slot?.zone ?? Zone.utc
            return "\(person.name) is on \(a.quoted) (\(a.when)) and \(b.quoted) (\(b.when(alsoIn: zone))), overlapping \(minutes) min"
        case let .twiceInRoster(person, panel, roles):
            let list = roles.map(\.rawValue)
            let text = Set(list).count == 1 ? "twice as \(list[0])" : "twice (" + list.joined(separator: " and ") + ")"
            return "\(person.name) is on the roster of \(panel.quoted) \(text)"
        case let .unavailable(person, panel, window, windowZone):
            let range = "\(TimeFormat.Reading(window.start, in: windowZone).dayClock) to \(TimeFormat.Reading(window.end, in: windowZone).dayClock)"
            return "\(person.name) is unavailable from \(range) but is on \(panel.quoted) (\(panel.when(alsoIn: windowZone)))"
        case let .unknownPanelReference(panel, reference):
            return "\(panel.quoted) names \(reference.field) \"\(reference.id)\", which does not exist"
        case let .unknownSeriesHost(_, name, host):
            return "series '\(name)' names host organization \"\(host.rawValue)\", which does not exist"
        case let .panelTime(panel, problem):
            return "\(panel.quoted): \(problem.description)"
        case let .personZone(_, name, field, problem):
            return "\(name): \(field): \(problem)"
        case let .settingsZone(zone, problem):
            return "settings: display zone \"\(zone)\": \(problem)"
        case let .ambiguous(panel, first, second):
            let zone = panel.slot?.zone ?? Zone.utc
            let local = zone.local(at: first)
            return "\(panel.quoted) starts at \(local.timeText) on \(local.date), which occurs twice in \(zone.identifier) "
                + "(\(zone.abbreviation(at: first)), then \(zone.abbreviation(at: second))); the first, \(first.iso8601), is used"
        case let .noModerator(panel, invited):
            return "\(panel.quoted) (\(panel.when)) has no \(invited ? "confirmed " : "")moderator yet"
        case let .noPanelists(panel):
            return "\(panel.quoted) (\(panel.when)) has no panelists yet"
        case let .declined(person, panel, role):
            return "\(person.name) (\(role.rawValue)) has declined \(panel.quoted) (\(panel.when))"
        case let .unconfirmed(person, panel, role, status, days):
            let ahead = days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days"
            return "\(person.name) (\(role.rawValue)) is still \(status.rawValue) for \(panel.quoted), \(ahead) (\(panel.when))"
        case let .outsideWakingHours(person, panel, hours):
            let home = person.facts.home ?? Zone.utc
            let slot = panel.slot
            let range = slot.map { TimeFormat.range($0.span, in: home) } ?? "?"
            let day = slot.map { TimeFormat.shortDate(home.local(at: $0.span.start).date) } ?? ""
            return "\(panel.quoted) is \(day) \(range) for \(person.name) (\(home.identifier)), outside waking hours "
                + hours.rangeText
        case let .shortChangeover(person, a, b, gap, changeover):
            let zone = a.slot?.zone ?? Zone.utc
            let end = a.slot.map { TimeFormat.Reading($0.span.end, in: zone).dayClock } ?? "?"
            return "\(person.name) has \(gap) min between \(a.quoted) (ends \(end)) and \(b.quoted) (starts \(b.when(alsoIn: zone))); "
                + "the changeover is \(changeover) min"
        case let .seriesOverlap(_, name, a, b, minutes):
            let zone = a.slot?.zone ?? Zone.utc
            return "\(a.quoted) (\(a.when)) and \(b.quoted) (\(b.when(alsoIn: zone))) of '\(name)' overlap by \(minutes) min"
        case let .mergeClash(clash):
            return "a git merge left a clash: \(clash.summary); choose a side in the console (it opens on them), then save and git add"
        case let .duplicatePeople(members):
            return members.map { "'\($0.name)' (\($0.id.rawValue))" }.joined(separator: " and ") + " may be the same person"
        case let .duplicateOrganizations(members):
            return members.map { "'\($0.name)' (\($0.id.rawValue))" }.joined(separator: " and ") + " may be the same organization"
        }
    }
}
