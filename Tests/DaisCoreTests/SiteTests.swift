import Foundation
import Testing
@testable import DaisCore

@Suite("dais publish: the site's files, its links, and publishing again")
struct SiteTests {
    let moved: PanelID = "panel-2024-11-26-transnational-repression"
    let zones = [zone("America/New_York"), zone("Australia/Sydney"), zone("UTC")]

    /// The demo store with a draft, private and public links on one panel, and an unconfirmed and a
    /// declined speaker on another.
    func catalog() throws -> Catalog {
        var catalog = try demoCatalog()
        catalog.panels[moved]!.links = [
            Link(label: "Zoom for speakers", url: "https://zoom.example.org/j/123", kind: .join),
            Link(label: "Register", url: "https://register.example.org/tr", kind: .registration),
            Link(label: "Run sheet", url: "https://docs.example.org/run-sheet", kind: .other, isPublic: false),
        ]
        var draft = catalog.panels[moved]!
        draft.id = "draft-panel"
        draft.status = .draft
        draft.title = "A draft nobody may see"
        catalog.panels[draft.id] = draft
        catalog.people["p-invited-only"] = Person(id: "p-invited-only", name: "Ivy Invited")
        catalog.people["p-evgenia-kara-murza"]!.email = "evgenia@example.org"
        catalog.panels[moved]!.notes = "Private: the green room opens at 9:30"
        catalog.panels["panel-2024-11-13-arbitrary-detention"]!.roster.append(RosterEntry(person: "p-invited-only", role: .panelist, status: .invited))
        return catalog
    }

    func files(_ catalog: Catalog, baseURL: String? = "https://example.org/site/") throws -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: try SiteBuilder.files(of: catalog, zones: zones, baseURL: baseURL).map { ($0.path, $0.bytes) })
    }

    func text(_ bytes: [UInt8]?) -> String { String(decoding: bytes ?? [], as: UTF8.self) }

    @Test("every panel but the drafts has a page; series and announced people have a page and a feed")
    func pages() throws {
        let catalog = try catalog()
        let site = try files(catalog)
        for path in ["index.html", "agenda.ics", "schedule.json", "style.css"] { #expect(site[path] != nil, "\(path)") }
        let panelPages = Set(site.keys.filter { $0.hasPrefix("panels/") })
        let published = catalog.panels.values.filter { $0.status != .draft }.map { "panels/\($0.id.rawValue).html" }
        #expect(panelPages == Set(published))
        #expect(panelPages.count == 6)
        // People: only those announced (confirmed) on a published panel.
        let people = Set(site.keys.filter { $0.hasPrefix("people/") && $0.hasSuffix(".html") })
        var announced: Set<String> = []
        for panel in catalog.panels.values where panel.status != .draft {
            for role in Role.allCases { for entry in panel.announced(role) { announced.insert("people/\(entry.person.rawValue).html") } }
        }
        #expect(people == announced)
        #expect(!people.contains("people/p-invited-only.html"))
        for page in people { #expect(site[page.replacingOccurrences(of: ".html", with: ".ics")] != nil) }
        #expect(site["series/magnitsky-month-2024.html"] != nil && site["series/magnitsky-month-2024.ics"] != nil)
        for (path, bytes) in site {
            #expect(!text(bytes).contains("A draft nobody may see"), "\(path) shows a draft")
            #expect(!text(bytes).contains("Ivy Invited"), "\(path) names a speaker who has not confirmed")
            #expect(!text(bytes).contains("zoom.example.org") && !text(bytes).contains("run-sheet"), "\(path) holds a private link")
            #expect(!text(bytes).contains("evgenia@example.org") && !text(bytes).contains("green room"), "\(path) holds an address or a note")
        }
        #expect(text(site["panels/\(moved.rawValue).html"]).contains("https://register.example.org/tr"))
    }

    @Test("every link of every page leads to a file of the site, or out of it")
    func linksResolve() throws {
        let site = try files(try catalog())
        let href = try Regex(#"(?:href|src)="([^"]*)""#)
        var checked = 0
        for (path, bytes) in site where path.hasSuffix(".html") {
            let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : ""
            for match in text(bytes).matches(of: href) {
                let target = String(text(bytes)[match.range].split(separator: "\"")[1])
                if target.hasPrefix("https://") || target.hasPrefix("webcal://") || target.hasPrefix("mailto:") { continue }
                var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
                for part in target.split(separator: "/") {
                    if part == ".." { parts.removeLast() } else { parts.append(String(part)) }
                }
                #expect(site[parts.joined(separator: "/")] != nil, "\(path) links \(target), which the site does not have")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test("a page is landmarked, in order, and names its feed; webcal links need the base URL")
    func structure() throws {
        let site = try files(try catalog())
        let index = text(site["index.html"]), person = text(site["people/p-evgenia-kara-murza.html"])
        #expect(index.contains("<html lang=\"en\">") && index.contains("<main>") && index.contains("<header>"))
        #expect(index.contains("<link rel=\"stylesheet\" href=\"style.css\">"))
        #expect(index.contains("href=\"webcal://example.org/site/agenda.ics\""))
        #expect(person.contains("<link rel=\"stylesheet\" href=\"../style.css\">"))
        #expect(person.contains("href=\"webcal://example.org/site/people/p-evgenia-kara-murza.ics\""))
        #expect(person.contains("<a href=\"../index.html\">All panels</a>"))
        #expect(!person.contains("href=\"../people/p-evgenia-kara-murza.html\""), "a page does not link itself")
        let relative = try files(try catalog(), baseURL: nil)
        #expect(!text(relative["index.html"]).contains("webcal:"))
        #expect(text(relative["index.html"]).contains("<a href=\"agenda.ics\">Download the calendar file (.ics)</a>"))
        // Headings go down one level at a time: h1, then h2 (series), then h3 (panels).
        #expect(!index.contains("<h4") && index.contains("<h3><a href=\"panels/"))
    }

    @Test("a speaker's page lists their panels with their home zone's times and their part")
    func homeZone() throws {
        var catalog = try catalog()
        catalog.people["p-evgenia-kara-murza"]!.homeZone = "Europe/London"
        let page = text(try files(catalog)["people/p-evgenia-kara-murza.html"])
        // The panel's own zone, then hers, then the display zones (UTC reads as GMT there: left out).
        #expect(page.contains("""
            <time datetime="2024-11-26T15:00:00Z">Tuesday, November 26, 2024</time>
            <span class="zone">10:00 – 11:00 am EST</span>
            <span class="zone">3:00 – 4:00 pm GMT</span>
            <span class="zone">2:00 – 3:00 am AEDT (+1d)</span><br>
            <span class="part">Panelist</span></li>
            """), "\(page)")
        #expect(!page.contains("<article"), "a speaker's page lists, the panel's page tells")
    }

    @Test("the same store gives the same bytes; a moved panel changes its page, its series', its speakers' and the whole agenda's")
    func movedPanel() throws {
        let before = try catalog()
        #expect(try files(before) == files(before))
        var after = before
        after.panels[moved]!.start = local("2024-10-29T10:00")
        after.panels[moved]!.revision = Revision(sequence: 1, modified: Instant(iso8601: "2024-10-01T12:00:00Z")!)
        let old = try files(before), new = try files(after)
        let changed = Set(new.keys.filter { old[$0] != new[$0] })
        var expected: Set<String> = ["index.html", "agenda.ics", "schedule.json", "panels/\(moved.rawValue).html",
                                     "series/magnitsky-month-2024.html", "series/magnitsky-month-2024.ics"]
        for role in Role.allCases {
            for entry in after.panels[moved]!.announced(role) {
                expected.insert("people/\(entry.person.rawValue).html")
                expected.insert("people/\(entry.person.rawValue).ics")
            }
        }
        #expect(changed == expected)
        #expect(text(new["people/p-evgenia-kara-murza.ics"]).contains("SEQUENCE:1"))
    }

    @Test("publishing writes what changed, removes what is gone, and never touches a file it did not write")
    func publishing() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        var catalog = try catalog()
        let first = try SitePublisher.publish(try SiteBuilder.files(of: catalog, zones: zones, baseURL: nil), to: folder)
        #expect(first.unchanged.isEmpty && first.removed.isEmpty && first.written.count > 30)
        let again = try SitePublisher.publish(try SiteBuilder.files(of: catalog, zones: zones, baseURL: nil), to: folder)
        #expect(again.written.isEmpty && again.unchanged.count == first.written.count)
        // A deleted panel's page goes; the people only it had go too.
        catalog.panels[moved] = nil
        let files = try SiteBuilder.files(of: catalog, zones: zones, baseURL: nil)
        let third = try SitePublisher.publish(files, to: folder)
        #expect(third.removed.contains("panels/\(moved.rawValue).html"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/panels/\(moved.rawValue).html"))
        #expect(Set(third.removed) == Set(first.written).subtracting(files.map(\.path)))
        // A file someone else put where a page goes: refused whole, nothing written.
        try Data("mine".utf8).write(to: URL(fileURLWithPath: "\(folder)/panels/\(moved.rawValue).html"))
        catalog.panels[moved] = try self.catalog().panels[moved]
        let index = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/index.html"))
        #expect(throws: SiteError.foreignFiles(folder: folder, paths: ["panels/\(moved.rawValue).html"])) {
            try SitePublisher.publish(try SiteBuilder.files(of: catalog, zones: zones, baseURL: nil), to: folder)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/index.html")) == index)
        #expect(try String(contentsOfFile: "\(folder)/panels/\(moved.rawValue).html", encoding: .utf8) == "mine")
    }

    @Test("a publish stopped half-way lists what it wrote, so the next one takes those files for its own")
    func stoppedHalfWay() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        // The second file cannot be written: its folder would be the first file.
        let files = [SiteFile(path: "a.html", bytes: Array("one".utf8)), SiteFile(path: "a.html/b.html", bytes: Array("two".utf8))]
        #expect(throws: SiteError.self) { try SitePublisher.publish(files, to: folder) }
        #expect(try String(contentsOfFile: "\(folder)/a.html", encoding: .utf8) == "one")
        let again = try SitePublisher.publish([SiteFile(path: "a.html", bytes: Array("uno".utf8))], to: folder)
        #expect(again.written == ["a.html"])
        #expect(try String(contentsOfFile: "\(folder)/a.html", encoding: .utf8) == "uno")
    }

    @Test("a manifest edited to name files outside the site removes nothing there")
    func manifestOutside() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        try Data("keep".utf8).write(to: URL(fileURLWithPath: "\(folder)/outside.txt"))
        try FileManager.default.createDirectory(atPath: "\(folder)/site", withIntermediateDirectories: true)
        try Data("../outside.txt\n/etc/hostname\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/site/.dais-publish"))
        let report = try SitePublisher.publish(try SiteBuilder.files(of: try catalog(), zones: zones, baseURL: nil), to: "\(folder)/site")
        #expect(report.removed.isEmpty)
        #expect(FileManager.default.fileExists(atPath: "\(folder)/outside.txt"))
    }

    @Test("ids that differ only in case are refused, named")
    func caseClash() throws {
        var catalog = try catalog()
        var twin = catalog.panels[moved]!
        twin.id = PanelID(moved.rawValue.uppercased())
        catalog.panels[twin.id] = twin
        #expect(throws: SiteError.caseClash(kind: "panel", first: moved.rawValue.uppercased(), second: moved.rawValue)) {
            try SiteBuilder.files(of: catalog, zones: zones, baseURL: nil)
        }
    }
}
