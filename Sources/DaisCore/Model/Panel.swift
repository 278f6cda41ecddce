/// One event: a virtual panel, a webinar or an in-person session, as announced.
///
/// A value like any struct, kept in one shared, immutable box that a change replaces: copying a
/// panel (into a sorted list, a draft, an undo step) costs one reference count, not one per field.
public struct Panel: Hashable, Sendable, Identifiable {
    // The box never changes once made: a change makes a new box (`update`), so a box shared by
    // copies of a panel is safe to send and to read without exclusivity checks.
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// The stored fields, as one value.
    private struct Fields: Sendable {
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
        var revision: Revision
    }

    private var box: Box

    /// Changes fields through a new box (the old one may be shared).
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    public var id: PanelID {
        get { box.fields.id }
        set { update { $0.id = newValue } }
    }
    public var series: SeriesID? {
        get { box.fields.series }
        set { update { $0.series = newValue } }
    }
    public var title: String {
        get { box.fields.title }
        set { update { $0.title = newValue } }
    }
    public var description: String? {
        get { box.fields.description }
        set { update { $0.description = newValue } }
    }
    /// Wall-clock start as announced, in `zone`.
    public var start: LocalDateTime {
        get { box.fields.start }
        set { update { $0.start = newValue } }
    }
    /// IANA id as stored; an unknown one is reported by the checks, not refused at load.
    public var zone: String {
        get { box.fields.zone }
        set { update { $0.zone = newValue } }
    }
    public var durationMinutes: Int {
        get { box.fields.durationMinutes }
        set { update { $0.durationMinutes = newValue } }
    }
    public var format: PanelFormat {
        get { box.fields.format }
        set { update { $0.format = newValue } }
    }
    public var status: PanelStatus {
        get { box.fields.status }
        set { update { $0.status = newValue } }
    }
    /// Own host; when nil the series' host applies.
    public var host: OrganizationID? {
        get { box.fields.host }
        set { update { $0.host = newValue } }
    }
    public var cosponsors: [OrganizationID] {
        get { box.fields.cosponsors }
        set { update { $0.cosponsors = newValue } }
    }
    public var roster: [RosterEntry] {
        get { box.fields.roster }
        set { update { $0.roster = newValue } }
    }
    public var links: [Link] {
        get { box.fields.links }
        set { update { $0.links = newValue } }
    }
    public var notes: String? {
        get { box.fields.notes }
        set { update { $0.notes = newValue } }
    }
    /// The iCalendar UID of a panel imported from another calendar, kept so that importing the same
    /// event again updates this panel. Panels made in Dais export the UID "<id>@dais".
    public var uid: String? {
        get { box.fields.uid }
        set { update { $0.uid = newValue } }
    }

    public init(id: PanelID, series: SeriesID? = nil, title: String, description: String? = nil,
                start: LocalDateTime, zone: String, durationMinutes: Int = 60,
                format: PanelFormat = .virtualPanel, status: PanelStatus = .scheduled,
                host: OrganizationID? = nil, cosponsors: [OrganizationID] = [], roster: [RosterEntry] = [],
                links: [Link] = [], notes: String? = nil, uid: String? = nil, revision: Revision = Revision()) {
        box = Box(Fields(id: id, series: series, title: title, description: description, start: start, zone: zone, durationMinutes: durationMinutes, format: format,
                         status: status, host: host, cosponsors: cosponsors, roster: roster, links: links, notes: notes, uid: uid, revision: revision))
    }

    public static func == (a: Panel, b: Panel) -> Bool {
        if a.box === b.box { return true }
        return a.id == b.id && a.series == b.series && a.title == b.title && a.description == b.description && a.start == b.start && a.zone == b.zone && a.durationMinutes == b.durationMinutes && a.format == b.format && a.status == b.status && a.host == b.host && a.cosponsors == b.cosponsors && a.roster == b.roster && a.links == b.links && a.notes == b.notes && a.uid == b.uid && a.revision == b.revision
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
        hasher.combine(revision)
    }

    /// How many times a save changed what a calendar must apply, and when a save last changed the
    /// panel (format 2; `Revision.stamped` sets both).
    public var revision: Revision {
        get { box.fields.revision }
        set { update { $0.revision = newValue } }
    }

    /// The UID this panel has in iCalendar files.
    public var calendarUID: String { uid ?? "\(id)@dais" }

    /// Roster entries with a role, in roster order.
    public func entries(_ role: Role) -> [RosterEntry] { roster.filter { $0.role == role } }

    /// The roster entries of a role that an announcement names: those who have confirmed.
    public func announced(_ role: Role) -> [RosterEntry] { roster.filter { $0.role == role && $0.status == .confirmed } }

    /// True when the roster has no moderator or no panelists yet who have confirmed or accepted
    /// tentatively (shown as TBA).
    public var hasOpenRoles: Bool {
        !roster.contains { $0.role == .moderator && $0.status.counts } || !roster.contains { $0.role == .panelist && $0.status.counts }
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

/// A panel's revision, for calendars that already hold it: `sequence` is iCalendar's SEQUENCE (RFC
/// 5545 3.8.7.4), raised by a save that changes the panel's start, zone, duration, status or title;
/// `modified` is when a save last changed the panel at all (LAST-MODIFIED), nil before any.
public struct Revision: Hashable, Sendable {
    public var sequence: Int
    public var modified: Instant?

    public init(sequence: Int = 0, modified: Instant? = nil) {
        self.sequence = sequence
        self.modified = modified
    }
}

/// Where a roster member stands on their invitation.
public enum RosterStatus: String, CaseIterable, Hashable, Sendable {
    case invited
    case confirmed
    case declined
    case tentative

    /// Whether the person is expected to appear (a declined or merely invited person is not).
    public var counts: Bool { self == .confirmed || self == .tentative }

    /// Whether the organizer still waits for an answer.
    public var isOpen: Bool { self == .invited || self == .tentative }

    /// The next status in the roster editor's cycle: invited, confirmed, tentative, declined.
    public var next: RosterStatus {
        switch self {
        case .invited: return .confirmed
        case .confirmed: return .tentative
        case .tentative: return .declined
        case .declined: return .invited
        }
    }
}

/// One person on a panel's roster.
public struct RosterEntry: Hashable, Sendable {
    public var person: PersonID
    public var role: Role
    /// Overrides the person's title for this appearance, as written in the announcement.
    public var title: String?
    /// Format 2; a format-1 entry (announced) is confirmed.
    public var status: RosterStatus

    public init(person: PersonID, role: Role, title: String? = nil, status: RosterStatus = .confirmed) {
        self.person = person
        self.role = role
        self.title = title
        self.status = status
    }
}

/// What a link is for.
public enum LinkKind: String, CaseIterable, Hashable, Sendable {
    /// Where speakers join the call: for them only unless made public.
    case join
    /// Where the audience watches.
    case stream
    case registration
    case recording
    case other
}

/// A labelled link: the speakers' join link, the stream, registration, the recording, a report.
public struct Link: Hashable, Sendable {
    public var label: String
    public var url: String
    /// Format 2; a format-1 link is `other`.
    public var kind: LinkKind
    /// Whether announcements print it (format 2); by default every link but the join link.
    public var isPublic: Bool

    public init(label: String, url: String, kind: LinkKind = .other, isPublic: Bool? = nil) {
        self.label = label
        self.url = url
        self.kind = kind
        self.isPublic = isPublic ?? (kind != .join)
    }

    /// Whether `isPublic` is what the kind gives by default (the store writes it only otherwise).
    public var hasDefaultVisibility: Bool { isPublic == (kind != .join) }
}
