/// How serious a finding is.
public enum Severity: String, CaseIterable, Comparable, Hashable, Sendable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
}

/// The checks of the scheduling core, with their stable codes (the design's table).
public enum FindingCode: String, CaseIterable, Hashable, Sendable {
    case mergeClash = "merge-clash"
    case personDoubleBooked = "person-double-booked"
    case personTwiceInRoster = "person-twice-in-roster"
    case personUnavailable = "person-unavailable"
    case unknownReference = "unknown-reference"
    case invalidTime = "invalid-time"
    case speakerDeclined = "speaker-declined"
    case ambiguousTime = "ambiguous-time"
    case noModerator = "no-moderator"
    case noPanelists = "no-panelists"
    case speakerUnconfirmed = "speaker-unconfirmed"
    case outsideWakingHours = "outside-waking-hours"
    case shortChangeover = "short-changeover"
    case seriesOverlap = "series-overlap"
    case possibleDuplicatePerson = "possible-duplicate-person"
    case possibleDuplicateOrganization = "possible-duplicate-organization"

    public var severity: Severity {
        switch self {
        case .mergeClash, .personDoubleBooked, .personTwiceInRoster, .personUnavailable, .unknownReference, .invalidTime, .speakerDeclined: return .error
        default: return .warning
        }
    }

    /// Position in the design's table, for a stable order.
    var order: Int {
        switch self {
        case .mergeClash: return 0
        case .personDoubleBooked: return 1
        case .personTwiceInRoster: return 2
        case .personUnavailable: return 3
        case .unknownReference: return 4
        case .invalidTime: return 5
        case .speakerDeclined: return 6
        case .ambiguousTime: return 7
        case .noModerator: return 8
        case .noPanelists: return 9
        case .speakerUnconfirmed: return 10
        case .outsideWakingHours: return 11
        case .shortChangeover: return 12
        case .seriesOverlap: return 13
        case .possibleDuplicatePerson: return 14
        case .possibleDuplicateOrganization: return 15
        }
    }
}

/// One thing wrong with the schedule: a code, the records involved and a one-line message that names
/// them and shows the times in the zones that matter.
///
/// A finding is one reference to immutable storage, so that keeping and moving many of them is cheap;
/// the lists of records and the message text are made only when asked for, from the panels and people
/// as they were checked.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
    public let code: FindingCode
    private let storage: Storage

    private final class Storage: Sendable {
        let detail: FindingDetail
        /// The schedule's interned numbers of the finding's panels, for its per-panel counts.
        let panelIndexes: PanelIndexes

        init(detail: FindingDetail, panelIndexes: PanelIndexes) {
            self.detail = detail
            self.panelIndexes = panelIndexes
        }
    }

    /// The schedule's numbers of a finding's one or two panels, held in place (a finding is made for
    /// every problem of a whole-store check; an array here would be one more allocation each).
    struct PanelIndexes: Sendable {
        private let first: Int32, second: Int32

        static let none = PanelIndexes(first: -1, second: -1)

        private init(first: Int32, second: Int32) {
            self.first = first
            self.second = second
        }

        init(_ first: Int, _ second: Int? = nil) {
            self.init(first: Int32(first), second: second.map { Int32($0) } ?? -1)
        }

        /// Calls `body` with each number once, allocating nothing.
        func forEach(_ body: (Int) -> Void) {
            if first >= 0 { body(Int(first)) }
            if second >= 0 && second != first { body(Int(second)) }
        }
    }

    init(_ code: FindingCode, indexes: PanelIndexes = .none, _ detail: FindingDetail) {
        self.code = code
        storage = Storage(detail: detail, panelIndexes: indexes)
    }

    var panelIndexes: PanelIndexes { storage.panelIndexes }

    /// The panels involved, in start order where there are two.
    public var panels: [PanelID] { storage.detail.panels }
    public var people: [PersonID] { storage.detail.people }
    public var organizations: [OrganizationID] { storage.detail.organizations }
    /// The series involved (series-overlap, a series' unknown host).
    public var series: [SeriesID] { storage.detail.series }

    public var severity: Severity { code.severity }

    /// One line naming the people and panels, with the clashing times in the zones concerned.
    public var message: String { storage.detail.message }

    public var description: String { "\(severity.rawValue) \(code.rawValue): \(message)" }

    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.code == rhs.code && lhs.panels == rhs.panels && lhs.people == rhs.people
                && lhs.organizations == rhs.organizations && lhs.series == rhs.series && lhs.message == rhs.message)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(panels)
        hasher.combine(people)
    }

    /// Bytes that sort as `ordered` does: the code's rank (errors rank first), then the panel,
    /// person, organization and series ids, each id ended by 1 and each list by 0 (ids hold no bytes
    /// that low, so a shorter list sorts first, as a prefix does). Sorting many findings compares
    /// these instead of looking up every id's text at every comparison.
    var sortKey: [UInt8] {
        var key: [UInt8] = [UInt8(code.order)]
        func add<Kind>(_ ids: [Identifier<Kind>]) {
            for id in ids {
                key += id.rawValue.utf8
                key.append(1)
            }
            key.append(0)
        }
        add(panels)
        add(people)
        add(organizations)
        add(series)
        return key
    }

    /// Errors first, then the design's table order, then the ids involved.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        if a.code != b.code {
            if a.severity != b.severity { return a.severity < b.severity }
            return a.code.order < b.code.order
        }
        let (panelsA, panelsB) = (a.panels, b.panels)
        if panelsA != panelsB { return panelsA.lexicographicallyPrecedes(panelsB) }
        let (peopleA, peopleB) = (a.people, b.people)
        if peopleA != peopleB { return peopleA.lexicographicallyPrecedes(peopleB) }
        let (organizationsA, organizationsB) = (a.organizations, b.organizations)
        if organizationsA != organizationsB { return organizationsA.lexicographicallyPrecedes(organizationsB) }
        return a.series.lexicographicallyPrecedes(b.series)
    }
}
