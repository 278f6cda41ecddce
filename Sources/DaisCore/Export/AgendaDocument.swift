/// The agenda as an announcement page reads, like the seed page: grouped by series, each panel with
/// its date and time in its own zone and the other zones, description, moderator, panelists with
/// titles, "Hosted by ... co-sponsored by ...". Rendered as Markdown or as one HTML file.
public struct AgendaDocument: Sendable {
    public let agenda: Agenda
    /// Set for a page of a published site (`dais publish`): the HTML links the site's other pages,
    /// its style sheet and its calendar feed. Nil: one page that stands alone.
    let site: SiteLinks?

    public init(_ agenda: Agenda) { self.init(agenda, site: nil) }

    init(_ agenda: Agenda, site: SiteLinks?) {
        self.agenda = agenda
        self.site = site
    }

    /// "Wednesday, November 13, 2024", "10:00 – 11:30 am EST / 2:00 – 3:30 am AEDT (+1d) / 3:00 –
    /// 4:30 pm UTC": the date in the panel's own zone, then start and end in its zone and each
    /// display zone (`zoneTimes`, joined).
    public func when(_ panel: Panel) -> (date: String, times: String, minutes: String)? {
        guard let slot = try? panel.slot().get() else { return nil }
        return (TimeFormat.longDate(slot.zone.local(at: slot.span.start).date), zoneTimes(slot).joined(separator: " / "),
                "\(panel.durationMinutes) minutes")
    }

    /// Start and end of a slot in its zone and each display zone, a zone on another day than the
    /// slot's own marked with its shift. A zone that reads exactly as one already shown (UTC and
    /// GMT, or two zones with the same offset and abbreviation) is left out.
    func zoneTimes(_ slot: Slot) -> [String] {
        let ownDate = slot.zone.local(at: slot.span.start).date
        var zones = [slot.zone]
        for zone in agenda.zones where !zones.contains(zone) { zones.append(zone) }
        var shown: [(offset: Int, abbreviation: String)] = []
        var times: [String] = []
        for zone in zones {
            let reading = TimeFormat.Reading(slot.span.start, in: zone)
            let offset = zone.offset(at: slot.span.start)
            let name = AgendaDocument.universal.contains(reading.abbreviation) ? "UTC" : reading.abbreviation
            guard !shown.contains(where: { $0.offset == offset && $0.abbreviation == name }) else { continue }
            shown.append((offset, name))
            let shift = TimeFormat.dayShift(from: ownDate, to: reading.local.date)
            times.append(TimeFormat.announcedRange(slot.span, in: zone) + (shift.isEmpty ? "" : " (\(shift))"))
        }
        return times
    }

    /// Abbreviations that all name the time of the prime meridian.
    static let universal: Set<String> = ["UTC", "GMT", "UT", "Z"]

    /// "Hosted by X and co-sponsored by A, B, and C", or nil when the panel has neither host (its
    /// own, else its series') nor co-sponsor.
    public static func hosting(_ panel: Panel, _ catalog: Catalog) -> String? {
        let host = catalog.effectiveHost(of: panel).map(catalog.name(of:))
        let sponsors = panel.cosponsors.map(catalog.name(of:))
        let listed = sponsors.count <= 2 ? sponsors.joined(separator: " and ") : sponsors.dropLast().joined(separator: ", ") + ", and " + sponsors.last!
        switch (host, sponsors.isEmpty) {
        case (nil, true): return nil
        case (nil, false): return "Co-sponsored by " + listed
        case (let host?, true): return "Hosted by " + host
        case (let host?, false): return "Hosted by " + host + " and co-sponsored by " + listed
        }
    }

    /// The roster as the page lists it: role heading, then "Name, title" lines (TBA when empty).
    public func roster(_ panel: Panel) -> [(heading: String, people: [String])] {
        AgendaDocument.groups(panel).map { group in
            (group.heading, group.entries.isEmpty ? ["TBA"] : group.entries.map { AgendaDocument.line(for: $0, agenda.catalog) })
        }
    }

    /// The roster's groups as the page lists them: the moderators and the panelists always (none:
    /// TBA), those giving remarks when there are any. Only speakers who have confirmed are announced.
    static func groups(_ panel: Panel) -> [(heading: String, entries: [RosterEntry])] {
        var groups: [(String, [RosterEntry])] = []
        for role in Role.allCases {
            let entries = panel.announced(role)
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

    // MARK: Sections

    /// The page's sections, one per series group (`Agenda.bySeries`): a heading, unless the page's
    /// title already names its only series; the series' description when the page holds more than
    /// one panel of it or more than one group; and the group's panels.
    var sections: [(heading: String?, description: String?, series: Series?, panels: [Panel])] {
        let groups = agenda.bySeries
        return groups.map { group in
            (groups.count == 1 && group.name == agenda.title ? nil : group.name ?? "Other panels",
             groups.count > 1 || group.panels.count > 1 ? group.series?.description?.nonEmpty : nil,
             group.series, group.panels)
        }
    }

    /// The page in a format (Markdown or HTML) as one array of bytes.
    func bytes(_ format: ExportFormat) -> [UInt8] {
        collectedBytes { sink in format == .html ? writeHTML(to: sink) : writeMarkdown(to: sink) }
    }

    /// A growing file: plain text put in as it is, or escaped for Markdown or HTML.
    struct Bytes {
        var bytes: [UInt8] = []

        mutating func put(_ text: String) { bytes += text.utf8 }

        /// Markdown text with everything that could format, link or embed HTML escaped, and a "#",
        /// "+", "-" or "=" that would open a line; a line break becomes a hard break ("  \n").
        mutating func md(_ text: String) {
            let text = Array(DisplayText.inert(text, singleLine: false).utf8)
            var run = 0  // the first byte not copied yet
            var atLineStart = true
            for (i, byte) in text.enumerated() {
                defer { atLineStart = byte == 0x0A }
                switch byte {
                case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x7E, 0x26, 0x21, 0x7B, 0x7D:  // \ ` * _ [ ] < > | ~ & ! { }
                    bytes += text[run..<i] + [0x5C]
                case 0x23 where atLineStart, 0x2B where atLineStart, 0x2D where atLineStart, 0x3D where atLineStart:  // # + - =
                    bytes += text[run..<i] + [0x5C]
                case 0x0A:
                    bytes += text[run..<i] + [0x20, 0x20]
                default:
                    continue
                }
                run = i
            }
            bytes += text[run...]
        }

        /// HTML text: every character that could open markup escaped; control characters made
        /// inert; a line break becomes "<br>".
        mutating func h(_ text: String) {
            let inert = DisplayText.inert(text, singleLine: false)
            if !Bytes.needsEscaping(inert) {
                bytes += inert.utf8
                return
            }
            let text = Array(inert.utf8)
            var run = 0  // the first byte not copied yet
            for (i, byte) in text.enumerated() {
                guard let replacement = Bytes.escape(of: byte) else { continue }
                bytes += text[run..<i]
                put(replacement)
                run = i + 1
            }
            bytes += text[run...]
        }

        /// What `h` writes for a byte, or nil for a byte written as it is.
        @inline(__always)
        static func escape(of byte: UInt8) -> String? {
            switch byte {
            case UInt8(ascii: "&"): return "&amp;"
            case UInt8(ascii: "<"): return "&lt;"
            case UInt8(ascii: ">"): return "&gt;"
            case UInt8(ascii: "\""): return "&quot;"
            case UInt8(ascii: "'"): return "&#39;"
            case 0x0A: return "<br>"
            default: return nil
            }
        }

        /// Whether text holds a byte `h` replaces.
        static func needsEscaping(_ text: String) -> Bool {
            let bytes = text.utf8.span
            for i in bytes.indices where escape(of: bytes[i]) != nil { return true }
            return false
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
    func writeMarkdown<E: Error>(to sink: ([UInt8]) throws(E) -> Void) throws(E) {
        var out = Bytes()
        out.put("# ")
        out.md(agenda.title)
        out.put("\n")
        if agenda.panels.isEmpty { out.put("\nNo panels.\n") }
        for section in sections {
            if let heading = section.heading {
                out.put("\n## ")
                out.md(heading)
                out.put("\n")
            }
            if let description = section.description {
                out.put("\n")
                out.mdParagraphs(description)
                out.put("\n")
            }
            for panel in section.panels {
                markdown(panel, level: section.heading == nil ? 2 : 3, &out)
                try flush(&out.bytes, to: sink)
            }
        }
        try flush(&out.bytes, to: sink, always: true)
    }

    /// A panel under a heading of `level` (2 on a page without section headings, else 3), so
    /// that headings go down one level at a time.
    func markdown(_ panel: Panel, level: Int, _ out: inout Bytes) {
        out.put("\n" + String(repeating: "#", count: level) + " ")
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
                out.md(entries.first.map { AgendaDocument.line(for: $0, agenda.catalog) } ?? "TBA")
                out.put("\n")
            } else {
                out.put(":**\n\n")
                for (k, entry) in entries.enumerated() {
                    out.put(k == 0 ? "- " : "\n- ")
                    out.md(AgendaDocument.line(for: entry, agenda.catalog))
                }
                out.put("\n")
            }
        }
        if let hosting = AgendaDocument.hosting(panel, agenda.catalog) {
            out.put("\n")
            out.md(hosting)
            out.put(".\n")
        }
        for link in agenda.links(of: panel) {
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
    func writeHTML<E: Error>(to sink: ([UInt8]) throws(E) -> Void) throws(E) {
        var out = Bytes()
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
        out.put("</title>\n")
        if let site {
            out.put("<link rel=\"stylesheet\" href=\"\(site.root)\(SiteLinks.styleSheet)\">\n")
            out.put("<link rel=\"alternate\" type=\"text/calendar\" title=\"Calendar feed\" href=\"")
            out.h(site.root + site.feed)
            out.put("\">\n</head>\n<body>\n<header>\n")
            if !site.isIndex { out.put("<nav aria-label=\"Site\"><a href=\"\(site.root)index.html\">All panels</a></nav>\n") }
        } else {
            out.put("<style>\n\(AgendaDocument.styleSheet)</style>\n</head>\n<body>\n")
        }
        out.put("<h1>")
        out.h(agenda.title)
        out.put("</h1>\n")
        if let site {
            feeds(site, &out)
            out.put("</header>\n<main>\n")
        }
        if agenda.panels.isEmpty { out.put("<p>No panels.</p>\n") }
        for section in sections {
            out.put("<section>\n")
            if let heading = section.heading {
                out.put("<h2>")
                link(section.series.flatMap { series in site?.page(of: series.id) }, heading, &out)
                out.put("</h2>\n")
            }
            if let description = section.description { out.htmlParagraphs(description) }
            if let site, let speaker = site.speaker {
                speakerList(section.panels, speaker, site, &out)
            } else {
                for panel in section.panels {
                    html(panel, level: section.heading == nil ? 2 : 3, &out)
                    try flush(&out.bytes, to: sink)
                }
            }
            out.put("</section>\n")
        }
        if site != nil { out.put("</main>\n") }
        out.put("</body>\n</html>\n")
        try flush(&out.bytes, to: sink, always: true)
    }

    /// A panel under a heading of `level`, as `markdown(_:level:_:)`.
    func html(_ panel: Panel, level: Int, _ out: inout Bytes) {
        out.put("<article id=\"")
        out.h(panel.id.rawValue)
        out.put(panel.status == .scheduled ? "\">\n" : "\" class=\"\(panel.status.rawValue)\">\n")
        out.put("<h\(level)>")
        link(site?.page(of: panel.id), panel.title, &out)
        out.put("</h\(level)>\n")
        if let slot = try? panel.slot().get() {
            // The date in the panel's own zone, then each zone's times, none broken across lines.
            out.put("<p class=\"when\"><time class=\"date\" datetime=\"\(slot.span.start.iso8601)\">")
            out.h(TimeFormat.longDate(slot.zone.local(at: slot.span.start).date))
            out.put("</time>\n")
            for (k, times) in zoneTimes(slot).enumerated() {
                out.put(k == 0 ? "<span class=\"zone own\">" : "\n<span class=\"zone\">")
                out.h(times)
                out.put("</span>")
            }
            out.put("</p>\n<p class=\"meta\">")
            out.h(panel.format.label.capitalizedFirst)
            out.put(", \(panel.durationMinutes) minutes")
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
                if let page = site?.page(of: entry.person) {
                    link(page, agenda.catalog.name(of: entry.person), &out)
                    if let title = agenda.catalog.titleLine(for: entry) { out.h(", " + title) }
                } else {
                    out.h(AgendaDocument.line(for: entry, agenda.catalog))
                }
                out.put("</dd>\n")
            }
        }
        out.put("</dl>\n")
        if let hosting = AgendaDocument.hosting(panel, agenda.catalog) {
            out.put("<p class=\"hosting\">")
            out.h(hosting)
            out.put(".</p>\n")
        }
        let links = agenda.links(of: panel)
        if !links.isEmpty {
            out.put("<p class=\"links\">")
            for (k, link) in links.enumerated() {
                if k > 0 { out.put("\n") }
                if let url = AgendaDocument.safeURL(link.url) {
                    // What the audience acts on (registering, watching, joining) is a button.
                    out.put(link.kind == .other || link.kind == .recording ? "<a href=\"" : "<a class=\"button\" href=\"")
                    out.h(url)
                    out.put("\">")
                    out.h(link.label)
                    out.put("</a>")
                } else {
                    out.h(link.label)
                    out.put(": ")
                    out.h(link.url)
                }
            }
            out.put("</p>\n")
        }
        out.put("</article>\n")
    }

    /// The text, as a link to `href` when there is one.
    func link(_ href: String?, _ text: String, _ out: inout Bytes) {
        guard let href else { return out.h(text) }
        out.put("<a href=\"")
        out.h(href)
        out.put("\">")
        out.h(text)
        out.put("</a>")
    }

    /// A site page's feed: a `webcal:` link that calendar apps subscribe to (with the site's base
    /// URL) and the file itself.
    func feeds(_ site: SiteLinks, _ out: inout Bytes) {
        out.put("<p class=\"feeds\">")
        if let webcal = site.webcal(site.feed) {
            out.put("<a class=\"button\" href=\"")
            out.h(webcal)
            out.put("\">Subscribe in your calendar app</a>\n")
        }
        out.put("<a href=\"")
        out.h(site.root + site.feed)
        out.put("\">Download the calendar file (.ics)</a>")
        if site.isIndex { out.put("\n<a href=\"schedule.json\">Schedule for conference apps (JSON)</a>") }
        out.put("</p>\n")
    }

    /// The page's look: inside a page that stands alone, the site's `style.css` when published.
    static let styleSheet = """
        body { font: 17px/1.55 Georgia, "Times New Roman", serif; max-width: 44em; margin: 0 auto; padding: 2em 1.2em 4em; color: #1b1b1b; background: #fff; }
        h1, h2, h3, .when, .roster dt, .links { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 2.1em; line-height: 1.2; margin: 0 0 .6em; }
        h2, h3 { line-height: 1.25; }
        section > h2 { font-size: 1.5em; border-bottom: 3px solid #1d4e89; padding-bottom: .2em; margin: 2.2em 0 .8em; }
        article { border-left: 4px solid #1d4e89; padding: .1em 0 .1em 1.1em; margin: 2.2em 0; }
        article > h2, article > h3 { font-size: 1.3em; margin: 0 0 .5em; }
        .when { margin: 0 0 .3em; }
        .date { display: block; font-weight: bold; }
        .zone { display: inline-block; white-space: nowrap; margin-right: 1.4em; color: #444; }
        .zone.own { color: #1b1b1b; font-weight: 600; }
        .meta { color: #555; margin: 0 0 .9em; font-size: .95em; }
        .status { color: #b00020; font-weight: bold; text-transform: uppercase; letter-spacing: .05em; }
        article.cancelled > h2, article.cancelled > h3 { text-decoration: line-through; color: #666; }
        .roster { margin: 1em 0; }
        .roster dt { font-size: .8em; font-weight: bold; text-transform: uppercase; letter-spacing: .07em; color: #555; margin-top: .7em; }
        .roster dd { margin: .1em 0 0; }
        .hosting { font-style: italic; color: #333; }
        a { color: #1d4e89; }
        .links a.button { display: inline-block; font-weight: 600; padding: .3em .9em; margin: .2em .5em .2em 0; border: 2px solid #1d4e89; border-radius: 4px; text-decoration: none; }
        @media (max-width: 36em) { body { font-size: 16px; padding: 1.2em .9em 3em; } h1 { font-size: 1.7em; } article { padding-left: .8em; } }
        @media print { body { margin: 0; max-width: none; padding: 0; font-size: 11pt; } article { break-inside: avoid; border-left-width: 2px; } a { color: inherit; } .links a.button { border: 0; padding: 0; } }

        """
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }

    /// The text split at blank lines (lines of only spaces, tabs and carriage returns); empty
    /// paragraphs dropped. Each paragraph is its lines as they were, joined by their line breaks.
    var paragraphs: [String] {
        let text = Array(utf8)
        var result: [String] = []
        var paragraph: Range<Int>?  // the lines read so far of the paragraph being read
        for line in text.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                if let lines = paragraph { result.append(String(decoding: text[lines], as: UTF8.self)) }
                paragraph = nil
            } else {
                paragraph = (paragraph?.lowerBound ?? line.startIndex)..<line.endIndex
            }
        }
        if let lines = paragraph { result.append(String(decoding: text[lines], as: UTF8.self)) }
        return result
    }

    /// The first paragraph, if any.
    var firstParagraph: String? { paragraphs.first }
}
