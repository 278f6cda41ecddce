/// Finds the least-bad start for a panel whose roster lives in several zones: every start in a window,
/// a step apart, in the panel's zone, is scored by what it costs the people on the roster and the
/// audience (see `SlotCost`), after the hard constraints have ruled some out (a person's other panels
/// and unavailability, a start that does not exist). The answer is explainable line by line.
public struct SlotSearch: Sendable {
    /// Someone on the roster, as the search needs them.
    public struct Attendee: Sendable {
        public let id: PersonID
        public let name: String
        /// Nil: not scored (no home zone), and named as such.
        public let home: Zone?
        public let hours: WakingHours
        /// Their other panels, by start.
        public let busy: [(span: TimeSpan, title: String)]
        public let unavailable: [TimeSpan]
        /// How many of the series' other panels already fell outside their waking hours.
        public let burden: Int

        public init(id: PersonID, name: String, home: Zone?, hours: WakingHours, busy: [(span: TimeSpan, title: String)] = [],
                    unavailable: [TimeSpan] = [], burden: Int = 0) {
            self.id = id
            self.name = name
            self.home = home
            self.hours = hours
            self.busy = busy.sorted { $0.span.start < $1.span.start }
            self.unavailable = unavailable
            self.burden = burden
        }
    }

    /// What to search.
    public struct Request: Sendable {
        /// The zone the starts step through (the panel's).
        public var zone: Zone
        /// The first and last dates of the window, in `zone`.
        public var from: LocalDate
        public var to: LocalDate
        public var minutes: Int
        public var step: Int
        public var people: [Attendee]
        /// The audience's zones (the series'), scored against `audienceHours`.
        public var audience: [Zone]
        public var audienceHours: WakingHours
        public var stretchMinutes: Int
        public var changeoverMinutes: Int

        public init(zone: Zone, from: LocalDate, to: LocalDate, minutes: Int, step: Int = 15, people: [Attendee], audience: [Zone] = [],
                    audienceHours: WakingHours = Settings.defaultWakingHours, stretchMinutes: Int = Settings.defaultStretchMinutes,
                    changeoverMinutes: Int = Settings.defaultChangeoverMinutes) {
            self.zone = zone
            self.from = from
            self.to = to
            self.minutes = minutes
            self.step = step
            self.people = people
            self.audience = audience
            self.audienceHours = audienceHours
            self.stretchMinutes = stretchMinutes
            self.changeoverMinutes = changeoverMinutes
        }
    }

    /// A start and what it costs.
    public struct Suggestion: Sendable {
        public let span: TimeSpan
        /// The start in the request's zone.
        public let local: LocalDateTime
        public let cost: SlotCost
    }

    /// Why no start of a day could be taken: the hard constraint that ruled out most of its starts.
    public struct BlockedDay: Sendable {
        public let date: LocalDate
        public let reason: String
    }

    /// The search's answer.
    public struct Result: Sendable {
        /// The best starts, least cost first (then earliest).
        public let suggestions: [Suggestion]
        /// The days every start of which a hard constraint ruled out, with the commonest reason.
        public let blockedDays: [BlockedDay]
        /// Roster members without a home zone: not scored.
        public let unscored: [String]
        /// How many starts were scored.
        public let considered: Int

        /// True when the best start costs nothing.
        public var hasFreeSlot: Bool { suggestions.first.map { $0.cost.total == 0 } ?? false }
    }

    public let request: Request

    public init(_ request: Request) { self.request = request }

    /// The `top` least-bad starts of the window.
    public func ranked(top: Int = 5) -> Result {
        let r = request
        var scored: [Suggestion] = []
        var blocked: [BlockedDay] = []
        var considered = 0
        let step = max(1, r.step)
        var date = r.from
        while date <= r.to {
            var reasons: [String: Int] = [:]
            var anyFree = false
            var minute = 0
            while minute < 24 * 60 {
                defer { minute += step }
                let local = LocalDateTime(date: date, hour: minute / 60, minute: minute % 60)!
                let start: Instant
                switch r.zone.resolve(local) {
                case .unique(let instant): start = instant
                case .ambiguous(let first, _): start = first
                case .nonexistent:
                    reasons["clocks skip \(local.timeText) in \(r.zone.identifier)", default: 0] += 1
                    continue
                }
                let span = TimeSpan(start: start, end: start.adding(minutes: r.minutes))
                if let reason = blockingReason(span) {
                    reasons[reason, default: 0] += 1
                    continue
                }
                anyFree = true
                considered += 1
                scored.append(Suggestion(span: span, local: local, cost: SlotCost(span: span, request: r)))
            }
            if !anyFree, let commonest = reasons.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
                blocked.append(BlockedDay(date: date, reason: commonest.key))
            }
            date = date.adding(days: 1)
        }
        scored.sort { ($0.cost.total, $0.span.start) < ($1.cost.total, $1.span.start) }
        return Result(suggestions: Array(scored.prefix(top)), blockedDays: blocked,
                      unscored: r.people.filter { $0.home == nil }.map(\.name), considered: considered)
    }

    /// One start on the request's wall clock, as the planner shows it.
    public enum Evaluation: Sendable {
        /// The clocks skip this time in the request's zone.
        case nonexistent(String)
        /// A hard constraint rules it out (why, in words).
        case blocked(TimeSpan, String)
        case possible(Suggestion)
    }

    /// What a start costs, or why it cannot be taken.
    public func evaluate(_ local: LocalDateTime) -> Evaluation {
        let start: Instant
        switch request.zone.resolve(local) {
        case .unique(let instant): start = instant
        case .ambiguous(let first, _): start = first
        case .nonexistent: return .nonexistent("clocks skip \(local.timeText) in \(request.zone.identifier)")
        }
        let span = TimeSpan(start: start, end: start.adding(minutes: request.minutes))
        if let reason = blockingReason(span) { return .blocked(span, reason) }
        return .possible(Suggestion(span: span, local: local, cost: SlotCost(span: span, request: request)))
    }

    /// The hard constraint a span breaks, in words, or nil.
    func blockingReason(_ span: TimeSpan) -> String? {
        for person in request.people {
            if let other = SlotSearch.overlapping(person.busy, span) {
                return "\(person.name) is on '\(other.title)'"
            }
            if person.unavailable.contains(where: { $0.overlaps(span) }) { return "\(person.name) is unavailable" }
        }
        return nil
    }

    /// The first of a person's panels (sorted by start) that overlaps the span.
    static func overlapping(_ busy: [(span: TimeSpan, title: String)], _ span: TimeSpan) -> (span: TimeSpan, title: String)? {
        // The first panel starting at or after the span's end cannot overlap, nor any after it.
        var low = 0, high = busy.count
        while low < high {
            let mid = (low + high) / 2
            if busy[mid].span.start < span.end { low = mid + 1 } else { high = mid }
        }
        // Panels last at most 31 days: only those starting that long before the span can reach it.
        var i = low - 1
        let reach = span.start.adding(minutes: -Limits.maxDurationMinutes)
        while i >= 0, busy[i].span.start >= reach {
            if busy[i].span.overlaps(span) { return busy[i] }
            i -= 1
        }
        return nil
    }
}
