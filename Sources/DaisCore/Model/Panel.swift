/// One event: a virtual panel, a webinar or an in-person session, as announced.
///
/// A value like any struct, kept in one shared box that is copied only when a shared panel is
/// changed: copying a panel (into a sorted list, a draft, an undo step) costs one reference count,
/// not one per field.
public struct Panel: Hashable, Sendable, Identifiable {
    // A box is private to `Panel`, read through `get` and written only after `unique` made it this
    // panel's alone: a shared box is never written, which is what makes it safe to send.
    // @unchecked: the compiler cannot see that copy-on-write invariant (the one Array relies on).
    private final class Box: @unchecked Sendable {
        var id: PanelID
        var series: SeriesID?
        var title: String
        var description: String?
        var start: LocalDateTime
        var zone: String
        var durationMinutes: Int
        var format: PanelFormat
        var status: PanelStatus
        var host: OrganizationID?
        var cosponsors: [OrganizationID]
        var roster: [RosterEntry]
        var links: [Link]
        var notes: String?
        var uid: String?

        init(id: PanelID, series: SeriesID?, title: String, description: String?, start: LocalDateTime, zone: String, durationMinutes: Int, format: PanelFormat, status: PanelStatus, host: OrganizationID?, cosponsors: [OrganizationID], roster: [RosterEntry], links: [Link], notes: String?, uid: String?) {
            self.id = id
            self.series = series
            self.title = title
            self.description = description
            self.start = start
            self.zone = zone
            self.durationMinutes = durationMinutes
            self.format = format
            self.status = status
            self.host = host
            self.cosponsors = cosponsors
            self.roster = roster
            self.links = links
            self.notes = notes
            self.uid = uid
        }

        func copy() -> Box { Box(id: id, series: series, title: title, description: description, start: start, zone: zone, durationMinutes: durationMinutes, format: format, status: status, host: host, cosponsors: cosponsors, roster: roster, links: links, notes: notes, uid: uid) }
    }

    private var box: Box

    /// The box, copied first when another panel shares it.
    private var unique: Box {
        mutating get {
            if !isKnownUniquelyReferenced(&box) { box = box.copy() }
            return box
        }
    }

    public var id: PanelID {
        get { box.id }
        set { unique.id = newValue }
        _modify { yield &unique.id }
    }
    public var series: SeriesID? {
        get { box.series }
        set { unique.series = newValue }
        _modify { yield &unique.series }
    }
    public var title: String {
        get { box.title }
        set { unique.title = newValue }
        _modify { yield &unique.title }
    }
    public var description: String? {
        get { box.description }
        set { unique.description = newValue }
        _modify { yield &unique.description }
    }
    /// Wall-clock start as announced, in `zone`.
    public var start: LocalDateTime {
        get { box.start }
        set { unique.start = newValue }
        _modify { yield &unique.start }
    }
    /// IANA id as stored; an unknown one is reported by the checks, not refused at load.
    public var zone: String {
        get { box.zone }
        set { unique.zone = newValue }
        _modify { yield &unique.zone }
    }
    public var durationMinutes: Int {
        get { box.durationMinutes }
        set { unique.durationMinutes = newValue }
        _modify { yield &unique.durationMinutes }
    }
    public var format: PanelFormat {
        get { box.format }
        set { unique.format = newValue }
        _modify { yield &unique.format }
    }
    public var status: PanelStatus {
        get { box.status }
        set { unique.status = newValue }
        _modify { yield &unique.status }
    }
    /// Own host; when nil the series' host applies.
    public var host: OrganizationID? {
        get { box.host }
        set { unique.host = newValue }
        _modify { yield &unique.host }
    }
    public var cosponsors: [OrganizationID] {
        get { box.cosponsors }
        set { unique.cosponsors = newValue }
        _modify { yield &unique.cosponsors }
    }
    public var roster: [RosterEntry] {
        get { box.roster }
        set { unique.roster = newValue }
        _modify { yield &unique.roster }
    }
    public var links: [Link] {
        get { box.links }
        set { unique.links = newValue }
        _modify { yield &unique.links }
    }
    public var notes: String? {
        get { box.notes }
        set { unique.notes = newValue }
        _modify { yield &unique.notes }
    }
    /// The iCalendar UID of a panel imported from another calendar, kept so that importing the same
    /// event again updates this panel. Panels made in Dais export the UID "<id>@dais".
    public var uid: String? {
        get { box.uid }
        set { unique.uid = newValue }
        _modify { yield &unique.uid }
    }

    public init(id: PanelID, series: SeriesID? = nil, title: String, description: String? = nil,
                start: LocalDateTime, zone: String, durationMinutes: Int = 60,
                format: PanelFormat = .virtualPanel, status: PanelStatus = .scheduled,
                host: OrganizationID? = nil, cosponsors: [OrganizationID] = [], roster: [RosterEntry] = [],
                links: [Link] = [], notes: String? = nil, uid: String? = nil) {
        box = Box(id: id, series: series, title: title, description: description, start: start, zone: zone, durationMinutes: durationMinutes, format: format, status: status, host: host, cosponsors: cosponsors, roster: roster, links: links, notes: notes, uid: uid)
    }

    public static func == (a: Panel, b: Panel) -> Bool {
        if a.box === b.box { return true }
        return a.id == b.id && a.series == b.series && a.title == b.title && a.description == b.description && a.start == b.start && a.zone == b.zone && a.durationMinutes == b.durationMinutes && a.format == b.format && a.status == b.status && a.host == b.host && a.cosponsors == b.cosponsors && a.roster == b.roster && a.links == b.links && a.notes == b.notes && a.uid == b.uid
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(series)
        hasher.combine(title)
        hasher.combine(description)
        hasher.combine(start)
        hasher.combine(zone)
        hasher.combine(durationMinutes)
        hasher.combine(format)
        hasher.combine(status)
        hasher.combine(host)
        hasher.combine(cosponsors)
        hasher.combine(roster)
        hasher.combine(links)
        hasher.combine(notes)
        hasher.combine(uid)
    }

    /// The UID this panel has in iCalendar files.
    public var calendarUID: String { uid ?? "\(id)@dais" }

    /// Roster entries with a role, in roster order.
    public func entries(_ role: Role) -> [RosterEntry] { roster.filter { $0.role == role } }

    /// True when the roster has no moderator or no panelists yet (shown as TBA).
    public var hasOpenRoles: Bool {
        !roster.contains { $0.role == .moderator } || !roster.contains { $0.role == .panelist }
    }

    /// Wall-clock end in the panel's own zone, ignoring zone rules (what the announcement would print).
    public var nominalEnd: LocalDateTime { start.adding(minutes: durationMinutes) }
}

/// How a panel is held.
public enum PanelFormat: String, CaseIterable, Hashable, Sendable {
    case virtualPanel = "virtual-panel"
    case webinar
    case inPerson = "in-person"

    public var label: String {
        switch self {
        case .virtualPanel: return "virtual panel"
        case .webinar: return "webinar"
        case .inPerson: return "in person"
        }
    }
}

/// Where a panel is in its life.
public enum PanelStatus: String, CaseIterable, Hashable, Sendable {
    case draft
    case scheduled
    case cancelled
}

/// A part a person plays on a panel.
///
/// Cases are in the order announcements list them: moderator, remarks, panelists.
public enum Role: String, CaseIterable, Hashable, Sendable {
    case moderator
    /// Opening or keynote remarks ("Remarks by ...").
    case remarks
    case panelist

    public var label: String {
        switch self {
        case .moderator: return "Moderator"
        case .panelist: return "Panelist"
        case .remarks: return "Remarks"
        }
    }
}

/// One person on a panel's roster.
public struct RosterEntry: Hashable, Sendable {
    public var person: PersonID
    public var role: Role
    /// Overrides the person's title for this appearance, as written in the announcement.
    public var title: String?

    public init(person: PersonID, role: Role, title: String? = nil) {
        self.person = person
        self.role = role
        self.title = title
    }
}

/// A labelled link: registration, report, recording.
public struct Link: Hashable, Sendable {
    public var label: String
    public var url: String

    public init(label: String, url: String) {
        self.label = label
        self.url = url
    }
}
