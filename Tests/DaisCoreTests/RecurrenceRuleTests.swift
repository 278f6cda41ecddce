import Foundation
import Testing
@testable import DaisCore

/// The reference table is written by scripts/rrule-reference.py from recurring_ical_events (on
/// dateutil.rrule), what the importer's corpus test compares with. Its reading is followed where
/// RFC 5545 leaves room: DTSTART is always the first occurrence (unless it is after UNTIL), and
/// COUNT counts the rule's own occurrences, so a DTSTART that does not match comes on top of COUNT.
/// Where dateutil is plainly wrong the expander follows RFC 5545 and ISO 8601 instead; those cases
/// are left out of the table and checked by hand below.
@Suite("Expanding recurrence rules (RRULE)")
struct RecurrenceRuleTests {
    struct ReferenceCase: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let rule: String
        let dtstart: String
        let tzid: String?
        let through: String
        let expected: [String]
        var testDescription: String { name }
    }

    static let referenceCases: [ReferenceCase] = {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: fixturePath("import/rrule-cases.json"))),
              let cases = try? JSONDecoder().decode([ReferenceCase].self, from: data)
        else { return [] }
        return cases
    }()

    static func localTime(_ text: String) throws -> LocalDateTime {
        guard case .local(let time)? = ICalendarParser.time(text) else { throw RecurrenceRule.Problem("not a local time: \(text)") }
        return time
    }

    static let farFuture = LocalDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59)!

    @Test("the reference table is there, with the RFC 5545 examples and at least 60 cases")
    func referenceTable() {
        #expect(Self.referenceCases.count >= 60)
        #expect(Self.referenceCases.filter { $0.name.hasPrefix("RFC 5545:") }.count >= 40)
    }

    @Test("each rule of the reference table gives exactly recurring_ical_events' occurrences", arguments: referenceCases)
    func reference(_ c: ReferenceCase) throws {
        let rule = try RecurrenceRule(parsing: c.rule)
        let zone = try c.tzid.map { id in try #require(Zone.named(id)) }
        let got = rule.occurrences(start: try Self.localTime(c.dtstart), zone: zone, through: try Self.localTime(c.through), limit: 100_000)
        #expect(got.starts.map(\.description) == c.expected)
        #expect(!got.isCut)
    }

    @Test("every rule of the table reads back the same from its own text", arguments: referenceCases)
    func roundTrip(_ c: ReferenceCase) throws {
        let rule = try RecurrenceRule(parsing: c.rule)
        #expect(try RecurrenceRule(parsing: rule.description) == rule)
    }

    @Test("a rule's parts are read into their fields")
    func fields() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU,TU;BYMONTH=1,3;BYSETPOS=-1;WKST=SU;UNTIL=19971224T000000Z")
        #expect(rule.frequency == .monthly)
        #expect(rule.interval == 2)
        #expect(rule.count == 10)
        #expect(rule.byDay == [.init(ordinal: 1, weekday: 6), .init(ordinal: -1, weekday: 6), .init(weekday: 1)])
        #expect(rule.byMonth == [1, 3])
        #expect(rule.bySetPos == [-1])
        #expect(rule.weekStart == 6)
        #expect(rule.until == .utc(Instant(secondsSinceEpoch: 882_921_600)))
        #expect(rule.description == "FREQ=MONTHLY;INTERVAL=2;COUNT=10;UNTIL=19971224T000000Z;BYDAY=1SU,-1SU,TU;BYMONTH=1,3;BYSETPOS=-1;WKST=SU")
    }

    @Test("what real files write is read: any case, spaces, empty parts, a leading RRULE:, X- parts, BYSECOND=0, a + sign", arguments: [
        "freq=daily;count=2", " FREQ = DAILY ; COUNT = 2 ", "FREQ=DAILY;;COUNT=2;", "RRULE:FREQ=DAILY;COUNT=2",
        "FREQ=DAILY;X-EVOLUTION-ENDDATE=20240101T000000Z;COUNT=2", "FREQ=DAILY;BYSECOND=0;COUNT=2", "FREQ=DAILY;COUNT=2;BYMONTHDAY=+2,-1,1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30",
    ])
    func lenient(_ text: String) throws {
        let rule = try RecurrenceRule(parsing: text)
        #expect(rule.frequency == .daily && rule.count == 2)
        let got = rule.occurrences(start: local("2024-01-01T09:00"), zone: nil, through: local("2025-01-01T00:00"), limit: 10)
        #expect(got.starts.map(\.description) == ["2024-01-01T09:00", "2024-01-02T09:00"])
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let rule: String
        let message: String
        var testDescription: String { rule.isEmpty ? "(empty)" : rule }
    }

    @Test("an invalid rule is refused with a message that says what is wrong", arguments: [
        Invalid(rule: "", message: "RRULE: FREQ is missing"),
        Invalid(rule: "COUNT=3;BYDAY=MO", message: "RRULE: FREQ is missing"),
        Invalid(rule: "FREQ=SECONDLY", message: "RRULE: FREQ=SECONDLY is not supported: panels are to the minute"),
        Invalid(rule: "FREQ=fortnightly", message: "RRULE: FREQ=fortnightly is not a frequency (MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY)"),
        Invalid(rule: "FREQ=DAILY;FOO=1", message: "RRULE: unknown part FOO=1"),
        Invalid(rule: "FREQ=YEARLY;BYEASTER=0", message: "RRULE: unknown part BYEASTER=0"),
        Invalid(rule: "FREQ=DAILY;COUNT", message: "RRULE: \"COUNT\" is not a NAME=VALUE part"),
        Invalid(rule: "FREQ=DAILY;FREQ=WEEKLY", message: "RRULE: FREQ is given twice"),
        Invalid(rule: "FREQ=DAILY;BYDAY=MO;byday=TU", message: "RRULE: BYDAY is given twice"),
        Invalid(rule: "FREQ=MONTHLY;BYMONTH=13", message: "RRULE: BYMONTH=13 is out of range 1-12"),
        Invalid(rule: "FREQ=MONTHLY;BYMONTH=1,0", message: "RRULE: BYMONTH=0 is out of range 1-12"),
        Invalid(rule: "FREQ=MONTHLY;BYMONTH=1,,2", message: "RRULE: BYMONTH=1,,2 has an empty entry"),
        Invalid(rule: "FREQ=MONTHLY;BYMONTH=", message: "RRULE: BYMONTH has no value"),
        Invalid(rule: "FREQ=MONTHLY;BYMONTH=Jan", message: "RRULE: BYMONTH=Jan is not a number"),
        Invalid(rule: "FREQ=MONTHLY;BYMONTHDAY=0", message: "RRULE: BYMONTHDAY=0 is out of range 1-31 or -31 to -1"),
        Invalid(rule: "FREQ=MONTHLY;BYMONTHDAY=-32", message: "RRULE: BYMONTHDAY=-32 is out of range 1-31 or -31 to -1"),
        Invalid(rule: "FREQ=YEARLY;BYYEARDAY=367", message: "RRULE: BYYEARDAY=367 is out of range 1-366 or -366 to -1"),
        Invalid(rule: "FREQ=YEARLY;BYWEEKNO=54", message: "RRULE: BYWEEKNO=54 is out of range 1-53 or -53 to -1"),
        Invalid(rule: "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", message: "RRULE: BYSETPOS=0 is out of range 1-366 or -366 to -1"),
        Invalid(rule: "FREQ=DAILY;BYHOUR=24", message: "RRULE: BYHOUR=24 is out of range 0-23"),
        Invalid(rule: "FREQ=DAILY;BYMINUTE=60", message: "RRULE: BYMINUTE=60 is out of range 0-59"),
        Invalid(rule: "FREQ=DAILY;BYSECOND=0,30", message: "RRULE: BYSECOND=30 is not supported: panels are to the minute"),
        Invalid(rule: "FREQ=DAILY;BYSECOND=61", message: "RRULE: BYSECOND=61 is out of range 0-60"),
        Invalid(rule: "FREQ=WEEKLY;BYDAY=MO,XX", message: "RRULE: BYDAY=XX is not a weekday (MO, TU, WE, TH, FR, SA or SU, numbered as in 1MO or -1FR)"),
        Invalid(rule: "FREQ=WEEKLY;BYDAY=Monday", message: "RRULE: BYDAY=Monday is not a weekday (MO, TU, WE, TH, FR, SA or SU, numbered as in 1MO or -1FR)"),
        Invalid(rule: "FREQ=MONTHLY;BYDAY=0MO", message: "RRULE: BYDAY=0MO: the number is out of range 1-53 or -53 to -1"),
        Invalid(rule: "FREQ=MONTHLY;BYDAY=-54FR", message: "RRULE: BYDAY=-54FR: the number is out of range 1-53 or -53 to -1"),
        Invalid(rule: "FREQ=WEEKLY;WKST=XX", message: "RRULE: WKST=XX is not a weekday (MO, TU, WE, TH, FR, SA or SU)"),
        Invalid(rule: "FREQ=DAILY;INTERVAL=0", message: "RRULE: INTERVAL=0 is not a whole number of 1 or more"),
        Invalid(rule: "FREQ=DAILY;INTERVAL=-2", message: "RRULE: INTERVAL=-2 is not a whole number of 1 or more"),
        Invalid(rule: "FREQ=DAILY;COUNT=abc", message: "RRULE: COUNT=abc is not a whole number of 1 or more"),
        Invalid(rule: "FREQ=DAILY;COUNT=99999999999999999999", message: "RRULE: COUNT=99999999999999999999 is too large"),
        Invalid(rule: "FREQ=DAILY;UNTIL=2024-01-05", message: "RRULE: UNTIL=2024-01-05 is not a date (YYYYMMDD) or a date and time (YYYYMMDDTHHMMSS, with Z for UTC)"),
        Invalid(rule: "FREQ=DAILY;UNTIL=20240230", message: "RRULE: UNTIL=20240230 is not a date (YYYYMMDD) or a date and time (YYYYMMDDTHHMMSS, with Z for UTC)"),
    ])
    func invalid(_ c: Invalid) {
        #expect(throws: RecurrenceRule.Problem(c.message)) { try RecurrenceRule(parsing: c.rule) }
    }

    // MARK: Where dateutil is wrong

    struct HandCase: Sendable, CustomTestStringConvertible {
        let why: String
        let rule: String
        let start: String
        let through: String
        let expected: [String]
        var testDescription: String { why }
    }

    @Test("where dateutil 2.9 is wrong, RFC 5545 and ISO 8601 are followed", arguments: [
        // dateutil intersects plain and numbered weekdays and finds nothing; RFC 5545 lists both.
        HandCase(why: "BYDAY=MO,1TU: every Monday and the first Tuesday", rule: "FREQ=MONTHLY;BYDAY=MO,1TU;COUNT=6",
                 start: "2024-01-01T09:00", through: "2025-01-01T00:00",
                 expected: ["2024-01-01T09:00", "2024-01-02T09:00", "2024-01-08T09:00", "2024-01-15T09:00", "2024-01-22T09:00", "2024-01-29T09:00"]),
        // dateutil takes the first week's set from DTSTART on (Friday 5th first); BYSETPOS picks
        // from the whole week, as it does from the whole month: the week's first is Monday 1st, before DTSTART.
        HandCase(why: "WEEKLY;BYSETPOS=1 in DTSTART's week picks from the whole week", rule: "FREQ=WEEKLY;BYDAY=MO,FR;BYSETPOS=1;COUNT=3",
                 start: "2024-01-03T09:00", through: "2025-01-01T00:00",
                 expected: ["2024-01-03T09:00", "2024-01-08T09:00", "2024-01-15T09:00", "2024-01-22T09:00"]),
        // 1 and 2 January 1994 are in ISO week 52 of 1993 (Python's date.isocalendar agrees); dateutil says 53.
        HandCase(why: "BYWEEKNO=52 holds the first days of January 1994", rule: "FREQ=YEARLY;BYWEEKNO=52;BYDAY=SA,SU",
                 start: "1993-12-01T09:00", through: "1994-06-30T00:00",
                 expected: ["1993-12-01T09:00", "1994-01-01T09:00", "1994-01-02T09:00"]),
        HandCase(why: "1993 has no week 53", rule: "FREQ=YEARLY;BYWEEKNO=53;BYDAY=SA,SU",
                 start: "1993-12-01T09:00", through: "1994-06-30T00:00",
                 expected: ["1993-12-01T09:00"]),
        // 30 and 31 December 1991 are in week 1 of 1992, which has 53 weeks: week -53. dateutil misses them.
        HandCase(why: "BYWEEKNO=-53 reaches back into December", rule: "FREQ=YEARLY;BYWEEKNO=-53;BYDAY=MO,TU",
                 start: "1991-12-01T09:00", through: "1992-06-30T00:00",
                 expected: ["1991-12-01T09:00", "1991-12-30T09:00", "1991-12-31T09:00"]),
        // dateutil raises "Invalid combination of interval and byhour"; a rule that never matches gives DTSTART.
        HandCase(why: "HOURLY every 24 hours from 09:00 never reaches 10:00", rule: "FREQ=HOURLY;INTERVAL=24;BYHOUR=10",
                 start: "2024-01-01T09:00", through: "9999-12-31T23:59", expected: ["2024-01-01T09:00"]),
    ])
    func pastDateutil(_ c: HandCase) throws {
        let got = try RecurrenceRule(parsing: c.rule).occurrences(start: local(c.start), zone: nil, through: local(c.through), limit: 1000)
        #expect(got.starts.map(\.description) == c.expected)
    }

    // MARK: Bounds

    @Test("limit cuts the list and says so, exactly when more would follow")
    func limit() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10")
        let all = rule.occurrences(start: local("2024-01-02T09:00"), zone: nil, through: Self.farFuture, limit: 10)
        #expect(all.starts.count == 10 && !all.isCut)
        let cut = rule.occurrences(start: local("2024-01-02T09:00"), zone: nil, through: Self.farFuture, limit: 9)
        #expect(cut.starts == Array(all.starts.prefix(9)) && cut.isCut)
        let none = rule.occurrences(start: local("2024-01-02T09:00"), zone: nil, through: Self.farFuture, limit: 0)
        #expect(none.starts.isEmpty && none.isCut)
        let before = rule.occurrences(start: local("2024-01-02T09:00"), zone: nil, through: local("2024-01-01T09:00"), limit: 10)
        #expect(before.starts.isEmpty && !before.isCut)
        let onlyStart = rule.occurrences(start: local("2024-01-02T09:00"), zone: nil, through: local("2024-01-02T09:00"), limit: 1)
        #expect(onlyStart.starts.map(\.description) == ["2024-01-02T09:00"] && !onlyStart.isCut)
    }

    struct Adversarial: Sendable, CustomTestStringConvertible {
        let rule: String
        let start: String
        let through: String
        let limit: Int
        /// How many starts come back (the cut flag is expected when it equals `limit`).
        let count: Int
        var testDescription: String { rule }
    }

    @Test("rules that never match, match rarely or without end, or step by Int.max, finish (with the cut flag where the limit stops them)", arguments: [
        Adversarial(rule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", start: "2024-02-01T10:00", through: "9999-12-31T23:59", limit: 1000, count: 1),
        Adversarial(rule: "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", start: "0001-01-01T10:00", through: "9999-12-31T23:59", limit: 1000, count: 1),
        Adversarial(rule: "FREQ=MINUTELY;BYMONTH=4;BYMONTHDAY=31", start: "2024-01-01T10:00", through: "9999-12-31T23:59", limit: 1000, count: 1),
        Adversarial(rule: "FREQ=YEARLY;BYDAY=20MO;BYMONTH=1", start: "2024-01-01T10:00", through: "9999-12-31T23:59", limit: 1000, count: 1),
        Adversarial(rule: "FREQ=WEEKLY;BYWEEKNO=53;BYMONTH=6", start: "2024-01-01T10:00", through: "9999-12-31T23:59", limit: 1000, count: 1),
        Adversarial(rule: "FREQ=MINUTELY", start: "2024-01-01T00:00", through: "2034-01-01T00:00", limit: 10_000, count: 10_000),
        Adversarial(rule: "FREQ=MINUTELY;BYHOUR=9", start: "2024-01-01T00:00", through: "2034-01-01T00:00", limit: 100_000, count: 100_000),
        Adversarial(rule: "FREQ=MINUTELY;INTERVAL=1441;BYHOUR=9;BYMINUTE=0", start: "2024-01-01T00:00", through: "2034-01-01T00:00", limit: 1000, count: 4),
        Adversarial(rule: "FREQ=DAILY;COUNT=9223372036854775807", start: "2024-01-01T09:00", through: "9999-12-31T23:59", limit: 5000, count: 5000),
        Adversarial(rule: "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYSETPOS=1,-1",
                    start: "2024-01-01T00:00", through: "2124-01-01T00:00", limit: 1000, count: 201),
        Adversarial(rule: "FREQ=MINUTELY;INTERVAL=9223372036854775807", start: "2024-01-01T09:00", through: "9999-12-31T23:59", limit: 1000, count: 1),
        Adversarial(rule: "FREQ=HOURLY;INTERVAL=9223372036854775807;COUNT=9223372036854775807", start: "2024-01-01T09:00", through: "9999-12-31T23:59", limit: 1000, count: 1),
        Adversarial(rule: "FREQ=DAILY;INTERVAL=9223372036854775807", start: "2024-01-01T09:00", through: "9999-12-31T23:59", limit: 1000, count: 1),
        Adversarial(rule: "FREQ=WEEKLY;INTERVAL=9223372036854775807;BYDAY=MO,FR", start: "2024-01-01T09:00", through: "9999-12-31T23:59", limit: 1000, count: 2),
        Adversarial(rule: "FREQ=MONTHLY;INTERVAL=9223372036854775807;BYMONTHDAY=1,-1", start: "2024-01-01T09:00", through: "9999-12-31T23:59", limit: 1000, count: 2),
        Adversarial(rule: "FREQ=YEARLY;INTERVAL=9223372036854775807;BYMONTH=1,12", start: "2024-01-01T09:00", through: "9999-12-31T23:59", limit: 1000, count: 2),
        Adversarial(rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU", start: "9999-12-20T09:00", through: "9999-12-31T23:59", limit: 1000, count: 2),
        Adversarial(rule: "FREQ=WEEKLY;BYDAY=MO,SU;WKST=TH", start: "0001-01-01T09:00", through: "0001-01-31T23:59", limit: 1000, count: 9),
    ])
    func adversarial(_ c: Adversarial) throws {
        let got = try RecurrenceRule(parsing: c.rule).occurrences(start: local(c.start), zone: nil, through: local(c.through), limit: c.limit)
        #expect(got.starts.count == c.count)
        #expect(got.isCut == (c.count == c.limit))
        #expect(got.starts.first == local(c.start))
        #expect(zip(got.starts, got.starts.dropFirst()).allSatisfy { $0 < $1 }, "in order, none twice")
    }

    @Test("values set directly that parsing would refuse are read leniently, without trapping")
    func directValues() {
        let start = local("2024-01-01T09:00"), end = local("2024-12-31T23:59")
        var rule = RecurrenceRule(frequency: .daily, interval: -5, count: 3)
        #expect(rule.occurrences(start: start, zone: nil, through: end, limit: 10).starts.count == 3)
        rule = RecurrenceRule(frequency: .monthly, byMonth: [13])
        #expect(rule.occurrences(start: start, zone: nil, through: end, limit: 10).starts == [start])
        rule = RecurrenceRule(frequency: .weekly, byDay: [.init(ordinal: nil, weekday: 9)], weekStart: -3)
        #expect(rule.occurrences(start: start, zone: nil, through: end, limit: 10).starts == [start])
        rule = RecurrenceRule(frequency: .secondly, count: 5)
        #expect(rule.occurrences(start: start, zone: nil, through: end, limit: 10).starts == [start])
        rule = RecurrenceRule(frequency: .hourly, byMinute: [75])
        #expect(rule.occurrences(start: start, zone: nil, through: end, limit: 10).starts == [start])
    }

    @Test("a daily rule over a leap year gives its 366 days, the last on 31 December")
    func dailyOverAYear() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY")
        let starts = rule.occurrences(start: local("2024-01-01T09:00"), zone: nil, through: local("2024-12-31T23:59"), limit: 1000).starts
        #expect(starts.count == 366)
        #expect(starts.last == local("2024-12-31T09:00"))
    }
}
