import Foundation
import Testing
@testable import DaisCore

@Suite("Zones: conversions, gaps, folds, abbreviations")
struct ZoneTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let local: String
        let zone: String
        let utc: String
        let abbreviation: String
        var testDescription: String { "\(local) \(zone) = \(utc) \(abbreviation)" }
    }

    @Test("converts local times to instants in both hemispheres, 2023-2026", arguments: [
        // The seed's panels.
        Case(local: "2024-11-13T10:00", zone: "America/New_York", utc: "2024-11-13T15:00:00Z", abbreviation: "EST"),
        Case(local: "2023-11-29T13:00", zone: "Australia/Sydney", utc: "2023-11-29T02:00:00Z", abbreviation: "AEDT"),
        Case(local: "2024-01-25T11:00", zone: "America/New_York", utc: "2024-01-25T16:00:00Z", abbreviation: "EST"),
        // Summer and winter on each side.
        Case(local: "2024-07-10T10:00", zone: "America/New_York", utc: "2024-07-10T14:00:00Z", abbreviation: "EDT"),
        Case(local: "2024-06-12T10:00", zone: "Australia/Sydney", utc: "2024-06-12T00:00:00Z", abbreviation: "AEST"),
        Case(local: "2025-01-15T09:00", zone: "Europe/London", utc: "2025-01-15T09:00:00Z", abbreviation: "GMT"),
        Case(local: "2025-07-15T09:00", zone: "Europe/London", utc: "2025-07-15T08:00:00Z", abbreviation: "BST"),
        Case(local: "2026-07-01T12:00", zone: "Europe/Brussels", utc: "2026-07-01T10:00:00Z", abbreviation: "CEST"),
        Case(local: "2026-01-01T12:00", zone: "Europe/Brussels", utc: "2026-01-01T11:00:00Z", abbreviation: "CET"),
        Case(local: "2023-05-05T08:00", zone: "Asia/Tokyo", utc: "2023-05-04T23:00:00Z", abbreviation: "JST"),
        Case(local: "2023-05-05T08:00", zone: "Africa/Nairobi", utc: "2023-05-05T05:00:00Z", abbreviation: "EAT"),
        Case(local: "2025-12-24T18:00", zone: "Asia/Kolkata", utc: "2025-12-24T12:30:00Z", abbreviation: "IST"),
        Case(local: "2025-12-24T18:00", zone: "Asia/Kathmandu", utc: "2025-12-24T12:15:00Z", abbreviation: "UTC+5:45"),
        Case(local: "2024-01-10T10:00", zone: "Pacific/Auckland", utc: "2024-01-09T21:00:00Z", abbreviation: "NZDT"),
        Case(local: "2024-01-10T10:00", zone: "Australia/Adelaide", utc: "2024-01-09T23:30:00Z", abbreviation: "ACDT"),
        Case(local: "2024-01-10T10:00", zone: "Australia/Brisbane", utc: "2024-01-10T00:00:00Z", abbreviation: "AEST"),
        Case(local: "2024-07-10T10:00", zone: "America/Phoenix", utc: "2024-07-10T17:00:00Z", abbreviation: "MST"),
        Case(local: "2024-11-13T10:00", zone: "UTC", utc: "2024-11-13T10:00:00Z", abbreviation: "UTC"),
        // Just before and after each edge.
        Case(local: "2024-03-10T01:59", zone: "America/New_York", utc: "2024-03-10T06:59:00Z", abbreviation: "EST"),
        Case(local: "2024-03-10T03:00", zone: "America/New_York", utc: "2024-03-10T07:00:00Z", abbreviation: "EDT"),
        Case(local: "2024-10-06T01:59", zone: "Australia/Sydney", utc: "2024-10-05T15:59:00Z", abbreviation: "AEST"),
        Case(local: "2024-10-06T03:00", zone: "Australia/Sydney", utc: "2024-10-05T16:00:00Z", abbreviation: "AEDT"),
        Case(local: "2026-04-05T03:00", zone: "Australia/Sydney", utc: "2026-04-04T17:00:00Z", abbreviation: "AEST"),
        Case(local: "2026-11-01T02:00", zone: "America/New_York", utc: "2026-11-01T07:00:00Z", abbreviation: "EST"),
    ])
    func converts(_ c: Case) throws {
        let z = zone(c.zone)
        let instant = try #require(z.resolve(local(c.local)).instant)
        #expect(instant.iso8601 == c.utc)
        #expect(z.abbreviation(at: instant) == c.abbreviation)
        #expect(z.local(at: instant) == local(c.local))
    }

    @Test("a local time in the spring-forward gap does not exist, and the reason says so", arguments: [
        ("2023-03-12T02:30", "America/New_York", "clocks jump from 02:00 EST to 03:00 EDT on 2023-03-12"),
        ("2024-03-10T02:00", "America/New_York", "clocks jump from 02:00 EST to 03:00 EDT on 2024-03-10"),
        ("2025-03-09T02:59", "America/New_York", "clocks jump from 02:00 EST to 03:00 EDT on 2025-03-09"),
        ("2026-03-08T02:15", "America/New_York", "clocks jump from 02:00 EST to 03:00 EDT on 2026-03-08"),
        ("2023-10-01T02:30", "Australia/Sydney", "clocks jump from 02:00 AEST to 03:00 AEDT on 2023-10-01"),
        ("2024-10-06T02:30", "Australia/Sydney", "clocks jump from 02:00 AEST to 03:00 AEDT on 2024-10-06"),
        ("2025-10-05T02:00", "Australia/Sydney", "clocks jump from 02:00 AEST to 03:00 AEDT on 2025-10-05"),
        ("2026-10-04T02:45", "Australia/Sydney", "clocks jump from 02:00 AEST to 03:00 AEDT on 2026-10-04"),
        ("2024-03-31T01:30", "Europe/London", "clocks jump from 01:00 GMT to 02:00 BST on 2024-03-31"),
    ])
    func gap(_ text: String, _ id: String, _ reason: String) {
        guard case .nonexistent(let gap) = zone(id).resolve(local(text)) else {
            Issue.record("\(text) should not exist in \(id)")
            return
        }
        #expect(gap.explanation == reason)
    }

    @Test("a local time in the fall-back fold resolves to its first occurrence", arguments: [
        ("2023-11-05T01:30", "America/New_York", "2023-11-05T05:30:00Z", "2023-11-05T06:30:00Z"),
        ("2024-11-03T01:00", "America/New_York", "2024-11-03T05:00:00Z", "2024-11-03T06:00:00Z"),
        ("2025-11-02T01:59", "America/New_York", "2025-11-02T05:59:00Z", "2025-11-02T06:59:00Z"),
        ("2023-04-02T02:30", "Australia/Sydney", "2023-04-01T15:30:00Z", "2023-04-01T16:30:00Z"),
        ("2024-04-07T02:00", "Australia/Sydney", "2024-04-06T15:00:00Z", "2024-04-06T16:00:00Z"),
        ("2026-04-05T02:45", "Australia/Sydney", "2026-04-04T15:45:00Z", "2026-04-04T16:45:00Z"),
        ("2024-10-27T01:30", "Europe/London", "2024-10-27T00:30:00Z", "2024-10-27T01:30:00Z"),
    ])
    func fold(_ text: String, _ id: String, _ first: String, _ second: String) {
        let resolution = zone(id).resolve(local(text))
        guard case .ambiguous(let a, let b) = resolution else {
            Issue.record("\(text) should occur twice in \(id), got \(resolution)")
            return
        }
        #expect(a.iso8601 == first)
        #expect(b.iso8601 == second)
        #expect(resolution.instant == a)
    }

    @Test("the gap between New York and Sydney is 16, 15 or 14 hours as each side changes its clocks", arguments: [
        ("2024-01-15T12:00Z", 16), ("2024-03-20T12:00Z", 15), ("2024-05-15T12:00Z", 14),
        ("2024-10-15T12:00Z", 15), ("2024-11-15T12:00Z", 16), ("2025-03-15T12:00Z", 15), ("2025-04-10T12:00Z", 14),
    ])
    func newYorkSydneyGap(_ utc: String, _ hours: Int) {
        let instant = Zone.utc.resolve(local(String(utc.dropLast()))).instant!
        let difference = zone("Australia/Sydney").offset(at: instant) - zone("America/New_York").offset(at: instant)
        #expect(difference == hours * 3600)
    }

    @Test("day shifts: 10:00 EST is 02:00 AEDT the next day")
    func dayShift() {
        let instant = zone("America/New_York").resolve(local("2024-11-13T10:00")).instant!
        let sydney = TimeFormat.Reading(instant, in: zone("Australia/Sydney"))
        #expect(sydney.local.description == "2024-11-14T02:00")
        #expect(TimeFormat.dayShift(from: local("2024-11-13T10:00").date, to: sydney.local.date) == "+1d")
        #expect(TimeFormat.range(TimeSpan(start: instant, end: instant.adding(minutes: 60)), in: zone("Australia/Sydney")) == "02:00-03:00 AEDT")
    }

    @Test("a range across midnight and across a clock change carries its shift and both abbreviations")
    func rangeAcrossChanges() {
        let ny = zone("America/New_York")
        let start = ny.resolve(local("2024-11-13T23:30")).instant!
        #expect(TimeFormat.range(TimeSpan(start: start, end: start.adding(minutes: 60)), in: ny) == "23:30-00:30+1d EST")
        let fold = ny.resolve(local("2024-11-03T01:30")).instant!
        #expect(TimeFormat.range(TimeSpan(start: fold, end: fold.adding(minutes: 60)), in: ny) == "01:30 EDT-01:30 EST")
    }

    @Test("legacy and made-up names are not IANA zones", arguments: ["EST", "CST6CDT", "GMT+5", "Foo/Bar", "", "/", "America/"])
    func notIANA(_ id: String) {
        #expect(Zone.named(id) == nil)
    }

    @Test("zones from before 1900 and after 2100 still convert through Foundation")
    func outsideTable() {
        #expect(zone("America/New_York").resolve(local("2150-07-01T12:00")).instant != nil)
        #expect(zone("Europe/London").resolve(local("1850-07-01T12:00")).instant != nil)
    }

    @Test("offsets and transitions agree with Foundation for every zone, 1970-2037")
    func agreesWithFoundation() {
        for id in TimeZone.knownTimeZoneIdentifiers {
            guard let z = Zone.named(id), let tz = TimeZone(identifier: id) else { continue }
            var t: Int64 = 0
            while t < 2_145_916_800 {
                let expected = tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t)))
                if z.offset(at: Instant(secondsSinceEpoch: t)) != expected {
                    Issue.record("\(id) at \(Instant(secondsSinceEpoch: t)): \(z.offset(at: Instant(secondsSinceEpoch: t))) != \(expected)")
                    break
                }
                t += 86_400 * 11 + 3_607
            }
        }
    }
}
