/// The catalog's people, series and organization names in arrays indexed by id symbol, made once per
/// export, so that an export's parts read them without hashing and without touching the catalog's
/// dictionaries (which both threads would share).
final class ExportDirectory: Sendable {
    private let people: [Person?]
    private let series: [Series?]
    private let organizationNames: [String?]

    init(_ catalog: Catalog) {
        let bound = Identifier<Never>.symbolBound
        var people = [Person?](repeating: nil, count: bound)
        for person in catalog.people.values {
            people[Int(person.id.symbol)] = person
        }
        var series = [Series?](repeating: nil, count: bound)
        for s in catalog.series.values { series[Int(s.id.symbol)] = s }
        var names = [String?](repeating: nil, count: bound)
        for org in catalog.organizations.values { names[Int(org.id.symbol)] = org.name }
        (self.people, self.series, organizationNames) = (people, series, names)
    }

    /// The person of an id (as `catalog.people[id]`).
    @inline(__always)
    func person(_ id: PersonID) -> Person? { Int(id.symbol) < people.count ? people[Int(id.symbol)] : nil }

    @inline(__always)
    func series(_ id: SeriesID) -> Series? { Int(id.symbol) < series.count ? series[Int(id.symbol)] : nil }

    /// The series' name, or its id when it names nothing.
    func name(of id: SeriesID) -> String { series(id)?.name ?? id.rawValue }

    /// The organization's name, or its id when it names nothing (as `Catalog.name(of:)`).
    func name(of id: OrganizationID) -> String {
        (Int(id.symbol) < organizationNames.count ? organizationNames[Int(id.symbol)] : nil) ?? id.rawValue
    }
}
