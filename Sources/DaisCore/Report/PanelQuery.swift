/// A selection of panels: by series, person, status and a range of dates (inclusive, each panel's
/// date in its own zone, as announced).
public struct PanelQuery: Hashable, Sendable {
    public var series: SeriesID?
    public var person: PersonID?
    public var statuses: Set<PanelStatus>?
    public var from: LocalDate?
    public var to: LocalDate?

    public init(series: SeriesID? = nil, person: PersonID? = nil, statuses: Set<PanelStatus>? = nil,
                from: LocalDate? = nil, to: LocalDate? = nil) {
        self.series = series
        self.person = person
        self.statuses = statuses
        self.from = from
        self.to = to
    }

    public func matches(_ panel: Panel) -> Bool {
        if let series, panel.series != series { return false }
        if let person, !panel.roster.contains(where: { $0.person == person }) { return false }
        if let statuses, !statuses.contains(panel.status) { return false }
        if let from, panel.start.date < from { return false }
        if let to, panel.start.date > to { return false }
        return true
    }

    /// The matching panels of a catalog, by start instant.
    public func select(from catalog: Catalog) -> [Panel] {
        catalog.panelsByStart().filter(matches)
    }

    /// Ids that the query names but the catalog does not have, as one message, or nil.
    public func unknownReferences(in catalog: Catalog) -> String? {
        if let series, catalog.series[series] == nil {
            return "no series with id \"\(series)\" (known: \(catalog.series.keys.map(\.rawValue).sorted().joined(separator: ", ")))"
        }
        if let person, catalog.people[person] == nil { return "no person with id \"\(person)\" (see `dais people`)" }
        return nil
    }
}
