import Foundation
import Testing
@testable import DaisCore
import DaisSynthetic

/// The time stamp the golden files were written with (SOURCE_DATE_EPOCH=1732000000).
let goldenNow = Instant(secondsSinceEpoch: 1_732_000_000)

func demoAgenda() throws -> Agenda {
    let catalog = try demoCatalog()
    return Agenda(catalog: catalog, panels: catalog.panelsByStart(), zones: catalog.settings.displayZones.compactMap(Zone.named), now: goldenNow)
}

@Suite("Exporters")
struct ExportTests {
    /// One synthetic agenda, large enough that every format comes in three or more pieces of a
    /// megabyte, shared by the tests of streaming (they only read it): made once per process.
    static let large: Agenda = {
        let catalog = SyntheticStore.generate(panels: largePanels)
        return Agenda(catalog: catalog, panels: catalog.panelsByStart(), zones: [Zone.named("America/New_York")!, Zone.named("Australia/Sydney")!],
                      now: goldenNow)
    }()
    static let largePanels = 2_200

    /// Each format of `large` as it was handed to its sink: the bytes in order, and how many pieces.
    static let streamed: [ExportFormat: (bytes: [UInt8], pieces: Int)] = Dictionary(uniqueKeysWithValues: ExportFormat.allCases.map { format in
        var bytes: [UInt8] = [], pieces = 0
        large.write(format) {
            bytes.append(contentsOf: $0)
            pieces += 1
        }
        return (format, (bytes, pieces))
    })

    @Test("panels by start: the sort of plain keys gives the order of comparing the panels themselves, ties and unplaceable times included")
    func panelsByStartKeyed() {
        // 2,000 synthetic panels and a crowd at one instant: ids interned in reverse order (symbol
        // order is not id order), the same instant in two zones, an unknown zone, a time in the
        // spring-forward gap, no duration.
        var catalog = SyntheticStore.generate(panels: 2_000, seed: 4)
        let at = LocalDateTime(year: 2025, month: 3, day: 4, hour: 10, minute: 0)!
        for k in (0..<40).reversed() {
            let id = PanelID("tie-\(k % 2 == 0 ? "b" : "a")-\(k)")
            catalog.panels[id] = Panel(id: id, title: "Tie", start: at, zone: k % 3 == 0 ? "Europe/London" : "America/New_York")
        }
        catalog.panels["london-same-instant"] = Panel(id: "london-same-instant", title: "L", start: LocalDateTime(year: 2025, month: 3, day: 4, hour: 15, minute: 0)!, zone: "Europe/London")
        for (k, zone) in ["Mars/Olympus", "Nowhere/Else"].enumerated() {
            catalog.panels[PanelID("unknown-\(k)")] = Panel(id: PanelID("unknown-\(k)"), title: "U", start: at, zone: zone)
        }
        catalog.panels["gap"] = Panel(id: "gap", title: "G", start: LocalDateTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30)!, zone: "America/New_York")
        catalog.panels["no-time"] = Panel(id: "no-time", title: "N", start: at, zone: "UTC", durationMinutes: 0)
        // Instants before 1970 and centuries apart.
        for (k, year) in [1, 1899, 1969, 3000, 9999].enumerated() {
            let id = PanelID("far-\(k)")
            catalog.panels[id] = Panel(id: id, title: "F", start: LocalDateTime(year: year, month: 6, day: 1, hour: 12, minute: 0)!, zone: "UTC")
        }
        let reference = catalog.panels.values.map { panel in ((try? panel.slot().get().span.start.secondsSinceEpoch) ?? Int64.max, panel) }
            .sorted { a, b in
                if a.0 != b.0 { return a.0 < b.0 }
                if a.1.start != b.1.start { return a.1.start < b.1.start }
                return a.1.id.rawValue < b.1.id.rawValue
            }.map(\.1.id)
        let sorted = catalog.panelsByStart().map(\.id)
        #expect(sorted.count == reference.count)
        let firstDifference = zip(sorted, reference).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(firstDifference == nil, "at \(firstDifference?.offset ?? -1): \(firstDifference.map { "\($0.element.0) where \($0.element.1) belongs" } ?? "")")
        #expect(Array(sorted.suffix(4)).map(\.rawValue).sorted() == ["gap", "no-time", "unknown-0", "unknown-1"])
    }

    @Test("an agenda's title names its one to three series, else its one host, else Agenda")
    func agendaTitle() {
        let at = LocalDateTime(year: 2025, month: 3, day: 4, hour: 10, minute: 0)!
        func title(_ series: [String?], hosts: [String?] = []) -> String {
            let catalog = Catalog(organizations: [Organization(id: "hrf", name: "Human Rights First")],
                                  series: [Series(id: "mm", name: "Magnitsky Month"), Series(id: "mm2", name: "Magnitsky Month"),
                                           Series(id: "other", name: "Other"), Series(id: "third", name: "Third"),
                                           Series(id: "fourth", name: "Fourth")])
            let panels = series.enumerated().map { k, s in
                Panel(id: PanelID("p\(k)"), series: s.map { SeriesID($0) }, title: "T", start: at, zone: "UTC",
                      host: k < hosts.count ? hosts[k].map { OrganizationID($0) } : nil)
            }
            return Agenda(catalog: catalog, panels: panels, zones: [], now: goldenNow).title
        }
        #expect(title(["mm", nil, "mm", "missing", "mm"]) == "Magnitsky Month")
        #expect(title(["mm", "mm2"]) == "Magnitsky Month")  // two series of one name
        #expect(title(["mm", "mm", "other", "mm"]) == "Magnitsky Month and Other")
        #expect(title(["third", "mm", "other"]) == "Third, Magnitsky Month and Other")
        #expect(title(["third", "mm", "other", "fourth"]) == "Agenda")
        #expect(title(["third", "mm", "other", "fourth"], hosts: ["hrf", "hrf", "hrf", "hrf"]) == "Panels hosted by Human Rights First")
        #expect(title(["third", "mm", "other", "fourth"], hosts: ["hrf", "hrf", nil, "hrf"]) == "Agenda")
        #expect(title([nil, "missing"]) == "Agenda")
        #expect(title([]) == "Agenda")
        #expect(Agenda.listed(["Magnitsky Month 2023", "Magnitsky Month 2024"]) == "Magnitsky Month 2023 and 2024")
        #expect(Agenda.listed(["Month", "Month 2024"]) == "Month and Month 2024")
    }

    @Test("an iCalendar file handed on in pieces is the file written whole, one event per panel that has a time")
    func icsStreamed() {
        let agenda = ExportTests.large
        let (streamed, pieces) = ExportTests.streamed[.ics]!
        #expect(pieces > 1)
        #expect(String(decoding: streamed, as: UTF8.self).components(separatedBy: "BEGIN:VEVENT").count - 1 == agenda.panels.filter { (try? $0.slot().get()) != nil }.count)
        #expect(agenda.export(.ics) == streamed)
    }

    @Test("an export whose sink fails stops there: the error comes out and the sink is not called again", arguments: ExportFormat.allCases)
    func failingSink(_ format: ExportFormat) {
        struct Full: Error {}
        let agenda = ExportTests.large
        // Written whole, the file comes in more pieces than the failing sink takes.
        let (whole, pieces) = ExportTests.streamed[format]!
        #expect(pieces >= 3)
        var calls = 0
        #expect(throws: Full.self) {
            try agenda.write(format) { (piece) throws(Full) in
                calls += 1
                if calls == 2 { throw Full() }
            }
        }
        #expect(calls == 2)
        #expect(whole.count > ExportTests.largePanels * 500)
    }

    @Test("panels by series: groups in the order of their first panels, each in the agenda's order, an unknown series by its id, no series last")
    func panelsBySeries() {
        var catalog = Catalog()
        catalog.series["s-b"] = Series(id: "s-b", name: "Beta")
        catalog.series["s-a"] = Series(id: "s-a", name: "Alpha")
        let plan: [(String, SeriesID?)] = [("p1", nil), ("p2", "s-b"), ("p3", "s-a"), ("p4", "s-gone"), ("p5", "s-b"), ("p6", nil), ("p7", "s-a")]
        var panels: [Panel] = []
        for (k, (id, series)) in plan.enumerated() {
            var panel = Panel(id: PanelID(id), title: id, start: LocalDateTime(year: 2025, month: 1, day: 1 + k, hour: 10, minute: 0)!, zone: "UTC")
            panel.series = series
            catalog.panels[panel.id] = panel
            panels.append(panel)
        }
        let groups = Agenda(catalog: catalog, panels: panels, zones: [], now: goldenNow).bySeries
        #expect(groups.map(\.name) == ["Beta", "Alpha", "s-gone", nil])
        #expect(groups.map { $0.series?.id } == ["s-b", "s-a", nil, nil])
        #expect(groups.map { $0.panels.map(\.id.rawValue) } == [["p2", "p5"], ["p3", "p7"], ["p4"], ["p1", "p6"]])
        #expect(Agenda(catalog: catalog, panels: [], zones: [], now: goldenNow).bySeries.isEmpty)
    }

    @Test("the schedule JSON's days hold every timed panel under its date in the conference's zone, in the agenda's order")
    func scheduleJSONDays() throws {
        // 400 panels over ten years: every panel's own day, hundreds of days.
        var catalog = SyntheticStore.generate(panels: 400)
        // Rooms of both kinds, and a panel whose time does not exist (it is in no day).
        let ids = catalog.panels.keys.sorted()
        catalog.panels[ids[3]]!.format = .inPerson
        catalog.panels[ids[10]]!.start = LocalDateTime(date: LocalDate(year: 2024, month: 3, day: 10)!, hour: 2, minute: 30)!
        catalog.panels[ids[10]]!.zone = "America/New_York"
        let zone = Zone.named("America/New_York")!
        let agenda = Agenda(catalog: catalog, panels: catalog.panelsByStart(), zones: [zone], now: goldenNow)
        var days: [LocalDate: [PanelID]] = [:]
        for panel in agenda.panels {
            if let slot = try? panel.slot().get() { days[zone.local(at: slot.span.start).date, default: []].append(panel.id) }
        }
        let found = ScheduleJSONExporter.days(agenda, zone)
        #expect(found.map(\.date) == days.keys.sorted())
        #expect(found.map(\.index) == Array(1...days.count))
        #expect(found.allSatisfy { $0.events.map(\.0.id) == days[$0.date]! })
        #expect(!days.values.contains { $0.contains(ids[10]) })
        let json = ScheduleJSONExporter.export(agenda)
        #expect(json.contains("\"name\": \"In person\"") && json.contains("\"name\": \"Online\""))
    }

    @Test("the schedule JSON's persons: biography (the entry's own title, else the person's title line), code, guid, name; unknown ids by their ids")
    func scheduleJSONPersons() throws {
        var catalog = SyntheticStore.generate(panels: 30)
        catalog.people["p-evil"] = Person(id: "p-evil", name: "Evil\u{202E}\"Name\"\n", title: "Chair\u{1B}[31m", affiliation: "Back\\slash", email: "evil@example.org")
        var panel = catalog.panels.values.first!
        panel.roster = [RosterEntry(person: "p-evil", role: .moderator), RosterEntry(person: "p-evil", role: .panelist, title: "Own \"title\""),
                        RosterEntry(person: "p-gone", role: .remarks)]
        let json = ScheduleJSONExporter.export(Agenda(catalog: catalog, panels: [panel], zones: [], now: goldenNow))
        #expect(json.contains(#""name": "Evil\u202e\"Name\"\n""#) && json.contains(#""biography": "Chair\u001b[31m, Back\\slash""#), "\(json)")
        #expect(json.contains(#""biography": "Own \"title\"""#))
        #expect(json.contains(#""guid": "\#(UUID5.url("acct:evil@example.org"))""#))
        #expect(json.contains(#""code": "\#(ScheduleJSONExporter.code("p-gone"))""#) && json.contains(#""guid": "\#(UUID5.url("dais:person:p-gone"))""#))
        #expect(json.contains(#""name": "p-gone""#))
    }

    @Test("the schedule JSON handed on in pieces (days a few at a time) equals the one made whole, and Python reads it")
    func scheduleJSONStreamed() throws {
        // 2,200 panels over ten years: over a thousand days.
        let agenda = ExportTests.large
        let one = ScheduleJSONExporter.bytes(agenda)
        let (streamed, pieces) = ExportTests.streamed[.scheduleJSON]!
        #expect(pieces > 1)
        #expect(streamed == one)
        guard let python = python3 else { return }
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        try Data(one).write(to: URL(fileURLWithPath: folder + "/s.json"))
        let script = "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['schedule']['conference']['days']), sum(len(e) for day in d['schedule']['conference']['days'] for e in day['rooms'].values()))"
        let result = try run(python, ["-c", script, folder + "/s.json"])
        let timed = agenda.panels.filter { (try? $0.slot().get()) != nil }.count
        #expect(result.stdout.hasSuffix(" \(timed)\n"), "\(result.stdout)")
        #expect(Int(result.stdout.split(separator: " ")[0])! >= 128)
    }

    @Test("the Markdown and HTML pages handed on in pieces equal the pages made whole; every panel is there", arguments: [ExportFormat.md, .html])
    func documentStreamed(_ format: ExportFormat) {
        let document = AgendaDocument(ExportTests.large)
        let one = document.bytes(format)
        let (streamed, pieces) = ExportTests.streamed[format]!
        #expect(pieces > 1)
        #expect(streamed == one)
        let text = String(decoding: one, as: UTF8.self)
        #expect(text.components(separatedBy: format == .md ? "\n### " : "<article id=").count - 1 == ExportTests.largePanels)
    }

    @Test("the CSV handed on in pieces is the header, then every panel's rows in turn")
    func csvStreamed() {
        let agenda = ExportTests.large
        let catalog = agenda.catalog
        let (streamed, pieces) = ExportTests.streamed[.csv]!
        #expect(pieces > 1)
        #expect(streamed == CSVExporter.exportBytes(agenda))
        var reference: [UInt8] = []
        CSVExporter.cells(CSVExporter.header, &reference)
        reference += [0x0D, 0x0A]
        for panel in agenda.panels { CSVExporter.rows(panel, catalog, &reference) }
        #expect(streamed == reference)
        let rows = agenda.panels.reduce(1) { $0 + max(1, $1.roster.count) }
        #expect(String(decoding: streamed, as: UTF8.self).components(separatedBy: "\r\n").count - 1 >= rows)
    }

    @Test("every format of the demo store equals its golden file in fixtures/export", arguments: ExportFormat.allCases)
    func golden(_ format: ExportFormat) throws {
        let bytes = try demoAgenda().export(format)
        let path = fixturePath("export/magnitsky-month.\(format.fileExtension)")
        if ProcessInfo.processInfo.environment["DAIS_UPDATE_GOLDEN"] == "1" { try Data(bytes).write(to: URL(fileURLWithPath: path)) }
        #expect(bytes == (try fixtureBytes("export/magnitsky-month.\(format.fileExtension)")), "run with DAIS_UPDATE_GOLDEN=1 and review the diff")
    }

    @Test("iCalendar lines end in CRLF, are folded at 75 octets, and never split a UTF-8 sequence")
    func folding() throws {
        var catalog = try demoCatalog()
        catalog.panels["panel-2024-11-13-arbitrary-detention"]!.title = String(repeating: "王小明🎉é", count: 30)
        let agenda = Agenda(catalog: catalog, panels: catalog.panelsByStart(), zones: [], now: goldenNow)
        let bytes = agenda.export(.ics)
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D {
                #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0A, "a CR without LF")
                lines.append(current)
                current = []
                i += 2
                continue
            }
            #expect(bytes[i] != 0x0A, "a bare LF")
            current.append(bytes[i])
            i += 1
        }
        #expect(current.isEmpty, "the file ends in CRLF")
        for line in lines {
            #expect(line.count <= 75)
            #expect(String(validating: line, as: UTF8.self) != nil, "a line split a UTF-8 sequence")
        }
    }

    @Test("TEXT escaping of backslash, semicolon, comma and newline; control characters dropped")
    func textEscaping() {
        func text(_ value: String) -> String {
            var text = ICalendarText()
            text.text("X", value)
            return String(decoding: text.bytes, as: UTF8.self)
        }
        func parameter(_ value: String) -> String {
            var text = ICalendarText()
            text.line("X", [("P", value)], "v")
            return String(decoding: text.bytes, as: UTF8.self)
        }
        #expect(text("a\\b;c,d\ne\r\nf") == "X:a\\\\b\\;c\\,d\\ne\\nf\r\n")
        #expect(text("bell\u{07} esc\u{1B}[31m\ttab \u{202E}bidi\u{85}") == "X:bell esc[31m\ttab bidi\r\n")
        #expect(parameter("Chen, Melissa") == "X;P=\"Chen, Melissa\":v\r\n")
        #expect(parameter("say \"hi\"\u{7}") == "X;P=say 'hi':v\r\n")
    }

    @Test("VTIMEZONE observances cover the exported dates with the right offsets and names")
    func vtimezone() throws {
        let text = String(decoding: try demoAgenda().export(.ics), as: UTF8.self)
        #expect(text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20240310T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\nEND:DAYLIGHT"))
        #expect(text.contains("BEGIN:STANDARD\r\nDTSTART:20230402T030000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1000\r\nTZNAME:AEST\r\nEND:STANDARD"))
        #expect(text.contains("DTSTART;TZID=Australia/Sydney:20231129T130000\r\nDTEND;TZID=Australia/Sydney:20231129T141500"))
        #expect(text.components(separatedBy: "BEGIN:VTIMEZONE").count == 3)
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 7)
    }

    @Test("status, categories, URL and attendees with roles where people have e-mail")
    func eventFields() throws {
        var catalog = try demoCatalog()
        catalog.people["p-olivia-dehnavi"]!.email = "olivia@example.org"
        catalog.people["p-evgenia-kara-murza"]!.email = "evgenia@example.org"
        var panel = catalog.panels["panel-2024-11-13-arbitrary-detention"]!
        panel.roster.insert(RosterEntry(person: "p-olivia-dehnavi", role: .moderator), at: 0)
        panel.status = .draft
        panel.links = [Link(label: "Register", url: "https://example.org/register")]
        catalog.panels[panel.id] = panel
        catalog.panels["panel-2024-11-21-global-magnitsky-record"]!.status = .cancelled
        let text = String(decoding: Agenda(catalog: catalog, panels: catalog.panelsByStart(), zones: [], now: goldenNow).export(.ics), as: UTF8.self)
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("ATTENDEE;CN=Olivia Dehnavi;ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:olivia@example.org"))
        #expect(unfolded.contains("ATTENDEE;CN=Evgenia Kara-Murza;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:evgenia@example.org"))
        #expect(unfolded.contains("STATUS:TENTATIVE"))
        #expect(unfolded.contains("STATUS:CANCELLED"))
        #expect(unfolded.contains("URL;VALUE=URI:https://example.org/register"))
        #expect(unfolded.contains("CATEGORIES:Magnitsky Month 2024"))
        #expect(unfolded.contains("UID:panel-2024-11-13-arbitrary-detention@dais"))
        #expect(unfolded.contains("DTSTAMP:20241119T070640Z"))
    }

    @Test("CSV: one row per roster entry, RFC 4180 quoting, formulas neutralized")
    func csv() throws {
        var catalog = try demoCatalog()
        catalog.people["p-evil"] = Person(id: "p-evil", name: "=HYPERLINK(\"http://evil\",\"x\")", title: "+1 calls", affiliation: "@sum", email: "-x@example.org")
        catalog.panels["panel-2024-11-13-arbitrary-detention"]!.roster.append(RosterEntry(person: "p-evil", role: .panelist, title: "line one\nline \"two\", three"))
        let text = String(decoding: Agenda(catalog: catalog, panels: catalog.panelsByStart(), zones: [], now: goldenNow).export(.csv), as: UTF8.self)
        #expect(text.hasPrefix("panel_id,title,series,status,date,start,end,zone,start_utc,end_utc,person_id,name,role,confirmation,title_line,affiliation,email\r\n"))
        #expect(text.contains(",p-evil,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",panelist,confirmed,\"line one\nline \"\"two\"\", three\",'@sum,'-x@example.org\r\n"))
        let rows = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 1 + 15 + 2)  // header, 15 roster entries (with p-evil), 2 panels without a roster
    }

    @Test("CSV: each row written cell by cell from the catalog, unknown ids and entries' own titles too")
    func csvCells() throws {
        var catalog = try demoCatalog()
        let synthetic = SyntheticStore.generate(panels: 200)
        for (id, person) in synthetic.people { catalog.people[id] = person }
        catalog.people["p-evil"] = Person(id: "p-evil", name: "=cmd|' /C calc'!A0", title: "Chair, \"Board\"", affiliation: "@org", email: "-x@example.org")
        var panels = Array(synthetic.panels.values.prefix(40))
        panels[0].roster.append(RosterEntry(person: "p-gone", role: .moderator, title: "+own, title"))
        panels[1].roster.append(RosterEntry(person: "p-gone", role: .panelist))
        panels[2].roster.append(RosterEntry(person: "p-evil", role: .remarks))
        panels[3].roster.append(RosterEntry(person: "p-evil", role: .panelist, title: "own \"line\""))
        panels[4].series = "series-gone"
        panels[5].roster = []
        for panel in panels { catalog.panels[panel.id] = panel }
        for series in synthetic.series.values { catalog.series[series.id] = series }
        #expect(panels.contains { $0.series != nil && catalog.series[$0.series!] != nil })
        /// A row written cell by cell from the catalog.
        func reference(_ panel: Panel, _ entry: RosterEntry?) -> String {
            var out: [UInt8] = []
            let person = entry.flatMap { catalog.people[$0.person] }
            let slot = try? panel.slot().get()
            let end = slot.map { $0.zone.local(at: $0.span.end) } ?? panel.nominalEnd
            let series: String = panel.series.map { catalog.series[$0]?.name ?? $0.rawValue } ?? ""
            let endText: String = end.date == panel.start.date ? end.timeText : "\(end.date) \(end.timeText)"
            let title: String = entry.flatMap { catalog.titleLine(for: $0) } ?? ""
            var cells: [String] = [panel.id.rawValue, panel.title, series, panel.status.rawValue, panel.start.date.description, panel.start.timeText, endText]
            cells += [panel.zone, slot?.span.start.iso8601 ?? "", slot?.span.end.iso8601 ?? ""]
            cells += [entry?.person.rawValue ?? "", person?.name ?? "", entry?.role.rawValue ?? "", entry?.status.rawValue ?? "", title,
                      person?.affiliation ?? "", person?.email ?? ""]
            for (k, cell) in cells.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                CSVExporter.put(cell, &out)
            }
            return String(decoding: out, as: UTF8.self) + "\r\n"
        }
        let text = String(decoding: Agenda(catalog: catalog, panels: panels, zones: [], now: goldenNow).export(.csv), as: UTF8.self)
        var expected = CSVExporter.header.joined(separator: ",") + "\r\n"
        for panel in panels {
            if panel.roster.isEmpty { expected += reference(panel, nil) }
            for entry in panel.roster { expected += reference(panel, entry) }
        }
        #expect(text == expected)
        #expect(text.contains(",p-gone,,moderator,confirmed,\"'+own, title\",,\r\n") && text.contains(",p-gone,,panelist,confirmed,,,\r\n"))
        #expect(text.contains(",p-evil,'=cmd|' /C calc'!A0,remarks,confirmed,\"Chair, \"\"Board\"\", @org\",'@org,'-x@example.org\r\n"))
        #expect(text.contains(",series-gone,"))
    }

    @Test("iCalendar: a folded line is as long as 75 octets allow, cut only between characters, at every offset")
    func icsFoldingOffsets() {
        // A value of two- and four-byte letters after names of every length, so that cuts fall
        // everywhere in and around them.
        let value = String(repeating: "aé🎉", count: 60)
        for n in 1...80 {
            let name = String(repeating: "X", count: n)
            var text = ICalendarText()
            text.line(name, value)
            let bytes = text.bytes
            #expect(Array(bytes.suffix(2)) == [0x0D, 0x0A])
            let lines = bytes.dropLast(2).split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0.last == 0x0D ? $0.dropLast() : $0[...]) }
            var unfolded: [UInt8] = []
            for (k, line) in lines.enumerated() {
                #expect(line.count <= 75 && String(validating: line, as: UTF8.self) != nil)
                let content = k == 0 ? line[...] : line.dropFirst()
                if k > 0 { #expect(line.first == 0x20) }
                unfolded += content
                // Full: the next character would not have fitted.
                if k + 1 < lines.count {
                    let width = lines[k + 1].dropFirst().first.map { $0 < 0x80 ? 1 : $0 < 0xE0 ? 2 : $0 < 0xF0 ? 3 : 4 } ?? 0
                    #expect(line.count + width > 75)
                }
            }
            #expect(unfolded == Array((name + ":" + value).utf8))
        }
    }

    @Test("iCalendar: people's names, titles, addresses and ids escaped in every line that names them")
    func icsPeople() throws {
        var catalog = SyntheticStore.generate(panels: 20)
        catalog.people["p-cr"] = Person(id: "p-cr", name: "Carriage\r", title: "Line\nbreak", affiliation: "Tab\there", email: " spaced @ example.org ")
        catalog.people["p-bidi"] = Person(id: "p-bidi", name: "Evil\u{202E}Name", title: "Chair of Chairs", affiliation: "Chair", email: "no-at-sign")
        catalog.people["p-plain"] = Person(id: "p-plain", name: "Plain, Name; Semi\\Back", affiliation: "Org Only", homeZone: "Europe/Prague")
        var panel = catalog.panels.values.first!
        panel.roster = [RosterEntry(person: "p-cr", role: .moderator), RosterEntry(person: "p-bidi", role: .panelist),
                        RosterEntry(person: "p-plain", role: .panelist, title: "Own \"title\""), RosterEntry(person: "p-gone", role: .remarks)]
        let ics = String(decoding: Agenda(catalog: catalog, panels: [panel], zones: [], now: goldenNow).export(.ics), as: UTF8.self)
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("\r\nATTENDEE;CN=Carriage;ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:spaced@example.org\r\n"))
        #expect(!unfolded.contains("mailto:no-at-sign") && !unfolded.contains("\u{202E}"))
        #expect(unfolded.contains("\r\nX-DAIS-PERSON;CN=Carriage;X-ROLE=moderator;X-TITLE=Linebreak;X-AFFILIATION=Tabhere;X-EMAIL= spaced @ example.org :p-cr\r\n"))
        #expect(unfolded.contains("\r\nX-DAIS-PERSON;CN=\"Plain, Name; Semi\\Back\";X-ROLE=panelist;X-APPEARANCE-TITLE=Own 'title';X-AFFILIATION=Org Only;X-HOME-ZONE=Europe/Prague:p-plain\r\n"))
        #expect(unfolded.contains("\r\nX-DAIS-PERSON;CN=p-gone;X-ROLE=remarks:p-gone\r\n"))
        #expect(unfolded.contains("Moderator: Carriage\\n\\, Line\\nbreak\\, Tab\there\\nRemarks: p-gone\\nPanelist: EvilName\\, Chair of Chairs\\nPanelist: Plain\\, Name\\; Semi\\\\Back\\, Own \"title\""))
    }

    @Test("iCalendar: series and organizations by their names; unknown ids keep their ids")
    func icsGroups() throws {
        var catalog = SyntheticStore.generate(panels: 100)
        let long = String(repeating: "Fundación Ñandú für Menschenrechte ", count: 4)
        catalog.organizations["o-long"] = Organization(id: "o-long", name: long)
        catalog.organizations["o-comma"] = Organization(id: "o-comma", name: "Rights, Inc.; \"Quoted\"")
        catalog.series["s-orphan"] = Series(id: "s-orphan", name: "Orphan", host: "o-gone")
        // In a file: known and unknown ids, the orphan series' host by its id.
        var panel = catalog.panels.values.first!
        panel.series = "s-gone"
        panel.host = "o-gone"
        panel.cosponsors = ["o-long", "o-gone", "o-comma"]
        var second = catalog.panels.values.dropFirst().first!
        second.series = "s-orphan"
        second.host = nil
        second.cosponsors = []
        let ics = String(decoding: Agenda(catalog: catalog, panels: [panel, second], zones: [], now: goldenNow).export(.ics), as: UTF8.self)
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("\r\nCATEGORIES:s-gone\r\n") && unfolded.contains("\r\nX-DAIS-SERIES;CN=s-gone:s-gone\r\n"))
        #expect(unfolded.contains("\r\nX-DAIS-HOST;CN=o-gone:o-gone\r\n") && unfolded.contains("\r\nX-DAIS-COSPONSOR;CN=o-gone:o-gone\r\n"))
        #expect(unfolded.contains("\r\nX-DAIS-COSPONSOR;CN=\"Rights, Inc.; 'Quoted'\":o-comma\r\n"))
        #expect(unfolded.contains("Hosted by o-gone and co-sponsored by \(long)\\, o-gone\\, and Rights\\, Inc.\\; \"Quoted\""))
        #expect(unfolded.contains("\r\nX-DAIS-SERIES;CN=Orphan;X-HOST=o-gone;X-HOST-NAME=o-gone:s-orphan\r\n") && unfolded.contains("Hosted by o-gone"))
    }

    @Test("Markdown and HTML: each roster line is the person's name and title line (or the entry's own title), escaped")
    func pageRosterLines() throws {
        var catalog = SyntheticStore.generate(panels: 60)
        catalog.people["p-evil"] = Person(id: "p-evil", name: "<b>*Evil*</b> & [x](y)", title: "# Chair\nof _all_", affiliation: "`Org` | ~x~")
        catalog.people["p-bare"] = Person(id: "p-bare", name: "Bare")
        var panel = catalog.panels.values.first!
        panel.roster = [RosterEntry(person: "p-evil", role: .moderator), RosterEntry(person: "p-evil", role: .panelist, title: "Own <i>title</i>"),
                        RosterEntry(person: "p-gone", role: .panelist), RosterEntry(person: "p-bare", role: .remarks), RosterEntry(person: "p-gone", role: .remarks, title: "- own")]
        catalog.panels[panel.id] = panel
        let agenda = Agenda(catalog: catalog, panels: [panel], zones: [], now: goldenNow)
        let md = String(decoding: agenda.export(.md), as: UTF8.self)
        #expect(md.contains("**Moderator:** \\<b\\>\\*Evil\\*\\</b\\> \\& \\[x\\](y), # Chair  \nof \\_all\\_, \\`Org\\` \\| \\~x\\~\n"))
        #expect(md.contains("- \\<b\\>\\*Evil\\*\\</b\\> \\& \\[x\\](y), Own \\<i\\>title\\</i\\>\n- p-gone\n"))
        #expect(md.contains("**Remarks by:**\n\n- Bare\n- p-gone, - own\n"))
        let html = String(decoding: agenda.export(.html), as: UTF8.self)
        #expect(html.contains("<dt>Moderator</dt>\n<dd>&lt;b&gt;*Evil*&lt;/b&gt; &amp; [x](y), # Chair<br>of _all_, `Org` | ~x~</dd>\n"))
        #expect(html.contains("<dd>p-gone</dd>\n") && html.contains("<dt>Remarks by</dt>\n<dd>Bare</dd>\n<dd>p-gone, - own</dd>\n"))
        // A panel with nobody yet: TBA for the moderator and the panelists.
        panel.roster = []
        let empty = Agenda(catalog: catalog, panels: [panel], zones: [], now: goldenNow)
        #expect(String(decoding: empty.export(.md), as: UTF8.self).contains("**Moderator:** TBA\n\n**Panelists:** TBA\n"))
        #expect(String(decoding: empty.export(.html), as: UTF8.self).contains("<dt>Moderator</dt>\n<dd>TBA</dd>\n<dt>Panelists</dt>\n<dd>TBA</dd>\n"))
    }

    @Test("Markdown and HTML: the hosting sentence names the host (the panel's, else its series') and the co-sponsors, escaped")
    func pageHostingText() throws {
        var catalog = SyntheticStore.generate(panels: 60)
        let evil = ["o-hash": "# Org\n- list\n=x", "o-star": "*Bold* & <i>[x](y)</i>", "o-empty": "", "o-plain": "Plain Org", "o-bidi": "Evil\u{202E}\r\n+1"]
        for (id, name) in evil { catalog.organizations[OrganizationID(id)] = Organization(id: OrganizationID(id), name: name) }
        catalog.series["s-evil"] = Series(id: "s-evil", name: "Evil", host: "o-hash")
        catalog.series["s-orphan"] = Series(id: "s-orphan", name: "Orphan", host: "o-gone")
        catalog.series["s-none"] = Series(id: "s-none", name: "None")
        let ids: [OrganizationID] = ["o-hash", "o-star", "o-empty", "o-plain", "o-bidi", "o-gone"]
        var panels = Array(catalog.panels.values)
        // Every host (own, the series', none) with zero to five co-sponsors, known and not.
        for (k, series) in ([nil, "s-evil", "s-orphan", "s-none", "s-gone"] as [SeriesID?]).enumerated() {
            for host in [nil] + ids.map(Optional.some) {
                for count in 0...5 {
                    var panel = panels[0]
                    panel.series = series
                    panel.host = host
                    panel.cosponsors = (0..<count).map { ids[($0 + k) % ids.count] }
                    panels.append(panel)
                }
            }
        }
        // In every combination, the page holds the sentence escaped.
        for panel in panels {
            let agenda = Agenda(catalog: catalog, panels: [panel], zones: [], now: goldenNow)
            var md = AgendaDocument.Bytes(), html = AgendaDocument.Bytes()
            if let sentence = AgendaDocument.hosting(panel, catalog) {
                md.md(sentence)
                html.h(sentence)
                #expect(String(decoding: agenda.export(.md), as: UTF8.self).contains("\n" + String(decoding: md.bytes, as: UTF8.self) + ".\n"))
                #expect(String(decoding: agenda.export(.html), as: UTF8.self).contains("<p class=\"hosting\">" + String(decoding: html.bytes, as: UTF8.self) + ".</p>\n"))
            } else {
                #expect(!String(decoding: agenda.export(.html), as: UTF8.self).contains("hosting\">"))
            }
        }
        var panel = panels[0]
        (panel.series, panel.host, panel.cosponsors) = ("s-evil", nil, ["o-star", "o-gone", "o-hash"])
        #expect(AgendaDocument.hosting(panel, catalog) == "Hosted by # Org\n- list\n=x and co-sponsored by *Bold* & <i>[x](y)</i>, o-gone, and # Org\n- list\n=x")
        let md = String(decoding: Agenda(catalog: catalog, panels: [panel], zones: [], now: goldenNow).export(.md), as: UTF8.self)
        #expect(md.contains("\nHosted by # Org  \n\\- list  \n\\=x and co-sponsored by \\*Bold\\* \\& \\<i\\>\\[x\\](y)\\</i\\>, o-gone, and # Org  \n\\- list  \n\\=x.\n"), "\(md)")
        panel.series = nil
        panel.cosponsors = []
        #expect(AgendaDocument.hosting(panel, catalog) == nil)
        let bare = String(decoding: Agenda(catalog: catalog, panels: [panel], zones: [], now: goldenNow).export(.html), as: UTF8.self)
        #expect(!bare.contains("hosting\">"))
    }

    @Test("pages give start and end in each zone, the day shift marked; a zone that reads as one already shown appears once")
    func pageTimes() throws {
        let catalog = Catalog(series: [Series(id: "s", name: "S")])
        func times(_ start: LocalDateTime, _ zone: String, _ minutes: Int, _ zones: [String]) -> String? {
            let panel = Panel(id: "p", series: "s", title: "T", start: start, zone: zone, durationMinutes: minutes)
            return AgendaDocument(Agenda(catalog: catalog, panels: [panel], zones: zones.compactMap(Zone.named), now: goldenNow)).when(panel)?.times
        }
        let winter = LocalDateTime(year: 2024, month: 11, day: 20, hour: 10, minute: 0)!
        // London is GMT in winter: the same reading as UTC, shown once.
        #expect(times(winter, "America/New_York", 90, ["America/New_York", "Europe/London", "UTC", "Australia/Sydney"])
                == "10:00 – 11:30 am EST / 3:00 – 4:30 pm GMT / 2:00 – 3:30 am AEDT (+1d)")
        // In summer London is BST, a reading of its own.
        let summer = LocalDateTime(year: 2024, month: 6, day: 20, hour: 10, minute: 0)!
        #expect(times(summer, "America/New_York", 60, ["UTC", "Europe/London"]) == "10:00 – 11:00 am EDT / 2:00 – 3:00 pm UTC / 3:00 – 4:00 pm BST")
        // Two halves of the day, and an end on the next day in one zone.
        let late = LocalDateTime(year: 2024, month: 11, day: 20, hour: 18, minute: 30)!
        #expect(times(late, "America/New_York", 90, ["UTC"]) == "6:30 – 8:00 pm EST / 11:30 pm – 1:00 am next day UTC")
        let noon = LocalDateTime(year: 2024, month: 11, day: 20, hour: 11, minute: 30)!
        #expect(times(noon, "America/New_York", 60, []) == "11:30 am – 12:30 pm EST")
        // A span across the end of summer time names each half's abbreviation.
        let fallBack = LocalDateTime(year: 2024, month: 11, day: 3, hour: 0, minute: 30)!
        #expect(times(fallBack, "America/New_York", 120, []) == "12:30 am EDT – 1:30 am EST")
    }

    @Test("headings go down one level at a time: a one-series page puts its panels at level 2, a page of several at level 3")
    func pageHeadings() throws {
        let demo = try demoCatalog()
        let one = try demoAgenda().catalog.panels.values.filter { $0.series == "magnitsky-month-2024" }
        let single = Agenda(catalog: demo, panels: one.sorted { $0.id < $1.id }, zones: [], now: goldenNow)
        for (text, heading) in [(String(decoding: single.export(.md), as: UTF8.self), "#"), (String(decoding: try demoAgenda().export(.md), as: UTF8.self), "#")] {
            var level = 0
            for line in text.split(separator: "\n") where line.hasPrefix(heading) {
                let depth = line.prefix { $0 == "#" }.count
                #expect(depth <= level + 1, "\(line) after a heading of level \(level)")
                level = depth
            }
        }
        #expect(String(decoding: single.export(.md), as: UTF8.self).contains("\n## Countering arbitrary detention"))
        let html = String(decoding: single.export(.html), as: UTF8.self)
        #expect(html.contains("<h1>Magnitsky Month 2024</h1>") && html.contains("<h2>Countering arbitrary detention") && !html.contains("<h3>"))
        let several = String(decoding: try demoAgenda().export(.html), as: UTF8.self)
        #expect(several.contains("<h2>Magnitsky Month 2023</h2>") && several.contains("<h3>"))
    }

    @Test("HTML escapes every piece of data and links only http, https and mailto")
    func htmlEscaping() throws {
        var catalog = try demoCatalog()
        var panel = catalog.panels["panel-2024-11-13-arbitrary-detention"]!
        panel.title = "<script>alert('x')</script> & \"quotes\""
        panel.links = [Link(label: "click <b>", url: "javascript:alert(1)"), Link(label: "ok", url: "https://example.org/?a=1&b=2")]
        catalog.panels[panel.id] = panel
        let html = String(decoding: Agenda(catalog: catalog, panels: [panel], zones: [], now: goldenNow).export(.html), as: UTF8.self)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("click &lt;b&gt;: javascript:alert(1)"))
        #expect(html.contains("<a href=\"https://example.org/?a=1&amp;b=2\">ok</a>"))
    }

    @Test("Markdown escapes what would format or link")
    func markdownEscaping() throws {
        var catalog = try demoCatalog()
        var panel = catalog.panels["panel-2024-11-13-arbitrary-detention"]!
        panel.title = "*Bold* [link](http://x) <b> _under_ #tag"
        panel.description = "# not a heading\n- not a list"
        catalog.panels[panel.id] = panel
        let md = String(decoding: Agenda(catalog: catalog, panels: [panel], zones: [], now: goldenNow).export(.md), as: UTF8.self)
        #expect(md.contains("\n## \\*Bold\\* \\[link\\](http://x) \\<b\\> \\_under\\_ #tag"))
        #expect(md.contains("\\# not a heading  \n\\- not a list"))
    }

    @Test("Markdown reads like the seed page: date and time in its zone and the others, hosts and co-sponsors")
    func markdownLikeSeed() throws {
        let md = String(decoding: try demoAgenda().export(.md), as: UTF8.self)
        #expect(md.contains("**Tuesday, November 26, 2024, 10:00 – 11:00 am EST / 2:00 – 3:00 am AEDT (+1d) / 3:00 – 4:00 pm UTC**"))
        // The seed's own announcement: "1.00pm – 2.15pm AEDT".
        #expect(md.contains("**Wednesday, November 29, 2023, 1:00 – 2:15 pm AEDT / 9:00 – 10:15 pm EST (-1d) / 2:00 – 3:15 am UTC**"))
        #expect(md.contains("Hosted by Raoul Wallenberg Centre for Human Rights and co-sponsored by Human Rights First, Open Society Foundations, Pan American Development Foundation, and REDRESS."))
        #expect(md.contains("**Remarks by:** The Honorable Professor Irwin Cotler, Founder and International Chair"))
        #expect(md.contains("**Moderator:** TBA"))
    }

    @Test("paragraphs split at blank lines exactly as line by line, for texts of every mix of breaks and blanks")
    func paragraphSplits() {
        // The definition, line by line on scalars: the reference.
        func reference(_ text: String) -> [String] {
            var result: [String] = [], current: [String] = []
            for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map({ String(String.UnicodeScalarView($0)) }) {
                if line.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                    if !current.isEmpty { result.append(current.joined(separator: "\n")) }
                    current = []
                } else {
                    current.append(line)
                }
            }
            if !current.isEmpty { result.append(current.joined(separator: "\n")) }
            return result
        }
        let pieces = ["a", " ", "\n", "\r", "\t", "é", "\r\n", "\n\n", "🎉"]
        var generator = SplitMix(seed: 7)
        for n in 0..<3_000 {
            let text = (0..<(n % 12)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(text.paragraphs == reference(text), "\(text.debugDescription)")
            #expect(text.firstParagraph == reference(text).first, "\(text.debugDescription)")
        }
    }

    @Test("UUID version 5 matches Python's uuid.uuid5")
    func uuid5() {
        // python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, 'panel-x@dais'))"
        #expect(UUID5.url("panel-x@dais") == "28c80b7e-365d-57b1-b6e3-96966107bee8")
        #expect(UUID5.url("http://python.org/") == "4c565f0d-3f5a-5890-b41b-20cf47701c5e")
    }

    @Test("UUID version 5 matches Python's for names of every length across SHA-1's block and padding edges")
    func uuid5Lengths() throws {
        guard let python = python3 else { return }
        // Names of 0 to 150 bytes (with the 16-byte namespace: one, two and three blocks, and the
        // lengths where the padding spills into another block), some with multi-byte letters.
        let names = (0...150).map { n in n % 7 == 3 && n >= 2 ? String(repeating: "x", count: n - 2) + "é" : String(repeating: "a", count: n) }
        let script = "import uuid,sys\nfor line in sys.stdin.read().split('\\n')[:-1]: print(uuid.uuid5(uuid.NAMESPACE_URL, line))"
        let result = try run(python, ["-c", script], stdin: names.map { $0 + "\n" }.joined())
        #expect(result.status == 0)
        #expect(result.stdout == names.map { UUID5.url($0) + "\n" }.joined())
    }
}
