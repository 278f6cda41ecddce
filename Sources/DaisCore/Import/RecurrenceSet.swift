/// The occurrences of a recurring event (RFC 5545, 3.8.5): DTSTART, what its RRULEs make and its
/// RDATEs add, less its EXDATEs, each placed as an instant through the calendar's zones. Rules run
/// on the wall-clock time of DTSTART as written (in its TZID's own frame, or in UTC for a UTC
/// DTSTART); an occurrence falling in a gap moves past it.
struct RecurrenceSet {
    /// One occurrence: its RECURRENCE-ID (the instant a rule or RDATE gave it), its start, and its
    /// own length when an RDATE gives it as a PERIOD (else the event's).
    struct Occurrence {
        let recurrenceID: Instant
        let start: CalendarTimes.Reading
        var minutes: Int?
    }

    /// At most this many occurrences are made of one rule, from DTSTART on (a rule without an end
    /// that repeats every minute stops here, said in the report).
    static let ruleLimit = 100_000

    /// The occurrences starting before `through`, in order, and what the report should say.
    static func occurrences(of event: ICalendarParser.Component, start: CalendarTimes.Reading, through: Instant,
                            times: inout CalendarTimes) -> (occurrences: [Occurrence], notes: [String]) {
        var notes: [String] = []
        var byInstant: [Instant: CalendarTimes.Reading] = [start.instant: start]
        var periodMinutes: [Instant: Int] = [:]
        guard let dtstart = event.first("DTSTART"), let startValue = ICalendarParser.time(dtstart.value) else { return ([], notes) }
        let tzid = dtstart.parameter("TZID")
        // The frame the rules run in: DTSTART's own wall clock (UTC for a UTC time).
        let frameStart: LocalDateTime
        let isUTC: Bool
        switch startValue {
        case .local(let local): (frameStart, isUTC) = (local, false)
        case .utc(let instant): (frameStart, isUTC) = (instant.utc, true)
        case .date: return ([], notes)
        }
        // Far enough ahead in the frame's wall-clock time for every zone's offset.
        let frameThrough = LocalDateTime(secondsSinceEpochAsUTC: min(through.secondsSinceEpoch + 2 * 86_400, Limits.latestInstant.secondsSinceEpoch))
        func place(_ local: LocalDateTime, tzid: String?, utc: Bool, what: String) -> CalendarTimes.Reading? {
            let value: ICalendarParser.TimeValue = utc ? .utc(Instant(secondsSinceEpoch: local.secondsSinceEpochAsUTC)) : .local(local)
            switch times.read(value, tzid: utc ? nil : tzid, what: what, shiftingGaps: true) {
            case .success(let reading):
                if !reading.notes.isEmpty, notes.count < 20 { notes.append(contentsOf: reading.notes) }
                return reading
            case .failure(let problem):
                if notes.count < 20 { notes.append("\(what): \(problem.reason)") }
                return nil
            }
        }
        for property in event.all("RRULE") {
            let rule: RecurrenceRule
            do {
                rule = try RecurrenceRule(parsing: property.value)
            } catch {
                notes.append("line \(property.line): \(error.message); only the other occurrences were imported")
                continue
            }
            let made = rule.occurrences(start: frameStart, zone: isUTC ? .utc : tzid.flatMap(CalendarZones.zone(forTZID:)),
                                        through: frameThrough, limit: ruleLimit)
            if made.isCut { notes.append("line \(property.line): the rule makes more than \(ruleLimit) occurrences; those after the first \(ruleLimit) were left out") }
            for local in made.starts where local != frameStart {
                if let reading = place(local, tzid: tzid, utc: isUTC, what: "an occurrence") { byInstant[reading.instant] = reading }
            }
        }
        for property in event.all("RDATE") {
            for (value, end) in timeValues(property, notes: &notes) {
                var added: CalendarTimes.Reading?
                switch value {
                case .date:
                    notes.append("line \(property.line): RDATE of a whole day in an event with a time; left out")
                case .local(let local):
                    added = place(local, tzid: property.parameter("TZID"), utc: false, what: "RDATE")
                case .utc(let instant):
                    added = place(instant.utc, tzid: nil, utc: true, what: "RDATE")
                }
                guard let reading = added else { continue }
                byInstant[reading.instant] = reading
                // A PERIOD: "start/end" or "start/duration" gives this occurrence its own length.
                if let end {
                    if let minutes = ICalendarParser.durationMinutes(end) {
                        periodMinutes[reading.instant] = minutes
                    } else if let endValue = ICalendarParser.time(end),
                              let endReading = times.read(endValue, tzid: property.parameter("TZID"), what: "RDATE", shiftingGaps: true).success {
                        periodMinutes[reading.instant] = Int((endReading.instant.secondsSinceEpoch - reading.instant.secondsSinceEpoch) / 60)
                    }
                }
            }
        }
        for property in event.all("EXDATE") {
            for (value, _) in timeValues(property, notes: &notes) {
                switch value {
                case .date(let date):
                    // A whole day excluded: every occurrence starting on it in DTSTART's wall clock.
                    for (instant, reading) in byInstant where reading.local.date == date { byInstant[instant] = nil }
                case .local(let local):
                    if let reading = times.read(.local(local), tzid: property.parameter("TZID") ?? tzid, what: "EXDATE", shiftingGaps: true).success {
                        byInstant[reading.instant] = nil
                    }
                case .utc(let instant):
                    byInstant[instant] = nil
                }
            }
        }
        let occurrences = byInstant.sorted { $0.key < $1.key }.map { Occurrence(recurrenceID: $0.key, start: $0.value, minutes: periodMinutes[$0.key]) }
        return (occurrences, notes)
    }

    /// The values of an RDATE or EXDATE ("a,b,c"), each with the end of a PERIOD ("start/end" or
    /// "start/duration") when it is one.
    static func timeValues(_ property: ICalendarParser.Property, notes: inout [String]) -> [(ICalendarParser.TimeValue, String?)] {
        property.value.split(separator: ",").compactMap { part in
            let pieces = part.split(separator: "/", maxSplits: 1)
            guard let value = pieces.first.flatMap({ ICalendarParser.time(String($0)) }) else {
                notes.append("line \(property.line): \(property.name) value \"\(part.prefix(40))\" cannot be read; left out")
                return nil
            }
            return (value, pieces.count == 2 ? String(pieces[1]) : nil)
        }
    }
}

extension Result {
    /// The value, or nil on failure.
    var success: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}
