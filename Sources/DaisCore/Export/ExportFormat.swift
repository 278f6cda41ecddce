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
    /// streams in pieces of about a megabyte (`Parallel.stream`), so that no export holds its whole
    /// file.
    public func write<E: Error>(_ format: ExportFormat, to sink: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
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
        seriesGroups.map { group in (group.name, group.series, group.positions.map { panels[Int($0)] }) }
    }

    /// The same groups as positions in `panels`.
    ///
    /// Each panel's group is found by its series' symbol (`SymbolIndex`) and counted, then each group is
    /// made at its size: a large agenda's thousands of series took a dictionary look-up a panel, and
    /// each group grew append by append across the heap (38 ms at 100,000 panels). Positions, not
    /// panels: taking a panel writes its reference count, and in series order the panels lie
    /// anywhere in memory (the pages' pieces took 29-32 ms at 100,000 panels, 20 times their time at
    /// 10,000).
    var seriesGroups: [(name: String?, series: Series?, positions: [Int32])] {
        var groupOfSeries = SymbolIndex<SeriesKind>()
        if !panels.isEmpty { groupOfSeries.reserveAll() }
        var ids: [SeriesID?] = [], counts: [Int] = []
        var withoutSeries = -1
        var groupOfPanel = [Int32](repeating: 0, count: panels.count)
        for (i, panel) in panels.enumerated() {
            let g: Int
            if let id = panel.series {
                if let known = groupOfSeries[id] {
                    g = known
                } else {
                    g = ids.count
                    groupOfSeries.insert(id, g)
                    ids.append(id)
                    counts.append(0)
                }
            } else {
                if withoutSeries < 0 {
                    withoutSeries = ids.count
                    ids.append(nil)
                    counts.append(0)
                }
                g = withoutSeries
            }
            groupOfPanel[i] = Int32(g)
            counts[g] += 1
        }
        var members = counts.map { count -> [Int32] in
            var group: [Int32] = []
            group.reserveCapacity(count)
            return group
        }
        for i in panels.indices { members[Int(groupOfPanel[i])].append(Int32(i)) }
        let order = ids.indices.filter { ids[$0] != nil } + ids.indices.filter { ids[$0] == nil }
        return order.map { g in (ids[g].map { catalog.series[$0]?.name ?? $0.rawValue }, ids[g].flatMap { catalog.series[$0] }, members[g]) }
    }
}

/// Hands `out` to `sink` and empties it once it holds a megabyte (with `always`, whatever it holds):
/// an exporter calls this after each panel, so that a large file goes to its sink in pieces and is
/// never whole in memory.
func flush<E: Error>(_ out: inout [UInt8], to sink: (UnsafeBufferPointer<UInt8>) throws(E) -> Void, always: Bool = false) throws(E) {
    guard always || out.count >= 1 << 20 else { return }
    try out.withUnsafeBufferPointer(sink)
    out.removeAll(keepingCapacity: true)
}

/// What a writer that streams its file hands to its sink, piece by piece, as one array.
func collectedBytes(_ write: (_ sink: (UnsafeBufferPointer<UInt8>) -> Void) -> Void) -> [UInt8] {
    var bytes: [UInt8] = []
    write { bytes.append(contentsOf: $0) }
    return bytes
}
