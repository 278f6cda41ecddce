/// A person as the checks see them, read once from the catalog: their name, and their home zone and
/// unavailability windows resolved to zones and instants.
///
/// A class, so that every finding naming the person shares one copy of what the check read, and a
/// message written later reads the person as they were checked.
final class PersonFacts: Sendable {
    let name: String
    let home: Zone?
    let unavailable: [(span: TimeSpan, zone: Zone)]
    /// The home zone, or a window's zone or times, could not be read (a finding of the person's own).
    let hasBadZone: Bool

    init(_ person: Person, zones: inout ZoneNumbers) {
        var windows: [(span: TimeSpan, zone: Zone)] = []
        for window in person.unavailable {
            if case .success(let span) = window.span(), let zone = zones.zone(window.zone) { windows.append((span, zone)) }
        }
        let homeZone = person.homeZone
        let home = homeZone.flatMap { zones.zone($0) }
        name = person.name
        self.home = home
        unavailable = windows
        hasBadZone = (homeZone != nil && home == nil) || windows.count != person.unavailable.count
    }
}
