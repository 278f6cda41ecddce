import Foundation
import Testing
@testable import DaisCore

@Suite("Revisions: SEQUENCE and LAST-MODIFIED stamped by a save")
struct RevisionTests {
    let id: PanelID = "panel-2024-11-26-transnational-repression"
    let now = Instant(iso8601: "2024-11-19T07:06:40Z")!

    func edited(_ change: (inout Panel) -> Void) throws -> (base: Catalog, edited: Catalog) {
        let base = try demoCatalog()
        var edited = base
        change(&edited.panels[id]!)
        return (base, edited)
    }

    @Test("a move, a new zone, a new duration, status or title raises the sequence by one; another change only stamps modified", arguments: [
        ("start", 1), ("zone", 1), ("duration", 1), ("status", 1), ("title", 1), ("description", 0), ("roster status", 0), ("links", 0),
    ])
    func stamped(_ field: String, _ raised: Int) throws {
        let (base, catalog) = try edited { panel in
            switch field {
            case "start": panel.start = panel.start.adding(minutes: 60)
            case "zone": panel.zone = "America/Chicago"
            case "duration": panel.durationMinutes = 90
            case "status": panel.status = .cancelled
            case "title": panel.title += " (rescheduled)"
            case "description": panel.description = "New words."
            case "roster status": panel.roster[0].status = .tentative
            default: panel.links = [Link(label: "Register", url: "https://example.org")]
            }
        }
        let saved = Revision.stamped(catalog, since: base, at: now)
        #expect(saved.panels[id]!.revision == Revision(sequence: raised, modified: now))
        for (other, panel) in saved.panels where other != id { #expect(panel.revision == Revision(), "an untouched panel keeps its revision") }
    }

    @Test("many edits between two saves raise the sequence once; an edit undone before the save raises nothing")
    func onePerSave() throws {
        var (base, catalog) = try edited { $0.start = $0.start.adding(minutes: 30) }
        catalog.panels[id]!.start = catalog.panels[id]!.start.adding(minutes: 30)
        catalog.panels[id]!.title = "Moved twice"
        base = Revision.stamped(base, since: base, at: now)
        let first = Revision.stamped(catalog, since: base, at: now)
        #expect(first.panels[id]!.revision.sequence == 1)
        var second = first
        second.panels[id]!.start = second.panels[id]!.start.adding(minutes: 15)
        second.panels[id]!.start = second.panels[id]!.start.adding(minutes: -15)
        #expect(Revision.stamped(second, since: first, at: now.adding(minutes: 5)).panels[id]!.revision == Revision(sequence: 1, modified: now))
        second.panels[id]!.durationMinutes = 75
        #expect(Revision.stamped(second, since: first, at: now.adding(minutes: 5)).panels[id]!.revision == Revision(sequence: 2, modified: now.adding(minutes: 5)))
    }

    @Test("a new panel keeps its sequence and is stamped modified")
    func newPanel() throws {
        let base = try demoCatalog()
        var catalog = base
        catalog.panels["p-new"] = Panel(id: "p-new", title: "New", start: local("2025-01-10T10:00"), zone: "UTC", revision: Revision(sequence: 3))
        #expect(Revision.stamped(catalog, since: base, at: now).panels["p-new"]!.revision == Revision(sequence: 3, modified: now))
    }

    @Test("sequence and modified are stored (format 2), read back, and a bad one is refused with its line")
    func store() throws {
        var catalog = try demoCatalog()
        catalog.panels[id]!.revision = Revision(sequence: 4, modified: now)
        let bytes = StoreEncoder.encode(catalog)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("      \"modified\": \"2024-11-19T07:06:40Z\",\n") && text.contains("      \"sequence\": 4,\n"))
        #expect(text.contains("\"version\": 2"))
        #expect(try StoreDecoder.decode(bytes, path: "s.json") == catalog)
        for (bad, message) in [("\"modified\": \"2024-11-19T07:06:40Z\"", "\"modified\" must be a UTC time like \"2024-11-19T07:06:40Z\", found \"2024-11-19 07:06\""),
                               ("\"sequence\": 4", "\"sequence\" is -1; it counts saves from 0 to 1000000000")] {
            let replaced = text.replacingOccurrences(of: bad, with: bad.hasPrefix("\"modified") ? "\"modified\": \"2024-11-19 07:06\"" : "\"sequence\": -1")
            #expect(throws: StoreError.self) { try StoreDecoder.decode(Array(replaced.utf8), path: "s.json") }
            do { _ = try StoreDecoder.decode(Array(replaced.utf8), path: "s.json") } catch { #expect("\(error)".contains(message), "\(error)") }
        }
    }

    @Test("the iCalendar export writes SEQUENCE always and LAST-MODIFIED once stamped; dais import reads both back")
    func ics() throws {
        var catalog = try demoCatalog()
        catalog.panels[id]!.revision = Revision(sequence: 2, modified: now)
        let agenda = Agenda(catalog: catalog, panels: catalog.panelsByStart(), zones: [], now: goldenNow)
        let text = String(decoding: agenda.export(.ics), as: UTF8.self)
        #expect(text.components(separatedBy: "\r\nSEQUENCE:0\r\n").count == catalog.panels.count)
        #expect(text.contains("\r\nSEQUENCE:2\r\nLAST-MODIFIED:20241119T070640Z\r\n"))
        let plan = try ICSImport.plan(agenda.export(.ics), path: "t.ics", into: Catalog())
        #expect(plan.catalog.panels[id]?.revision == Revision(sequence: 2, modified: now))
    }
}
