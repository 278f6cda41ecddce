import Testing
@testable import DaisCore

@Suite("Local dates and times")
struct LocalDateTimeTests {
    @Test("parses the store's form and prints it back")
    func parsesStoreForm() {
        let t = LocalDateTime(parsing: "2024-11-13T10:00")
        #expect(t?.date == LocalDate(year: 2024, month: 11, day: 13))
        #expect(t?.hour == 10 && t?.minute == 0)
        #expect(t?.description == "2024-11-13T10:00")
    }

    @Test("refuses what is not a real date or time", arguments: [
        "2024-02-30T10:00", "2023-02-29T10:00", "2024-13-01T10:00", "2024-11-13T24:00", "2024-11-13T10:60",
        "2024-11-13 10:00", "2024-11-13T10:00:00", "24-11-13T10:00", "2024-11-13T1000", "", "2024-1-13T10:00",
    ])
    func refusesBadStrict(_ text: String) {
        #expect(LocalDateTime(parsing: text) == nil)
    }

    @Test("lenient parsing takes a space and zero seconds, as people type them")
    func lenient() {
        #expect(LocalDateTime(parsing: "2024-11-13 10:00", lenient: true)?.description == "2024-11-13T10:00")
        #expect(LocalDateTime(parsing: "2024-11-13T10:00:00", lenient: true)?.description == "2024-11-13T10:00")
        #expect(LocalDateTime(parsing: "2024-11-13T10:00:30", lenient: true) == nil)
    }

    @Test("leap days exist only in leap years")
    func leapDays() {
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
    }

    @Test("days since the epoch round-trip for every day of 1900-2100")
    func daysRoundTrip() {
        let start = LocalDate(year: 1900, month: 1, day: 1)!.daysSinceEpoch
        let end = LocalDate(year: 2100, month: 12, day: 31)!.daysSinceEpoch
        var previous: LocalDate?
        for d in start...end {
            let date = LocalDate(daysSinceEpoch: d)
            #expect(date.daysSinceEpoch == d)
            if let previous { #expect(previous < date) }
            previous = date
        }
        #expect(LocalDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
    }

    @Test("weekdays: 2024-11-13 is a Wednesday, 2023-11-29 a Wednesday, 2024-01-25 a Thursday")
    func weekdays() {
        #expect(TimeFormat.weekdayShort[LocalDate(year: 2024, month: 11, day: 13)!.weekdayIndex] == "Wed")
        #expect(TimeFormat.weekdayShort[LocalDate(year: 2023, month: 11, day: 29)!.weekdayIndex] == "Wed")
        #expect(TimeFormat.weekdayShort[LocalDate(year: 2024, month: 1, day: 25)!.weekdayIndex] == "Thu")
        #expect(TimeFormat.weekdayShort[LocalDate(year: 1969, month: 12, day: 31)!.weekdayIndex] == "Wed")
    }

    @Test("adding minutes crosses days, months and years")
    func addingMinutes() {
        #expect(local("2024-12-31T23:30").adding(minutes: 45).description == "2025-01-01T00:15")
        #expect(local("2024-03-01T00:10").adding(minutes: -20).description == "2024-02-29T23:50")
    }

    @Test("instants print as ISO 8601 and iCalendar UTC")
    func instantText() {
        let i = Instant(secondsSinceEpoch: 1_731_510_000)
        #expect(i.iso8601 == "2024-11-13T15:00:00Z")
        #expect(i.icalUTC == "20241113T150000Z")
        #expect(Instant(secondsSinceEpoch: -1).iso8601 == "1969-12-31T23:59:59Z")
    }

    @Test("spans that only touch do not overlap")
    func touching() {
        let a = TimeSpan(start: Instant(secondsSinceEpoch: 0), end: Instant(secondsSinceEpoch: 3600))
        let b = TimeSpan(start: Instant(secondsSinceEpoch: 3600), end: Instant(secondsSinceEpoch: 7200))
        let c = TimeSpan(start: Instant(secondsSinceEpoch: 1800), end: Instant(secondsSinceEpoch: 5400))
        #expect(!a.overlaps(b))
        #expect(a.overlaps(c) && c.overlaps(b))
        #expect(a.overlapMinutes(with: c) == 30)
    }
}
