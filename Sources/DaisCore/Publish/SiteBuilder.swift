/// One file of a published site: its path from the site's root and its bytes.
public struct SiteFile: Sendable, Equatable {
    public let path: String
    public let bytes: [UInt8]
}

/// The files of a schedule site (`dais publish`): every panel but the drafts, as pages and feeds.
///
/// The same store gives the same bytes: each event is stamped with its panel's last change
/// (`modified`) and `schedule.json` with the latest of them, never with the time of publishing, so
/// a page or feed whose panels did not change is not rewritten.
public enum SiteBuilder {
    /// The site's files, in a stable order. `zones` are the display zones (a speaker's page adds
    /// their home zone); `baseURL` ("https://example.org/agenda/") makes `webcal:` links.
    public static func files(of catalog: Catalog, zones: [Zone], baseURL: String?) throws(SiteError) -> [SiteFile] {
        let panels = PanelQuery(statuses: Set(PanelStatus.allCases).subtracting([.draft])).select(from: catalog)
        var panelsOfSeries: [SeriesID: [Panel]] = [:], panelsOfPerson: [PersonID: [Panel]] = [:]
        for panel in panels {
            if let id = panel.series, catalog.series[id] != nil { panelsOfSeries[id, default: []].append(panel) }
            var announced: Set<PersonID> = []
            for role in Role.allCases {
                for entry in panel.announced(role) where catalog.people[entry.person] != nil && announced.insert(entry.person).inserted {
                    panelsOfPerson[entry.person, default: []].append(panel)
                }
            }
        }
        try refuseCaseClashes(panels.map(\.id.rawValue), kind: "panel")
        try refuseCaseClashes(panelsOfSeries.keys.map(\.rawValue), kind: "series")
        try refuseCaseClashes(panelsOfPerson.keys.map(\.rawValue), kind: "person")
        let pages = SiteLinks.Pages(series: Set(panelsOfSeries.keys), people: Set(panelsOfPerson.keys))

        var files: [SiteFile] = []
        func add(_ path: String, _ bytes: [UInt8]) { files.append(SiteFile(path: path, bytes: bytes)) }
        func agenda(_ panels: [Panel], title: String?, zones: [Zone] = zones) -> Agenda {
            Agenda(catalog: catalog, panels: panels, zones: zones, title: title, now: stamp(of: panels), published: true)
        }
        let all = agenda(panels, title: nil)
        // Each panel's VEVENT, made once for all the feeds that hold it: stamped with the panel's
        // own last change, it reads the same in every feed.
        var events: [PanelID: [UInt8]] = [:]
        func event(_ panel: Panel, _ slot: Slot) -> [UInt8] {
            if let made = events[panel.id] { return made }
            var out = ICalendarText()
            ICSExporter.event(panel, slot, catalog, links: all.links(of: panel), stamp: stamp(of: [panel]).icalUTC, published: all.published, into: &out)
            events[panel.id] = out.bytes
            return out.bytes
        }
        /// A page and, when `feed` is its own, the feed beside it.
        func page(_ path: String, feed: String, ownFeed: Bool, _ agenda: Agenda, speaker: PersonID? = nil) {
            let links = SiteLinks(page: path, feed: feed, baseURL: baseURL, pages: pages, speaker: speaker)
            add(path, collectedBytes { AgendaDocument(agenda, site: links).writeHTML(to: $0) })
            if ownFeed { add(feed, collectedBytes { ICSExporter.write(agenda, to: $0, event: event) }) }
        }
        page("index.html", feed: "agenda.ics", ownFeed: true, all)
        add("schedule.json", collectedBytes { all.write(.scheduleJSON, to: $0) })
        add(SiteLinks.styleSheet, Array((AgendaDocument.styleSheet + siteStyle).utf8))
        for panel in panels {
            let feed = panel.series.flatMap { pages.series.contains($0) ? SiteLinks.path(of: $0, "ics") : nil } ?? "agenda.ics"
            page(SiteLinks.path(of: panel.id), feed: feed, ownFeed: false, agenda([panel], title: panel.title))
        }
        for id in panelsOfSeries.keys.sorted() {
            page(SiteLinks.path(of: id), feed: SiteLinks.path(of: id, "ics"), ownFeed: true,
                 agenda(panelsOfSeries[id]!, title: catalog.series[id]!.name))
        }
        for id in panelsOfPerson.keys.sorted() {
            let person = catalog.people[id]!
            // A speaker reads each panel's times in its own zone, then in theirs, then the others.
            var own = person.homeZone.flatMap(Zone.named).map { [$0] } ?? []
            for zone in zones where !own.contains(zone) { own.append(zone) }
            page(SiteLinks.path(of: id), feed: SiteLinks.path(of: id, "ics"), ownFeed: true,
                 agenda(panelsOfPerson[id]!, title: person.name, zones: own), speaker: id)
        }
        return files
    }

    /// When the panels last changed (their latest `modified`), or the start of 1970 when no panel
    /// records it: an event's DTSTAMP, the time its information was last revised (RFC 5545 3.8.7.2).
    static func stamp(of panels: [Panel]) -> Instant {
        panels.compactMap(\.revision.modified).max() ?? Instant(secondsSinceEpoch: 0)
    }

    /// Ids that differ only in case would be one file on macOS and Windows: refused, named.
    static func refuseCaseClashes(_ ids: [String], kind: String) throws(SiteError) {
        var seen: [String: String] = [:]
        for id in ids.sorted() {
            if let other = seen.updateValue(id, forKey: id.lowercased()), other != id {
                throw .caseClash(kind: kind, first: other, second: id)
            }
        }
    }

    /// What only the site's pages need beside the announcement page's look: the header's links and
    /// a speaker's list of panels.
    static let siteStyle = """
        header nav { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; margin: 0 0 1em; }
        .feeds { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; margin: 0 0 1.5em; }
        .feeds a { display: inline-block; margin: .2em 1em .2em 0; }
        .feeds a.button { font-weight: 600; padding: .3em .9em; border: 2px solid #1d4e89; border-radius: 4px; text-decoration: none; }
        ul.panels { list-style: none; padding: 0; }
        ul.panels li { border-left: 4px solid #1d4e89; padding: .1em 0 .1em 1.1em; margin: 1.2em 0; }
        ul.panels li > a { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-weight: 600; font-size: 1.1em; }
        ul.panels time { font-weight: bold; margin-right: 1.4em; }
        ul.panels li.cancelled > a { text-decoration: line-through; }
        .part { color: #555; }
        article h2 a, article h3 a, section > h2 a { text-decoration: none; }
        @media print { header nav, .feeds { display: none; } }

        """
}

/// Why a site cannot be made or written.
public enum SiteError: Error, Equatable, CustomStringConvertible {
    case caseClash(kind: String, first: String, second: String)
    /// Files already in the folder that an earlier publish did not write: never replaced.
    case foreignFiles(folder: String, paths: [String])
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .caseClash(let kind, let first, let second):
            return "the \(kind) ids \"\(first)\" and \"\(second)\" differ only in case, and would be one file on many systems; rename one"
        case .foreignFiles(let folder, let paths):
            let shown = paths.prefix(3).joined(separator: ", ") + (paths.count > 3 ? " and \(paths.count - 3) more" : "")
            return "\(folder) already holds \(shown), which dais publish did not write there; nothing was written (publish into an empty folder, or move those files)"
        case .writeFailed(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
