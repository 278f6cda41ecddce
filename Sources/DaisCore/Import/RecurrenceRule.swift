/// An RRULE value (RFC 5545 section 3.3.10, RECUR; the RRULE property is section 3.8.5.3): how an
/// event repeats, as in "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10".
///
/// `init(parsing:)` reads the text and refuses what Dais cannot honour; `occurrences(start:zone:through:limit:)`
/// lists the starts. Panels are to the minute: FREQ=SECONDLY is refused, and BYSECOND only as 0.
///
/// Where RFC 5545 marks a part "N/A" for a frequency (BYWEEKNO other than YEARLY, BYYEARDAY with
/// DAILY, WEEKLY or MONTHLY, BYMONTHDAY with WEEKLY) or forbids a combination (COUNT with UNTIL, a
/// numbered BYDAY outside MONTHLY and YEARLY, BYSETPOS alone), the rule is read as dateutil and
/// recurring_ical_events read it, the references the importer is compared with: the part limits
/// the occurrences, both bounds apply, the number is ignored. Where dateutil 2.9 is plainly wrong,
/// RFC 5545 is followed instead: BYDAY=MO,1TU means every Monday and the first Tuesday (dateutil
/// finds nothing), BYSETPOS in a WEEKLY rule picks from the whole week DTSTART falls in (dateutil
/// from DTSTART on), and BYWEEKNO numbers weeks as ISO 8601 does, from WKST (dateutil misnumbers
/// the days of January in the previous year's last week, and misses week -53 in December).
public struct RecurrenceRule: Hashable, Sendable, CustomStringConvertible {
    public enum Frequency: String, Sendable, CaseIterable {
        case secondly = "SECONDLY", minutely = "MINUTELY", hourly = "HOURLY", daily = "DAILY"
        case weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY"
    }

    /// One BYDAY entry: a weekday, every one in the period ("TU") or a numbered one ("1MO", "-1FR").
    public struct WeekdayNum: Hashable, Sendable, CustomStringConvertible {
        /// 1 to 53 counts from the start of the month or year, -1 to -53 from its end; nil: every such weekday.
        public var ordinal: Int?
        /// 0 = Monday ... 6 = Sunday.
        public var weekday: Int

        public init(ordinal: Int? = nil, weekday: Int) {
            self.ordinal = ordinal
            self.weekday = weekday
        }

        /// "TU", "1MO", "-1FR".
        public var description: String {
            let name = (0...6).contains(weekday) ? RecurrenceRule.weekdayNames[weekday] : "?\(weekday)"
            return ordinal.map { "\($0)\(name)" } ?? name
        }
    }

    /// Why an RRULE value cannot be used, in words for the person importing the file.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public let message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    public var frequency: Frequency
    /// 1 or more: every `interval`-th day, week, month, ...
    public var interval: Int
    /// How many occurrences the rule makes (see `occurrences` for DTSTART's part in it).
    public var count: Int?
    /// The last moment an occurrence may start, inclusive (see `occurrences` for how it is compared).
    public var until: ICalendarParser.TimeValue?
    /// Only 0 (or none): panels are to the minute.
    public var bySecond: [Int]
    public var byMinute: [Int]
    public var byHour: [Int]
    public var byDay: [WeekdayNum]
    public var byMonthDay: [Int]
    public var byYearDay: [Int]
    public var byWeekNo: [Int]
    public var byMonth: [Int]
    public var bySetPos: [Int]
    /// The first day of the week (WKST), 0 = Monday (the default) ... 6 = Sunday.
    public var weekStart: Int

    public init(frequency: Frequency, interval: Int = 1, count: Int? = nil, until: ICalendarParser.TimeValue? = nil,
                bySecond: [Int] = [], byMinute: [Int] = [], byHour: [Int] = [], byDay: [WeekdayNum] = [],
                byMonthDay: [Int] = [], byYearDay: [Int] = [], byWeekNo: [Int] = [], byMonth: [Int] = [],
                bySetPos: [Int] = [], weekStart: Int = 0) {
        self.frequency = frequency
        self.interval = interval
        self.count = count
        self.until = until
        self.bySecond = bySecond
        self.byMinute = byMinute
        self.byHour = byHour
        self.byDay = byDay
        self.byMonthDay = byMonthDay
        self.byYearDay = byYearDay
        self.byWeekNo = byWeekNo
        self.byMonth = byMonth
        self.bySetPos = bySetPos
        self.weekStart = weekStart
    }

    static let weekdayNames = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    private static let partNames: Set<String> = [
        "FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY",
        "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST",
    ]

    /// Parses "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10" (names and values in any case, a leading "RRULE:"
    /// and empty parts tolerated, X- parts ignored). Throws a `Problem` for a missing FREQ, an
    /// unknown or repeated part, a value out of its RFC 5545 range, FREQ=SECONDLY, and BYSECOND
    /// other than 0.
    public init(parsing value: String) throws(Problem) {
        var text = Substring(value.trimmingSpaces)
        if text.count >= 6, text.prefix(6).uppercased() == "RRULE:" { text = text.dropFirst(6) }
        var rule = RecurrenceRule(frequency: .daily)
        var frequency: Frequency?
        var seen: Set<String> = []
        for rawPart in text.split(separator: ";") {
            let part = rawPart.trimmingSpaces
            if part.isEmpty { continue }
            guard let equals = part.firstIndex(of: "=") else {
                throw Problem("RRULE: \"\(Self.clip(part))\" is not a NAME=VALUE part")
            }
            let name = part[..<equals].trimmingSpaces.uppercased()
            let raw = part[part.index(after: equals)...].trimmingSpaces  // as written, for messages
            let value = raw.uppercased()
            if name.hasPrefix("X-") { continue }
            guard Self.partNames.contains(name) else { throw Problem("RRULE: unknown part \(Self.clip(part))") }
            guard seen.insert(name).inserted else { throw Problem("RRULE: \(name) is given twice") }
            switch name {
            case "FREQ":
                guard let f = Frequency(rawValue: value) else {
                    throw Problem("RRULE: FREQ=\(Self.clip(raw)) is not a frequency (MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY)")
                }
                guard f != .secondly else { throw Problem("RRULE: FREQ=SECONDLY is not supported: panels are to the minute") }
                frequency = f
            case "INTERVAL": rule.interval = try Self.positive(name, raw)
            case "COUNT": rule.count = try Self.positive(name, raw)
            case "UNTIL":
                guard let until = ICalendarParser.time(value) else {
                    throw Problem("RRULE: UNTIL=\(Self.clip(raw)) is not a date (YYYYMMDD) or a date and time (YYYYMMDDTHHMMSS, with Z for UTC)")
                }
                rule.until = until
            case "BYSECOND":
                rule.bySecond = try Self.numbers(name, raw, 0...60, "0-60")
                if let other = rule.bySecond.first(where: { $0 != 0 }) {
                    throw Problem("RRULE: BYSECOND=\(other) is not supported: panels are to the minute")
                }
            case "BYMINUTE": rule.byMinute = try Self.numbers(name, raw, 0...59, "0-59")
            case "BYHOUR": rule.byHour = try Self.numbers(name, raw, 0...23, "0-23")
            case "BYDAY": rule.byDay = try Self.weekdays(raw)
            case "BYMONTHDAY": rule.byMonthDay = try Self.numbers(name, raw, -31...31, "1-31 or -31 to -1", signed: true)
            case "BYYEARDAY": rule.byYearDay = try Self.numbers(name, raw, -366...366, "1-366 or -366 to -1", signed: true)
            case "BYWEEKNO": rule.byWeekNo = try Self.numbers(name, raw, -53...53, "1-53 or -53 to -1", signed: true)
            case "BYMONTH": rule.byMonth = try Self.numbers(name, raw, 1...12, "1-12")
            case "BYSETPOS": rule.bySetPos = try Self.numbers(name, raw, -366...366, "1-366 or -366 to -1", signed: true)
            default: // WKST
                guard let day = Self.weekdayNames.firstIndex(of: value) else {
                    throw Problem("RRULE: WKST=\(Self.clip(raw)) is not a weekday (MO, TU, WE, TH, FR, SA or SU)")
                }
                rule.weekStart = day
            }
        }
        guard let frequency else { throw Problem("RRULE: FREQ is missing") }
        rule.frequency = frequency
        self = rule
    }

    /// The rule as RRULE text: "FREQ=WEEKLY;COUNT=10;BYDAY=TU,TH".
    public var description: String {
        var parts = ["FREQ=\(frequency.rawValue)"]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if let count { parts.append("COUNT=\(count)") }
        switch until {
        case .date(let d)?: parts.append("UNTIL=" + d.description.filter { $0 != "-" })
        case .local(let l)?: parts.append("UNTIL=" + l.date.description.filter { $0 != "-" } + "T" + Digits.two(l.hour) + Digits.two(l.minute) + "00")
        case .utc(let i)?: parts.append("UNTIL=" + i.icalUTC)
        case nil: break
        }
        func list(_ name: String, _ values: [Int]) { if !values.isEmpty { parts.append(name + "=" + values.map(String.init).joined(separator: ",")) } }
        list("BYSECOND", bySecond)
        list("BYMINUTE", byMinute)
        list("BYHOUR", byHour)
        if !byDay.isEmpty { parts.append("BYDAY=" + byDay.map(\.description).joined(separator: ",")) }
        list("BYMONTHDAY", byMonthDay)
        list("BYYEARDAY", byYearDay)
        list("BYWEEKNO", byWeekNo)
        list("BYMONTH", byMonth)
        list("BYSETPOS", bySetPos)
        if weekStart != 0, (0...6).contains(weekStart) { parts.append("WKST=" + Self.weekdayNames[weekStart]) }
        return parts.joined(separator: ";")
    }

    // MARK: Reading values

    private static func clip(_ text: some StringProtocol) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : String(text)
    }

    /// INTERVAL and COUNT: digits, 1 or more.
    private static func positive(_ name: String, _ value: String) throws(Problem) -> Int {
        guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw Problem("RRULE: \(name)=\(clip(value)) is not a whole number of 1 or more")
        }
        guard let number = Int(value) else { throw Problem("RRULE: \(name)=\(clip(value)) is too large") }
        guard number >= 1 else { throw Problem("RRULE: \(name)=\(value) is not a whole number of 1 or more") }
        return number
    }

    /// A comma-separated list of numbers in `range` (0 excluded when `signed`).
    private static func numbers(_ name: String, _ value: String, _ range: ClosedRange<Int>, _ rangeText: String,
                                signed: Bool = false) throws(Problem) -> [Int] {
        guard !value.isEmpty else { throw Problem("RRULE: \(name) has no value") }
        var result: [Int] = []
        for entry in value.split(separator: ",", omittingEmptySubsequences: false) {
            let entry = entry.trimmingSpaces
            guard !entry.isEmpty else { throw Problem("RRULE: \(name)=\(clip(value)) has an empty entry") }
            guard let number = Int(entry) else { throw Problem("RRULE: \(name)=\(clip(entry)) is not a number") }
            guard range.contains(number), !(signed && number == 0) else {
                throw Problem("RRULE: \(name)=\(clip(entry)) is out of range \(rangeText)")
            }
            result.append(number)
        }
        return result
    }

    private static func weekdays(_ value: String) throws(Problem) -> [WeekdayNum] {
        guard !value.isEmpty else { throw Problem("RRULE: BYDAY has no value") }
        var result: [WeekdayNum] = []
        for entry in value.split(separator: ",", omittingEmptySubsequences: false) {
            let entry = entry.trimmingSpaces
            guard !entry.isEmpty else { throw Problem("RRULE: BYDAY=\(clip(value)) has an empty entry") }
            let notWeekday = Problem("RRULE: BYDAY=\(clip(entry)) is not a weekday (MO, TU, WE, TH, FR, SA or SU, numbered as in 1MO or -1FR)")
            guard entry.count >= 2, let day = weekdayNames.firstIndex(of: entry.suffix(2).uppercased()) else { throw notWeekday }
            let number = entry.dropLast(2)
            if number.isEmpty {
                result.append(WeekdayNum(weekday: day))
                continue
            }
            guard let ordinal = Int(number) else { throw notWeekday }
            guard (-53...53).contains(ordinal), ordinal != 0 else {
                throw Problem("RRULE: BYDAY=\(clip(entry)): the number is out of range 1-53 or -53 to -1")
            }
            result.append(WeekdayNum(ordinal: ordinal, weekday: day))
        }
        return result
    }
}

// MARK: - Occurrences

extension RecurrenceRule {
    /// The starts of a recurring event, and whether `limit` stopped the list.
    public struct Occurrences: Hashable, Sendable {
        /// Wall-clock starts in DTSTART's zone, in order, DTSTART first.
        public var starts: [LocalDateTime]
        /// True when `limit` cut the list: more occurrences follow before COUNT, UNTIL or `through` end it.
        public var isCut: Bool

        public init(starts: [LocalDateTime], isCut: Bool) {
            self.starts = starts
            self.isCut = isCut
        }
    }

    /// The occurrence starts from `start` (DTSTART) through `through` (inclusive), at most `limit` of them.
    /// `zone` is DTSTART's zone, nil for floating times (for a UTC DTSTART, `Zone.utc` and its UTC
    /// wall clock).
    ///
    /// Occurrences are wall-clock times in DTSTART's zone: a daily 02:30 is listed on the day clocks
    /// skip it, and HOURLY and MINUTELY step the wall clock. Whether a time exists in the zone is the
    /// caller's question (`Zone.resolve`).
    ///
    /// DTSTART is always the first occurrence, whether or not it matches the rule, unless it falls
    /// after UNTIL (then there are none), as recurring_ical_events has it. COUNT counts the rule's
    /// own occurrences: DTSTART is one of them when it matches, and comes on top of them when it
    /// does not (RFC 5545 would count it in; recurring_ical_events, which the importer is compared
    /// with, does not).
    ///
    /// UNTIL is inclusive and read as recurring_ical_events reads it. With a `zone`, a UTC UNTIL
    /// is compared with each occurrence's instant (the earlier one in a fold; in a gap, the time
    /// read with the offset before the jump); a local UNTIL (against RFC 5545, which asks for UTC
    /// there) is read as UTC, and a DATE as midnight UTC at its start. Without a zone (floating
    /// times) UNTIL is compared on the wall clock: a UTC one by its digits, a DATE as midnight at
    /// its start. So "UNTIL=20240105" leaves out the occurrences of January 5 itself.
    ///
    /// The work is bounded whatever the rule: periods are visited in order and only those with a
    /// matching day, none after `through` or year 9999; INTERVAL and COUNT may be as large as `Int`
    /// goes. FREQ=SECONDLY (which `init(parsing:)` refuses) gives DTSTART alone. Values
    /// `init(parsing:)` would refuse, set directly, are read leniently: an interval below 1 as 1, a
    /// BYxxx value out of range as matching nothing.
    public func occurrences(start: LocalDateTime, zone: Zone?, through: LocalDateTime, limit: Int) -> Occurrences {
        var expansion = RecurrenceExpansion(rule: self, start: start, zone: zone, through: through, limit: max(0, limit))
        return expansion.run()
    }
}

/// How UNTIL is compared with an occurrence, in minutes since 1970-01-01T00:00 on the wall clock.
private enum UntilBound {
    /// The last wall-clock minute allowed.
    case wallClock(Int)
    /// The last instant allowed (seconds since the epoch), the zone, and the instant's wall-clock minute there.
    case instant(Int64, Zone, wallClock: Int)

    init(_ until: ICalendarParser.TimeValue, zone: Zone?) {
        guard let zone else {
            switch until {
            case .utc(let i): self = .wallClock(RecurrenceExpansion.floorDiv(Int(i.secondsSinceEpoch), 60))
            case .local(let l): self = .wallClock(Int(l.secondsSinceEpochAsUTC / 60))
            case .date(let d): self = .wallClock(d.daysSinceEpoch * 1440)
            }
            return
        }
        let seconds: Int64
        switch until {
        case .utc(let i): seconds = i.secondsSinceEpoch
        case .local(let l): seconds = l.secondsSinceEpochAsUTC
        case .date(let d): seconds = Int64(d.daysSinceEpoch) * 86_400
        }
        let wall = zone.local(at: Instant(secondsSinceEpoch: seconds))
        self = .instant(seconds, zone, wallClock: Int(wall.secondsSinceEpochAsUTC / 60))
    }

    func allows(_ minute: Int) -> Bool {
        switch self {
        case .wallClock(let last):
            return minute <= last
        case .instant(let seconds, let zone, let wall):
            // Offsets are under a day: two days away, the wall clock decides.
            if minute < wall - 2880 { return true }
            if minute > wall + 2880 { return false }
            let local = LocalDateTime(secondsSinceEpochAsUTC: Int64(minute) * 60)
            let instant: Int64
            switch zone.resolve(local) {
            case .unique(let i), .ambiguous(let i, _): instant = i.secondsSinceEpoch
            case .nonexistent(let gap): instant = local.secondsSinceEpochAsUTC - Int64(gap.transition.offsetBefore)
            }
            return instant <= seconds
        }
    }
}

/// One run of `RecurrenceRule.occurrences`: the rule with its defaults filled in from DTSTART,
/// checked values as tables, and the list being made.
///
/// Days are counted from 1970-01-01 and minutes from its midnight, on the wall clock. The days
/// of a year that pass the rule's day parts (BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY, BYDAY) are
/// worked out once per year. A WEEKLY, MONTHLY or YEARLY period takes its days from them, times
/// of day are added, and BYSETPOS picks among them; DAILY, HOURLY and MINUTELY periods are
/// stepped by arithmetic, skipping those on days or at times the rule leaves out. Either way the
/// next period looked at is one with a matching day, so rules that match rarely or never cost
/// little.
private struct RecurrenceExpansion {
    let frequency: RecurrenceRule.Frequency
    let interval: Int
    let count: Int?
    let weekStart: Int
    let until: UntilBound?
    let startMinute: Int
    let startDay: Int
    let throughMinute: Int
    let throughDay: Int
    let limit: Int

    // Day parts, as tables (nil: the part is absent).
    /// Index 1-12.
    let months: [Bool]?
    /// Index n + 53.
    let weekNumbers: [Bool]?
    /// Index n + 366.
    let yearDays: [Bool]?
    /// Index n + 31.
    let monthDays: [Bool]?
    /// Plain BYDAY weekdays (and, outside MONTHLY and YEARLY, numbered ones).
    let weekdays: [Bool]
    /// Numbered BYDAY entries for MONTHLY and YEARLY.
    let numbered: [(ordinal: Int, weekday: Int)]
    let hasWeekdayPart: Bool
    /// YEARLY without BYMONTH numbers weekdays within the year; otherwise within the month.
    let numberedWithinYear: Bool
    /// The valid values of BYYEARDAY, BYMONTHDAY and BYWEEKNO, to make a year's candidate days from.
    let yearDayList: [Int]?
    let monthDayList: [Int]?
    let weekNumberList: [Int]?
    /// True when a part has no valid value at all: nothing matches.
    let matchesNothing: Bool

    /// DAILY and longer: the times of day (minutes since midnight), in order.
    let times: [Int]
    /// Which periods of a day may be listed (DAILY: the one; HOURLY: the hours BYHOUR allows;
    /// MINUTELY: the minutes BYHOUR and BYMINUTE allow), and the minutes after a period's start
    /// that it yields (DAILY: the times; HOURLY: BYMINUTE; MINUTELY: 0).
    let allowedUnits: [Bool]
    let allowedUnitList: [Int]
    let unitOffsets: [Int]
    /// BYSETPOS values, deduplicated.
    let setPositions: [Int]

    var results: [LocalDateTime] = []
    var isCut = false
    var ruleCount = 0
    /// Matching days of recent years, as day-of-year indices from 0.
    var yearCache: [Int: [Int]] = [:]
    /// The year `nextMatchingDay` looked in last: its first day, the next year's, and its matching days.
    var current: (year: Int, jan1: Int, end: Int, days: [Int]) = (0, 0, 0, [])

    static let maxDay = dayNumber(year: 9999, month: 12, day: 31)

    init(rule: RecurrenceRule, start: LocalDateTime, zone: Zone?, through: LocalDateTime, limit: Int) {
        frequency = rule.frequency
        interval = max(1, rule.interval)
        count = rule.count
        weekStart = ((rule.weekStart % 7) + 7) % 7
        until = rule.until.map { UntilBound($0, zone: zone) }
        startDay = start.date.daysSinceEpoch
        startMinute = startDay * 1440 + start.minuteOfDay
        throughDay = through.date.daysSinceEpoch
        throughMinute = throughDay * 1440 + through.minuteOfDay
        self.limit = limit

        func valid(_ values: [Int], _ range: ClosedRange<Int>, signed: Bool = false) -> [Int]? {
            guard !values.isEmpty else { return nil }
            return Array(Set(values.filter { range.contains($0) && !(signed && $0 == 0) })).sorted()
        }
        func table(_ values: [Int]?, offset: Int, size: Int) -> [Bool]? {
            guard let values else { return nil }
            var t = [Bool](repeating: false, count: size)
            for v in values { t[v + offset] = true }
            return t
        }
        var monthList = valid(rule.byMonth, 1...12)
        var monthDayList = valid(rule.byMonthDay, -31...31, signed: true)
        let yearDayList = valid(rule.byYearDay, -366...366, signed: true)
        let weekNumberList = valid(rule.byWeekNo, -53...53, signed: true)
        let days = rule.byDay.filter { (0...6).contains($0.weekday) }
        var weekdays = [Bool](repeating: false, count: 7)
        var numbered: [(ordinal: Int, weekday: Int)] = []
        var dayPartGiven = !rule.byDay.isEmpty
        for day in days {
            if let n = day.ordinal, frequency == .monthly || frequency == .yearly {
                if (-53...53).contains(n), n != 0, !numbered.contains(where: { $0.ordinal == n && $0.weekday == day.weekday }) {
                    numbered.append((n, day.weekday))
                }
            } else {
                weekdays[day.weekday] = true
            }
        }
        // RFC 5545's implied parts: without any day part, the day is DTSTART's.
        if rule.byWeekNo.isEmpty && rule.byYearDay.isEmpty && rule.byMonthDay.isEmpty && rule.byDay.isEmpty {
            switch frequency {
            case .yearly:
                if monthList == nil { monthList = [start.date.month] }
                monthDayList = [start.date.day]
            case .monthly:
                monthDayList = [start.date.day]
            case .weekly:
                weekdays[start.date.weekdayIndex] = true
                dayPartGiven = true
            default: break
            }
        }
        months = table(monthList, offset: 0, size: 13)
        weekNumbers = table(weekNumberList, offset: 53, size: 107)
        yearDays = table(yearDayList, offset: 366, size: 733)
        monthDays = table(monthDayList, offset: 31, size: 63)
        self.weekdays = weekdays
        self.numbered = numbered
        hasWeekdayPart = dayPartGiven
        numberedWithinYear = frequency == .yearly && monthList == nil
        self.yearDayList = yearDayList
        self.monthDayList = monthDayList
        self.weekNumberList = weekNumberList
        matchesNothing = monthList?.isEmpty == true || monthDayList?.isEmpty == true || yearDayList?.isEmpty == true
            || weekNumberList?.isEmpty == true || (dayPartGiven && numbered.isEmpty && !weekdays.contains(true))

        let hours = rule.byHour.isEmpty ? [start.hour] : Array(Set(rule.byHour.filter { (0...23).contains($0) })).sorted()
        let minutes = rule.byMinute.isEmpty ? [start.minute] : Array(Set(rule.byMinute.filter { (0...59).contains($0) })).sorted()
        switch frequency {
        case .hourly:
            var allowed = [Bool](repeating: rule.byHour.isEmpty, count: 24)
            if !rule.byHour.isEmpty { for h in hours { allowed[h] = true } }
            allowedUnits = allowed
            unitOffsets = minutes
            times = []
        case .minutely:
            var allowed = [Bool](repeating: false, count: 1440)
            let hourOK = Set(rule.byHour.isEmpty ? Array(0...23) : hours)
            let minuteOK = Set(rule.byMinute.isEmpty ? Array(0...59) : minutes)
            for m in 0..<1440 where hourOK.contains(m / 60) && minuteOK.contains(m % 60) { allowed[m] = true }
            allowedUnits = allowed
            unitOffsets = [0]
            times = []
        default:
            times = hours.flatMap { h in minutes.map { h * 60 + $0 } }
            allowedUnits = [true]  // DAILY: a period is the whole day
            unitOffsets = times
        }
        let units = allowedUnits
        allowedUnitList = units.indices.filter { units[$0] }
        setPositions = Array(Set(rule.bySetPos.filter { (-366...366).contains($0) && $0 != 0 })).sorted()
    }

    mutating func run() -> RecurrenceRule.Occurrences {
        guard startMinute <= throughMinute, until.map({ $0.allows(startMinute) }) ?? true else {
            return RecurrenceRule.Occurrences(starts: [], isCut: false)
        }
        if append(startMinute), !matchesNothing, !allowedUnitList.isEmpty, !unitOffsets.isEmpty {
            switch frequency {
            case .secondly: break
            case .minutely, .hourly, .daily: expandByArithmetic()
            case .weekly, .monthly, .yearly: expandByPeriods()
            }
        }
        return RecurrenceRule.Occurrences(starts: results, isCut: isCut)
    }

    // MARK: Output

    /// Adds an occurrence of the rule, in order; false when the list is complete.
    mutating func emit(_ minute: Int) -> Bool {
        if minute < startMinute { return true }
        if let until, !until.allows(minute) { return false }
        ruleCount += 1
        if let count, ruleCount > count { return false }
        if minute > throughMinute { return false }
        if minute == startMinute { return true }  // DTSTART, listed already
        return append(minute)
    }

    mutating func append(_ minute: Int) -> Bool {
        guard results.count < limit else {
            isCut = true
            return false
        }
        results.append(LocalDateTime(secondsSinceEpochAsUTC: Int64(minute) * 60))
        return true
    }

    /// Emits a period's set (`size` members, the i-th at `member(i)`), all or those BYSETPOS picks.
    mutating func emitSet(size: Int, _ member: (Int) -> Int) -> Bool {
        guard size > 0 else { return true }
        if setPositions.isEmpty {
            for i in 0..<size {
                if !emit(member(i)) { return false }
            }
            return true
        }
        var picks: [Int] = []
        for position in setPositions {
            let i = position > 0 ? position - 1 : size + position
            if i >= 0 && i < size { picks.append(i) }
        }
        picks.sort()
        var previous = -1
        for i in picks where i != previous {
            previous = i
            if !emit(member(i)) { return false }
        }
        return true
    }

    // MARK: DAILY, WEEKLY, MONTHLY, YEARLY

    mutating func expandByPeriods() {
        let first = periodIndex(ofDay: startDay)
        // The last day whose matching days can matter: the end of the period holding `through`
        // (BYSETPOS counts from the end of a period).
        let searchEnd = min(lastDay(ofPeriod: periodIndex(ofDay: throughDay)) ?? Self.maxDay, Self.maxDay)
        var period = first
        while true {
            guard let periodStart = firstDay(ofPeriod: period), periodStart <= throughDay,
                  let periodEnd = lastDay(ofPeriod: period) else { return }
            let days = matchingDays(from: periodStart, through: min(periodEnd, searchEnd))
            let times = self.times
            if !days.isEmpty, !emitSet(size: days.count * times.count, { days[$0 / times.count] * 1440 + times[$0 % times.count] }) {
                return
            }
            // On to the next period of the rule's step that has a matching day.
            guard case (let next, false) = period.addingReportingOverflow(interval),
                  let nextStart = firstDay(ofPeriod: next), nextStart <= throughDay,
                  let day = nextMatchingDay(from: nextStart, through: searchEnd),
                  let stepped = Self.step(from: first, by: interval, atOrAfter: periodIndex(ofDay: day))
            else { return }
            period = stepped
        }
    }

    /// The period (year, month, week or day, numbered on a scale of its own) a day falls in.
    func periodIndex(ofDay day: Int) -> Int {
        switch frequency {
        case .yearly: return LocalDate(daysSinceEpoch: day).year
        case .monthly:
            let date = LocalDate(daysSinceEpoch: day)
            return date.year * 12 + date.month - 1
        case .weekly: return Self.floorDiv(day - (weekStart - 3), 7)  // 1970-01-01 was a Thursday (3)
        default: return day
        }
    }

    /// The first day of a period; nil past year 9999.
    func firstDay(ofPeriod period: Int) -> Int? {
        switch frequency {
        case .yearly:
            guard period <= 9999 else { return nil }
            return Self.dayNumber(year: period, month: 1, day: 1)
        case .monthly:
            let year = Self.floorDiv(period, 12)
            guard year <= 9999 else { return nil }
            return Self.dayNumber(year: year, month: period - year * 12 + 1, day: 1)
        case .weekly:
            guard case (let days, false) = period.multipliedReportingOverflow(by: 7), days <= Self.maxDay else { return nil }
            return days + (weekStart - 3)
        default:
            return period <= Self.maxDay ? period : nil
        }
    }

    func lastDay(ofPeriod period: Int) -> Int? {
        guard let first = firstDay(ofPeriod: period) else { return nil }
        switch frequency {
        case .yearly: return Self.dayNumber(year: period, month: 12, day: 31)
        case .monthly:
            let date = LocalDate(daysSinceEpoch: first)
            return first + LocalDate.daysIn(month: date.month, year: date.year) - 1
        case .weekly: return first + 6
        default: return first
        }
    }

    /// The first of `origin`, `origin + step`, `origin + 2 step`, ... at or after `index`; nil past `Int`.
    static func step(from origin: Int, by step: Int, atOrAfter index: Int) -> Int? {
        guard index > origin else { return origin }
        let distance = index - origin
        let steps = distance / step + (distance % step == 0 ? 0 : 1)
        guard case (let offset, false) = steps.multipliedReportingOverflow(by: step),
              case (let result, false) = origin.addingReportingOverflow(offset) else { return nil }
        return result
    }

    // MARK: DAILY, HOURLY, MINUTELY

    /// Periods of a day, an hour or a minute are `origin + k * interval` on one scale; where they
    /// fall in the week (weekday and time of day) repeats, so a table says how many steps on the
    /// next one that BYDAY, BYHOUR and BYMINUTE allow is, and the other day parts are looked up
    /// in the year's matching days. Each turn lists a period or jumps to the next matching day.
    mutating func expandByArithmetic() {
        let unit = frequency == .daily ? 1440 : frequency == .hourly ? 60 : 1  // minutes in a period
        let perDay = 1440 / unit
        let perWeek = 7 * perDay
        let origin = Self.floorDiv(startMinute, unit)
        // Period k falls at (first + k * shift) modulo perWeek: a cycle of `length` places.
        let first = Self.floorMod(origin, perWeek)
        let shift = interval % perWeek
        let length = perWeek / Self.gcd(shift, perWeek)
        let allowedPlaces = (0..<length).map { place in
            let position = (first + place * shift) % perWeek  // days from one like 1970-01-01, and the period in the day
            return allowedUnits[position % perDay] && (!hasWeekdayPart || weekdays[Self.weekday(ofDay: position / perDay)])
        }
        // stepsToAllowed[i]: from place i, how many steps to the next allowed place (0: i itself).
        var stepsToAllowed = [Int](repeating: -1, count: length)
        var distance = -1
        for turn in 0..<(2 * length) {
            let i = length - 1 - turn % length
            if allowedPlaces[i] { distance = 0 } else if distance >= 0 { distance += 1 }
            stepsToAllowed[i] = distance
        }
        guard stepsToAllowed[0] >= 0 else { return }  // no allowed place: nothing ever matches

        let offsets = unitOffsets
        var k = 0
        while true {
            guard case (let next, false) = k.addingReportingOverflow(stepsToAllowed[k % length]),
                  case (let distance, false) = next.multipliedReportingOverflow(by: interval),
                  case (let period, false) = origin.addingReportingOverflow(distance)
            else { return }
            k = next
            let day = Self.floorDiv(period, perDay)
            guard day <= throughDay else { return }
            if nextMatchingDay(from: day, through: day) != nil {
                let base = period * unit
                if !emitSet(size: offsets.count, { base + offsets[$0] }) { return }
                k += 1
            } else {
                guard let matching = nextMatchingDay(from: day + 1, through: throughDay) else { return }
                k = Self.ceilDiv(matching * perDay - origin, interval)  // the first period from that day on
            }
        }
    }

    // MARK: Matching days

    /// The matching days in [from, through], in order (at most two years apart).
    mutating func matchingDays(from: Int, through: Int) -> [Int] {
        guard from <= through else { return [] }
        var result: [Int] = []
        var year = max(1, LocalDate(daysSinceEpoch: from).year)
        let lastYear = min(9999, LocalDate(daysSinceEpoch: through).year)
        while year <= lastYear {
            let jan1 = Self.dayNumber(year: year, month: 1, day: 1)
            let list = days(ofYear: year)
            var i = Self.lowerBound(list, from - jan1)
            while i < list.count, jan1 + list[i] <= through {
                result.append(jan1 + list[i])
                i += 1
            }
            year += 1
        }
        return result
    }

    /// The first matching day in [from, through], or nil.
    mutating func nextMatchingDay(from: Int, through: Int) -> Int? {
        guard from <= through, from <= Self.maxDay else { return nil }
        if from < current.jan1 || from >= current.end { load(year: max(1, LocalDate(daysSinceEpoch: from).year)) }
        while true {
            let i = Self.lowerBound(current.days, from - current.jan1)
            if i < current.days.count {
                let day = current.jan1 + current.days[i]
                return day <= through ? day : nil
            }
            guard current.year < 9999, current.end <= through else { return nil }
            load(year: current.year + 1)
        }
    }

    /// Makes `year` the current one.
    mutating func load(year: Int) {
        current = (year, Self.dayNumber(year: year, month: 1, day: 1), Self.dayNumber(year: year + 1, month: 1, day: 1), days(ofYear: year))
    }

    /// The days of a year (from 0) that pass the rule's day parts, in order.
    mutating func days(ofYear year: Int) -> [Int] {
        if let hit = yearCache[year] { return hit }
        let list = makeDays(ofYear: year)
        if yearCache.count >= 4 { yearCache.removeAll(keepingCapacity: true) }
        yearCache[year] = list
        return list
    }

    func makeDays(ofYear year: Int) -> [Int] {
        guard (1...9999).contains(year), !matchesNothing else { return [] }
        let leap = LocalDate.isLeap(year)
        let length = leap ? 366 : 365
        let jan1 = Self.dayNumber(year: year, month: 1, day: 1)
        let jan1Weekday = Self.weekday(ofDay: jan1)
        let starts = leap ? Self.monthStartsLeap : Self.monthStarts
        let monthOf = leap ? Self.monthOfDayLeap : Self.monthOfDay
        func wanted(month m: Int) -> Bool { months?[m] ?? true }

        // Numbered weekdays: 1MO is the first Monday of the month (or year), -1MO the last.
        var numberedDays: [Bool] = []
        if !numbered.isEmpty {
            numberedDays = [Bool](repeating: false, count: length)
            func mark(_ first: Int, _ last: Int) {
                for (n, weekday) in numbered {
                    let i = n > 0
                        ? first + Self.floorMod(weekday - (jan1Weekday + first), 7) + (n - 1) * 7
                        : last - Self.floorMod(jan1Weekday + last - weekday, 7) + (n + 1) * 7
                    if i >= first && i <= last { numberedDays[i] = true }
                }
            }
            if numberedWithinYear {
                mark(0, length - 1)
            } else {
                for m in 1...12 where wanted(month: m) { mark(starts[m - 1], starts[m] - 1) }
            }
        }

        // Week numbers: week 1 is the first week (from WKST) with 4 or more days of its year.
        var weekOneStarts: [Int] = []  // years year-1 ... year+2
        if weekNumbers != nil {
            weekOneStarts = (year - 1...year + 2).map { Self.weekOneStart(year: $0, weekStart: weekStart) }
        }

        func passes(_ doy: Int) -> Bool {
            let m = Int(monthOf[doy])
            if let months, !months[m] { return false }
            if let yearDays, !(yearDays[doy + 1 + 366] || yearDays[doy - length + 366]) { return false }
            if let monthDays {
                let day = doy - starts[m - 1] + 1
                let inMonth = starts[m] - starts[m - 1]
                if !(monthDays[day + 31] || monthDays[day - inMonth - 1 + 31]) { return false }
            }
            if hasWeekdayPart {
                let weekday = (jan1Weekday + doy) % 7
                if !(weekdays[weekday] || (!numberedDays.isEmpty && numberedDays[doy])) { return false }
            }
            if let weekNumbers {
                let day = jan1 + doy
                var w = 1
                while w < 3 && day >= weekOneStarts[w] { w += 1 }  // the week-year: year - 1, year or year + 1
                let start = weekOneStarts[w - 1]
                let number = (day - start) / 7 + 1
                let weeks = (weekOneStarts[w] - start) / 7
                if !(weekNumbers[number + 53] || weekNumbers[number - weeks - 1 + 53]) { return false }
            }
            return true
        }

        // Candidates from the narrowest part given, then every part checked.
        var candidates: [Int] = []
        var sorted = true
        if let yearDayList {
            sorted = false
            for n in yearDayList {
                let doy = n > 0 ? n - 1 : length + n
                if doy >= 0 && doy < length { candidates.append(doy) }
            }
        } else if let monthDayList {
            sorted = false
            for m in 1...12 where wanted(month: m) {
                let inMonth = starts[m] - starts[m - 1]
                for n in monthDayList {
                    let day = n > 0 ? n : inMonth + n + 1
                    if day >= 1 && day <= inMonth { candidates.append(starts[m - 1] + day - 1) }
                }
            }
        } else if let weekNumberList {
            sorted = false
            for w in 0..<3 {
                let start = weekOneStarts[w]
                let weeks = (weekOneStarts[w + 1] - start) / 7
                for n in weekNumberList {
                    let number = n > 0 ? n : weeks + n + 1
                    guard number >= 1 && number <= weeks else { continue }
                    let first = start + (number - 1) * 7 - jan1
                    let low = max(0, first), high = min(length, first + 7)
                    if low < high { candidates.append(contentsOf: low..<high) }
                }
            }
        } else if !numbered.isEmpty && !weekdays.contains(true) {
            candidates = numberedDays.indices.filter { numberedDays[$0] }
        } else {
            for m in 1...12 where wanted(month: m) { candidates.append(contentsOf: starts[m - 1]..<starts[m]) }
        }
        var result = candidates.filter(passes)
        if !sorted {
            result.sort()
            var unique: [Int] = []
            unique.reserveCapacity(result.count)
            for doy in result where unique.last != doy { unique.append(doy) }
            result = unique
        }
        return result
    }

    // MARK: Calendar arithmetic

    static let monthStarts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]
    static let monthStartsLeap = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366]
    static let monthOfDay: [UInt8] = (1...12).flatMap { m in [UInt8](repeating: UInt8(m), count: monthStarts[m] - monthStarts[m - 1]) }
    static let monthOfDayLeap: [UInt8] = (1...12).flatMap { m in [UInt8](repeating: UInt8(m), count: monthStartsLeap[m] - monthStartsLeap[m - 1]) }

    /// Days since 1970-01-01 of any proleptic Gregorian date (years outside 1-9999 too).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 0 = Monday ... 6 = Sunday.
    static func weekday(ofDay day: Int) -> Int { floorMod(day + 3, 7) }

    /// The first day of week 1 of a year: the week (from `weekStart`) that holds January 4.
    static func weekOneStart(year: Int, weekStart: Int) -> Int {
        let jan4 = dayNumber(year: year, month: 1, day: 4)
        return jan4 - floorMod(weekday(ofDay: jan4) - weekStart, 7)
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }

    static func ceilDiv(_ a: Int, _ b: Int) -> Int { -floorDiv(-a, b) }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    /// The index of the first element of a sorted list not below `value`.
    static func lowerBound(_ list: [Int], _ value: Int) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
