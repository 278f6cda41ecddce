/// The agenda as an announcement page reads, like the seed page: grouped by series, each panel with
/// its date and time in its own zone and the other zones, description, moderator, panelists with
/// titles, "Hosted by ... co-sponsored by ...". Rendered as Markdown or as one HTML file.
public struct AgendaDocument: Sendable {
    public let agenda: Agenda

    public init(_ agenda: Agenda) { self.agenda = agenda }

    /// "Wednesday, November 13, 2024", "10:00 am EST / 2:00 am AEDT (+1d) / 3:00 pm UTC".
    public func when(_ panel: Panel) -> (date: String, times: String, minutes: String)? {
        guard let slot = try? panel.slot().get() else { return nil }
        let ownDate = slot.zone.local(at: slot.span.start).date
        var zones = [slot.zone]
        for zone in agenda.zones where !zones.contains(zone) { zones.append(zone) }
        let times = zones.map { zone -> String in
            let reading = TimeFormat.Reading(slot.span.start, in: zone)
            let shift = TimeFormat.dayShift(from: ownDate, to: reading.local.date)
            return "\(TimeFormat.clock12(reading.local)) \(reading.abbreviation)" + (shift.isEmpty ? "" : " (\(shift))")
        }
        return (TimeFormat.longDate(ownDate), times.joined(separator: " / "), "\(panel.durationMinutes) minutes")
    }

    /// "Hosted by X and co-sponsored by A, B, and C", or nil.
    public static func hosting(_ panel: Panel, _ catalog: Catalog) -> String? {
        var sentence = ""
        let any = hosting(host: catalog.effectiveHost(of: panel), sponsors: panel.cosponsors,
                          word: { sentence += $0.text.description }, name: { sentence += catalog.name(of: $0) })
        return any ? sentence : nil
    }

    /// The words of the hosting sentence, before and between its names.
    enum HostingWord {
        case hostedBy, andCoSponsoredBy, coSponsoredBy, and, comma, commaAnd

        /// As written: plain ASCII that Markdown and HTML leave as it is (iCalendar TEXT escapes the
        /// commas).
        var text: StaticString {
            switch self {
            case .hostedBy: "Hosted by "
            case .andCoSponsoredBy: " and co-sponsored by "
            case .coSponsoredBy: "Co-sponsored by "
            case .and: " and "
            case .comma: ", "
            case .commaAnd: ", and "
            }
        }
    }

    /// The hosting sentence in pieces, for every format that writes it: its words (`word`) and the
    /// organizations it names (`name`, each inside the sentence, never first). False, and nothing
    /// written, when there is neither host nor co-sponsor.
    static func hosting(host: OrganizationID?, sponsors: [OrganizationID], word: (HostingWord) -> Void, name: (OrganizationID) -> Void) -> Bool {
        guard host != nil || !sponsors.isEmpty else { return false }
        if let host {
            word(.hostedBy)
            name(host)
            if !sponsors.isEmpty { word(.andCoSponsoredBy) }
        } else {
            word(.coSponsoredBy)
        }
        for (k, sponsor) in sponsors.enumerated() {
            if k > 0 { word(sponsors.count == 2 ? .and : k == sponsors.count - 1 ? .commaAnd : .comma) }
            name(sponsor)
        }
        return true
    }

    /// The roster as the page lists it: role heading, then "Name, title" lines (TBA when empty).
    public func roster(_ panel: Panel) -> [(heading: String, people: [String])] {
        AgendaDocument.groups(panel).map { group in
            (group.heading, group.entries.isEmpty ? ["TBA"] : group.entries.map { AgendaDocument.line(for: $0, agenda.catalog) })
        }
    }

    /// The roster's groups as the page lists them: the moderators and the panelists always (none:
    /// TBA), those giving remarks when there are any.
    static func groups(_ panel: Panel) -> [(heading: String, entries: [RosterEntry])] {
        var groups: [(String, [RosterEntry])] = []
        for role in Role.allCases {
            let entries = panel.entries(role)
            switch role {
            case .moderator: groups.append((entries.count > 1 ? "Moderators" : "Moderator", entries))
            case .remarks: if !entries.isEmpty { groups.append(("Remarks by", entries)) }
            case .panelist: groups.append((entries.count == 1 ? "Panelist" : "Panelists", entries))
            }
        }
        return groups
    }

    /// "Name, title line" for a roster entry.
    static func line(for entry: RosterEntry, _ catalog: Catalog) -> String {
        line(catalog.name(of: entry.person), catalog.titleLine(for: entry))
    }

    static func line(_ name: String, _ titleLine: String?) -> String { name + (titleLine.map { ", \($0)" } ?? "") }

    /// What the page says of each person, organization and series, escaped for its format (Markdown
    /// or HTML) once per file into one buffer and found by id symbol, each met at many panels: a
    /// person's roster line ("Name, title line"), an organization's name as the hosting sentence
    /// says it, a series' host. An entry with its own title, or an id that names nothing, is
    /// escaped where it is met.
    final class PageText: Sendable {
        private let bytes: [UInt8]
        /// By person: where the escaped line starts and ends.
        private let lines: SymbolRecords<PersonKind, (start: Int32, end: Int32)>
        /// By organization: where its escaped name starts and ends.
        private let names: SymbolRecords<OrganizationKind, (start: Int32, end: Int32)>
        /// By series: its host.
        private let hosts: SymbolRecords<SeriesKind, OrganizationID?>
        private let catalog: Catalog
        private let html: Bool

        init(_ catalog: Catalog, html: Bool) {
            var out = Bytes()
            var lines = SymbolRecords<PersonKind, (start: Int32, end: Int32)>()
            var names = SymbolRecords<OrganizationKind, (start: Int32, end: Int32)>()
            var hosts = SymbolRecords<SeriesKind, OrganizationID?>()
            for person in catalog.people.values {
                let start = Int32(out.bytes.count)
                Self.line(AgendaDocument.line(person.name, person.titleLine), html, &out)
                lines.add(person.id, (start, Int32(out.bytes.count)))
            }
            for org in catalog.organizations.values {
                let start = Int32(out.bytes.count)
                Self.name(org.name, html, &out)
                names.add(org.id, (start, Int32(out.bytes.count)))
            }
            for series in catalog.series.values { hosts.add(series.id, series.host) }
            (bytes, self.lines, self.names, self.hosts, self.catalog, self.html) = (out.bytes, lines, names, hosts, catalog, html)
        }

        /// A roster line escaped: it begins a line (Markdown escapes a "#", "+", "-" or "=" there).
        private static func line(_ text: String, _ html: Bool, _ out: inout Bytes) { html ? out.h(text) : out.md(text) }

        /// A name escaped as it stands inside a line.
        private static func name(_ text: String, _ html: Bool, _ out: inout Bytes) { html ? out.h(text) : out.md(text, atLineStart: false) }

        /// Adds the entry's line, escaped.
        func write(_ entry: RosterEntry, _ out: inout Bytes) {
            if entry.title?.nonEmpty == nil, let (start, end) = lines[entry.person] {
                copy(start, end, &out)
            } else {
                Self.line(AgendaDocument.line(for: entry, catalog), html, &out)
            }
        }

        /// Adds the panel's hosting sentence (as `AgendaDocument.hosting` words it), escaped; false
        /// when it has none. Its words need no escape in either format, and what comes after a name
        /// never begins a line, so the sentence is its words and its names escaped one by one.
        func writeHosting(_ panel: Panel, _ out: inout Bytes) -> Bool {
            let host = panel.host ?? panel.series.flatMap { hosts[$0] ?? nil }
            return AgendaDocument.hosting(host: host, sponsors: panel.cosponsors, word: { word in
                out.bytes.append(contentsOf: UnsafeBufferPointer(start: word.text.utf8Start, count: word.text.utf8CodeUnitCount))
            }, name: { id in
                if let (start, end) = names[id] { copy(start, end, &out) } else { Self.name(id.rawValue, html, &out) }
            })
        }

        @inline(__always)
        private func copy(_ start: Int32, _ end: Int32, _ out: inout Bytes) {
            bytes.withUnsafeBufferPointer { out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)])) }
        }
    }

    // MARK: Pieces

    /// What the page is made of, in order: a series' heading and description, its panels, the end of
    /// the series. Each piece is written without looking at the others, so long agendas are written
    /// in parallel parts.
    enum Piece: Sendable {
        case group(heading: String?, description: String?)
        /// The panel at this position of the agenda's panels.
        case panel(Int32)
        case endGroup
    }

    var pieces: [Piece] {
        var pieces: [Piece] = []
        pieces.reserveCapacity(agenda.panels.count + 64)
        let groups = agenda.seriesGroups
        for group in groups {
            let heading = groups.count == 1 && group.name == agenda.title ? nil : group.name ?? "Other panels"
            let description = groups.count > 1 || group.positions.count > 1 ? group.series?.description?.nonEmpty : nil
            pieces.append(.group(heading: heading, description: description))
            for position in group.positions { pieces.append(.panel(position)) }
            pieces.append(.endGroup)
        }
        return pieces
    }

    /// Pieces per part of `write`: about a megabyte of page.
    static let partSize = 768

    /// Hands the page to `sink` in order, in pieces: the head, then the pieces written in parallel
    /// parts (`Parallel.stream`), then the tail.
    func write<E: Error>(cores: Int, head: (inout Bytes) -> Void, piece: @escaping @Sendable (Piece, inout Bytes) -> Void,
                         tail: (inout Bytes) -> Void, to sink: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        var first = Bytes()
        head(&first)
        try first.withBytes(sink)
        let pieces = pieces
        try Parallel.stream(pieces.count, partSize: AgendaDocument.partSize, cores: cores, capacity: AgendaDocument.partSize * 1_600) { (range, out: inout Bytes) in
            // Grouped by series, the panels lie in no order in memory: each is asked for ahead.
            Panel.forEachAhead(in: range, panel: { if case let .panel(ahead) = pieces[$0] { agenda.panels[Int(ahead)] } else { nil } }) { i in
                piece(pieces[i], &out)
            }
        } deliver: { (bytes) throws(E) in try sink(bytes) }
        var last = Bytes()
        tail(&last)
        try last.withBytes(sink)
    }

    /// The page in a format (Markdown or HTML) as one array of bytes.
    func bytes(_ format: ExportFormat, cores: Int = Parallel.cores) -> [UInt8] {
        collectedBytes { sink in format == .html ? writeHTML(cores: cores, to: sink) : writeMarkdown(cores: cores, to: sink) }
    }

    /// A growing file: plain text put in as it is, or escaped for Markdown or HTML.
    struct Bytes: PartBuffer {
        var bytes: [UInt8] = []

        init() {}

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        mutating func reset() { bytes.removeAll(keepingCapacity: true) }

        func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R { try bytes.withUnsafeBufferPointer(body) }

        mutating func put(_ text: String) { bytes.append(contentsOf: text.utf8) }

        /// Markdown text with everything that could format, link or embed HTML escaped; a line
        /// break becomes a hard break ("  \n").
        /// `atLineStart`: the text begins a line (else it continues one).
        mutating func md(_ text: String, atLineStart lineStart: Bool = true) {
            var inert = DisplayText.inert(text, singleLine: false)
            inert.withUTF8 { b in
                // Every escaped character is ASCII, so the text is read as bytes and copied in runs.
                var atLineStart = lineStart, run = 0
                for i in 0..<b.count {
                    let c = b[i]
                    switch c {
                    case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x7E, 0x26, 0x21, 0x7B, 0x7D:  // \ ` * _ [ ] < > | ~ & ! { }
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                        bytes.append(0x5C)
                        run = i
                    case 0x23 where atLineStart, 0x2B where atLineStart, 0x2D where atLineStart, 0x3D where atLineStart:  // # + - = opening a line
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                        bytes.append(0x5C)
                        run = i
                    case 0x0A:
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                        bytes.append(contentsOf: [0x20, 0x20, 0x0A])
                        run = i + 1
                        atLineStart = true
                        continue
                    default:
                        break
                    }
                    atLineStart = false
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[run...]))
            }
        }

        /// HTML text: every character that could open markup escaped; control characters made
        /// inert; a line break becomes "<br>".
        mutating func h(_ text: String) {
            var inert = DisplayText.inert(text, singleLine: false)
            inert.withUTF8 { b in
                var run = 0
                for i in 0..<b.count {
                    let replacement: StaticString
                    switch b[i] {
                    case 0x26: replacement = "&amp;"
                    case 0x3C: replacement = "&lt;"
                    case 0x3E: replacement = "&gt;"
                    case 0x22: replacement = "&quot;"
                    case 0x27: replacement = "&#39;"
                    case 0x0A: replacement = "<br>"
                    default: continue
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                    bytes.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                    run = i + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[run...]))
            }
        }

        /// Paragraphs, each escaped for Markdown, with a blank line between them.
        mutating func mdParagraphs(_ text: String) {
            for (k, paragraph) in text.paragraphs.enumerated() {
                if k > 0 { put("\n\n") }
                md(paragraph)
            }
        }

        /// Paragraphs, each escaped for HTML, as "<p>...</p>" lines.
        mutating func htmlParagraphs(_ text: String) {
            for paragraph in text.paragraphs {
                put("<p>")
                h(paragraph)
                put("</p>\n")
            }
        }
    }

    // MARK: Markdown

    public var markdown: String { String(decoding: bytes(.md), as: UTF8.self) }

    /// Hands the Markdown page to `sink` in order, in pieces.
    func writeMarkdown<E: Error>(cores: Int = Parallel.cores, to sink: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        let people = PageText(agenda.catalog, html: false)
        try write(cores: cores, head: { out in
            out.put("# ")
            out.md(agenda.title)
            out.put("\n")
            if agenda.panels.isEmpty { out.put("\nNo panels.\n") }
        }, piece: { [self] piece, out in
            markdown(piece, people, &out)
        }, tail: { _ in }, to: sink)
    }

    func markdown(_ piece: Piece, _ people: PageText, _ out: inout Bytes) {
        switch piece {
        case let .group(heading, description):
            if let heading {
                out.put("\n## ")
                out.md(heading)
                out.put("\n")
            }
            if let description {
                out.put("\n")
                out.mdParagraphs(description)
                out.put("\n")
            }
        case let .panel(position):
            let panel = agenda.panels[Int(position)]
            out.put("\n### ")
            out.md(panel.title)
            out.put("\n\n")
            if let w = when(panel) {
                out.put("**")
                out.md(w.date)
                out.put(", ")
                out.md(w.times)
                out.put("**  \n")
                out.md(panel.format.label.capitalizedFirst)
                out.put(", \(w.minutes)" + (panel.status == .scheduled ? "" : " · **\(panel.status.rawValue)**") + "\n")
            } else {
                out.put("**")
                out.md(panel.start.date.description)
                out.put(" ")
                out.md(panel.start.timeText)
                out.put(" ")
                out.md(panel.zone)
                out.put("** (time to be confirmed)\n")
            }
            if let description = panel.description?.nonEmpty {
                out.put("\n")
                out.mdParagraphs(description)
                out.put("\n")
            }
            for (heading, entries) in AgendaDocument.groups(panel) {
                out.put("\n**")
                out.md(heading)
                if entries.count <= 1 {
                    out.put(":** ")
                    if let entry = entries.first { people.write(entry, &out) } else { out.put("TBA") }
                    out.put("\n")
                } else {
                    out.put(":**\n\n")
                    for (k, entry) in entries.enumerated() {
                        out.put(k == 0 ? "- " : "\n- ")
                        people.write(entry, &out)
                    }
                    out.put("\n")
                }
            }
            out.put("\n")
            if people.writeHosting(panel, &out) { out.put(".\n") } else { out.bytes.removeLast() }
            for link in panel.links {
                out.put("\n")
                if let url = AgendaDocument.safeURL(link.url) {
                    out.put("[")
                    out.md(link.label)
                    out.put("](<\(mdURL(url))>)")
                } else {
                    out.md(link.label)
                    out.put(": ")
                    out.md(link.url)
                }
                out.put("\n")
            }
        case .endGroup:
            break
        }
    }

    func mdURL(_ url: String) -> String { url.replacingAll(">", with: "%3E").replacingAll("<", with: "%3C").replacingAll(" ", with: "%20") }

    /// A URL safe to link to: http, https or mailto only.
    static func safeURL(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:"),
              !url.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\"" || $0.value == 0x7F }) else { return nil }
        return url
    }

    // MARK: HTML

    public var html: String { String(decoding: bytes(.html), as: UTF8.self) }

    /// Hands the HTML page to `sink` in order, in pieces.
    func writeHTML<E: Error>(cores: Int = Parallel.cores, to sink: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        let people = PageText(agenda.catalog, html: true)
        try write(cores: cores, head: { out in
            out.put("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Dais">
            <title>
            """)
            out.h(agenda.title)
            out.put("""
            </title>
            <style>
            body { font: 16px/1.5 Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }
            h1 { font-size: 2em; margin-bottom: .2em; }
            h2 { font-size: 1.5em; border-bottom: 2px solid #444; margin-top: 2em; }
            h3 { font-size: 1.2em; margin-bottom: .2em; }
            .when { font-weight: bold; margin: .2em 0; }
            .meta { color: #555; margin: 0 0 .8em; }
            .status { color: #a00; font-weight: bold; }
            .roster dt { font-weight: bold; margin-top: .4em; }
            .roster dd { margin-left: 1.5em; }
            .hosting { font-style: italic; }
            article { page-break-inside: avoid; break-inside: avoid; margin-bottom: 1.5em; }
            @media print { body { margin: 0; max-width: none; font-size: 11pt; } a { color: inherit; } }
            </style>
            </head>
            <body>
            <h1>
            """)
            out.h(agenda.title)
            out.put("</h1>\n")
            if agenda.panels.isEmpty { out.put("<p>No panels.</p>\n") }
        }, piece: { [self] piece, out in
            html(piece, people, &out)
        }, tail: { out in
            out.put("</body>\n</html>\n")
        }, to: sink)
    }

    func html(_ piece: Piece, _ people: PageText, _ out: inout Bytes) {
        switch piece {
        case let .group(heading, description):
            out.put("<section>\n")
            if let heading {
                out.put("<h2>")
                out.h(heading)
                out.put("</h2>\n")
            }
            if let description { out.htmlParagraphs(description) }
        case let .panel(position):
            let panel = agenda.panels[Int(position)]
            out.put("<article id=\"")
            out.h(panel.id.rawValue)
            out.put("\">\n<h3>")
            out.h(panel.title)
            out.put("</h3>\n")
            if let w = when(panel) {
                out.put("<p class=\"when\">")
                out.h(w.date)
                out.put(", ")
                out.h(w.times)
                out.put("</p>\n<p class=\"meta\">")
                out.h(panel.format.label.capitalizedFirst)
                out.put(", ")
                out.h(w.minutes)
                if panel.status != .scheduled {
                    out.put(" · <span class=\"status\">")
                    out.h(panel.status.rawValue)
                    out.put("</span>")
                }
                out.put("</p>\n")
            } else {
                out.put("<p class=\"when\">")
                out.h(panel.start.date.description)
                out.put(" ")
                out.h(panel.start.timeText)
                out.put(" ")
                out.h(panel.zone)
                out.put(" (time to be confirmed)</p>\n")
            }
            if let description = panel.description?.nonEmpty { out.htmlParagraphs(description) }
            out.put("<dl class=\"roster\">\n")
            for (heading, entries) in AgendaDocument.groups(panel) {
                out.put("<dt>")
                out.h(heading)
                out.put("</dt>\n")
                if entries.isEmpty { out.put("<dd>TBA</dd>\n") }
                for entry in entries {
                    out.put("<dd>")
                    people.write(entry, &out)
                    out.put("</dd>\n")
                }
            }
            out.put("</dl>\n")
            let mark = out.bytes.count
            out.put("<p class=\"hosting\">")
            if people.writeHosting(panel, &out) { out.put(".</p>\n") } else { out.bytes.removeSubrange(mark...) }
            for link in panel.links {
                if let url = AgendaDocument.safeURL(link.url) {
                    out.put("<p><a href=\"")
                    out.h(url)
                    out.put("\">")
                    out.h(link.label)
                    out.put("</a></p>\n")
                } else {
                    out.put("<p>")
                    out.h(link.label)
                    out.put(": ")
                    out.h(link.url)
                    out.put("</p>\n")
                }
            }
            out.put("</article>\n")
        case .endGroup:
            out.put("</section>\n")
        }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }

    /// The text split at blank lines (lines of only spaces, tabs and carriage returns); empty
    /// paragraphs dropped. Each paragraph is its lines as they were, joined by their line breaks.
    var paragraphs: [String] { paragraphs(limit: .max) }

    /// The first paragraph, if any.
    var firstParagraph: String? { paragraphs(limit: 1).first }

    /// At most `limit` paragraphs, found in the UTF-8 bytes (line breaks and blanks are ASCII, so
    /// every cut falls between letters).
    func paragraphs(limit: Int) -> [String] {
        var result: [String] = []
        var text = self
        text.withUTF8 { b in
            var lineStart = 0, paragraphStart = -1, paragraphEnd = 0
            while lineStart <= b.count && result.count < limit {
                var end = lineStart, blank = true
                while end < b.count && b[end] != 0x0A {
                    let c = b[end]
                    if c != 0x20 && c != 0x09 && c != 0x0D { blank = false }
                    end += 1
                }
                if !blank {
                    if paragraphStart < 0 { paragraphStart = lineStart }
                    paragraphEnd = end
                }
                if (blank || end == b.count) && paragraphStart >= 0 {
                    result.append(String(decoding: UnsafeBufferPointer(rebasing: b[paragraphStart..<paragraphEnd]), as: UTF8.self))
                    paragraphStart = -1
                }
                lineStart = end + 1
            }
        }
        return result
    }
}
