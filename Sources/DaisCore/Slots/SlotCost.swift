/// What a slot costs, line by line: for each roster member with a home zone, the minutes it falls
/// outside their waking hours (within the stretch, or at night, which costs much more) and a
/// changeover to their other panels shorter than the store's; for each audience zone, the minutes
/// outside the audience's waking hours (at half weight). A person whom the series' other panels
/// already put outside their waking hours weighs more the next time (times one plus that count), so
/// the burden rotates.
public struct SlotCost: Sendable {
    /// Points a minute: in the stretch, at night, and for each minute a changeover is short of the store's.
    public static let stretchPoints = 1, nightPoints = 10, changeoverPoints = 2

    /// One person's or one audience zone's part of the cost.
    public struct Line: Sendable {
        /// The person's name, or "audience (Australia/Sydney)".
        public let subject: String
        /// The person (nil for an audience zone).
        public let person: PersonID?
        public let zone: Zone?
        /// The slot in `zone`'s wall clock.
        public let localStart: LocalDateTime?
        public let localEnd: LocalDateTime?
        public let minutesBefore: Int, minutesAfter: Int, nightMinutes: Int
        /// How many minutes the changeover to the person's nearest other panel is short of the store's.
        public let changeoverShort: Int
        /// 1 plus the person's burden in this series (1 for the audience, which counts at half).
        public let weight: Int
        public let points: Int
        /// "60 min before waking hours (stretch)", "fine", "not scored: no home zone".
        public let explanation: String
    }

    public let lines: [Line]

    public var total: Int { lines.reduce(0) { $0 + $1.points } }

    init(span: TimeSpan, request r: SlotSearch.Request) {
        var lines: [Line] = []
        for person in r.people {
            guard let home = person.home else {
                lines.append(Line(subject: person.name, person: person.id, zone: nil, localStart: nil, localEnd: nil, minutesBefore: 0, minutesAfter: 0, nightMinutes: 0,
                                  changeoverShort: 0, weight: 1, points: 0, explanation: "not scored: no home zone"))
                continue
            }
            let (before, after, night) = SlotCost.outside(span, in: home, hours: person.hours, stretch: r.stretchMinutes)
            let short = SlotCost.changeoverShortfall(span, person.busy, changeover: r.changeoverMinutes)
            let weight = 1 + person.burden
            let points = weight * ((before + after) * SlotCost.stretchPoints + night * SlotCost.nightPoints) + short * SlotCost.changeoverPoints
            lines.append(Line(subject: person.name, person: person.id, zone: home, localStart: home.local(at: span.start), localEnd: home.local(at: span.end),
                              minutesBefore: before, minutesAfter: after, nightMinutes: night, changeoverShort: short, weight: weight, points: points,
                              explanation: SlotCost.explain(before: before, after: after, night: night, short: short, burden: person.burden)))
        }
        for zone in r.audience {
            let (before, after, night) = SlotCost.outside(span, in: zone, hours: r.audienceHours, stretch: r.stretchMinutes)
            let points = ((before + after) * SlotCost.stretchPoints + night * SlotCost.nightPoints) / 2
            lines.append(Line(subject: "audience (\(zone.identifier))", person: nil, zone: zone, localStart: zone.local(at: span.start), localEnd: zone.local(at: span.end),
                              minutesBefore: before, minutesAfter: after, nightMinutes: night, changeoverShort: 0, weight: 1, points: points,
                              explanation: SlotCost.explain(before: before, after: after, night: night, short: 0, burden: 0)))
        }
        self.lines = lines
    }

    /// Where a minute of the day falls for a person: in their waking hours, in the stretch before or
    /// after them, or at night.
    public enum Part: Sendable { case waking, stretch, night }

    /// The part of the day `minute` (since midnight) is in.
    public static func part(of minute: Int, hours: WakingHours, stretch: Int) -> Part {
        if minute >= hours.start && minute < hours.end { return .waking }
        let day = 24 * 60
        let untilStart = minute < hours.start ? hours.start - minute : hours.start + day - minute
        let sinceEnd = minute >= hours.end ? minute - hours.end + 1 : minute + day - hours.end + 1
        return min(untilStart, sinceEnd) > stretch ? .night : .stretch
    }

    /// The minutes of the span outside waking hours in a zone: before them and after them within
    /// the stretch, and beyond the stretch (night), each minute read on the zone's wall clock (when
    /// the clocks change inside the span, minute by minute).
    static func outside(_ span: TimeSpan, in zone: Zone, hours: WakingHours, stretch: Int) -> (before: Int, after: Int, night: Int) {
        let first = zone.local(at: span.start).minuteOfDay
        let steady = zone.offset(at: span.start) == zone.offset(at: span.end)
        let day = 24 * 60
        var before = 0, after = 0, night = 0
        for k in 0..<max(0, span.minutes) {
            let t = steady ? (first + k) % day : zone.local(at: span.start.adding(minutes: k)).minuteOfDay
            if t >= hours.start && t < hours.end { continue }
            // Minutes until waking hours begin, and since they ended (across midnight too).
            let untilStart = t < hours.start ? hours.start - t : hours.start + day - t
            let sinceEnd = t >= hours.end ? t - hours.end + 1 : t + day - hours.end + 1
            if min(untilStart, sinceEnd) > stretch {
                night += 1
            } else if untilStart <= sinceEnd {
                before += 1
            } else {
                after += 1
            }
        }
        return (before, after, night)
    }

    /// How many minutes short of `changeover` the gap is between the span and the nearest of the
    /// person's panels before or after it (0 when none is that close).
    static func changeoverShortfall(_ span: TimeSpan, _ busy: [(span: TimeSpan, title: String)], changeover: Int) -> Int {
        var short = 0
        for other in busy where !other.span.overlaps(span) {
            let gap = other.span.end <= span.start ? other.span.end.minutes(until: span.start) : span.end.minutes(until: other.span.start)
            if gap < changeover { short = max(short, changeover - gap) }
        }
        return short
    }

    static func explain(before: Int, after: Int, night: Int, short: Int, burden: Int) -> String {
        var parts: [String] = []
        if before > 0 { parts.append("\(before) min before waking hours") }
        if after > 0 { parts.append("\(after) min after waking hours") }
        if night > 0 { parts.append("\(night) min at night") }
        if short > 0 { parts.append("changeover \(short) min short") }
        if parts.isEmpty { return "fine" }
        if burden > 0 && (before + after + night) > 0 {
            parts.append("weighs \(1 + burden)x: outside waking hours at \(burden) other panel\(burden == 1 ? "" : "s") of the series")
        }
        return parts.joined(separator: ", ")
    }
}
