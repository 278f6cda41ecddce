import Foundation
import Testing
@testable import DaisCore

/// Calendar files as other programs write them, and as attackers would.
@Suite("Importing other programs' calendar files")
struct ImportRobustnessTests {
    let window = ICSImport.Window(from: LocalDate(year: 2024, month: 1, day: 1)!, to: LocalDate(year: 2025, month: 12, day: 31)!)

    func calendar(_ events: String, extra: String = "") -> String {
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n\(extra)\(events)END:VCALENDAR\r\n"
    }

    func event(_ lines: String...) -> String {
        "BEGIN:VEVENT\r\n" + lines.map { $0 + "\r\n" }.joined() + "END:VEVENT\r\n"
    }

    func plan(_ text: String, into catalog: Catalog = Catalog(settings: Settings(displayZones: ["UTC"]))) throws -> ICSImport.Plan {
        try ICSImport.plan(Array(text.utf8), path: "t.ics", into: catalog, window: window)
    }

    func startUTC(_ panel: Panel) -> String { (try? panel.slot().get().span.start.iso8601) ?? "?" }

    @Test("a byte-order mark is read past: UTF-8, and UTF-16 in either byte order")
    func byteOrderMarks() throws {
        let text = calendar(event("UID:bom", "SUMMARY:Zoë", "DTSTART:20240301T100000Z", "DURATION:PT1H"))
        let utf8: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        for bytes in [utf8, little, big] {
            let plan = try ICSImport.plan(bytes, path: "bom.ics", into: Catalog(), window: window)
            #expect(plan.added.map(\.title) == ["Zoë"])
            #expect(plan.notes.contains { $0.contains("byte-order mark") })
        }
    }

    @Test("line ends of CR alone, LF alone and CRLF read the same")
    func lineEnds() throws {
        let text = calendar(event("UID:cr", "SUMMARY:Line ends", "DTSTART:20240301T100000Z", "DTEND:20240301T113000Z"))
        for ending in ["\r", "\n", "\r\n"] {
            let plan = try self.plan(text.replacingOccurrences(of: "\r\n", with: ending))
            #expect(plan.added.map(\.durationMinutes) == [90], "line end \(Array(ending.utf8))")
        }
    }

    @Test("single events without a VCALENDAR around them are read, and the report says so")
    func bareEvents() throws {
        let text = event("UID:a", "SUMMARY:One", "DTSTART:20240301T100000Z") + event("UID:b", "SUMMARY:Two", "DTSTART:20240302T100000Z")
        let plan = try self.plan(text)
        #expect(plan.added.map(\.title).sorted() == ["One", "Two"])
        #expect(plan.notes.contains("the file has events without a BEGIN:VCALENDAR around them; they were read as one calendar"))
    }

    @Test("components nested beyond 64 are refused with the line, without recursing (60,000 deep)")
    func deepNesting() throws {
        let deep = "BEGIN:VCALENDAR\r\n" + String(repeating: "BEGIN:X\r\n", count: 60_000) + String(repeating: "END:X\r\n", count: 60_000) + "END:VCALENDAR\r\n"
        #expect(throws: ICSImport.Failure.self) { try self.plan(deep) }
        do {
            _ = try plan(deep)
        } catch let error as ICSImport.Failure {
            #expect(error.description == "t.ics:65: BEGIN:X nests components more than 64 deep (iCalendar nests three)")
        }
        let fine = calendar(event("UID:n", "SUMMARY:Nested", "DTSTART:20240301T100000Z", "BEGIN:VALARM", "TRIGGER:-PT15M", "END:VALARM"))
        #expect(try plan(fine).added.count == 1)
    }

    @Test("a line that cannot be read refuses its event only; the others are imported")
    func badLineRefusesOneEvent() throws {
        let bad = Array(calendar(event("UID:bad", "SUMMARY:Bad", "DTSTART:20240301T100000Z", "XYZ") + event("UID:good", "SUMMARY:Good", "DTSTART:20240302T100000Z")).utf8)
        let plan = try ICSImport.plan(bad, path: "t.ics", into: Catalog(), window: window)
        #expect(plan.added.map(\.title) == ["Good"])
        #expect(plan.skipped.map(\.reason) == ["line 8: not a content line (no \":\"): XYZ"])
        #expect(plan.skipped.first?.event == "'Bad' (line 4)")
        var latin1 = Array(calendar(event("UID:l1", "SUMMARY:caf", "DTSTART:20240301T100000Z") + event("UID:ok", "SUMMARY:ok", "DTSTART:20240302T100000Z")).utf8)
        latin1.insert(0xE9, at: latin1.firstIndex(of: UInt8(ascii: "f"))! + 1)
        let second = try ICSImport.plan(latin1, path: "t.ics", into: Catalog(), window: window)
        #expect(second.added.map(\.title) == ["ok"])
        #expect(second.skipped.map(\.reason) == ["line 6: the line is not UTF-8 text"])
    }

    @Test("durations that overflow 64 bits, and python-icalendar's invalid_duration.ics, are skipped with a reason, even in a dry run")
    func overflowingDurations() throws {
        for duration in ["PT9223372036854775807H", "P9223372036854775807D", "P9223372036854775807W", "PT99999999999999999999999M"] {
            let plan = try self.plan(calendar(event("UID:d", "SUMMARY:Long", "DTSTART:20240301T100000Z", "DURATION:\(duration)")))
            #expect(plan.added.isEmpty)
            #expect(plan.skipped.map(\.reason) == ["it lasts more than 31 days, the longest a panel may last"])
        }
        let path = fixturePath("import/corpus/icalendar/src__icalendar__tests__calendars__invalid_duration.ics")
        if FileManager.default.fileExists(atPath: path) {
            _ = try? ICSImport.plan(try fixtureBytes("import/corpus/icalendar/src__icalendar__tests__calendars__invalid_duration.ics"), path: path, into: Catalog(), window: window)
        }
    }

    @Test("a TZID of 130,000 path parts is refused at once, and a vendor prefix still finds its zone")
    func longTZID() throws {
        let long = String(repeating: "a/", count: 130_000)
        #expect(CalendarZones.zone(forTZID: long) == nil)
        #expect(CalendarZones.zone(forTZID: "/mozilla.org/20050126_1/America/New_York")?.identifier == "America/New_York")
        #expect(CalendarZones.zone(forTZID: "/citadel.org/20190914_1/America/Argentina/Buenos_Aires")?.identifier == "America/Argentina/Buenos_Aires")
        #expect(CalendarZones.zone(forTZID: "US-Eastern")?.identifier == "America/New_York")
        #expect(CalendarZones.zone(forTZID: "US/Eastern")?.identifier == "America/New_York")
        #expect(CalendarZones.zone(forTZID: "EST5EDT")?.identifier == "America/New_York")
        #expect(CalendarZones.zone(forTZID: "Belarus Standard Time")?.identifier == "Europe/Minsk")
        let plan = try self.plan(calendar(event("UID:z", "SUMMARY:Z", "DTSTART;TZID=\(long):20240301T100000")))
        #expect(plan.skipped.count == 1)
    }

    @Test("events that share a UID: occurrences by RECURRENCE-ID are kept apart; the same UID twice without one is reported, not merged")
    func sharedUIDs() throws {
        let text = calendar(event("UID:same", "SUMMARY:First", "DTSTART:20240301T100000Z")
            + event("UID:same", "SUMMARY:Second", "DTSTART:20240302T100000Z")
            + event("UID:occ", "RECURRENCE-ID:20240305T100000Z", "SUMMARY:Moved A", "DTSTART:20240305T120000Z")
            + event("UID:occ", "RECURRENCE-ID:20240306T100000Z", "SUMMARY:Moved B", "DTSTART:20240306T120000Z"))
        let plan = try self.plan(text)
        #expect(plan.added.map(\.title).sorted() == ["First", "Moved A", "Moved B"])
        #expect(plan.skipped.map(\.reason) == ["the same UID as the event at line 4 (and no other RECURRENCE-ID); only the first was imported"])
        #expect(Set(plan.added.compactMap(\.uid)) == ["same", "occ/20240305T100000Z", "occ/20240306T100000Z"])
        let again = try ICSImport.plan(Array(text.utf8), path: "t.ics", into: plan.catalog, window: window)
        #expect(again.added.isEmpty && again.updated.isEmpty)
        #expect(again.unchanged.count == 3)
    }

    @Test("an event without a UID is known again by its start, summary and organizer: importing twice adds it once")
    func noUID() throws {
        let text = calendar(event("SUMMARY:No UID", "DTSTART:20240301T100000Z", "ORGANIZER:mailto:a@example.org"))
        let first = try plan(text)
        #expect(first.added.count == 1)
        #expect(first.notes.contains { $0.contains("no UID; it is known by its start, summary and organizer") })
        let second = try ICSImport.plan(Array(text.utf8), path: "t.ics", into: first.catalog, window: window)
        #expect(second.added.isEmpty && second.updated.isEmpty)
        #expect(second.unchanged.count == 1)
    }

    @Test("rooms, resources and groups are not panelists: they go to the panel's notes")
    func roomsAreNotPeople() throws {
        let text = calendar(event("UID:r", "SUMMARY:Board", "DTSTART:20240301T100000Z",
                                  "ATTENDEE;CUTYPE=ROOM;CN=Board Room 3 (12):mailto:c_188@resource.calendar.google.com",
                                  "ATTENDEE;CUTYPE=GROUP;CN=Speakers list:mailto:speakers@example.org",
                                  "ATTENDEE;CN=Ann Lee;ROLE=CHAIR:mailto:ann@example.org"))
        let plan = try self.plan(text)
        let panel = try #require(plan.added.first)
        #expect(panel.roster.count == 1)
        #expect(plan.newPeople.map(\.name) == ["Ann Lee"])
        #expect(panel.notes == "Rooms and resources: Board Room 3 (12); Speakers list")
        let again = try ICSImport.plan(Array(text.utf8), path: "t.ics", into: plan.catalog, window: window)
        #expect(again.unchanged.count == 1)
    }

    @Test("a UTC time with a TZID is read as UTC, and the report says so")
    func utcWithTZID() throws {
        let plan = try self.plan(calendar(event("UID:zt", "SUMMARY:Both", "DTSTART;TZID=America/New_York:20211222T170000Z", "DURATION:PT1H")))
        let panel = try #require(plan.added.first)
        #expect(startUTC(panel) == "2021-12-22T17:00:00Z")
        #expect(panel.zone == "America/New_York" && panel.start == local("2021-12-22T12:00"))
        #expect(plan.notes.contains { $0.contains("has TZID=America/New_York and a UTC time (Z); the UTC time was used") })
    }

    @Test("zero length, ending before the start and lasting over 31 days are each skipped with their own reason")
    func lengths() throws {
        let plan = try self.plan(calendar(event("UID:z", "SUMMARY:Zero", "DTSTART:20240301T100000Z", "DTEND:20240301T100000Z")
            + event("UID:b", "SUMMARY:Back", "DTSTART:20240301T100000Z", "DTEND:20240301T090000Z")
            + event("UID:l", "SUMMARY:Long", "DTSTART:20240301T100000Z", "DTEND:20240501T090000Z")))
        #expect(plan.skipped.map(\.reason) == ["zero length: it ends when it starts", "it ends before it starts",
                                               "it lasts more than 31 days, the longest a panel may last"])
    }

    @Test("a start that would end after 9999-12-31 is skipped, so that every stored date can be exported")
    func lastYear() throws {
        let plan = try self.plan(calendar(event("UID:y", "SUMMARY:Late", "DTSTART;TZID=America/New_York:99991231T230000", "DURATION:PT1H")
            + event("UID:e", "SUMMARY:Early enough", "DTSTART:99991231T220000Z", "DURATION:PT1H")))
        #expect(plan.added.map(\.title) == ["Early enough"])
        #expect(plan.skipped.map(\.reason) == ["it would start or end outside the years 1 to 9999, which no calendar file can hold"])
        let ics = String(decoding: Agenda(catalog: plan.catalog, panels: Array(plan.catalog.panels.values), zones: [.utc], now: goldenNow).export(.ics), as: UTF8.self)
        #expect(ics.contains("DTEND:99991231T230000Z"))
        // The same start in a store (the loader takes any real date) is an invalid-time finding, and no export writes it.
        var catalog = plan.catalog
        catalog.panels["panel-late"] = Panel(id: "panel-late", title: "Late", start: local("9999-12-31T23:00"), zone: "America/New_York")
        let findings = Schedule(catalog: catalog).findings.filter { $0.code == .invalidTime }
        #expect(findings.map(\.message) == ["'Late': it would start or end outside the years 1 to 9999, which no calendar file can hold"])
        let exported = String(decoding: Agenda(catalog: catalog, panels: Array(catalog.panels.values), zones: [.utc], now: goldenNow).export(.ics), as: UTF8.self)
        #expect(!exported.contains("Late") && !exported.contains(":10000"))
    }

    /// A VTIMEZONE of two yearly observances (Outlook's form).
    func vtimezone(_ tzid: String, daylight: String, standard: String) -> String {
        "BEGIN:VTIMEZONE\r\nTZID:\(tzid)\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+1300\r\nTZOFFSETTO:+1200\r\n"
            + "RRULE:FREQ=YEARLY;\(standard)\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+1200\r\nTZOFFSETTO:+1300\r\n"
            + "RRULE:FREQ=YEARLY;\(daylight)\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
    }

    @Test("a Windows zone the file defines otherwise than IANA: the file's rules decide, stored as that instant in the IANA zone, and the report says so")
    func ownZoneRules() throws {
        // Daylight time from the first Sunday of October (6 October 2024), a week after IANA's (29 September).
        let zone = vtimezone("New Zealand Standard Time", daylight: "BYMONTH=10;BYDAY=1SU", standard: "BYMONTH=4;BYDAY=1SU")
        let text = calendar(event("UID:nz", "SUMMARY:Spring", "DTSTART;TZID=New Zealand Standard Time:20241001T100000", "DURATION:PT1H")
            + event("UID:nz2", "SUMMARY:Summer", "DTSTART;TZID=New Zealand Standard Time:20240115T100000", "DURATION:PT1H"), extra: zone)
        let plan = try self.plan(text)
        let panels = Dictionary(uniqueKeysWithValues: plan.added.map { ($0.title, $0) })
        let spring = try #require(panels["Spring"], "\(plan.report)")
        #expect(startUTC(spring) == "2024-09-30T22:00:00Z", "by the file, +12:00 until 6 October")
        #expect(spring.zone == "Pacific/Auckland" && spring.start == local("2024-10-01T11:00"))
        #expect(plan.notes.contains { $0.contains("the file defines \"New Zealand Standard Time\" otherwise than Pacific/Auckland: 2024-10-01 10:00 is 22:00 UTC by the file, 21:00 UTC by Pacific/Auckland") })
        #expect(startUTC(try #require(panels["Summer"])) == "2024-01-14T21:00:00Z")
        // A TZID with no IANA name, defined as New Zealand's rules are: stored in the zone with those offsets.
        let custom = calendar(event("UID:c", "SUMMARY:Custom", "DTSTART;TZID=Kiwi time:20241001T100000", "DURATION:PT1H"),
                              extra: vtimezone("Kiwi time", daylight: "BYMONTH=9;BYDAY=-1SU", standard: "BYMONTH=4;BYDAY=1SU"))
        let second = try self.plan(custom)
        let panel = try #require(second.added.first, "\(second.report)")
        #expect(panel.zone == "Pacific/Auckland" && startUTC(panel) == "2024-09-30T21:00:00Z")
        #expect(second.notes.contains { $0.contains("\"Kiwi time\" is not a zone Dais knows; the file's definition of it has the offsets of Pacific/Auckland") })
        // Neither an IANA name nor a definition: skipped, named.
        let unknown = try self.plan(calendar(event("UID:u", "SUMMARY:Nowhere", "DTSTART;TZID=Nowhere Standard Time:20241001T100000")))
        #expect(unknown.skipped.map(\.reason) == ["unknown time zone \"Nowhere Standard Time\" (not an IANA id, and the file does not define it)"])
    }

    @Test("a weekly webinar becomes one panel per occurrence in the window, in one series; an override moves one, EXDATE removes one; importing again changes nothing")
    func recurringEvents() throws {
        let text = calendar(event("UID:weekly@example.org", "SUMMARY:Weekly briefing", "DTSTART;TZID=America/New_York:20241101T100000",
                                  "DURATION:PT45M", "RRULE:FREQ=WEEKLY;COUNT=6", "EXDATE;TZID=America/New_York:20241115T100000")
            + event("UID:weekly@example.org", "RECURRENCE-ID;TZID=America/New_York:20241122T100000", "SUMMARY:Weekly briefing (moved)",
                    "DTSTART;TZID=America/New_York:20241122T140000", "DURATION:PT45M"))
        let plan = try self.plan(text)
        let panels = plan.added.sorted { startUTC($0) < startUTC($1) }
        #expect(panels.map { "\($0.start)" } == ["2024-11-01T10:00", "2024-11-08T10:00", "2024-11-22T14:00", "2024-11-29T10:00", "2024-12-06T10:00"])
        #expect(panels.map(startUTC) == ["2024-11-01T14:00:00Z", "2024-11-08T15:00:00Z", "2024-11-22T19:00:00Z", "2024-11-29T15:00:00Z", "2024-12-06T15:00:00Z"])
        #expect(Set(panels.compactMap(\.series)).count == 1)
        #expect(plan.newSeries.map(\.name) == ["Weekly briefing"])
        #expect(panels[2].title == "Weekly briefing (moved)")
        #expect(panels[2].uid == "weekly@example.org/20241122T150000Z")
        let again = try ICSImport.plan(Array(text.utf8), path: "t.ics", into: plan.catalog, window: window)
        #expect(!again.changesSomething, "\(again.report)")
        #expect(again.unchanged.count == 5)
        // A narrower window makes fewer panels, and says which window.
        let narrow = try ICSImport.plan(Array(text.utf8), path: "t.ics", into: Catalog(),
                                        window: ICSImport.Window(from: LocalDate(year: 2024, month: 11, day: 20)!, to: LocalDate(year: 2024, month: 11, day: 30)!))
        #expect(narrow.added.count == 2)
        #expect(narrow.notes.contains("recurring events were expanded from 2024-11-20 to 2024-11-30 (UTC); --from and --to choose other dates"))
    }
}
