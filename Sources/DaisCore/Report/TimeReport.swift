/// `dais time`: one local time converted to other zones.
public struct TimeReport: Sendable {
    public let local: LocalDateTime
    public let zone: Zone
    /// The instant used (the first of two when ambiguous).
    public let instant: Instant
    /// The later instant when the local time occurs twice.
    public let secondInstant: Instant?
    public let targets: [Zone]

    /// Converts, or explains why the local time does not exist in the zone.
    public static func convert(_ local: LocalDateTime, in zone: Zone, to targets: [Zone]) -> Result<TimeReport, SlotProblem> {
        switch zone.resolve(local) {
        case .unique(let instant):
            return .success(TimeReport(local: local, zone: zone, instant: instant, secondInstant: nil, targets: targets))
        case .ambiguous(let first, let second):
            return .success(TimeReport(local: local, zone: zone, instant: first, secondInstant: second, targets: targets))
        case .nonexistent(let gap):
            return .failure(.nonexistentTime(local, gap))
        }
    }

    /// "2024-11-03 01:30 occurs twice in America/New_York (01:30 EDT, then 01:30 EST); using the first, 05:30Z".
    public var ambiguityNote: String? {
        guard let second = secondInstant else { return nil }
        return "\(local.date) \(local.timeText) occurs twice in \(zone.identifier) (\(local.timeText) \(zone.abbreviation(at: instant)), then "
            + "\(local.timeText) \(zone.abbreviation(at: second)) after clocks go back); using the first, \(instant.iso8601) "
            + "(the second is \(second.iso8601))"
    }

    public var text: String {
        let own = TimeFormat.Reading(instant, in: zone)
        var table = TextTable(header: ["ZONE", "DATE", "TIME", "OFFSET", "SHIFT"])
        table.append([zone.identifier, "\(TimeFormat.weekdayShort[local.date.weekdayIndex]) \(local.date)", own.clock,
                      ZoneAbbreviations.offsetName(zone.offset(at: instant)), ""])
        for target in targets {
            let reading = TimeFormat.Reading(instant, in: target)
            table.append([target.identifier, "\(TimeFormat.weekdayShort[reading.local.date.weekdayIndex]) \(reading.local.date)",
                          reading.clock, ZoneAbbreviations.offsetName(target.offset(at: instant)),
                          TimeFormat.dayShift(from: local.date, to: reading.local.date)])
        }
        var out = "\(local.date) \(local.timeText) \(own.abbreviation) (\(zone.identifier)) = \(instant.iso8601)\n\n" + table.render()
        if let note = ambiguityNote { out += "\nnote: \(note)\n" }
        return out
    }

    public var json: String {
        var w = JSONWriter()
        w.object { w in
            w.field("ambiguous") { $0.bool(secondInstant != nil) }
            w.field("input") { w in reading(&w, instant, zone) }
            if let second = secondInstant { w.field("secondUTC") { $0.string(second.iso8601) } }
            w.field("targets") { w in w.array(targets) { w, target in reading(&w, instant, target) } }
            w.field("utc") { $0.string(instant.iso8601) }
        }
        w.newline()
        return w.text
    }

    private func reading(_ w: inout JSONWriter, _ instant: Instant, _ zone: Zone) {
        let r = TimeFormat.Reading(instant, in: zone)
        w.object { w in
            w.field("abbreviation") { $0.string(r.abbreviation) }
            w.field("dayShift") { $0.integer(r.local.date.daysSinceEpoch - local.date.daysSinceEpoch) }
            w.field("local") { $0.string(r.local.description) }
            w.field("offsetMinutes") { $0.integer(zone.offset(at: instant) / 60) }
            w.field("zone") { $0.string(zone.identifier) }
        }
    }
}
