/// Reads the times of one calendar's events as instants and as a local time in an IANA zone, as a
/// panel stores them:
///
/// - a TZID that is an IANA id (or an old alias of one) uses IANA's rules;
/// - another TZID that the file defines in a VTIMEZONE uses the file's own rules (RFC 5545, 3.6.5),
///   stored in the IANA zone the name maps to (a Windows name) or else one with the same offsets;
///   where IANA's rules would give another instant, the report says so;
/// - another TZID that the file does not define is mapped by name (`CalendarZones`), or unknown;
/// - a UTC time (`Z`) is that instant, whatever TZID it also carries (RFC 5545, 3.3.5);
/// - a floating time (no zone) is read in the calendar's X-WR-TIMEZONE, as Google Calendar does,
///   else in the store's first display zone.
struct CalendarTimes {
    /// A time placed: the zone it is stored in, its wall-clock time there, its instant, and what
    /// the report should say about how it was read.
    struct Reading {
        var zone: Zone
        var local: LocalDateTime
        var instant: Instant
        var notes: [String] = []
    }

    /// How a TZID is read.
    enum ZoneReading {
        case iana(Zone)
        /// By the file's definition; stored in the zone the TZID names, or (nil) one found with the
        /// same offsets around each time read.
        case defined(CalendarTimeZone, named: Zone?)
        case unknown(String)
    }

    /// The calendar's X-WR-TIMEZONE, when it names a zone.
    let calendarZone: Zone?
    /// Where floating times go without one.
    let fallbackZone: Zone
    private var definitions: [String: ICalendarParser.Component] = [:]
    private var readings: [String: ZoneReading] = [:]
    /// The zones found to have a defined TZID's offsets, by TZID and year.
    private var matches: [String: Zone?] = [:]
    /// Notes about the calendar as a whole (an X-WR-TIMEZONE or VTIMEZONE that cannot be used).
    private(set) var notes: [String] = []

    init(calendar: ICalendarParser.Component, fallbackZone: Zone) {
        self.fallbackZone = fallbackZone
        if let wr = calendar.first("X-WR-TIMEZONE") {
            calendarZone = CalendarZones.zone(forTZID: wr.text)
            if calendarZone == nil { notes.append("line \(wr.line): X-WR-TIMEZONE \"\(wr.text.prefix(80))\" is not a zone Dais knows; it was ignored") }
        } else {
            calendarZone = nil
        }
        for component in calendar.components where component.name == "VTIMEZONE" {
            if let tzid = component.first("TZID")?.text.trimmingSpaces, definitions[tzid] == nil { definitions[tzid] = component }
        }
    }

    /// How events' TZID is read (worked out once per TZID).
    mutating func zone(forTZID raw: String) -> ZoneReading {
        let tzid = raw.trimmingSpaces.trimmingQuotes
        if let known = readings[tzid] { return known }
        let reading = CalendarTimes.reading(tzid: tzid, definition: definitions[tzid])
        readings[tzid] = reading
        return reading
    }

    private static func reading(tzid: String, definition: ICalendarParser.Component?) -> ZoneReading {
        let named = CalendarZones.zone(forTZID: tzid)
        if let named, CalendarZones.isIANA(tzid) || WindowsZones.aliases[tzid] != nil || definition == nil { return .iana(named) }
        guard let definition else { return .unknown("unknown time zone \"\(tzid.prefix(80))\" (not an IANA id, and the file does not define it)") }
        let defined: CalendarTimeZone
        do {
            defined = try CalendarTimeZone(definition)
        } catch {
            if let named { return .iana(named) }
            return .unknown("time zone \"\(tzid.prefix(80))\" cannot be read: line \(error.line): \(error.message)")
        }
        return .defined(defined, named: named)
    }

    /// The zones a file's own definition may be stored in, the best known first: the cities of
    /// Dais's zone aliases, then the zone CLDR names for each Windows zone, then every other.
    static let candidateZones: [String] = {
        var seen = Set<String>()
        let ordered = Set(ZoneAliases.aliases.values).sorted() + Set(WindowsZones.iana.values).sorted() + ZoneRegistry.shared.knownIdentifiers.sorted()
        return ordered.filter { $0.contains("/") && !$0.hasPrefix("Etc/") && seen.insert($0).inserted }
    }()

    /// An IANA zone whose offsets agree with the definition's within a year of `instant` (at each
    /// of its transitions and between them), or for a fixed offset an "Etc/GMT" zone; the first of
    /// `candidateZones`.
    private mutating func sameOffsets(as defined: CalendarTimeZone, around instant: Instant) -> Zone? {
        let key = "\(defined.tzid)|\(instant.utc.date.year)"
        if let known = matches[key] { return known }
        let year: Int64 = 366 * 86_400
        let near = defined.transitions.map { Instant(secondsSinceEpoch: $0.instant) }
            .filter { abs($0.secondsSinceEpoch - instant.secondsSinceEpoch) <= year }
        let probes = [instant] + near + near.map { $0.adding(seconds: -86_400) } + near.map { $0.adding(seconds: 45 * 86_400) }
        let offsets = probes.map { defined.offset(at: $0) }
        var found: Zone?
        if Set(offsets).count == 1, offsets[0] % 3600 == 0 {
            let hours = -offsets[0] / 3600
            found = Zone.named(hours == 0 ? "UTC" : "Etc/GMT\(hours > 0 ? "+" : "")\(hours)")
        } else {
            for id in CalendarTimes.candidateZones {
                guard let zone = Zone.named(id) else { continue }
                if zip(probes, offsets).allSatisfy({ zone.offset(at: $0) == $1 }) {
                    found = zone
                    break
                }
            }
        }
        matches[key] = found
        return found
    }

    /// A DATE-TIME property's value placed (DTSTART, DTEND, RECURRENCE-ID, EXDATE and RDATE
    /// values). `gaps` says what to do with a local time that does not exist: refuse it (a start
    /// as written), or move it by the gap (an occurrence that a rule made, as RFC 5545 says).
    mutating func read(_ value: ICalendarParser.TimeValue, tzid: String?, what: String, shiftingGaps: Bool = false) -> Result<Reading, ImportProblem> {
        switch value {
        case .date:
            return .failure(ImportProblem("\(what) is a date without a time"))
        case .utc(let instant):
            var reading: Reading
            if let tzid, case .iana(let zone) = zone(forTZID: tzid) {
                reading = Reading(zone: zone, local: zone.local(at: instant), instant: instant)
                reading.notes.append("\(what) has TZID=\(tzid.prefix(60)) and a UTC time (Z); the UTC time was used, as RFC 5545 says")
            } else {
                let zone = calendarZone ?? .utc
                reading = Reading(zone: zone, local: zone.local(at: instant), instant: instant)
            }
            return .success(reading)
        case .local(let local):
            guard let tzid else {
                let zone = calendarZone ?? fallbackZone
                var reading = place(local, in: zone, what: what, shiftingGaps: shiftingGaps)
                if case .success = reading, calendarZone == nil {
                    reading = reading.map {
                        var r = $0
                        r.notes.append("\(what) has no time zone; read as \(zone.identifier)")
                        return r
                    }
                }
                return reading
            }
            switch zone(forTZID: tzid) {
            case .iana(let zone):
                return place(local, in: zone, what: what, shiftingGaps: shiftingGaps)
            case .unknown(let reason):
                return .failure(ImportProblem(reason))
            case .defined(let defined, let named):
                let instant: Instant
                var notes: [String] = []
                if let (found, ambiguous) = defined.resolve(local) {
                    instant = found
                    if ambiguous { notes.append("\(what) \(local.timeText) occurs twice on \(local.date) in \"\(tzid.prefix(60))\"; the first is used") }
                } else if shiftingGaps {
                    // The offset from before the gap (a day earlier is before it), as for IANA zones.
                    let l = local.secondsSinceEpochAsUTC
                    instant = Instant(secondsSinceEpoch: l - Int64(defined.offset(at: Instant(secondsSinceEpoch: l - 86_400))))
                    notes.append("\(what) \(local.date) \(local.timeText) does not exist in the file's \"\(tzid.prefix(60))\"; moved past the gap")
                } else {
                    return .failure(ImportProblem("\(local.date) \(local.timeText) does not exist in \"\(tzid.prefix(60))\" as the file defines it"))
                }
                let offset = defined.offset(at: instant)
                let fixed = offset % 3600 == 0 ? Zone.named(offset == 0 ? "UTC" : "Etc/GMT\(offset > 0 ? "-" : "+")\(abs(offset) / 3600)") : nil
                guard let zone = named ?? sameOffsets(as: defined, around: instant) ?? fixed else {
                    return .failure(ImportProblem("time zone \"\(tzid.prefix(60))\" is defined in the file, but no IANA zone has its offsets"))
                }
                var reading = Reading(zone: zone, local: zone.local(at: instant), instant: instant, notes: notes)
                if named == nil && zone == fixed {
                    reading.notes.append("\"\(tzid.prefix(60))\" is not a zone Dais knows, and no IANA zone follows the file's definition of it; stored at its offset then, in \(zone.identifier)")
                } else if named == nil {
                    reading.notes.append("\"\(tzid.prefix(60))\" is not a zone Dais knows; the file's definition of it has the offsets of \(zone.identifier), which it is stored in")
                } else if zone.resolve(local).instant != instant {
                    let theirs = zone.resolve(local).instant.map { "\($0.utc.timeText) UTC" } ?? "no time"
                    reading.notes.append("the file defines \"\(tzid.prefix(60))\" otherwise than \(zone.identifier): \(local.date) \(local.timeText) is \(instant.utc.timeText) UTC by the file, \(theirs) by \(zone.identifier); the file's was used (stored as \(reading.local.timeText) \(zone.identifier))")
                }
                return .success(reading)
            }
        }
    }

    /// A wall-clock time in an IANA zone.
    private func place(_ local: LocalDateTime, in zone: Zone, what: String, shiftingGaps: Bool) -> Result<Reading, ImportProblem> {
        switch zone.resolve(local) {
        case .unique(let instant):
            return .success(Reading(zone: zone, local: local, instant: instant))
        case .ambiguous(let first, _):
            return .success(Reading(zone: zone, local: local, instant: first,
                                    notes: ["\(what) \(local.timeText) occurs twice on \(local.date) in \(zone.identifier); the first is used"]))
        case .nonexistent(let gap):
            guard shiftingGaps else {
                return .failure(ImportProblem("\(local.date) \(local.timeText) does not exist in \(zone.identifier): \(gap.explanation)"))
            }
            // Read with the offset from before the gap (RFC 5545, 3.3.5), which lands past it.
            let before = zone.offset(at: gap.transition.instant.adding(seconds: -1))
            let instant = Instant(secondsSinceEpoch: local.secondsSinceEpochAsUTC - Int64(before))
            return .success(Reading(zone: zone, local: zone.local(at: instant), instant: instant,
                                    notes: ["\(what) \(local.date) \(local.timeText) does not exist in \(zone.identifier) (\(gap.explanation)); moved to \(zone.local(at: instant).timeText)"]))
        }
    }
}

/// Why an event, or one of its values, cannot be imported: a sentence for the report.
struct ImportProblem: Error, Sendable {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
