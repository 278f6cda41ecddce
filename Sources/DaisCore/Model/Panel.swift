/// One event: a virtual panel, a webinar or an in-person session, as announced.
public struct Panel: Hashable, Sendable, Identifiable {
    public var id: PanelID
    public var series: SeriesID?
    public var title: String
    public var description: String?
    /// Wall-clock start as announced, in `zone`.
    public var start: LocalDateTime
    /// IANA id as stored; an unknown one is reported by the checks, not refused at load.
    public var zone: String
    public var durationMinutes: Int
    public var format: PanelFormat
    public var status: PanelStatus
    /// Own host; when nil the series' host applies.
    public var host: OrganizationID?
    public var cosponsors: [OrganizationID]
    public var roster: [RosterEntry]
    public var links: [Link]
    public var notes: String?
    /// The iCalendar UID of a panel imported from another calendar, kept so that importing the same
    /// event again updates this panel. Panels made in Dais export the UID "<id>@dais".
    public var uid: String?

    public init(id: PanelID, series: SeriesID? = nil, title: String, description: String? = nil,
                start: LocalDateTime, zone: String, durationMinutes: Int = 60,
                format: PanelFormat = .virtualPanel, status: PanelStatus = .scheduled,
                host: OrganizationID? = nil, cosponsors: [OrganizationID] = [], roster: [RosterEntry] = [],
                links: [Link] = [], notes: String? = nil, uid: String? = nil) {
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
