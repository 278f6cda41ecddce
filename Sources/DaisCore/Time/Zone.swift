import Foundation
import Synchronization

/// An IANA time zone ("America/New_York") with its offset rules.
///
/// Offsets come from the time zone data bundled with Foundation, read once per zone into a table of
/// transitions (1900-2100) so that conversions, gap and fold detection and VTIMEZONE generation are
/// plain binary searches.
public struct Zone: Hashable, Sendable, CustomStringConvertible {
    /// The identifier as stored ("America/New_York", "UTC").
    public let identifier: String
    let rules: ZoneRules

    /// The zone for an IANA identifier, or nil when the identifier is not an IANA location
    /// (legacy names such as "EST" or "GMT+5" are not; use `ZoneAliases.lookup` for what people type).
    public static func named(_ identifier: String) -> Zone? { ZoneRegistry.shared.zone(identifier) }

    /// Starts building the zone's table on another thread, so that it is ready when first asked for
    /// (the store decoder calls this for each zone id it meets; building a table takes about half a
    /// millisecond, which a check of a just-loaded store would otherwise wait for, zone after zone).
    static func prepare(_ identifier: String) { ZoneRegistry.shared.prepare(identifier) }

    /// Coordinated Universal Time.
    public static let utc: Zone = Zone(identifier: "UTC", rules: ZoneRules(timeZone: TimeZone(identifier: "UTC")!, identifier: "UTC"))

    public var description: String { identifier }

    public static func == (lhs: Zone, rhs: Zone) -> Bool { lhs.identifier == rhs.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    /// Seconds east of UTC at an instant.
    public func offset(at instant: Instant) -> Int { Int(rules.offset(at: instant.secondsSinceEpoch)) }

    /// True when daylight-saving time is in effect at the instant.
    public func isDaylightSaving(at instant: Instant) -> Bool { rules.isDaylightSaving(at: instant.secondsSinceEpoch) }

    /// The wall-clock reading of an instant in this zone.
    public func local(at instant: Instant) -> LocalDateTime {
        LocalDateTime(secondsSinceEpochAsUTC: instant.secondsSinceEpoch + Int64(offset(at: instant)))
    }

    /// The abbreviation in use at an instant: "EST" in November, "EDT" in July; "UTC+3" where the
    /// project's table has none.
    public func abbreviation(at instant: Instant) -> String {
        let offset = offset(at: instant)
        if offset % 60 == 0 {
            for entry in rules.names where entry.minutes == offset / 60 { return entry.name }
        }
        return ZoneAbbreviations.offsetName(offset)
    }

    /// Where a wall-clock time falls in this zone: one instant, two (clocks turned back), or none
    /// (clocks jumped forward over it).
    public func resolve(_ local: LocalDateTime) -> LocalResolution {
        if let instant = steadyInstant(local) { return .unique(instant) }
        let l = local.secondsSinceEpochAsUTC
        let window: Int64 = 2 * 86_400
        var candidates = rules.offsets(from: l - window, to: l + window)
        candidates.sort()
        var found: [Int64] = []
        for offset in candidates {
            let u = l - Int64(offset)
            if rules.offset(at: u) == offset, !found.contains(u) { found.append(u) }
        }
        found.sort()
        if found.count >= 2 {
            return .ambiguous(first: Instant(secondsSinceEpoch: found[0]), second: Instant(secondsSinceEpoch: found[found.count - 1]))
        }
        if let only = found.first { return .unique(Instant(secondsSinceEpoch: only)) }
        // In a gap: find the transition whose jump covers this wall-clock time.
        for t in rules.transitions(from: l - window, to: l + window) where t.offsetAfter > t.offsetBefore {
            let gapStart = t.instant.secondsSinceEpoch + Int64(t.offsetBefore)
            let gapEnd = t.instant.secondsSinceEpoch + Int64(t.offsetAfter)
            if gapStart <= l && l < gapEnd {
                return .nonexistent(Gap(zone: self, transition: t,
                                        start: LocalDateTime(secondsSinceEpochAsUTC: gapStart),
                                        end: LocalDateTime(secondsSinceEpochAsUTC: gapEnd)))
            }
        }
        // Should not happen with consistent data; fall back to the earlier offset.
        return .unique(Instant(secondsSinceEpoch: l - Int64(rules.offset(at: l))))
    }

    /// The one instant of a wall-clock time when the offset does not change within two days either
    /// side of it (nearly always); nil otherwise, for `resolve` to decide.
    @inline(__always)
    func steadyInstant(_ local: LocalDateTime) -> Instant? { rules.steadyInstant(local) }

    /// Offset changes in [from, to), in order.
    public func transitions(from: Instant, to: Instant) -> [ZoneTransition] {
        rules.transitions(from: from.secondsSinceEpoch, to: to.secondsSinceEpoch)
    }
}

/// One change of a zone's offset.
public struct ZoneTransition: Hashable, Sendable {
    public let instant: Instant
    public let offsetBefore: Int
    public let offsetAfter: Int
    public let isDaylightSavingAfter: Bool
}

/// A stretch of wall-clock time skipped when clocks jump forward.
public struct Gap: Hashable, Sendable {
    public let zone: Zone
    public let transition: ZoneTransition
    /// First skipped wall-clock minute ("02:00").
    public let start: LocalDateTime
    /// First wall-clock minute after the jump ("03:00").
    public let end: LocalDateTime

    /// "clocks jump from 02:00 EST to 03:00 EDT on 2024-03-10".
    public var explanation: String {
        let before = zone.abbreviation(at: transition.instant.adding(seconds: -1))
        let after = zone.abbreviation(at: transition.instant)
        return "clocks jump from \(start.timeText) \(before) to \(end.timeText) \(after) on \(start.date)"
    }
}

/// Where a wall-clock time falls in a zone.
public enum LocalResolution: Hashable, Sendable {
    case unique(Instant)
    /// The time occurs twice (clocks turned back); Dais uses the first occurrence.
    case ambiguous(first: Instant, second: Instant)
    /// The time does not exist (clocks jumped forward over it).
    case nonexistent(Gap)

    /// The instant Dais uses: the only one, or the first of two; nil in a gap.
    public var instant: Instant? {
        switch self {
        case .unique(let i): return i
        case .ambiguous(let first, _): return first
        case .nonexistent: return nil
        }
    }
}

/// The offset table of one zone. Immutable once built.
final class ZoneRules: Sendable {
    let timeZone: TimeZone
    /// Transition instants, ascending.
    let instants: [Int64]
    /// `offsets[i]` is in effect before `instants[i]`; `offsets[instants.count]` after the last.
    let offsets: [Int32]
    let daylight: [Bool]
    let lower: Int64
    let upper: Int64
    /// For each stretch of 2^24 seconds (about 194 days) from `lower`, how many transitions come
    /// before it: a lookup starts there and steps over the one or two transitions of the stretch,
    /// instead of a binary search over two centuries of them.
    private let firstInBucket: [Int32]
    private static let bucketShift: Int64 = 24

    /// 1900-01-01T00:00Z and 2100-01-01T00:00Z: the span covered by the table.
    static let tableStart: Int64 = -2_208_988_800
    static let tableEnd: Int64 = 4_102_444_800

    /// The project's abbreviations of the zone by offset in minutes (`ZoneAbbreviations`).
    let names: [(minutes: Int, name: String)]

    init(timeZone: TimeZone, identifier: String) {
        self.timeZone = timeZone
        names = ZoneAbbreviations.names(of: identifier)
        var instants: [Int64] = []
        var offsets: [Int32] = [Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(ZoneRules.tableStart))))]
        var daylight: [Bool] = [timeZone.isDaylightSavingTime(for: Date(timeIntervalSince1970: Double(ZoneRules.tableStart)))]
        var cursor = Date(timeIntervalSince1970: Double(ZoneRules.tableStart))
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor),
              next.timeIntervalSince1970 < Double(ZoneRules.tableEnd), next > cursor {
            let offset = Int32(timeZone.secondsFromGMT(for: next))
            let isDST = timeZone.isDaylightSavingTime(for: next)
            if offset != offsets[offsets.count - 1] || isDST != daylight[daylight.count - 1] {
                instants.append(Int64(next.timeIntervalSince1970.rounded()))
                offsets.append(offset)
                daylight.append(isDST)
            }
            cursor = next
        }
        self.instants = instants
        self.offsets = offsets
        self.daylight = daylight
        self.lower = ZoneRules.tableStart
        self.upper = ZoneRules.tableEnd
        let buckets = Int((ZoneRules.tableEnd - ZoneRules.tableStart) >> ZoneRules.bucketShift) + 1
        var first = [Int32](repeating: 0, count: buckets)
        var i = 0
        for b in 0..<buckets {
            let start = ZoneRules.tableStart + Int64(b) << ZoneRules.bucketShift
            while i < instants.count && instants[i] < start { i += 1 }
            first[b] = Int32(i)
        }
        firstInBucket = first
    }

    /// Number of transitions at or before `t`.
    @inline(__always)
    func index(at t: Int64) -> Int {
        if t >= lower && t < upper {
            var i = Int(firstInBucket[Int((t - lower) >> ZoneRules.bucketShift)])
            while i < instants.count && instants[i] <= t { i += 1 }
            return i
        }
        var lo = 0, hi = instants.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if instants[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func offset(at t: Int64) -> Int32 {
        if t < lower || t >= upper { return Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t)))) }
        return offsets[index(at: t)]
    }

    /// See `Zone.steadyInstant`.
    @inline(__always)
    func steadyInstant(_ local: LocalDateTime) -> Instant? {
        let l = local.secondsSinceEpochAsUTC
        guard let offset = steadyOffset(around: l, window: 2 * 86_400) else { return nil }
        return Instant(secondsSinceEpoch: l - Int64(offset))
    }

    /// The offset in effect throughout [t - window, t + window] when it does not change there.
    @inline(__always)
    func steadyOffset(around t: Int64, window: Int64) -> Int32? {
        guard t - window >= lower, t + window < upper else { return nil }
        let i = index(at: t - window)
        guard i == instants.count || instants[i] > t + window else { return nil }
        return offsets[i]
    }

    func isDaylightSaving(at t: Int64) -> Bool {
        if t < lower || t >= upper { return timeZone.isDaylightSavingTime(for: Date(timeIntervalSince1970: Double(t))) }
        return daylight[index(at: t)]
    }

    /// Every offset in effect at some time in [from, to].
    func offsets(from: Int64, to: Int64) -> [Int32] {
        var result = [offset(at: from)]
        let end = offset(at: to)
        if end != result[0] { result.append(end) }
        if from < upper && to >= lower {
            var i = index(at: from)
            while i < instants.count && instants[i] <= to {
                let o = offsets[i + 1]
                if !result.contains(o) { result.append(o) }
                i += 1
            }
        }
        return result
    }

    func transitions(from: Int64, to: Int64) -> [ZoneTransition] {
        var result: [ZoneTransition] = []
        var i = index(at: from - 1)
        while i < instants.count && instants[i] < to {
            if instants[i] >= from {
                result.append(ZoneTransition(instant: Instant(secondsSinceEpoch: instants[i]),
                                             offsetBefore: Int(offsets[i]), offsetAfter: Int(offsets[i + 1]),
                                             isDaylightSavingAfter: daylight[i + 1]))
            }
            i += 1
        }
        return result
    }
}

/// The process-wide memo of zones already built. Only a cache: the same identifier always gives the same rules.
final class ZoneRegistry: Sendable {
    static let shared = ZoneRegistry()
    private let cache = Mutex<[String: Zone?]>([:])
    /// Zones being built on the background queue, with what to wait on for each.
    private let building = Mutex<[String: DispatchGroup]>([:])
    private let background = DispatchQueue(label: "dais.zones", qos: .userInitiated)
    private let known: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers)

    func zone(_ identifier: String) -> Zone? {
        if let hit = cache.withLock({ $0[identifier] }) { return hit }
        if let pending = building.withLock({ $0[identifier] }) {
            pending.wait()
            if let hit = cache.withLock({ $0[identifier] }) { return hit }
        }
        let built = build(identifier)
        cache.withLock { $0[identifier] = built }
        return built
    }

    /// Builds a zone on the background queue unless it is built or being built.
    func prepare(_ identifier: String) {
        if cache.withLock({ $0[identifier] != nil }) { return }
        let group = DispatchGroup()
        let isNew = building.withLock { pending -> Bool in
            guard pending[identifier] == nil else { return false }
            pending[identifier] = group
            return true
        }
        guard isNew else { return }
        group.enter()
        background.async { [self] in
            let built = build(identifier)
            cache.withLock { $0[identifier] = built }
            _ = building.withLock { $0.removeValue(forKey: identifier) }
            group.leave()
        }
    }

    /// Identifiers Foundation knows, for completion and case-insensitive lookup.
    var knownIdentifiers: Set<String> { known }

    private func build(_ identifier: String) -> Zone? {
        if identifier == "UTC" { return Zone.utc }
        // IANA locations have a slash ("Europe/London", "Etc/GMT-3"); legacy names such as "EST",
        // "CST6CDT" or Foundation's "GMT+5" are refused so that a store never silently holds a fixed offset.
        guard known.contains(identifier) || identifier.contains("/"),
              !identifier.hasPrefix("/"), !identifier.hasSuffix("/"),
              let timeZone = TimeZone(identifier: identifier)
        else { return nil }
        return Zone(identifier: identifier, rules: ZoneRules(timeZone: timeZone, identifier: identifier))
    }
}
