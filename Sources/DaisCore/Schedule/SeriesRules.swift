/// What a series' checks read: the series and its live panels on the time line.
struct SeriesContext {
    let id: SeriesID
    let series: Series
    /// Its live, placed panels, by start.
    let panels: [TimedPanel]
    /// The catalog's organizations and panels, looked up only to make a finding.
    let organizations: [OrganizationID: Organization]
    let catalogPanels: [PanelID: Panel]
}

/// The checks of one series across its panels, one function per finding code (`docs/checks.md`);
/// each appends what it finds.
enum SeriesRules {
    /// Every rule's findings for a series. A new rule is one more function here and one more line.
    static func findings(_ c: SeriesContext) -> [Finding] {
        var out: [Finding] = []
        unknownReference(c, &out)
        seriesOverlap(c, &out)
        return out
    }

    /// The series names a host organization the catalog lacks.
    static func unknownReference(_ c: SeriesContext, _ out: inout [Finding]) {
        guard let host = c.series.host, c.organizations.index(forKey: host) == nil else { return }
        out.append(Finding(.unknownReference, .unknownSeriesHost(series: c.id, name: c.series.name, host: host)))
    }

    /// Two panels of the series overlap.
    static func seriesOverlap(_ c: SeriesContext, _ out: inout [Finding]) {
        Timeline.forEachOverlap(c.panels) { a, b in
            out.append(Finding(.seriesOverlap, indexes: .init(a.index, b.index),
                               .seriesOverlap(series: c.id, name: c.series.name, a.mention(in: c.catalogPanels), b.mention(in: c.catalogPanels),
                                              overlapMinutes: a.span.overlapMinutes(with: b.span))))
        }
    }
}
