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

    public init(catalog: Catalog, panels: [Panel], zones: [Zone], title: String? = nil, now: Instant) {
        self.catalog = catalog
        self.panels = panels
        self.zones = zones
        self.title = title ?? Agenda.onlySeriesName(panels, catalog) ?? "Agenda"
        self.now = now
    }

    /// The one name the panels' series share, or nil when they have none or more than one. Stops at
    /// the second name (a long agenda of many series reads only its first panels).
    static func onlySeriesName(_ panels: [Panel], _ catalog: Catalog) -> String? {
        var name: String?
        var last: SeriesID?
        for panel in panels {
            guard let id = panel.series, id != last, let other = catalog.series[id]?.name else { continue }
            last = id
            if name == nil { name = other } else if other != name { return nil }
        }
        return name
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
