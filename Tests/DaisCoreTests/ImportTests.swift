import Foundation
import Testing
@testable import DaisCore
import DaisSynthetic

func emptyCatalog() -> Catalog { Catalog() }

@Suite("Importing iCalendar files")
struct ImportTests {
    @Test("content lines: names and keys in capitals, quoted parameter values with ; and :, and a line that is not UTF-8 named")
    func contentLines() throws {
        let p = try ICalendarParser.contentLine(Array(#"attendee;cn="Chen, Melissa; PhD";Role=CHAIR;x-a="a:b"c:mailto:m@example.org"#.utf8), number: 3)
        #expect(p.name == "ATTENDEE")
        #expect(p.parameterList.map(\.name) == ["CN", "ROLE", "X-A"])
        #expect(p.parameter("cn") == "Chen, Melissa; PhD")
        #expect(p.parameter("X-A") == "a:bc")
        #expect(p.value == "mailto:m@example.org")
        #expect(try ICalendarParser.contentLine(Array("SUMMARY;LANGUAGE=de:Zoë: 🎉".utf8), number: 1).value == "Zoë: 🎉")
        let bad = Array("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:caf".utf8) + [0xE9] + Array("\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8)
        let event = try #require(try ICalendarParser.parse(bad).calendars.first?.components.first)
        #expect(event.problems.map(\.line) == [3], "the line is kept as a problem of its event")
        #expect(event.problems.map(\.message) == ["the line is not UTF-8 text"])
    }

    @Test("TEXT values unescape \\\\, \\;, \\, and \\n or \\N, around letters of any length")
    func unescaping() {
        #expect(ICalendarParser.unescape("plain text, no escapes") == "plain text, no escapes")
        #expect(ICalendarParser.unescape(#"a\,b\;c\\d\ne\Nf"#) == "a,b;c\\d\ne\nf")
        #expect(ICalendarParser.unescape(#"Zoë\, 王小明\; 🎉\n"#) == "Zoë, 王小明; 🎉\n")
        #expect(ICalendarParser.unescape(#"\é and a lone one at the end\"#) == "é and a lone one at the end")
        #expect(ICalendarParser.unescape("") == "")
    }

    @Test("a file exported by Dais, imported into an empty store, gives back the same panels, people and organizations")
    func roundTrip() throws {
        let demo = try demoCatalog()
        let bytes = try demoAgenda().export(.ics)
        let plan = try ICSImport.plan(bytes, path: "demo.ics", into: Catalog(settings: demo.settings))
        #expect(plan.skipped.isEmpty)
        #expect(plan.added.count == 6)
        let imported = plan.applied(to: Catalog(settings: demo.settings))
        #expect(imported.panels == demo.panels)
        #expect(imported.people == demo.people)
        #expect(imported.organizations.mapValues(\.name) == demo.organizations.mapValues(\.name))
        #expect(imported.series.mapValues(\.name) == demo.series.mapValues(\.name))
        #expect(imported.series.mapValues(\.host) == demo.series.mapValues(\.host))
        let again = Agenda(catalog: imported, panels: imported.panelsByStart(), zones: imported.settings.displayZones.compactMap(Zone.named), now: goldenNow)
        #expect(again.export(.ics) == bytes, "export, import, export gives the same file")
    }

    @Test("a synthetic store of 1,500 panels (people whose names fold alike among them) exported and imported gives back the same panels, and exports to the same file")
    func roundTripSynthetic() throws {
        let catalog = SyntheticStore.generate(panels: 1_500)
        let bytes = Agenda(catalog: catalog, panels: catalog.panelsByStart(), zones: [], now: goldenNow).export(.ics)
        let plan = try ICSImport.plan(bytes, path: "synthetic.ics", into: Catalog(settings: catalog.settings))
        #expect(plan.skipped.isEmpty)
        let imported = plan.applied(to: Catalog(settings: catalog.settings))
        let differing = catalog.panels.values.filter { imported.panels[$0.id] != $0 }.sorted { $0.id < $1.id }
        #expect(differing.count == 0, "\(differing.count) differ, first: \(differing.first.map { ICSImport.differences($0, imported.panels[$0.id] ?? Panel(id: "missing", title: "", start: $0.start, zone: "UTC")) } ?? []) \(String(describing: differing.first?.id)) \(String(describing: differing.first?.roster)) vs \(String(describing: differing.first.flatMap { imported.panels[$0.id]?.roster }))")
        #expect(imported.panels.count == catalog.panels.count)
        let named = catalog.people.filter { id, _ in catalog.panels.values.contains { $0.roster.contains { $0.person == id } } }
        let wrongNames = named.filter { imported.people[$0.key]?.name != $0.value.name }.map(\.key).sorted()
        #expect(wrongNames.count == 0, "\(wrongNames.count): \(wrongNames.prefix(3)) \(wrongNames.prefix(3).map { (catalog.people[$0]?.name, imported.people[$0]?.name) })")
        let same = Agenda(catalog: imported, panels: imported.panelsByStart(), zones: [], now: goldenNow).export(.ics) == bytes
        #expect(same, "export, import, export gives the same file")
    }

    @Test("two ids in one Dais file stay two people when their names fold alike; a store's own person is matched by name once")
    func sameNameTwoIDs() throws {
        var catalog = try demoCatalog()
        catalog.people["p-a"] = Person(id: "p-a", name: "Maria García")
        catalog.people["p-b"] = Person(id: "p-b", name: "Maria Garcia")
        var panels = catalog.panelsByStart()
        panels[0].roster.append(RosterEntry(person: "p-a", role: .panelist))
        panels[1].roster.append(RosterEntry(person: "p-b", role: .panelist))
        for panel in panels.prefix(2) { catalog.panels[panel.id] = panel }
        let bytes = Agenda(catalog: catalog, panels: catalog.panelsByStart(), zones: [], now: goldenNow).export(.ics)

        let fresh = try ICSImport.plan(bytes, path: "x.ics", into: Catalog()).applied(to: Catalog())
        #expect(fresh.people["p-a"]?.name == "Maria García")
        #expect(fresh.people["p-b"]?.name == "Maria Garcia")
        #expect(fresh.panels[panels[1].id]?.roster.contains { $0.person == "p-b" } == true)

        // Into a store that knows her as p-z: the first id is matched to p-z, the second is new.
        var store = Catalog()
        store.people["p-z"] = Person(id: "p-z", name: "María Garcia")
        let plan = try ICSImport.plan(bytes, path: "x.ics", into: store)
        let merged = plan.applied(to: store)
        #expect(plan.catalog == merged)
        #expect(merged.panels[panels[0].id]?.roster.contains { $0.person == "p-z" } == true)
        #expect(merged.panels[panels[1].id]?.roster.contains { $0.person == "p-b" } == true)
        #expect(merged.people["p-a"] == nil)
    }

    @Test("one id of a Dais file under another name at one panel is another person there, and the same person again at the next")
    func sameIDOtherName() throws {
        var catalog = try demoCatalog()
        catalog.people["p-q"] = Person(id: "p-q", name: "Ann Lee")
        let panels = Array(catalog.panelsByStart().prefix(4))
        for var panel in panels {
            panel.roster.append(RosterEntry(person: "p-q", role: .panelist))
            catalog.panels[panel.id] = panel
        }
        var text = String(decoding: Agenda(catalog: catalog, panels: catalog.panelsByStart(), zones: [], now: goldenNow).export(.ics), as: UTF8.self)
        // The third of the four panels names p-q "Bob Stone" (the second found her as the first made her).
        let occurrences = text.ranges(of: "CN=Ann Lee")
        try #require(occurrences.count == 4)
        text.replaceSubrange(occurrences[2], with: "CN=Bob Stone")

        let fresh = try ICSImport.plan(Array(text.utf8), path: "x.ics", into: Catalog()).applied(to: Catalog())
        let ids = panels.map { panel in fresh.panels[panel.id]!.roster.map(\.person).filter { fresh.people[$0]?.name == "Ann Lee" || fresh.people[$0]?.name == "Bob Stone" } }
        #expect(ids.map(\.count) == [1, 1, 1, 1])
        #expect(ids[0] == ["p-q"] && ids[1] == ["p-q"] && ids[3] == ["p-q"])
        #expect(ids[2] != ["p-q"] && fresh.people[ids[2][0]]?.name == "Bob Stone")
    }

    @Test("organizations and series by the file's id: an id the store has is that one at every panel; an id it cannot take names one by name each time")
    func organizationsByFileID() throws {
        var catalog = try demoCatalog()
        catalog.organizations["org-keep"] = Organization(id: "org-keep", name: "Keepers")
        for var panel in catalog.panelsByStart().prefix(3) {
            panel.cosponsors = ["org-keep"]
            catalog.panels[panel.id] = panel
        }
        let panels = Array(catalog.panelsByStart().prefix(3))
        var text = String(decoding: Agenda(catalog: catalog, panels: panels, zones: [], now: goldenNow).export(.ics), as: UTF8.self)
        let lines = text.ranges(of: "X-DAIS-COSPONSOR;CN=Keepers:org-keep")
        try #require(lines.count == 3)
        // The first two panels name an id that cannot be an id under two names; the third keeps org-keep.
        text.replaceSubrange(lines[1], with: "X-DAIS-COSPONSOR;CN=Second Org:not an id")
        text.replaceSubrange(lines[0], with: "X-DAIS-COSPONSOR;CN=First Org:not an id")
        let plan = try ICSImport.plan(Array(text.utf8), path: "x.ics", into: Catalog())
        let made = plan.catalog
        let cosponsors = panels.map { made.panels[$0.id]!.cosponsors.map { made.organizations[$0]!.name } }
        #expect(cosponsors == [["First Org"], ["Second Org"], ["Keepers"]])
        #expect(made.panels[panels[2].id]!.cosponsors == ["org-keep"])
        // Every panel's series and host came back as the store had them, named once each.
        #expect(panels.allSatisfy { made.panels[$0.id]!.series == $0.series && made.panels[$0.id]!.host == $0.host })
        #expect(Set(plan.newSeries.map(\.id)).count == plan.newSeries.count)
        #expect(Set(plan.newOrganizations.map(\.id)).count == plan.newOrganizations.count)
    }

    @Test("re-importing updates the panel with the same UID instead of duplicating it")
    func reimport() throws {
        let demo = try demoCatalog()
        let bytes = try demoAgenda().export(.ics)
        let same = try ICSImport.plan(bytes, path: "demo.ics", into: demo)
        #expect(same.added.isEmpty && same.updated.isEmpty)
        #expect(same.unchanged.count == 6)
        let edited = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "SUMMARY:Transnational repression and targeted sanctions", with: "SUMMARY:Transnational repression (new title)")
        let plan = try ICSImport.plan(Array(edited.utf8), path: "demo.ics", into: demo)
        #expect(plan.updated.count == 1)
        #expect(plan.updated.first?.new.title == "Transnational repression (new title)")
        #expect(plan.updated.first?.new.id == "panel-2024-11-26-transnational-repression")
        #expect(plan.report.contains("update panel   panel-2024-11-26-transnational-repression  title"))
        // The catalog the plan keeps (what `dais import` saves) is its changes applied to the store.
        #expect(same.catalog == demo)
        #expect(plan.catalog == plan.applied(to: demo))
        #expect(plan.catalog.panels["panel-2024-11-26-transnational-repression"]?.title == "Transnational repression (new title)")
    }

    @Test("Google Calendar's file: X-WR-TIMEZONE for UTC times, attendees by role, matched by folded name; all-day events skipped with reasons; a weekly call becomes a series of panels")
    func google() throws {
        let window = ICSImport.Window(from: LocalDate(year: 2024, month: 11, day: 1)!, to: LocalDate(year: 2025, month: 10, day: 31)!)
        let plan = try ICSImport.plan(try fixtureBytes("import/google.ics"), path: "google.ics", into: try demoCatalog(), window: window)
        #expect(plan.added.count == 6)
        let followUp = try #require(plan.added.first { $0.title == "Sanctions follow-up: what comes next" })
        #expect(followUp.start == local("2024-12-03T10:00"))
        #expect(followUp.zone == "America/New_York")
        #expect(followUp.durationMinutes == 90)
        #expect(followUp.uid == "7kukuqrfedlm2f3vr3bl4a3kro@google.com")
        #expect(followUp.roster.map { "\($0.role.rawValue) \($0.person)" } == ["moderator p-olivia-dehnavi", "panelist p-evgenia-kara-murza", "panelist p-melissa-chen"])
        #expect(followUp.description == "Follow-up on Magnitsky Month 2024, with the authors of the report.\nJoin on Zoom.")
        #expect(plan.newPeople.isEmpty, "Évgenia Kara Murza and \"Chen, Melissa\" are people already in the directory")
        let briefing = try #require(plan.added.first { $0.title == "Human Rights Day briefing" })
        #expect(briefing.start == local("2024-12-10T10:00"), "15:00Z read in X-WR-TIMEZONE America/New_York")
        #expect(briefing.status == .draft)
        #expect(plan.skipped.map(\.reason) == ["an all-day event; panels need a start time"])
        let calls = plan.added.filter { $0.title == "Weekly coalition call" }.sorted { $0.start < $1.start }
        #expect(calls.map(\.start.description) == ["2024-12-04T09:00", "2024-12-11T09:00", "2024-12-18T09:00", "2024-12-25T09:00"])
        #expect(calls.map(\.uid) == ["weekly@google.com/20241204T140000Z", "weekly@google.com/20241211T140000Z",
                                     "weekly@google.com/20241218T140000Z", "weekly@google.com/20241225T140000Z"])
        #expect(Set(calls.map(\.series)).count == 1 && plan.newSeries.map(\.name) == ["Weekly coalition call"])
        // Outside the default window (a year from today), the same file makes no panel of it and says so.
        let today = try ICSImport.plan(try fixtureBytes("import/google.ics"), path: "google.ics", into: try demoCatalog(),
                                       window: .year(from: LocalDate(year: 2026, month: 12, day: 7)!))
        #expect(today.notes.contains { $0.contains("'Weekly coalition call' (line ") && $0.contains("a recurring event with no occurrence from 2026-12-07 to 2027-12-07") })
    }

    @Test("an X-WR-TIMEZONE after the events still counts")
    func calendarZoneAfterEvents() throws {
        let demo = try demoCatalog()
        // Google's file with its X-WR-TIMEZONE moved to the end of the calendar.
        let google = String(decoding: try fixtureBytes("import/google.ics"), as: UTF8.self)
        let line = try #require(google.components(separatedBy: "\r\n").first { $0.hasPrefix("X-WR-TIMEZONE") })
        let moved = google.replacingOccurrences(of: line + "\r\n", with: "").replacingOccurrences(of: "END:VCALENDAR", with: line + "\r\nEND:VCALENDAR")
        #expect(moved != google)
        let plan = try ICSImport.plan(Array(moved.utf8), path: "moved.ics", into: demo)
        let briefing = try #require(plan.added.first { $0.title == "Human Rights Day briefing" })
        #expect(briefing.start == local("2024-12-10T10:00"), "15:00Z read in America/New_York, named after the events")
        #expect(briefing.zone == "America/New_York")
    }

    @Test("Outlook's file: Windows and display-name TZIDs, DURATION; unknown zones and times in a gap skipped with reasons")
    func outlook() throws {
        let plan = try ICSImport.plan(try fixtureBytes("import/outlook.ics"), path: "outlook.ics", into: emptyCatalog())
        let webinar = try #require(plan.added.first { $0.title.hasPrefix("Evaluating Australia") })
        #expect(webinar.zone == "Australia/Sydney")
        #expect(webinar.start == local("2023-11-29T13:00"))
        #expect(webinar.durationMinutes == 75)
        #expect(try webinar.slot().get().span.start.iso8601 == "2023-11-29T02:00:00Z")
        #expect(webinar.roster.map(\.role) == [.panelist, .panelist])
        #expect(plan.newPeople.map(\.email) == ["tasneem@example.org", "anton@example.org"])
        let visa = try #require(plan.added.first { $0.title == "Visa sanctions briefing" })
        #expect(visa.zone == "America/New_York")
        #expect(visa.durationMinutes == 75)
        #expect(plan.skipped.count == 2)
        #expect(plan.skipped[0].reason == "unknown time zone \"Mars Standard Time\" (not an IANA id, and the file does not define it)")
        #expect(plan.skipped[1].reason.hasPrefix("2024-03-10 02:30 does not exist in America/New_York"))
    }

    @Test("names with commas, semicolons, quotes, newlines, accents and CJK survive export and import")
    func hostileNames() throws {
        var catalog = try demoCatalog()
        catalog.people["p-x"] = Person(id: "p-x", name: "王小明, \"Zoë\"; Okafor", title: "Line one\nLine two; with, commas", email: "x@example.org")
        var panel = catalog.panels["panel-2024-11-13-arbitrary-detention"]!
        panel.title = "Title; with, \"quotes\" and \\ backslash\nand a newline — 王小明 🎉"
        panel.roster.append(RosterEntry(person: "p-x", role: .moderator, title: "Appearance: \"special\"; a, b"))
        catalog.panels[panel.id] = panel
        let bytes = Agenda(catalog: catalog, panels: catalog.panelsByStart(), zones: [], now: goldenNow).export(.ics)
        let imported = try ICSImport.plan(bytes, path: "x.ics", into: Catalog()).applied(to: Catalog())
        #expect(imported.panels[panel.id]?.title == panel.title)
        #expect(imported.panels[panel.id]?.roster.last?.title == "Appearance: 'special'; a, b", "double quotes cannot travel in a parameter")
        #expect(imported.people["p-x"]?.name == "王小明, 'Zoë'; Okafor")
    }

    @Test("a file that is not iCalendar, or is cut short, is refused with the line, and nothing is planned")
    func broken() {
        #expect(throws: ICSImport.Failure.self) { try ICSImport.plan(try fixtureBytes("import/truncated.ics"), path: "t.ics", into: Catalog()) }
        do {
            _ = try ICSImport.plan(try fixtureBytes("import/not-calendar.ics"), path: "n.ics", into: Catalog())
        } catch {
            #expect("\(error)" == "n.ics:1: not an iCalendar file: it does not start with BEGIN:VCALENDAR")
        }
    }

    @Test("content lines: unfolding, quoted parameters, TEXT unescaping, durations")
    func parser() throws {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY;LANGUAGE=en:Long\r\n  title\r\nATTENDEE;CN=\"Chen, Melissa\";ROLE=CHAIR:mailto:m@x.org\r\nDESCRIPTION:a\\, b\\; c\\\\ d\\ne\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let calendar = try #require(try ICalendarParser.parse(Array(text.utf8)).calendars.first)
        let event = try #require(calendar.components.first)
        #expect(event.first("SUMMARY")?.text == "Long title")
        #expect(event.first("ATTENDEE")?.parameter("cn") == "Chen, Melissa")
        #expect(event.first("ATTENDEE")?.value == "mailto:m@x.org")
        #expect(event.first("DESCRIPTION")?.text == "a, b; c\\ d\ne")
        #expect(ICalendarParser.durationMinutes("PT1H15M") == 75)
        #expect(ICalendarParser.durationMinutes("P1DT2H") == 26 * 60)
        #expect(ICalendarParser.durationMinutes("1 hour") == nil)
        #expect(CalendarZones.zone(forTZID: "\"W. Europe Standard Time\"")?.identifier == "Europe/Berlin")
        #expect(CalendarZones.zone(forTZID: "/mozilla.org/20050126_1/America/New_York")?.identifier == "America/New_York")
        #expect(CalendarZones.zone(forTZID: "(UTC+10:00) Canberra, Melbourne, Sydney")?.identifier == "Australia/Sydney")
    }
}
