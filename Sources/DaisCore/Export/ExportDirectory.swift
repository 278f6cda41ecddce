/// The catalog's people (and, when asked for, each one's title line, title and affiliation joined,
/// made once), series and organization names in arrays indexed by id symbol, made once per export,
/// so that an export's parts read them without hashing, without touching the catalog's dictionaries
/// (which both threads would share), and without joining a person's title line again at each of
/// their panels.
final class ExportDirectory: Sendable {
    private let people: [Person?]
    private let titleLines: [String?]
    private let series: [Series?]
    private let organizationNames: [String?]

    /// `titleLines`: each person's title line made too (for `titleLine(for:)`).
    init(_ catalog: Catalog, titleLines: Bool = false) {
        let bound = Identifier<Never>.symbolBound
        var people = [Person?](repeating: nil, count: bound)
        var lines = [String?](repeating: nil, count: titleLines ? bound : 0)
        for person in catalog.people.values {
            people[Int(person.id.symbol)] = person
            if titleLines { lines[Int(person.id.symbol)] = person.titleLine }
        }
        var series = [Series?](repeating: nil, count: bound)
        for s in catalog.series.values { series[Int(s.id.symbol)] = s }
        var names = [String?](repeating: nil, count: bound)
        for org in catalog.organizations.values { names[Int(org.id.symbol)] = org.name }
        (self.people, self.titleLines, self.series, organizationNames) = (people, lines, series, names)
    }

    /// The person of an id (as `catalog.people[id]`).
    @inline(__always)
    func person(_ id: PersonID) -> Person? { Int(id.symbol) < people.count ? people[Int(id.symbol)] : nil }

    /// The title line to print for a roster entry: its own, else the person's (as `Catalog.titleLine(for:)`;
    /// joined here when the directory was made without `titleLines`).
    func titleLine(for entry: RosterEntry) -> String? {
        if let own = entry.title?.nonEmpty { return own }
        if titleLines.isEmpty { return person(entry.person)?.titleLine }
        return Int(entry.person.symbol) < titleLines.count ? titleLines[Int(entry.person.symbol)] : nil
    }

    @inline(__always)
    func series(_ id: SeriesID) -> Series? { Int(id.symbol) < series.count ? series[Int(id.symbol)] : nil }

    /// The series' name, or its id when it names nothing.
    func name(of id: SeriesID) -> String { series(id)?.name ?? id.rawValue }

    /// The organization's name, or its id when it names nothing (as `Catalog.name(of:)`).
    func name(of id: OrganizationID) -> String {
        (Int(id.symbol) < organizationNames.count ? organizationNames[Int(id.symbol)] : nil) ?? id.rawValue
    }
}
