import CPrefetch

/// One event: a virtual panel, a webinar or an in-person session, as announced.
///
/// A value like any struct, kept in one shared box that is copied only when a shared panel is
/// changed: copying a panel (into a sorted list, a draft, an undo step) costs one reference count,
/// not one per field.
public struct Panel: Hashable, Sendable, Identifiable {
    // Fields are read far more than written (every check, sort and render reads them). Runtime
    // exclusivity checks on these class properties cost about 8% of a whole-store check; they are
    // off here because a box is private to `Panel`, read through `get`, and written only after
    // `unique` made it this panel's alone, so two accesses to one box never overlap.
    private final class Box: @unchecked Sendable {
        @exclusivity(unchecked) var id: PanelID
        @exclusivity(unchecked) var series: SeriesID?
        @exclusivity(unchecked) var title: String
        @exclusivity(unchecked) var description: String?
        @exclusivity(unchecked) var start: LocalDateTime
        @exclusivity(unchecked) var zone: String
        @exclusivity(unchecked) var durationMinutes: Int
        @exclusivity(unchecked) var format: PanelFormat
        @exclusivity(unchecked) var status: PanelStatus
        @exclusivity(unchecked) var host: OrganizationID?
        @exclusivity(unchecked) var cosponsors: [OrganizationID]
        @exclusivity(unchecked) var roster: [RosterEntry]
        @exclusivity(unchecked) var links: [Link]
        @exclusivity(unchecked) var notes: String?
        @exclusivity(unchecked) var uid: String?

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

    /// Asks the processor to start loading this panel's storage (a loop over many panels calls this
    /// a few panels ahead, so that each is in the cache when its turn comes). Retains nothing.
    func prefetchStorage() {
        dais_prefetch(UnsafeRawPointer(Unmanaged.passUnretained(box).toOpaque()), 3)
    }

    /// The same for the roster's entries (the storage should have been asked for earlier: this reads
    /// where the roster is).
    func prefetchRoster() {
        withUnsafeMutableBytes(of: &box.roster) { field in
            if let buffer = field.load(as: UnsafeRawPointer?.self) { dais_prefetch(buffer, 2) }
        }
    }

    /// The same for the title's and the description's bytes (the storage should have been asked for
    /// earlier). Reads the strings' representation in place, retaining nothing: a native string of
    /// more than 15 bytes keeps its address in its second word and its bytes 32 bytes after it.
    func prefetchTexts() {
        Panel.prefetchText(&box.title, lines: 1)
        Panel.prefetchText(&box.description, lines: 4)
    }

    private static func prefetchText<T>(_ text: inout T, lines: Int32) {
        withUnsafeMutableBytes(of: &text) { raw in
            let object = raw.load(fromByteOffset: 8, as: UInt64.self)
            // Small strings (bit 61) hold their bytes inline; a wrong address is harmless to a prefetch.
            guard object & (1 << 61) == 0, let address = UnsafeRawPointer(bitPattern: UInt(object & 0x0FFF_FFFF_FFFF_FFFF) + 32) else { return }
            dais_prefetch(address, lines)
        }
    }

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

extension Panel {
    /// Calls `body` with each position of `range` in order, asking for the storage of the panel at
    /// the position 8 ahead and (unless `rosters` is false) for the roster and texts of the one 4
    /// ahead (`panel` gives the panel at a position, or nil where there is none). Panels lie spread
    /// over the heap in no relation to a sorted list's order: a loop reading each in turn would
    /// otherwise wait for memory at every panel once the store outgrows the cache.
    @inline(__always)
    static func forEachAhead(in range: Range<Int>, rosters: Bool = true, panel: (Int) -> Panel?, _ body: (Int) throws -> Void) rethrows {
        for i in range {
            if i + 8 < range.upperBound { panel(i + 8)?.prefetchStorage() }
            if rosters && i + 4 < range.upperBound, let ahead = panel(i + 4) {
                ahead.prefetchRoster()
                ahead.prefetchTexts()
            }
            try body(i)
        }
    }
}

extension Array where Element == Panel {
    /// `Panel.forEachAhead` over the array's positions.
    @inline(__always)
    func forEachAhead(in range: Range<Int>, rosters: Bool = true, _ body: (Int) throws -> Void) rethrows {
        try Panel.forEachAhead(in: range, rosters: rosters, panel: { self[$0] }, body)
    }
}
