/// Zones numbered as they are met: a zone id gives a small number, -1 when it is not a zone. Each id
/// is looked up in the zone registry (which takes a lock) once; records then keep their zone as a
/// number into `all`.
struct ZoneNumbers: Sendable {
    private var numbers: [String: Int16] = [:]
    /// The zones by number, and their ids.
    private(set) var all: [Zone] = []
    private(set) var ids: [String] = []

    subscript(number: Int16) -> Zone { all[Int(number)] }

    /// The number of a zone id, or -1 when the id is not a zone.
    mutating func number(_ id: String) -> Int16 {
        if let z = numbers[id] { return z }
        guard let zone = Zone.named(id) else {
            numbers[id] = -1
            return -1
        }
        let z = Int16(all.count)
        all.append(zone)
        ids.append(id)
        numbers[id] = z
        return z
    }

    /// The zone an id names, nil when it is not a zone.
    mutating func zone(_ id: String) -> Zone? {
        let z = number(id)
        return z < 0 ? nil : all[Int(z)]
    }
}
