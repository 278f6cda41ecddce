import Foundation
import Testing
@testable import DaisCore

/// A scheduled panel on 2024-11-26 10:00 New York with one roster entry per (person, role, status).
private func confirmationCatalog(_ roster: [(String, Role, RosterStatus)], status: PanelStatus = .scheduled, confirmDays: Int? = nil) -> Catalog {
    var panel = Build.panel("tr", "2024-11-26T10:00", "America/New_York", status: status)
    panel.roster = roster.map { RosterEntry(person: PersonID($0.0), role: $0.1, status: $0.2) }
    return Build.catalog([panel], settings: Settings(confirmDays: confirmDays))
}

private func codes(_ catalog: Catalog, asOf: String?) -> [String] {
    Schedule(catalog: catalog, asOf: asOf.map { LocalDate(parsing: $0)! }).findings.map(\.code.rawValue)
}

@Suite("Confirmations: roster status, speaker-declined, speaker-unconfirmed")
struct ConfirmationTests {
    @Test("a declined speaker of a scheduled panel is an error; of a draft or cancelled panel, nothing")
    func declined() {
        let roster: [(String, Role, RosterStatus)] = [("p-anton", .moderator, .confirmed), ("p-evgenia", .panelist, .declined), ("p-olivia", .panelist, .confirmed)]
        #expect(codes(confirmationCatalog(roster), asOf: nil) == ["speaker-declined"])
        #expect(messages(confirmationCatalog(roster), .speakerDeclined) == ["Evgenia Kara-Murza (panelist) has declined 'TR' (Nov 26 10:00 EST)"])
        #expect(codes(confirmationCatalog(roster, status: .draft), asOf: nil).isEmpty)
        #expect(codes(confirmationCatalog(roster, status: .cancelled), asOf: nil).isEmpty)
    }

    @Test("invited and tentative speakers are warned about from confirmDays before the panel, not earlier nor after it starts", arguments: [
        ("2024-11-11", 14, [String]()),                                      // 15 days ahead
        ("2024-11-12", 14, ["speaker-unconfirmed", "speaker-unconfirmed"]),  // 14 days ahead
        ("2024-11-26", 14, ["speaker-unconfirmed", "speaker-unconfirmed"]),  // the day itself
        ("2024-11-27", 14, []),                                              // the day after
        ("2024-11-24", 1, []),                                               // a store that asks for one day's notice
        ("2024-11-25", 1, ["speaker-unconfirmed", "speaker-unconfirmed"]),
    ])
    func unconfirmed(_ day: String, _ days: Int, _ expected: [String]) {
        let roster: [(String, Role, RosterStatus)] = [("p-anton", .moderator, .confirmed), ("p-evgenia", .panelist, .invited), ("p-olivia", .panelist, .tentative)]
        #expect(codes(confirmationCatalog(roster, confirmDays: days == 14 ? nil : days), asOf: day) == expected)
    }

    @Test("the warning says who, in which status, and how far ahead")
    func unconfirmedMessage() {
        let catalog = confirmationCatalog([("p-anton", .moderator, .confirmed), ("p-evgenia", .panelist, .invited), ("p-olivia", .panelist, .confirmed)])
        let found = Schedule(catalog: catalog, asOf: LocalDate(parsing: "2024-11-17")!).findings.filter { $0.code == .speakerUnconfirmed }
        #expect(found.map(\.message) == ["Evgenia Kara-Murza (panelist) is still invited for 'TR', in 9 days (Nov 26 10:00 EST)"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.people == ["p-evgenia"])
    }

    @Test("no-moderator counts only moderators who confirmed or accepted tentatively", arguments: [
        (RosterStatus.confirmed, [String]()), (.tentative, []), (.invited, ["no-moderator"]), (.declined, ["no-moderator", "speaker-declined"]),
    ])
    func moderator(_ status: RosterStatus, _ expected: [String]) {
        let catalog = confirmationCatalog([("p-anton", .moderator, status), ("p-evgenia", .panelist, .confirmed)])
        #expect(codes(catalog, asOf: nil).sorted() == expected)
        if !expected.isEmpty {
            #expect(messages(catalog, .noModerator) == ["'TR' (Nov 26 10:00 EST) has no confirmed moderator yet"])
        }
    }

    @Test("changing an entry's status re-checks the panel as a check from scratch does")
    func incremental() {
        let before = confirmationCatalog([("p-anton", .moderator, .confirmed), ("p-evgenia", .panelist, .confirmed)])
        let day = LocalDate(parsing: "2024-11-20")!
        var schedule = Schedule(catalog: before, asOf: day)
        var previous = before.panels["tr"]!
        for status in [RosterStatus.invited, .tentative, .declined, .confirmed, .invited] {
            var after = before
            var panel = previous
            panel.roster[1].status = status
            after.panels["tr"] = panel
            schedule.panelChanged(old: previous, new: panel, in: after)
            previous = panel
            #expect(schedule.findings.map(\.description) == Schedule(catalog: after, asOf: day).findings.map(\.description), "\(status)")
        }
    }

    @Test("the status cycle visits every status once")
    func cycle() {
        var status = RosterStatus.invited
        var seen: [RosterStatus] = []
        for _ in 0..<4 {
            seen.append(status)
            status = status.next
        }
        #expect(seen == [.invited, .confirmed, .tentative, .declined] && status == .invited)
    }
}

@Suite("Confirmations in the store and the exports")
struct ConfirmationStoreTests {
    @Test("a status other than confirmed is stored, makes the file format 2 and reads back; confirmed is not written")
    func roundTrip() throws {
        var catalog = confirmationCatalog([("p-anton", .moderator, .confirmed), ("p-evgenia", .panelist, .tentative)], confirmDays: 7)
        let text = String(decoding: StoreEncoder.encode(catalog), as: UTF8.self)
        #expect(text.contains("\"status\": \"tentative\""))
        #expect(text.components(separatedBy: "\"status\"").count == 3)  // the panel's and the tentative entry's
        #expect(text.contains("\"confirmDays\": 7") && text.contains("\"version\": 2"))
        #expect(try StoreDecoder.decode(StoreEncoder.encode(catalog), path: "s.json") == catalog)
        catalog.panels["tr"]!.roster[1].status = .confirmed
        catalog.settings.confirmDaysValue = nil
        #expect(String(decoding: StoreEncoder.encode(catalog), as: UTF8.self).contains("\"version\": 1"))
    }

    @Test("every entry of a version-1 store is confirmed")
    func versionOne() throws {
        let catalog = try demoCatalog()
        #expect(catalog.panels.values.allSatisfy { $0.roster.allSatisfy { $0.status == .confirmed } })
        #expect(StoreEncoder.encode(catalog) == (try fixtureBytes("magnitsky-month.json")))
    }

    @Test("an unknown status is refused with its line and the statuses there are")
    func unknownStatus() throws {
        var text = String(decoding: StoreEncoder.encode(confirmationCatalog([("p-anton", .moderator, .invited)])), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"status\": \"invited\"", with: "\"status\": \"maybe\"")
        #expect(throws: StoreError.self) { try StoreDecoder.decode(Array(text.utf8), path: "s.json") }
        do {
            _ = try StoreDecoder.decode(Array(text.utf8), path: "s.json")
        } catch {
            #expect("\(error)".contains("\"status\" of a roster entry must be one of invited, confirmed, declined, tentative; found \"maybe\""))
        }
    }

    @Test("announcements name only confirmed speakers; the CSV has every entry with its status and email; iCalendar attendees carry PARTSTAT")
    func exports() throws {
        var catalog = confirmationCatalog([("p-anton", .moderator, .confirmed), ("p-evgenia", .panelist, .invited), ("p-olivia", .panelist, .declined)])
        catalog.people["p-evgenia"]!.email = "evgenia@example.org"
        catalog.people["p-anton"]!.email = "anton@example.org"
        let agenda = Agenda(catalog: catalog, panels: Array(catalog.panels.values), zones: [zone("America/New_York")], title: "Test", now: goldenNow)
        func text(_ format: ExportFormat) -> String { String(decoding: agenda.export(format), as: UTF8.self) }
        let md = text(.md)
        #expect(md.contains("Anton Moiseienko") && !md.contains("Evgenia") && !md.contains("Olivia"))
        #expect(md.contains("**Panelists:** TBA") || md.contains("**Panelist:** TBA"))
        let html = text(.html)
        #expect(!html.contains("Evgenia") && !html.contains("Olivia"))
        let json = text(.scheduleJSON)
        #expect(!json.contains("Evgenia") && json.contains("Anton"))
        let csv = text(.csv).components(separatedBy: "\r\n")
        #expect(csv[0].contains(",role,confirmation,title_line,affiliation,email"))
        #expect(csv.contains { $0.contains("p-evgenia,Evgenia Kara-Murza,panelist,invited,") && $0.hasSuffix(",evgenia@example.org") })
        #expect(csv.contains { $0.contains("p-olivia,Olivia Dehnavi,panelist,declined,") })
        let ics = text(.ics).replacingOccurrences(of: "\r\n ", with: "")
        #expect(ics.contains("PARTSTAT=NEEDS-ACTION:mailto:evgenia@example.org"))
        #expect(ics.contains("PARTSTAT=ACCEPTED:mailto:anton@example.org"))
        let described = ics.components(separatedBy: "\r\n").first { $0.hasPrefix("DESCRIPTION") } ?? ""
        #expect(!described.contains("Evgenia") && described.contains("Anton"))
        // The status goes through `dais import` of the same file.
        let plan = try ICSImport.plan(agenda.export(.ics), path: "t.ics", into: Catalog())
        #expect(plan.catalog.panels["tr"]?.roster.map(\.status) == [.confirmed, .invited, .declined])
    }
}
