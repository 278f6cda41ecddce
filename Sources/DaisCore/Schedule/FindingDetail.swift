/// Where a panel is on the time line, for messages.
struct Placement: Hashable, Sendable {
    let zone: Zone
    let span: TimeSpan
}

/// A panel as a message names it: title and, when known, its place on the time line.
struct PanelMention: Hashable, Sendable {
    let id: PanelID
    let title: String
    let slot: Placement?

    init(id: PanelID, title: String, slot: Placement?) {
        self.id = id
        self.title = title
        self.slot = slot
    }

    init(id: PanelID, title: String, slot: Slot?) {
        self.init(id: id, title: title, slot: slot.map { Placement(zone: $0.zone, span: $0.span) })
    }

    /// "'Transnational repression'".
    var quoted: String { "'\(title)'" }

    /// "Nov 26 10:00 EST", read in the panel's own zone.
    var when: String {
        guard let slot else { return "time unknown" }
        return TimeFormat.Reading(slot.span.start, in: slot.zone).dayClock
    }

    /// "Nov 27 01:30 AEDT = Nov 26 09:30 EST" when the other zone reads differently.
    func when(alsoIn zone: Zone) -> String {
        guard let slot else { return when }
        let own = TimeFormat.Reading(slot.span.start, in: slot.zone)
        let other = TimeFormat.Reading(slot.span.start, in: zone)
        return own.abbreviation == other.abbreviation && own.local == other.local ? own.dayClock : "\(own.dayClock) = \(other.dayClock)"
    }
}

/// The facts a finding's message is written from.
enum FindingDetail: Sendable {
    case doubleBooked(person: String, PanelMention, PanelMention, overlapMinutes: Int)
    case twiceInRoster(person: String, PanelMention, roles: [Role])
    case unavailable(person: String, PanelMention, window: TimeSpan, windowZone: Zone)
    case unknownPanelReference(PanelMention, field: String, id: String)
    case unknownSeriesHost(series: String, id: String)
    case panelTime(PanelMention, problem: SlotProblem)
    case personZone(person: String, field: String, problem: String)
    case settingsZone(zone: String, problem: String)
    case ambiguous(PanelMention, first: Instant, second: Instant)
    case noModerator(PanelMention)
    case noPanelists(PanelMention)
    case outsideWakingHours(person: String, PanelMention, home: Zone, hours: WakingHours)
    case shortChangeover(person: String, PanelMention, PanelMention, gapMinutes: Int, changeover: Int)
    case seriesOverlap(series: String, PanelMention, PanelMention, overlapMinutes: Int)
    case duplicatePeople([(id: String, name: String)])
    case duplicateOrganizations([(id: String, name: String)])

    var message: String {
        switch self {
        case let .doubleBooked(person, a, b, minutes):
            let zone = a.slot?.zone ?? Zone.utc
            return "\(person) is on \(a.quoted) (\(a.when)) and \(b.quoted) (\(b.when(alsoIn: zone))), overlapping \(minutes) min"
        case let .twiceInRoster(person, panel, roles):
            let list = roles.map(\.rawValue)
            let text = Set(list).count == 1 ? "twice as \(list[0])" : "twice (" + list.joined(separator: " and ") + ")"
            return "\(person) is on the roster of \(panel.quoted) \(text)"
        case let .unavailable(person, panel, window, windowZone):
            let range = "\(TimeFormat.Reading(window.start, in: windowZone).dayClock) to \(TimeFormat.Reading(window.end, in: windowZone).dayClock)"
            return "\(person) is unavailable from \(range) but is on \(panel.quoted) (\(panel.when(alsoIn: windowZone)))"
        case let .unknownPanelReference(panel, field, id):
            return "\(panel.quoted) names \(field) \"\(id)\", which does not exist"
        case let .unknownSeriesHost(series, id):
            return "series '\(series)' names host organization \"\(id)\", which does not exist"
        case let .panelTime(panel, problem):
            return "\(panel.quoted): \(problem.description)"
        case let .personZone(person, field, problem):
            return "\(person): \(field): \(problem)"
        case let .settingsZone(zone, problem):
            return "settings: display zone \"\(zone)\": \(problem)"
        case let .ambiguous(panel, first, second):
            let zone = panel.slot?.zone ?? Zone.utc
            let local = zone.local(at: first)
            return "\(panel.quoted) starts at \(local.timeText) on \(local.date), which occurs twice in \(zone.identifier) "
                + "(\(zone.abbreviation(at: first)), then \(zone.abbreviation(at: second))); the first, \(first.iso8601), is used"
        case let .noModerator(panel):
            return "\(panel.quoted) (\(panel.when)) has no moderator yet"
        case let .noPanelists(panel):
            return "\(panel.quoted) (\(panel.when)) has no panelists yet"
        case let .outsideWakingHours(person, panel, home, hours):
            let range = panel.slot.map { TimeFormat.range($0.span, in: home) } ?? "?"
            let day = panel.slot.map { TimeFormat.shortDate(home.local(at: $0.span.start).date) } ?? ""
            return "\(panel.quoted) is \(day) \(range) for \(person) (\(home.identifier)), outside waking hours "
                + "\(WakingHours.text(hours.start))-\(WakingHours.text(hours.end))"
        case let .shortChangeover(person, a, b, gap, changeover):
            let zone = a.slot?.zone ?? Zone.utc
            let end = a.slot.map { TimeFormat.Reading($0.span.end, in: zone).dayClock } ?? "?"
            return "\(person) has \(gap) min between \(a.quoted) (ends \(end)) and \(b.quoted) (starts \(b.when(alsoIn: zone))); "
                + "the changeover is \(changeover) min"
        case let .seriesOverlap(series, a, b, minutes):
            let zone = a.slot?.zone ?? Zone.utc
            return "\(a.quoted) (\(a.when)) and \(b.quoted) (\(b.when(alsoIn: zone))) of '\(series)' overlap by \(minutes) min"
        case let .duplicatePeople(members):
            return members.map { "'\($0.name)' (\($0.id))" }.joined(separator: " and ") + " may be the same person"
        case let .duplicateOrganizations(members):
            return members.map { "'\($0.name)' (\($0.id))" }.joined(separator: " and ") + " may be the same organization"
        }
    }
}
