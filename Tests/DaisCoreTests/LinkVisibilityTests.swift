import Foundation
import Testing
@testable import DaisCore

@Suite("Links: kinds, and which ones announcements print")
struct LinkVisibilityTests {
    let id: PanelID = "panel-2024-11-26-transnational-repression"

    /// The demo store with a join link (speakers only), a stream, a registration and a private note
    /// link on the 26 November panel, and an e-mail for Evgenia (on its roster).
    func catalog() throws -> Catalog {
        var catalog = try demoCatalog()
        catalog.panels[id]!.links = [
            Link(label: "Zoom for speakers", url: "https://zoom.example.org/j/123", kind: .join),
            Link(label: "Watch live", url: "https://stream.example.org/live", kind: .stream),
            Link(label: "Register", url: "https://register.example.org/tr", kind: .registration),
            Link(label: "Run sheet", url: "https://docs.example.org/run-sheet", kind: .other, isPublic: false),
        ]
        return catalog
    }

    func exported(_ format: ExportFormat, person: PersonID? = nil) throws -> String {
        let catalog = try catalog()
        let panels = person.map { p in catalog.panelsByStart().filter { $0.roster.contains { $0.person == p } } } ?? catalog.panelsByStart()
        return String(decoding: Agenda(catalog: catalog, panels: panels, zones: [zone("America/New_York")], now: goldenNow, person: person).export(format), as: UTF8.self)
    }

    @Test("a join link is private by default, any other public; the store writes only what is not the default", arguments: LinkKind.allCases)
    func defaults(_ kind: LinkKind) throws {
        #expect(Link(label: "L", url: "https://x", kind: kind).isPublic == (kind != .join))
        var catalog = try catalog()
        catalog.panels[id]!.links.append(Link(label: "L", url: "https://x", kind: kind, isPublic: kind == .join))
        let bytes = StoreEncoder.encode(catalog)
        #expect(try StoreDecoder.decode(bytes, path: "s.json") == catalog)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"kind\": \"join\",\n          \"label\": \"Zoom for speakers\",\n          \"url\""), "the default visibility is not written")
        #expect(text.contains("\"label\": \"Run sheet\",\n          \"public\": false,"))
        #expect(text.contains("\"version\": 2"))
    }

    @Test("announcements (md, html, ics, schedule JSON) print no private link anywhere", arguments: [ExportFormat.md, .html, .ics, .scheduleJSON])
    func announcements(_ format: ExportFormat) throws {
        let text = try exported(format).replacingOccurrences(of: "\r\n ", with: "")
        #expect(!text.contains("zoom.example.org") && !text.contains("run-sheet"), "\(format)")
        #expect(text.contains("https://stream.example.org/live") && text.contains("https://register.example.org/tr"), "\(format)")
    }

    @Test("a speaker's own agenda (--person) has the join link of their panels")
    func ownAgenda() throws {
        for format in [ExportFormat.md, .html, .ics, .scheduleJSON] {
            let text = try exported(format, person: "p-evgenia-kara-murza").replacingOccurrences(of: "\r\n ", with: "")
            #expect(text.contains("https://zoom.example.org/j/123"), "\(format)")
        }
    }

    @Test("the page makes the stream and registration links buttons; iCalendar's URL is the registration or stream, and import reads kinds back")
    func buttons() throws {
        let html = try exported(.html)
        #expect(html.contains("<a class=\"button\" href=\"https://stream.example.org/live\">Watch live</a>"))
        #expect(html.contains("<a class=\"button\" href=\"https://register.example.org/tr\">Register</a>"))
        let ics = try exported(.ics, person: "p-evgenia-kara-murza")
        #expect(ics.contains("URL;VALUE=URI:https://stream.example.org/live"))
        let plan = try ICSImport.plan(Array(ics.utf8), path: "t.ics", into: Catalog())
        #expect(plan.catalog.panels[id]?.links == (try catalog()).panels[id]!.links)
    }
}
