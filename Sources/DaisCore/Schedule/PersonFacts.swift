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

    private init(name: String, home: Zone?, unavailable: [(span: TimeSpan, zone: Zone)], hasBadZone: Bool) {
        self.name = name
        self.home = home
        self.unavailable = unavailable
        self.hasBadZone = hasBadZone
    }

    /// A person's facts and brief (for a person the catalog lacks, nil and an unknown brief), their
    /// zones numbered in `zones`.
    static func read(_ person: Person?, zones: inout ZoneNumbers) -> (PersonFacts?, PersonBrief) {
        guard let person else { return (nil, PersonBrief()) }
        var windows: [(span: TimeSpan, zone: Zone)] = []
        for window in person.unavailable {
            if case .success(let span) = window.span(), let zone = zones.zone(window.zone) { windows.append((span, zone)) }
        }
        let homeZone = person.homeZone
        let home = homeZone.map { zones.number($0) } ?? -1
        let facts = PersonFacts(name: person.name, home: home >= 0 ? zones[home] : nil, unavailable: windows,
                                hasBadZone: (homeZone != nil && home < 0) || windows.count != person.unavailable.count)
        return (facts, PersonBrief(known: true, hasWindows: !windows.isEmpty, home: home, hours: person.wakingHours))
    }
}

/// What a panel's rules read of a roster person first, as plain values: whether the catalog holds
/// them, whether they have unavailability windows, and their home zone's number (-1: none). A panel
/// is checked from these few bytes per person; the person's facts are read only to make a finding
/// or to compare windows, so that checking many panels touches few person objects.
struct PersonBrief: Sendable {
    var known = false
    var hasWindows = false
    var home: Int16 = -1
    /// The person's own waking hours; nil: the store's.
    var hours: WakingHours?
}
