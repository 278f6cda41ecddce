/// What a series' checks read: the series and its live panels on the time line.
struct SeriesContext {
    let id: SeriesID
    let series: Series
    /// Its live, placed panels, by start.
    let panels: [TimedPanel]
    let catalog: Catalog
}

/// The checks of one series across its panels, one function per finding code (`docs/checks.md`).
enum SeriesRules {
    static let all: [@Sendable (SeriesContext) -> [Finding]] = [unknownReference, seriesOverlap]

    /// Every rule's findings for a series.
    static func findings(_ context: SeriesContext) -> [Finding] { all.flatMap { $0(context) } }

    /// The series names a host organization the catalog lacks.
    static func unknownReference(_ c: SeriesContext) -> [Finding] {
        guard let host = c.series.host, c.catalog.organizations.index(forKey: host) == nil else { return [] }
        return [Finding(.unknownReference, .unknownSeriesHost(series: c.id, name: c.series.name, host: host))]
    }

    /// Two panels of the series overlap.
    static func seriesOverlap(_ c: SeriesContext) -> [Finding] {
        var out: [Finding] = []
        Timeline.forEachOverlap(c.panels) { a, b in
            out.append(Finding(.seriesOverlap, indexes: .init(a.index, b.index),
                               .seriesOverlap(series: c.id, name: c.series.name, a.mention(in: c.catalog), b.mention(in: c.catalog),
                                              overlapMinutes: a.span.overlapMinutes(with: b.span))))
        }
        return out
    }
}
