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
        let host = catalog.effectiveHost(of: panel).map { catalog.name(of: $0) }
        let sponsors = panel.cosponsors.map { catalog.name(of: $0) }
        let list: String
        switch sponsors.count {
        case 0: list = ""
        case 1: list = sponsors[0]
        case 2: list = "\(sponsors[0]) and \(sponsors[1])"
        default: list = sponsors.dropLast().joined(separator: ", ") + ", and " + sponsors.last!
        }
        switch (host, list.isEmpty) {
        case let (host?, true): return "Hosted by \(host)"
        case let (host?, false): return "Hosted by \(host) and co-sponsored by \(list)"
        case (nil, false): return "Co-sponsored by \(list)"
        case (nil, true): return nil
        }
    }

    /// The roster as the page lists it: role heading, then "Name, title" lines (TBA when empty).
    public func roster(_ panel: Panel) -> [(heading: String, people: [String])] {
        let catalog = agenda.catalog
        var groups: [(String, [String])] = []
        for role in Role.allCases {
            let entries = panel.entries(role)
            let names = entries.map { entry in catalog.name(of: entry.person) + (catalog.titleLine(for: entry).map { ", \($0)" } ?? "") }
            switch role {
            case .moderator: groups.append((entries.count > 1 ? "Moderators" : "Moderator", names.isEmpty ? ["TBA"] : names))
            case .remarks: if !names.isEmpty { groups.append(("Remarks by", names)) }
            case .panelist: groups.append((entries.count == 1 ? "Panelist" : "Panelists", names.isEmpty ? ["TBA"] : names))
            }
        }
        return groups
    }

    // MARK: Markdown

    public var markdown: String {
        var out = "# \(md(agenda.title))\n"
        if agenda.panels.isEmpty { out += "\nNo panels.\n" }
        let groups = agenda.bySeries
        for group in groups {
            if !(groups.count == 1 && group.name == agenda.title) { out += "\n## \(md(group.name ?? "Other panels"))\n" }
            if let description = group.series?.description?.nonEmpty, groups.count > 1 || group.panels.count > 1 {
                out += "\n" + paragraphs(description).map(md).joined(separator: "\n\n") + "\n"
            }
            for panel in group.panels {
                out += "\n### \(md(panel.title))\n\n"
                if let w = when(panel) {
                    out += "**\(md(w.date)), \(md(w.times))**  \n"
                    out += "\(md(panel.format.label.capitalizedFirst)), \(w.minutes)" + (panel.status == .scheduled ? "" : " · **\(panel.status.rawValue)**") + "\n"
                } else {
                    out += "**\(md(panel.start.date.description)) \(md(panel.start.timeText)) \(md(panel.zone))** (time to be confirmed)\n"
                }
                if let description = panel.description?.nonEmpty {
                    out += "\n" + paragraphs(description).map(md).joined(separator: "\n\n") + "\n"
                }
                for (heading, people) in roster(panel) {
                    if people.count == 1 {
                        out += "\n**\(md(heading)):** \(md(people[0]))\n"
                    } else {
                        out += "\n**\(md(heading)):**\n\n" + people.map { "- \(md($0))" }.joined(separator: "\n") + "\n"
                    }
                }
                if let hosting = AgendaDocument.hosting(panel, agenda.catalog) { out += "\n\(md(hosting)).\n" }
                for link in panel.links {
                    out += "\n" + (AgendaDocument.safeURL(link.url).map { "[\(md(link.label))](<\(mdURL($0))>)" } ?? "\(md(link.label)): \(md(link.url))") + "\n"
                }
            }
        }
        return out
    }

    /// Markdown text with everything that could format, link or embed HTML escaped.
    func md(_ text: String) -> String {
        var out = ""
        var atLineStart = true
        for scalar in DisplayText.inert(text, singleLine: false).unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "!", "{", "}":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "#" where atLineStart, "+" where atLineStart, "-" where atLineStart, "=" where atLineStart:
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "\n":
                out += "  \n"
                atLineStart = true
                continue
            default:
                out.unicodeScalars.append(scalar)
            }
            atLineStart = false
        }
        return out
    }

    func mdURL(_ url: String) -> String { url.replacingAll(">", with: "%3E").replacingAll("<", with: "%3C").replacingAll(" ", with: "%20") }

    /// Paragraphs of a text (blank lines between them).
    func paragraphs(_ text: String) -> [String] { text.paragraphs }

    /// A URL safe to link to: http, https or mailto only.
    static func safeURL(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:"),
              !url.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\"" || $0.value == 0x7F }) else { return nil }
        return url
    }

    // MARK: HTML

    public var html: String {
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Dais">
        <title>\(h(agenda.title))</title>
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
        <h1>\(h(agenda.title))</h1>

        """
        if agenda.panels.isEmpty { out += "<p>No panels.</p>\n" }
        let groups = agenda.bySeries
        for group in groups {
            out += "<section>\n"
            if !(groups.count == 1 && group.name == agenda.title) { out += "<h2>\(h(group.name ?? "Other panels"))</h2>\n" }
            if let description = group.series?.description?.nonEmpty, groups.count > 1 || group.panels.count > 1 {
                out += paragraphs(description).map { "<p>\(h($0))</p>\n" }.joined()
            }
            for panel in group.panels {
                out += "<article id=\"\(h(panel.id.rawValue))\">\n<h3>\(h(panel.title))</h3>\n"
                if let w = when(panel) {
                    out += "<p class=\"when\">\(h(w.date)), \(h(w.times))</p>\n"
                    out += "<p class=\"meta\">\(h(panel.format.label.capitalizedFirst)), \(h(w.minutes))"
                        + (panel.status == .scheduled ? "" : " · <span class=\"status\">\(h(panel.status.rawValue))</span>") + "</p>\n"
                } else {
                    out += "<p class=\"when\">\(h(panel.start.date.description)) \(h(panel.start.timeText)) \(h(panel.zone)) (time to be confirmed)</p>\n"
                }
                if let description = panel.description?.nonEmpty {
                    out += paragraphs(description).map { "<p>\(h($0))</p>\n" }.joined()
                }
                out += "<dl class=\"roster\">\n"
                for (heading, people) in roster(panel) {
                    out += "<dt>\(h(heading))</dt>\n" + people.map { "<dd>\(h($0))</dd>\n" }.joined()
                }
                out += "</dl>\n"
                if let hosting = AgendaDocument.hosting(panel, agenda.catalog) { out += "<p class=\"hosting\">\(h(hosting)).</p>\n" }
                for link in panel.links {
                    if let url = AgendaDocument.safeURL(link.url) {
                        out += "<p><a href=\"\(h(url))\">\(h(link.label))</a></p>\n"
                    } else {
                        out += "<p>\(h(link.label)): \(h(link.url))</p>\n"
                    }
                }
                out += "</article>\n"
            }
            out += "</section>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// HTML text: every character that could open markup escaped; control characters made inert.
    func h(_ text: String) -> String {
        var out = ""
        for scalar in DisplayText.inert(text, singleLine: false).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "<br>"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }

    /// The text split at blank lines; empty paragraphs dropped.
    var paragraphs: [String] {
        var result: [String] = []
        var current: [Substring.UnicodeScalarView] = []
        for line in unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                if !current.isEmpty { result.append(current.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")) }
        return result
    }
}
