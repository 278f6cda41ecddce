import Testing
@testable import DaisCore

/// Builders for small catalogs.
enum Build {
    static let people: [Person] = [
        Person(id: "p-evgenia", name: "Evgenia Kara-Murza"),
        Person(id: "p-tasneem", name: "Tasneem Roc", homeZone: "Australia/Sydney"),
        Person(id: "p-olivia", name: "Olivia Dehnavi", homeZone: "Europe/London",
               unavailable: [Unavailability(start: local("2024-11-13T16:00"), end: local("2024-11-13T18:00"), zone: "Europe/London")]),
        Person(id: "p-anton", name: "Anton Moiseienko"),
    ]

    static func panel(_ id: String, _ start: String, _ zone: String, minutes: Int = 60, title: String? = nil,
                      roster: [(String, Role)] = [], series: String? = nil, status: PanelStatus = .scheduled,
                      host: String? = nil, cosponsors: [String] = []) -> Panel {
        Panel(id: PanelID(id), series: series.map { SeriesID($0) }, title: title ?? id.uppercased(), start: local(start), zone: zone,
              durationMinutes: minutes, status: status, host: host.map { OrganizationID($0) },
              cosponsors: cosponsors.map { OrganizationID($0) },
              roster: roster.map { RosterEntry(person: PersonID($0.0), role: $0.1) })
    }

    static func catalog(_ panels: [Panel], people: [Person] = people, organizations: [Organization] = [Organization(id: "hrf", name: "Human Rights First")],
                        series: [Series] = [Series(id: "mm", name: "Magnitsky Month", host: "hrf"), Series(id: "other", name: "Other")],
                        settings: Settings = Settings()) -> Catalog {
        Catalog(settings: settings, organizations: organizations, people: people, series: series, panels: panels)
    }

    /// A full roster so that no-moderator and no-panelists stay quiet.
    static func full(_ person: String) -> [(String, Role)] { [(person, .panelist), ("p-anton", .moderator)] }
}

/// "code panels people" lines of a catalog's findings, sorted.
func findingLines(_ catalog: Catalog, _ code: FindingCode) -> [String] {
    Schedule(catalog: catalog).findings.filter { $0.code == code }
        .map { "\($0.panels.map(\.rawValue).joined(separator: ",")) \($0.people.map(\.rawValue).joined(separator: ","))" }
}

func messages(_ catalog: Catalog, _ code: FindingCode) -> [String] {
    Schedule(catalog: catalog).findings.filter { $0.code == code }.map(\.message)
}

@Suite("Checks: person-double-booked")
struct DoubleBookedTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let a: (String, String)
        let b: (String, String)
        let expected: [String]
        var testDescription: String { name }
    }

    @Test("overlap is decided on instants, whatever the wall clocks say", arguments: [
        Case(name: "10:00 EST and 02:30 AEDT next day overlap 30 min (16 h apart in November)",
             a: ("2024-11-13T10:00", "America/New_York"), b: ("2024-11-14T02:30", "Australia/Sydney"), expected: ["a,b p-evgenia"]),
        Case(name: "the same, zones the other way round",
             a: ("2024-11-14T02:30", "Australia/Sydney"), b: ("2024-11-13T10:00", "America/New_York"), expected: ["b,a p-evgenia"]),
        Case(name: "10:00 EST and 03:00 AEDT next day only touch",
             a: ("2024-11-13T10:00", "America/New_York"), b: ("2024-11-14T03:00", "Australia/Sydney"), expected: []),
        Case(name: "March, US already on summer time, Sydney still on it: 15 h apart, 01:30 AEDT overlaps 10:00 EDT",
             a: ("2024-03-20T10:00", "America/New_York"), b: ("2024-03-21T01:30", "Australia/Sydney"), expected: ["a,b p-evgenia"]),
        Case(name: "March: 02:00 AEDT is 11:00 EDT, touching",
             a: ("2024-03-20T10:00", "America/New_York"), b: ("2024-03-21T02:00", "Australia/Sydney"), expected: []),
        Case(name: "June: 14 h apart, 00:30 AEST overlaps 10:00 EDT",
             a: ("2024-06-12T10:00", "America/New_York"), b: ("2024-06-13T00:30", "Australia/Sydney"), expected: ["a,b p-evgenia"]),
        Case(name: "June: 01:00 AEST is 11:00 EDT, touching",
             a: ("2024-06-12T10:00", "America/New_York"), b: ("2024-06-13T01:00", "Australia/Sydney"), expected: []),
        Case(name: "October, Sydney on summer time, US not yet off it: 15 h apart",
             a: ("2024-10-16T10:00", "America/New_York"), b: ("2024-10-17T01:30", "Australia/Sydney"), expected: ["a,b p-evgenia"]),
        Case(name: "a third zone: 15:30 London overlaps 10:00 EST",
             a: ("2024-11-13T10:00", "America/New_York"), b: ("2024-11-13T15:30", "Europe/London"), expected: ["a,b p-evgenia"]),
        Case(name: "same wall clock, different zones, no overlap",
             a: ("2024-11-13T10:00", "America/New_York"), b: ("2024-11-13T10:00", "Europe/London"), expected: []),
    ])
    func overlap(_ c: Case) {
        let catalog = Build.catalog([
            Build.panel("a", c.a.0, c.a.1, roster: Build.full("p-evgenia")),
            Build.panel("b", c.b.0, c.b.1, roster: [("p-evgenia", .panelist)]),
        ])
        #expect(findingLines(catalog, .personDoubleBooked) == c.expected)
    }

    @Test("the message names the person and both panels in start order, the second read also in the first one's zone")
    func message() {
        let catalog = Build.catalog([
            Build.panel("a", "2024-11-26T10:00", "America/New_York", title: "Transnational repression", roster: Build.full("p-evgenia")),
            Build.panel("b", "2024-11-27T01:30", "Australia/Sydney", title: "X", roster: [("p-evgenia", .panelist)]),
        ])
        #expect(messages(catalog, .personDoubleBooked) == [
            "Evgenia Kara-Murza is on 'X' (Nov 27 01:30 AEDT) and 'Transnational repression' (Nov 26 10:00 EST = Nov 27 02:00 AEDT), overlapping 30 min",
        ])
    }

    @Test("a cancelled panel takes part in no check")
    func cancelled() {
        let catalog = Build.catalog([
            Build.panel("a", "2024-11-13T10:00", "America/New_York", roster: Build.full("p-evgenia")),
            Build.panel("b", "2024-11-13T10:30", "America/New_York", roster: [("p-evgenia", .panelist)], status: .cancelled),
        ])
        #expect(Schedule(catalog: catalog).findings.allSatisfy { !$0.panels.contains("b") })
        #expect(findingLines(catalog, .personDoubleBooked).isEmpty)
    }

    @Test("three overlapping panels give every pair")
    func threeWay() {
        let catalog = Build.catalog([
            Build.panel("a", "2024-11-13T10:00", "America/New_York", minutes: 120, roster: Build.full("p-evgenia")),
            Build.panel("b", "2024-11-13T10:30", "America/New_York", roster: [("p-evgenia", .panelist)]),
            Build.panel("c", "2024-11-13T11:00", "America/New_York", roster: [("p-evgenia", .panelist)]),
        ])
        #expect(findingLines(catalog, .personDoubleBooked) == ["a,b p-evgenia", "a,c p-evgenia", "b,c p-evgenia"])
    }

    @Test("in the demo store Evgenia Kara-Murza sits on two panels that do not overlap")
    func demo() throws {
        let schedule = Schedule(catalog: try demoCatalog())
        #expect(!schedule.findings.contains { $0.code == .personDoubleBooked })
        #expect(schedule.findings(forPerson: "p-evgenia-kara-murza").isEmpty)
    }
}

@Suite("Checks: short-changeover")
struct ChangeoverTests {
    @Test("back-to-back is no overlap but a short changeover; the setting decides", arguments: [
        ("2024-11-13T11:00", 15, ["a,b p-evgenia"]), ("2024-11-13T11:05", 15, ["a,b p-evgenia"]),
        ("2024-11-13T11:15", 15, []), ("2024-11-13T11:05", 0, []), ("2024-11-13T11:20", 30, ["a,b p-evgenia"]),
        ("2024-11-13T10:30", 15, []),  // overlapping: double-booked instead
    ])
    func changeover(_ secondStart: String, _ minutes: Int, _ expected: [String]) {
        let catalog = Build.catalog([
            Build.panel("a", "2024-11-13T10:00", "America/New_York", roster: Build.full("p-evgenia")),
            Build.panel("b", secondStart, "America/New_York", roster: [("p-evgenia", .panelist)]),
        ], settings: Settings(changeoverMinutes: minutes))
        #expect(findingLines(catalog, .shortChangeover) == expected)
    }

    @Test("across zones: ends 11:00 EST, starts 16:05 London")
    func acrossZones() {
        let catalog = Build.catalog([
            Build.panel("a", "2024-11-13T10:00", "America/New_York", title: "A", roster: Build.full("p-evgenia")),
            Build.panel("b", "2024-11-13T16:05", "Europe/London", title: "B", roster: [("p-evgenia", .panelist)]),
        ])
        #expect(messages(catalog, .shortChangeover) == [
            "Evgenia Kara-Murza has 5 min between 'A' (ends Nov 13 11:00 EST) and 'B' (starts Nov 13 16:05 GMT = Nov 13 11:05 EST); the changeover is 15 min",
        ])
    }
}

@Suite("Checks: roster")
struct RosterTests {
    @Test("a roster longer than the check's reused lists (40 people, one twice) is checked whole")
    func longRoster() {
        let crowd = (0..<40).map { Person(id: PersonID("p-crowd-\($0)"), name: "Speaker \($0)", homeZone: $0 == 39 ? "Australia/Sydney" : nil) }
        let roster = crowd.map { ($0.id.rawValue, Role.panelist) } + [("p-crowd-17", .panelist), ("p-anton", .moderator)]
        let catalog = Build.catalog([Build.panel("a", "2024-11-13T10:00", "America/New_York", roster: roster)], people: Build.people + crowd)
        #expect(findingLines(catalog, .personTwiceInRoster) == ["a p-crowd-17"])
        // The last of the 40, past the first lists' room, is still read: 10:00 in New York is 02:00 in Sydney.
        #expect(findingLines(catalog, .outsideWakingHours) == ["a p-crowd-39"])
    }

    @Test("one person twice on a roster is an error; two people are not")
    func twice() {
        let twice = Build.catalog([Build.panel("a", "2024-11-13T10:00", "America/New_York", title: "A", roster: [("p-evgenia", .moderator), ("p-evgenia", .panelist)])])
        #expect(findingLines(twice, .personTwiceInRoster) == ["a p-evgenia"])
        #expect(messages(twice, .personTwiceInRoster) == ["Evgenia Kara-Murza is on the roster of 'A' twice (moderator and panelist)"])
        let fine = Build.catalog([Build.panel("a", "2024-11-13T10:00", "America/New_York", roster: [("p-evgenia", .moderator), ("p-anton", .panelist)])])
        #expect(findingLines(fine, .personTwiceInRoster).isEmpty)
        #expect(findingLines(twice, .personDoubleBooked).isEmpty)
    }

    @Test("no moderator and no panelists are flagged on scheduled panels only", arguments: [
        ([("p-evgenia", Role.panelist)], PanelStatus.scheduled, [FindingCode.noModerator]),
        ([("p-evgenia", Role.moderator)], .scheduled, [.noPanelists]),
        ([("p-evgenia", Role.remarks)], .scheduled, [.noModerator, .noPanelists]),
        ([], .scheduled, [.noModerator, .noPanelists]),
        ([], .draft, []),
        ([("p-evgenia", Role.moderator), ("p-anton", .panelist)], .scheduled, []),
    ])
    func openRoles(_ roster: [(String, Role)], _ status: PanelStatus, _ expected: [FindingCode]) {
        let catalog = Build.catalog([Build.panel("a", "2024-11-13T10:00", "America/New_York", roster: roster, status: status)])
        let codes = Schedule(catalog: catalog).findings.map(\.code).filter { $0 == .noModerator || $0 == .noPanelists }
        #expect(codes == expected)
    }

    @Test("the demo store's panels without moderators or panelists are flagged")
    func demo() throws {
        let found = Schedule(catalog: try demoCatalog()).findings.map { "\($0.code.rawValue) \($0.panels[0])" }
        #expect(found.sorted() == [
            "no-moderator panel-2023-11-29-australia-framework", "no-moderator panel-2024-01-25-visa-sanctions",
            "no-moderator panel-2024-11-13-arbitrary-detention", "no-moderator panel-2024-11-21-global-magnitsky-record",
            "no-moderator panel-2024-11-26-transnational-repression",
            "no-panelists panel-2023-11-20-impact-of-sanctions", "no-panelists panel-2024-01-25-visa-sanctions",
        ])
    }
}

@Suite("Checks: unavailability and waking hours")
struct AvailabilityTests {
    @Test("an unavailability window in a third zone is compared on instants", arguments: [
        ("2024-11-13T10:00", 120, ["a p-olivia"]),  // 15:00Z-17:00Z vs 16:00Z-18:00Z London
        ("2024-11-13T12:00", 60, ["a p-olivia"]),   // 17:00Z-18:00Z: inside
        ("2024-11-13T09:00", 60, []),               // 14:00Z-15:00Z: before
        ("2024-11-13T13:00", 60, []),               // 18:00Z-19:00Z: touching the end
    ])
    func unavailable(_ start: String, _ minutes: Int, _ expected: [String]) {
        let catalog = Build.catalog([Build.panel("a", start, "America/New_York", minutes: minutes, roster: Build.full("p-olivia"))])
        #expect(findingLines(catalog, .personUnavailable) == expected)
    }

    @Test("the unavailability message shows the window and the panel in the window's zone")
    func unavailableMessage() {
        let catalog = Build.catalog([Build.panel("a", "2024-11-13T10:00", "America/New_York", minutes: 120, title: "A", roster: Build.full("p-olivia"))])
        #expect(messages(catalog, .personUnavailable) == [
            "Olivia Dehnavi is unavailable from Nov 13 16:00 GMT to Nov 13 18:00 GMT but is on 'A' (Nov 13 10:00 EST = Nov 13 15:00 GMT)",
        ])
    }

    @Test("waking hours in a roster member's home zone", arguments: [
        ("2024-11-13T10:00", "America/New_York", 60, true),   // 02:00-03:00 AEDT
        ("2024-11-13T17:00", "America/New_York", 60, false),  // 09:00-10:00 AEDT
        ("2024-11-13T15:00", "America/New_York", 60, true),   // 07:00-08:00 AEDT starts before 08:00
        ("2024-11-14T20:00", "Australia/Sydney", 60, false),  // ends exactly 21:00
        ("2024-11-14T20:15", "Australia/Sydney", 60, true),   // ends 21:15
        ("2024-11-14T08:00", "Australia/Sydney", 60, false),
        ("2024-11-14T07:45", "Australia/Sydney", 60, true),
        ("2024-11-14T20:30", "Australia/Sydney", 240, true),  // runs past midnight
    ])
    func waking(_ start: String, _ zone: String, _ minutes: Int, _ fires: Bool) {
        let catalog = Build.catalog([Build.panel("a", start, zone, minutes: minutes, roster: Build.full("p-tasneem"))])
        #expect(findingLines(catalog, .outsideWakingHours) == (fires ? ["a p-tasneem"] : []))
    }

    @Test("the waking-hours message shows the slot in the home zone; people without a home zone are not checked")
    func wakingMessage() {
        let catalog = Build.catalog([Build.panel("a", "2024-11-13T10:00", "America/New_York", title: "A", roster: [("p-tasneem", .panelist), ("p-evgenia", .moderator)])])
        #expect(messages(catalog, .outsideWakingHours) == ["'A' is Nov 14 02:00-03:00 AEDT for Tasneem Roc (Australia/Sydney), outside waking hours 08:00-21:00"])
    }

    @Test("waking hours come from the store's settings")
    func wakingSettings() {
        let catalog = Build.catalog([Build.panel("a", "2024-11-14T07:00", "Australia/Sydney", roster: Build.full("p-tasneem"))],
                                    settings: Settings(wakingHours: WakingHours(start: 6 * 60, end: 22 * 60)))
        #expect(findingLines(catalog, .outsideWakingHours).isEmpty)
    }

    @Test("a person's own waking hours win over the store's, in the whole check and after an edit of the person")
    func wakingOwn() {
        var catalog = Build.catalog([Build.panel("a", "2024-11-14T07:00", "Australia/Sydney", title: "A", roster: Build.full("p-tasneem"))])
        #expect(findingLines(catalog, .outsideWakingHours) == ["a p-tasneem"])
        var schedule = Schedule(catalog: catalog)
        catalog.people["p-tasneem"]!.wakingHours = WakingHours(start: 6 * 60, end: 20 * 60)
        schedule.personChanged("p-tasneem", in: catalog)
        #expect(!schedule.findings.contains { $0.code == .outsideWakingHours })
        #expect(findingLines(catalog, .outsideWakingHours).isEmpty)
        // Their hours end at 20:00: a panel at 19:30 runs past them, and the message says their hours.
        catalog.panels["a"]!.start = LocalDateTime(year: 2024, month: 11, day: 14, hour: 19, minute: 30)!
        #expect(messages(catalog, .outsideWakingHours) == ["'A' is Nov 14 19:30-20:30 AEDT for Tasneem Roc (Australia/Sydney), outside waking hours 06:00-20:00"])
    }
}

@Suite("Checks: references and times")
struct ReferenceAndTimeTests {
    @Test("references to ids that name nothing are errors")
    func unknownReferences() {
        let catalog = Build.catalog([
            Build.panel("a", "2024-11-13T10:00", "America/New_York", title: "A", roster: [("p-ghost", .moderator), ("p-evgenia", .panelist)],
                        series: "nope", host: "nobody", cosponsors: ["hrf", "gone"]),
        ], series: [Series(id: "mm", name: "MM", host: "missing-org")])
        let found = Schedule(catalog: catalog).findings.filter { $0.code == .unknownReference }.map(\.message).sorted()
        #expect(found == [
            "'A' names co-sponsor \"gone\", which does not exist",
            "'A' names host organization \"nobody\", which does not exist",
            "'A' names person \"p-ghost\", which does not exist",
            "'A' names series \"nope\", which does not exist",
            "series 'MM' names host organization \"missing-org\", which does not exist",
        ])
    }

    @Test("invalid times: unknown zone, a local time in the gap, a duration of zero", arguments: [
        ("2024-11-13T10:00", "Mars/Olympus", 60, "'A': unknown time zone \"Mars/Olympus\""),
        ("2024-11-13T10:00", "EST", 60, "'A': zone \"EST\" is not an IANA id; write America/New_York"),
        ("2024-03-10T02:30", "America/New_York", 60, "'A': 2024-03-10 02:30 does not exist in America/New_York: clocks jump from 02:00 EST to 03:00 EDT on 2024-03-10"),
        ("2024-11-13T10:00", "America/New_York", 0, "'A': duration must be more than 0 minutes, not 0"),
    ])
    func invalidTime(_ start: String, _ zone: String, _ minutes: Int, _ message: String) {
        let catalog = Build.catalog([Build.panel("a", start, zone, minutes: minutes, title: "A", roster: Build.full("p-evgenia"))])
        let found = messages(catalog, .invalidTime)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix(message) == true, "\(found)")
    }

    @Test("a bad home zone and a display zone that is not a zone are invalid times too")
    func otherZones() {
        let catalog = Build.catalog([], people: [Person(id: "p-x", name: "X", homeZone: "Narnia")],
                                    settings: Settings(displayZones: ["UTC", "Atlantis/Capital"]))
        let found = Schedule(catalog: catalog).findings.filter { $0.code == .invalidTime }
        #expect(found.count == 2)
        #expect(found.contains { $0.people == ["p-x"] && $0.message.hasPrefix("X: home zone: unknown time zone \"Narnia\"") })
        #expect(found.contains { $0.message.hasPrefix("settings: display zone \"Atlantis/Capital\"") })
    }

    @Test("an unavailability window that ends before it starts is an invalid time naming the window")
    func backwardsWindow() {
        let window = Unavailability(start: local("2024-11-13T18:00"), end: local("2024-11-13T16:00"), zone: "Europe/London")
        let catalog = Build.catalog([], people: [Person(id: "p-x", name: "X", unavailable: [window])])
        #expect(messages(catalog, .invalidTime) == ["X: unavailable 2024-11-13T18:00 to 2024-11-13T16:00 Europe/London: the window ends before it starts"])
    }

    @Test("a local time that occurs twice is a warning naming the first occurrence", arguments: [
        ("2024-11-03T01:30", "America/New_York", true), ("2024-11-03T03:00", "America/New_York", false),
        ("2024-04-07T02:30", "Australia/Sydney", true), ("2024-04-07T03:30", "Australia/Sydney", false),
    ])
    func ambiguous(_ start: String, _ zone: String, _ fires: Bool) {
        let catalog = Build.catalog([Build.panel("a", start, zone, title: "A", roster: Build.full("p-evgenia"))])
        let found = messages(catalog, .ambiguousTime)
        #expect(found.count == (fires ? 1 : 0))
        if start == "2024-11-03T01:30" {
            #expect(found == ["'A' starts at 01:30 on 2024-11-03, which occurs twice in America/New_York (EDT, then EST); the first, 2024-11-03T05:30:00Z, is used"])
        }
    }
}

@Suite("Checks: series overlap and duplicates")
struct SeriesAndDuplicateTests {
    @Test("two panels of one series that overlap; other series, touching and cancelled panels do not", arguments: [
        ("mm", "2024-11-13T10:30", PanelStatus.scheduled, ["a,b "]), ("other", "2024-11-13T10:30", .scheduled, []),
        ("mm", "2024-11-13T11:00", .scheduled, []), ("mm", "2024-11-13T10:30", .cancelled, []),
    ])
    func seriesOverlap(_ series: String, _ start: String, _ status: PanelStatus, _ expected: [String]) {
        let catalog = Build.catalog([
            Build.panel("a", "2024-11-13T10:00", "America/New_York", roster: Build.full("p-evgenia"), series: "mm"),
            Build.panel("b", start, "America/New_York", roster: Build.full("p-tasneem").map { ($0.0 == "p-anton" ? "p-olivia" : $0.0, $0.1) }, series: series, status: status),
        ])
        #expect(findingLines(catalog, .seriesOverlap) == expected)
    }

    @Test("people whose names fold alike are possible duplicates", arguments: [
        ("The Honorable Professor Irwin Cotler", "Irwin Cotler", true), ("Evgenia Kara-Murza", "Evgenia Kara Murza", true),
        ("Zoë Smith", "ZOE SMITH", true), ("Richard Ratcliffe", "Nazanin Zaghari-Ratcliffe", false),
    ])
    func duplicatePeople(_ a: String, _ b: String, _ fires: Bool) {
        let catalog = Build.catalog([], people: [Person(id: "p-a", name: a), Person(id: "p-b", name: b)])
        #expect(findingLines(catalog, .possibleDuplicatePerson) == (fires ? [" p-a,p-b"] : []))
        if fires { #expect(messages(catalog, .possibleDuplicatePerson) == ["'\(a)' (p-a) and '\(b)' (p-b) may be the same person"]) }
    }

    @Test("organizations whose names fold alike are possible duplicates")
    func duplicateOrganizations() {
        let catalog = Build.catalog([], organizations: [Organization(id: "hrf", name: "Human Rights First"), Organization(id: "hrf2", name: "human-rights  first"),
                                                        Organization(id: "redress", name: "REDRESS")])
        let found = Schedule(catalog: catalog).findings.filter { $0.code == .possibleDuplicateOrganization }
        #expect(found.map(\.organizations) == [["hrf", "hrf2"]])
    }
}
