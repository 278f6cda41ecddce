import Testing
@testable import DaisCore

@Suite("The seed's demo store")
struct DemoStoreTests {
    @Test("the binary's embedded demo store is fixtures/magnitsky-month.json (run scripts/embed-demo.sh after editing it)")
    func embeddedMatchesFixture() throws {
        #expect(DemoStore.bytes == (try fixtureBytes("magnitsky-month.json")))
    }

    struct Fact: CustomTestStringConvertible, Sendable {
        let id: String
        let local: String
        let zone: String
        let minutes: Int
        let startUTC: String
        let endUTC: String
        var testDescription: String { id }
    }

    @Test("every seed panel at its announced time", arguments: [
        Fact(id: "panel-2023-11-20-impact-of-sanctions", local: "2023-11-20T10:00", zone: "America/New_York", minutes: 60,
             startUTC: "2023-11-20T15:00:00Z", endUTC: "2023-11-20T16:00:00Z"),
        Fact(id: "panel-2023-11-29-australia-framework", local: "2023-11-29T13:00", zone: "Australia/Sydney", minutes: 75,
             startUTC: "2023-11-29T02:00:00Z", endUTC: "2023-11-29T03:15:00Z"),
        Fact(id: "panel-2024-01-25-visa-sanctions", local: "2024-01-25T11:00", zone: "America/New_York", minutes: 60,
             startUTC: "2024-01-25T16:00:00Z", endUTC: "2024-01-25T17:00:00Z"),
        Fact(id: "panel-2024-11-13-arbitrary-detention", local: "2024-11-13T10:00", zone: "America/New_York", minutes: 60,
             startUTC: "2024-11-13T15:00:00Z", endUTC: "2024-11-13T16:00:00Z"),
        Fact(id: "panel-2024-11-21-global-magnitsky-record", local: "2024-11-21T10:00", zone: "America/New_York", minutes: 60,
             startUTC: "2024-11-21T15:00:00Z", endUTC: "2024-11-21T16:00:00Z"),
        Fact(id: "panel-2024-11-26-transnational-repression", local: "2024-11-26T10:00", zone: "America/New_York", minutes: 60,
             startUTC: "2024-11-26T15:00:00Z", endUTC: "2024-11-26T16:00:00Z"),
    ])
    func panelTimes(_ fact: Fact) throws {
        let catalog = try demoCatalog()
        let panel = try #require(catalog.panels[PanelID(fact.id)])
        #expect(panel.start == local(fact.local))
        #expect(panel.zone == fact.zone)
        #expect(panel.durationMinutes == fact.minutes)
        let slot = try panel.slot().get()
        #expect(slot.span.start.iso8601 == fact.startUTC)
        #expect(slot.span.end.iso8601 == fact.endUTC)
        #expect(panel.status == .scheduled)
    }

    @Test("the webinar of 29 November 2023 runs 1.00pm-2.15pm AEDT, 02:00Z-03:15Z, a webinar with four speakers and no moderator")
    func australianWebinar() throws {
        let panel = try #require(try demoCatalog().panels["panel-2023-11-29-australia-framework"])
        let slot = try panel.slot().get()
        #expect(TimeFormat.range(slot.span, in: slot.zone) == "13:00-14:15 AEDT")
        #expect(panel.title == "Evaluating Australia’s Magnitsky sanctions framework: challenges, opportunities and the role of civil society")
        #expect(panel.format == .webinar)
        #expect(panel.roster.map(\.person.rawValue) == ["p-tasneem-roc", "p-anton-moiseienko", "p-simon-henderson", "p-melissa-chen"])
        #expect(panel.entries(.moderator).isEmpty)
    }

    @Test("rosters as the page gives them; blanks stay blank")
    func rosters() throws {
        let catalog = try demoCatalog()
        let roles = { (id: String) in catalog.panels[PanelID(id)]!.roster.map { "\($0.role.rawValue):\($0.person)" } }
        #expect(roles("panel-2024-11-13-arbitrary-detention") == ["panelist:p-evgenia-kara-murza", "panelist:p-angelita-baeyens", "panelist:p-richard-ratcliffe"])
        #expect(roles("panel-2024-11-21-global-magnitsky-record") == ["panelist:p-brad-brooks-rubin", "panelist:p-chloe-zoeller", "panelist:p-natalia-kubesch"])
        #expect(roles("panel-2024-11-26-transnational-repression") == ["remarks:p-irwin-cotler", "panelist:p-ti-anna-wang", "panelist:p-evgenia-kara-murza", "panelist:p-nazanin-afshin-jam-mackay"])
        #expect(roles("panel-2023-11-20-impact-of-sanctions") == ["moderator:p-olivia-dehnavi"])
        #expect(roles("panel-2024-01-25-visa-sanctions") == [])
        #expect(catalog.panels.values.filter(\.hasOpenRoles).count == 6)
    }

    @Test("titles per appearance as written: Evgenia Kara-Murza is Director 'at' on one panel and 'of' on the other")
    func appearanceTitles() throws {
        let catalog = try demoCatalog()
        let a = catalog.panels["panel-2024-11-13-arbitrary-detention"]!.roster[0]
        let b = catalog.panels["panel-2024-11-26-transnational-repression"]!.roster[2]
        #expect(a.person == b.person)
        #expect(catalog.titleLine(for: a)!.hasPrefix("International Advocacy Director at the Free Russia Foundation and spouse"))
        #expect(catalog.titleLine(for: b) == "International Advocacy Director of the Free Russia Foundation")
        #expect(catalog.people["p-evgenia-kara-murza"]?.titleLine == "International Advocacy Director, Free Russia Foundation")
    }

    @Test("hosts and co-sponsors: the transnational repression panel is hosted by RWCHR with four co-sponsors in order")
    func hosts() throws {
        let catalog = try demoCatalog()
        let panel = catalog.panels["panel-2024-11-26-transnational-repression"]!
        #expect(panel.host == "rwchr")
        #expect(panel.cosponsors == ["hrf", "osf", "padf", "redress"])
        #expect(catalog.organizations["rwchr"]?.name == "Raoul Wallenberg Centre for Human Rights")
        #expect(catalog.effectiveHost(of: catalog.panels["panel-2024-11-13-arbitrary-detention"]!) == "hrf")
        #expect(catalog.series["magnitsky-month-2024"]?.host == "hrf")
    }

    @Test("panels without a stated duration say so in their notes")
    func durationNotes() throws {
        for panel in try demoCatalog().panels.values where panel.id != "panel-2023-11-29-australia-framework" {
            #expect(panel.notes?.contains("60 minutes assumed") == true, "\(panel.id)")
        }
    }

    @Test("every reference in the demo store names a record")
    func references() throws {
        let catalog = try demoCatalog()
        for panel in catalog.panels.values {
            for entry in panel.roster { #expect(catalog.people[entry.person] != nil) }
            for org in panel.cosponsors { #expect(catalog.organizations[org] != nil) }
            if let host = panel.host { #expect(catalog.organizations[host] != nil) }
            if let series = panel.series { #expect(catalog.series[series] != nil) }
        }
    }
}
