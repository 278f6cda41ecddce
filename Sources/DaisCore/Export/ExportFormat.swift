/// The agenda formats Dais writes.
public enum ExportFormat: String, CaseIterable, Hashable, Sendable {
    case ics
    case md
    case html
    case csv
    case scheduleJSON = "schedule-json"

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .ics: return "ics"
        case .md: return "md"
        case .html: return "html"
        case .csv: return "csv"
        case .scheduleJSON: return "schedule.json"
        }
    }

    /// Whether the format is for the audience (pages, calendars, schedule apps) rather than the
    /// organizers (CSV): drafts are not announced, so these leave them out unless asked.
    public var isForAudience: Bool { self != .csv }

    public var label: String {
        switch self {
        case .ics: return "iCalendar (.ics)"
        case .md: return "Markdown"
        case .html: return "HTML page"
        case .csv: return "CSV for mail merge"
        case .scheduleJSON: return "schedule.json (frab/pretalx)"
        }
    }
}

/// What to export: the panels (already selected), the zones human-readable formats show, a title,
/// and the time stamp written into the file (DTSTAMP), fixed for reproducible output.
public struct Agenda: Sendable {
    public let catalog: Catalog
    public let panels: [Panel]
    public let zones: [Zone]
    public let title: String
    public let now: Instant
    /// The person whose own agenda this is (`--person`): their panels' links for speakers (the join
    /// link) are printed too. Nil: an announcement, with public links only.
    public let person: PersonID?
    /// For the web (`dais publish`): calendar files leave out addresses, notes and speakers who
    /// have not confirmed, which an organizer's own export keeps for `dais import`.
    public let published: Bool

    public init(catalog: Catalog, panels: [Panel], zones: [Zone], title: String? = nil, now: Instant, person: PersonID? = nil,
                published: Bool = false) {
        self.catalog = catalog
        self.panels = panels
        self.zones = zones
        self.title = title ?? Agenda.defaultTitle(panels, catalog)
        self.now = now
        self.person = person
        self.published = published
    }

    /// The links of a panel this agenda prints: the public ones, and for a person's own agenda the
    /// others of the panels they are on.
    public func links(of panel: Panel) -> [Link] {
        let own = person.map { id in panel.roster.contains { $0.person == id } } ?? false
        return own ? panel.links : panel.links.filter(\.isPublic)
    }

    /// The title a page takes unless given one: the names of the panels' series when they name one,
    /// two or three ("Magnitsky Month", "A and B", "A, B and C"); else, when every panel has one
    /// host, "Panels hosted by" it; else "Agenda".
    static func defaultTitle(_ panels: [Panel], _ catalog: Catalog) -> String {
        if let names = seriesNames(panels, catalog, atMost: 3), !names.isEmpty {
            return listed(names)
        }
        if let host = onlyHost(panels, catalog) { return "Panels hosted by " + catalog.name(of: host) }
        return "Agenda"
    }

    /// "A", "A and B", "A, B and C"; words that open every name are written once ("Magnitsky Month
    /// 2023 and 2024").
    static func listed(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        let words = names.map { $0.split(separator: " ", omittingEmptySubsequences: false) }
        var shared = 0
        while words.allSatisfy({ $0.count > shared + 1 && $0[shared] == words[0][shared] }) { shared += 1 }
        let rests = words.map { $0[shared...].joined(separator: " ") }
        let list = rests.dropLast().joined(separator: ", ") + " and " + rests.last!
        return shared == 0 ? list : words[0][..<shared].joined(separator: " ") + " " + list
    }

    /// The names of the panels' series in the order of their first panels (panels without a known
    /// series left aside), or nil when there are more than `atMost` (reading stops there).
    static func seriesNames(_ panels: [Panel], _ catalog: Catalog, atMost: Int) -> [String]? {
        var names: [String] = []
        var last: SeriesID?
        for panel in panels {
            guard let id = panel.series, id != last, let name = catalog.series[id]?.name else { continue }
            last = id
            if !names.contains(name) { names.append(name) }
            if names.count > atMost { return nil }
        }
        return names
    }

    /// The one organization hosting every panel (its own host, else its series'), or nil.
    static func onlyHost(_ panels: [Panel], _ catalog: Catalog) -> OrganizationID? {
        var host: OrganizationID?
        for panel in panels {
            guard let other = catalog.effectiveHost(of: panel), host == nil || other == host else { return nil }
            host = other
        }
        return host
    }

    /// The selection of a query, in start order.
    public init(catalog: Catalog, query: PanelQuery, zones: [Zone], now: Instant) {
        self.init(catalog: catalog, panels: query.select(from: catalog), zones: zones, now: now)
    }

    /// The file in a format, handed to `sink` in pieces and in order, on this thread: every format
    /// streams in pieces of about a megabyte, so that no export holds its whole
    /// file.
    public func write<E: Error>(_ format: ExportFormat, to sink: ([UInt8]) throws(E) -> Void) throws(E) {
        switch format {
        case .ics: try ICSExporter.write(self, to: sink)
        case .scheduleJSON: try ScheduleJSONExporter.write(self, to: sink)
        case .md: try AgendaDocument(self).writeMarkdown(to: sink)
        case .html: try AgendaDocument(self).writeHTML(to: sink)
        case .csv: try CSVExporter.write(self, to: sink)
        }
    }

    /// The file's bytes in a format.
    public func export(_ format: ExportFormat) -> [UInt8] { collectedBytes { write(format, to: $0) } }

    /// Panels grouped by series, each group in start order, groups ordered by their first panel;
    /// panels without a series last. `name` is the series' name (its id when it names nothing).
    public var bySeries: [(name: String?, series: Series?, panels: [Panel])] {
        var groups: [(name: String?, series: Series?, panels: [Panel])] = []
        var groupOfSeries: [SeriesID: Int] = [:]
        var withoutSeries: [Panel] = []
        for panel in panels {
            guard let id = panel.series else {
                withoutSeries.append(panel)
                continue
            }
            if let g = groupOfSeries[id] {
                groups[g].panels.append(panel)
            } else {
                groupOfSeries[id] = groups.count
                groups.append((catalog.series[id]?.name ?? id.rawValue, catalog.series[id], [panel]))
            }
        }
        if !withoutSeries.isEmpty { groups.append((nil, nil, withoutSeries)) }
        return groups
    }
}

/// Hands `out` to `sink` and empties it once it holds a megabyte (with `always`, whatever it holds):
/// an exporter calls this after each panel, so that a large file goes to its sink in pieces and is
/// never whole in memory.
func flush<E: Error>(_ out: inout [UInt8], to sink: ([UInt8]) throws(E) -> Void, always: Bool = false) throws(E) {
    guard always || out.count >= 1 << 20 else { return }
    try sink(out)
    out.removeAll(keepingCapacity: true)
}

/// What a writer that streams its file hands to its sink, piece by piece, as one array.
func collectedBytes(_ write: (_ sink: ([UInt8]) -> Void) -> Void) -> [UInt8] {
    var bytes: [UInt8] = []
    write { bytes.append(contentsOf: $0) }
    return bytes
}
