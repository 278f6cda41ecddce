/// A time zone as a calendar file defines it in a VTIMEZONE (RFC 5545, 3.6.5): observances
/// (STANDARD, DAYLIGHT), each starting at a local time with an offset before and after, repeated by
/// an RRULE or RDATEs. Used for TZIDs that are not IANA ids ("New Zealand Standard Time", a custom
/// id): the file's own rules decide the instant of its times.
struct CalendarTimeZone: Sendable {
    /// When an observance begins: the UTC instant, and the offset (seconds east of UTC) from then.
    struct Transition: Sendable {
        let instant: Int64
        let offsetTo: Int
    }

    /// The TZID as written.
    let tzid: String
    /// In order of their instants.
    private(set) var transitions: [Transition] = []
    /// The offset before the first transition.
    private(set) var initialOffset = 0

    /// The years through which the rules are laid out at once; a time after them is placed from
    /// transitions laid out around it.
    static let laidOutThrough = 2100

    /// Why a VTIMEZONE cannot be used, with the line.
    struct Problem: Error {
        let line: Int
        let message: String
    }

    private struct Observance {
        let onset: LocalDateTime
        let offsetFrom: Int
        let offsetTo: Int
        let rules: [RecurrenceRule]
        let dates: [LocalDateTime]
        let line: Int
    }

    private var observances: [Observance] = []

    init(_ component: ICalendarParser.Component) throws(Problem) {
        tzid = component.first("TZID")?.text.trimmingSpaces ?? ""
        for part in component.components where part.name == "STANDARD" || part.name == "DAYLIGHT" {
            guard let start = part.first("DTSTART"), case .local(let onset)? = ICalendarParser.time(start.value) else {
                throw Problem(line: part.line, message: "\(part.name) of TZID \"\(tzid)\" has no local DTSTART")
            }
            guard let from = part.first("TZOFFSETFROM").flatMap({ CalendarTimeZone.offset($0.value) }),
                  let to = part.first("TZOFFSETTO").flatMap({ CalendarTimeZone.offset($0.value) }) else {
                throw Problem(line: part.line, message: "\(part.name) of TZID \"\(tzid)\" lacks a readable TZOFFSETFROM or TZOFFSETTO")
            }
            var rules: [RecurrenceRule] = []
            for property in part.all("RRULE") {
                do {
                    var rule = try RecurrenceRule(parsing: property.value)
                    // A UTC UNTIL is the instant of the last onset, which is local time less the offset before it.
                    if case .utc(let until)? = rule.until {
                        rule.until = .local(LocalDateTime(secondsSinceEpochAsUTC: until.secondsSinceEpoch + Int64(from)))
                    }
                    rules.append(rule)
                } catch {
                    throw Problem(line: property.line, message: error.message)
                }
            }
            var dates: [LocalDateTime] = []
            for property in part.all("RDATE") {
                for value in property.value.split(separator: ",") {
                    if case .local(let date)? = ICalendarParser.time(String(value)) { dates.append(date) }
                }
            }
            observances.append(Observance(onset: onset, offsetFrom: from, offsetTo: to, rules: rules, dates: dates, line: part.line))
        }
        guard !observances.isEmpty else {
            throw Problem(line: component.line, message: "VTIMEZONE \"\(tzid)\" has no STANDARD or DAYLIGHT part")
        }
        transitions = layOut(through: LocalDateTime(year: CalendarTimeZone.laidOutThrough, month: 12, day: 31, hour: 23, minute: 59)!,
                             from: nil)
        let first = observances.min { $0.onset < $1.onset }!
        initialOffset = first.offsetFrom
    }

    /// The observances' onsets as transitions, ordered, from `from` (nil: each observance's own
    /// start) through `through`, both local times.
    private func layOut(through: LocalDateTime, from: LocalDateTime?) -> [Transition] {
        var result: [Transition] = []
        for observance in observances {
            var onsets = [observance.onset] + observance.dates
            for rule in observance.rules {
                let expanded = rule.occurrences(start: observance.onset, zone: nil, through: through, limit: 20_000)
                onsets.append(contentsOf: expanded.starts)
            }
            for onset in onsets where onset <= through && (from.map { onset >= $0 } ?? true) {
                result.append(Transition(instant: onset.secondsSinceEpochAsUTC - Int64(observance.offsetFrom), offsetTo: observance.offsetTo))
            }
        }
        result.sort { $0.instant < $1.instant }
        return result
    }

    /// The offset in effect at a UTC instant (seconds since the epoch), by these transitions.
    private func offset(at instant: Int64, in transitions: [Transition]) -> Int {
        var low = 0, high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid].instant <= instant { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? initialOffset : transitions[low - 1].offsetTo
    }

    /// Where a wall-clock time falls by the file's rules: one instant, the first of two (clocks
    /// turned back), or nil (clocks jumped over it).
    func resolve(_ local: LocalDateTime) -> (instant: Instant, ambiguous: Bool)? {
        var table = transitions
        if local.date.year >= CalendarTimeZone.laidOutThrough {
            let year = local.date.year
            table = layOut(through: LocalDateTime(year: min(year + 1, 9999), month: 12, day: 31, hour: 23, minute: 59)!,
                           from: LocalDateTime(year: max(year - 1, 1), month: 1, day: 1, hour: 0, minute: 0)!)
            if table.isEmpty { table = transitions }
        }
        let l = local.secondsSinceEpochAsUTC
        var candidates = Set([initialOffset])
        for t in table where abs(t.instant - l) <= 3 * 86_400 { candidates.insert(t.offsetTo) }
        if candidates.count == 1 { candidates.insert(offset(at: l, in: table)) }
        var found: [Int64] = []
        for candidate in candidates {
            let u = l - Int64(candidate)
            if offset(at: u, in: table) == candidate { found.append(u) }
        }
        found.sort()
        guard let first = found.first else { return nil }
        return (Instant(secondsSinceEpoch: first), found.count > 1)
    }

    /// The offset at an instant, by the file's rules.
    func offset(at instant: Instant) -> Int {
        offset(at: instant.secondsSinceEpoch, in: transitions)
    }

    /// "+0530", "-0500", "+013045": seconds east of UTC, or nil.
    static func offset(_ text: String) -> Int? {
        let bytes = Array(text.trimmingSpaces.utf8)
        guard bytes.count == 5 || bytes.count == 7, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
              let h = Digits.number(bytes[1..<3]), let m = Digits.number(bytes[3..<5]), h < 24, m < 60 else { return nil }
        let s = bytes.count == 7 ? Digits.number(bytes[5..<7]) : 0
        guard let s, s < 60 else { return nil }
        let seconds = h * 3600 + m * 60 + s
        return bytes[0] == UInt8(ascii: "-") ? -seconds : seconds
    }
}
