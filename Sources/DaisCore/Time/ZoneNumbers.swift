/// The first few strings looked up and what they gave, found again by their representation: the
/// store decoder hands out one shared string per zone id, so most lookups are found here by
/// comparing two words, without hashing the text (identical representations are always equal
/// strings; a miss only costs the caller's hash). Each string is kept here too, so that its storage
/// cannot be freed and reused by another text.
struct RecentStrings<Value: Sendable>: Sendable {
    private var bits: [StringBits] = [], values: [Value] = [], kept: [String] = []

    subscript(string: String) -> Value? {
        guard let k = bits.firstIndex(of: StringBits(string)) else { return nil }
        return values[k]
    }

    mutating func note(_ string: String, _ value: Value) {
        guard bits.count < 16 else { return }
        bits.append(StringBits(string))
        values.append(value)
        kept.append(string)
    }
}

/// Zones numbered as they are met: a zone id gives a small number (one hash), -1 when it is not a zone.
/// The schedule numbers the zones of its time line so; each part of the whole-store check numbers the
/// zones it meets on its own, renumbered into the schedule's afterwards.
struct ZoneNumbers: Sendable {
    private var numbers: [String: Int16] = [:]
    /// The zones by number, and their ids.
    private(set) var all: [Zone] = []
    private(set) var ids: [String] = []
    private var recent = RecentStrings<Int16>()

    subscript(number: Int16) -> Zone { all[Int(number)] }
    /// Each zone's rules, by number, held by `all`: read in place (`_withUnsafeGuaranteedRef`), they
    /// cost the pass over the panels no retain and release per use, as copying a `Zone` (its id and
    /// its rules) out of `all` did.
    private(set) var rules: [Unmanaged<ZoneRules>] = []

    /// A panel's start and end instants in zone `number`, and whether its local start occurs twice
    /// there (the first is used); nil when it has no duration or its start does not exist in the
    /// zone. The zone's rules are read in place when its offset is steady around the start (nearly
    /// always); only otherwise is the zone copied out to resolve it.
    func placement(_ panel: Panel, in number: Int16) -> (start: Int64, end: Int64, ambiguous: Bool)? {
        guard panel.durationMinutes > 0, panel.durationMinutes <= Limits.maxDurationMinutes else { return nil }
        let local = panel.start
        // At the calendar's two ends the slot may leave it: `resolveSlot` decides (as everywhere).
        if local.date.year == Limits.years.lowerBound || local.date.year == Limits.years.upperBound {
            guard case .success = resolveSlot(start: local, zone: all[Int(number)], minutes: panel.durationMinutes) else { return nil }
        }
        let start: Instant, ambiguous: Bool
        if let steady = rules[Int(number)]._withUnsafeGuaranteedRef({ $0.steadyInstant(local) }) {
            (start, ambiguous) = (steady, false)
        } else {
            switch all[Int(number)].resolve(local) {
            case .unique(let i): (start, ambiguous) = (i, false)
            case .ambiguous(let first, _): (start, ambiguous) = (first, true)
            case .nonexistent: return nil
            }
        }
        return (start.secondsSinceEpoch, start.secondsSinceEpoch + Int64(panel.durationMinutes) * 60, ambiguous)
    }

    /// The zone an id names, nil when it is not a zone.
    mutating func zone(_ id: String) -> Zone? {
        let z = number(id)
        return z < 0 ? nil : all[Int(z)]
    }

    mutating func number(_ id: String) -> Int16 {
        if let z = recent[id] { return z }
        let z = hashed(id)
        recent.note(id, z)
        return z
    }

    private mutating func hashed(_ id: String) -> Int16 {
        if let z = numbers[id] { return z }
        guard let zone = Zone.named(id) else {
            numbers[id] = -1
            return -1
        }
        let z = Int16(all.count)
        all.append(zone)
        rules.append(Unmanaged.passUnretained(zone.rules))
        ids.append(id)
        numbers[id] = z
        return z
    }
}

/// A string's two words as stored (a pointer to its shared storage and its count and flags, or a
/// small string's bytes): equal bits mean the same text, as long as the string they were read from is
/// still held (the bits keep nothing alive).
struct StringBits: Equatable, Sendable {
    private let a: UInt64, b: UInt64

    @inline(__always)
    init(_ string: String) {
        (a, b) = unsafeBitCast(string, to: (UInt64, UInt64).self)
    }
}
