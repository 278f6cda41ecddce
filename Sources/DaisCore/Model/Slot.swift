/// A panel's time resolved to instants: when it starts and ends, whatever the zone.
public struct Slot: Hashable, Sendable {
    public let zone: Zone
    public let localStart: LocalDateTime
    public let span: TimeSpan
    /// Set when the local start occurs twice in the zone; `span` uses the first.
    public let ambiguity: (first: Instant, second: Instant)?

    public static func == (lhs: Slot, rhs: Slot) -> Bool {
        lhs.zone == rhs.zone && lhs.localStart == rhs.localStart && lhs.span == rhs.span
            && lhs.ambiguity?.first == rhs.ambiguity?.first && lhs.ambiguity?.second == rhs.ambiguity?.second
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(zone)
        hasher.combine(localStart)
        hasher.combine(span)
    }

    public var durationMinutes: Int { span.minutes }
}

/// Why a panel's time cannot be placed on the time line.
public enum SlotProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownZone(String)
    case nonexistentTime(LocalDateTime, Gap)
    case nonPositiveDuration(Int)
    /// Longer than `Limits.maxDurationMinutes`.
    case durationTooLong(Int)
    /// Starting or ending, in UTC or in its own zone, outside the years 1-9999 (no export could write it).
    case outsideCalendar

    public var description: String {
        switch self {
        case .unknownZone(let zone):
            return ZoneAliases.lookup(zone).zone.map { "zone \"\(zone)\" is not an IANA id; write \($0.identifier)" }
                ?? ZoneAliases.Lookup.unknown(input: zone, suggestions: ZoneAliases.suggestions(for: zone)).message
        case .nonexistentTime(let local, let gap):
            return "\(local.date) \(local.timeText) does not exist in \(gap.zone.identifier): \(gap.explanation)"
        case .nonPositiveDuration(let minutes):
            return "duration must be more than 0 minutes, not \(minutes)"
        case .durationTooLong(let minutes):
            return "duration must be at most 31 days (44,640 minutes), not \(minutes)"
        case .outsideCalendar:
            return "it would start or end outside the years 1 to 9999, which no calendar file can hold"
        }
    }
}

/// Places a local start in a zone for a number of minutes. Shared by panels and unavailability windows.
public func resolveSlot(start: LocalDateTime, zone identifier: String, minutes: Int) -> Result<Slot, SlotProblem> {
    guard let zone = Zone.named(identifier) else { return .failure(.unknownZone(identifier)) }
    return resolveSlot(start: start, zone: zone, minutes: minutes)
}

/// Places a local start in a known zone for a number of minutes.
public func resolveSlot(start: LocalDateTime, zone: Zone, minutes: Int) -> Result<Slot, SlotProblem> {
    guard minutes > 0 else { return .failure(.nonPositiveDuration(minutes)) }
    guard minutes <= Limits.maxDurationMinutes else { return .failure(.durationTooLong(minutes)) }
    let slot: Slot
    switch zone.resolve(start) {
    case .unique(let instant):
        slot = Slot(zone: zone, localStart: start, span: TimeSpan(start: instant, end: instant.adding(minutes: minutes)), ambiguity: nil)
    case .ambiguous(let first, let second):
        slot = Slot(zone: zone, localStart: start, span: TimeSpan(start: first, end: first.adding(minutes: minutes)), ambiguity: (first, second))
    case .nonexistent(let gap):
        return .failure(.nonexistentTime(start, gap))
    }
    // Only the first and last days of the calendar can fail this; elsewhere it is two comparisons.
    if start.date.year == Limits.years.lowerBound || start.date.year == Limits.years.upperBound {
        guard slot.span.start >= Limits.earliestInstant, slot.span.end <= Limits.latestInstant,
              zone.local(at: slot.span.end).date.year <= Limits.years.upperBound
        else { return .failure(.outsideCalendar) }
    }
    return .success(slot)
}

extension Panel {
    /// The panel's start and end as instants, or why they cannot be known.
    public func slot() -> Result<Slot, SlotProblem> { resolveSlot(start: start, zone: zone, minutes: durationMinutes) }
}

extension Unavailability {
    /// The window as instants; the end is resolved in the same zone.
    public func span() -> Result<TimeSpan, SlotProblem> {
        guard let zone = Zone.named(self.zone) else { return .failure(.unknownZone(self.zone)) }
        guard let s = zone.resolve(start).instant ?? gapEnd(zone, start),
              let e = zone.resolve(end).instant ?? gapEnd(zone, end)
        else { return .failure(.unknownZone(self.zone)) }
        guard s < e else { return .failure(.nonPositiveDuration(s.minutes(until: e))) }
        return .success(TimeSpan(start: s, end: e))
    }

    /// A window edge inside a gap starts at the end of the gap: being unavailable is not an appointment.
    private func gapEnd(_ zone: Zone, _ local: LocalDateTime) -> Instant? {
        if case .nonexistent(let gap) = zone.resolve(local) { return gap.transition.instant }
        return nil
    }
}
