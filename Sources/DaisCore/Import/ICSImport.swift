import Foundation

/// `dais import FILE.ics`: VEVENTs become panels. Works out the whole change first (a plan), so that
/// `--dry-run` can show it and a failing import changes nothing.
///
/// - Times: see `CalendarTimes` (IANA ids and aliases, Windows and Outlook names, the file's own
///   VTIMEZONE rules, X-WR-TIMEZONE for floating times).
/// - Recurring events (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides) become one panel per
///   occurrence in the import's window, in one series; each occurrence is keyed by its UID and
///   RECURRENCE-ID, so importing again updates them.
/// - People: ATTENDEEs with ROLE=CHAIR are moderators, other participants panelists (rooms,
///   resources and groups go to the notes); matched to the directory by e-mail, then by folded
///   name; new ones are created. Files exported by Dais carry X-DAIS- properties and come back
///   exactly (ids, roles, titles, series, host, co-sponsors, links).
/// - Re-importing updates the panel with the same UID (a Dais UID is "<panel id>@dais"); an event
///   without a UID is keyed by its start, summary and organizer.
/// - Not imported, each with its line and reason: all-day events, events without a start, unknown
///   time zones, local times that do not exist, events of zero length or that end before they
///   start or last more than 31 days, a second event with the same UID, events with lines that
///   cannot be read.
public struct ICSImport: Sendable {
    /// What the import would do.
    public struct Plan: Sendable {
        public internal(set) var added: [Panel] = []
        public internal(set) var updated: [(old: Panel, new: Panel)] = []
        public internal(set) var unchanged: [PanelID] = []
        public internal(set) var skipped: [Skip] = []
        public internal(set) var notes: [String] = []
        /// The UIDs of the events that the notes speak of (something about them was read otherwise
        /// than written, or left out).
        public internal(set) var notedUIDs: Set<String> = []
        /// The UIDs of recurring events with more occurrences in the window than `occurrenceLimit`.
        var capped: Set<String> = []
        public internal(set) var newPeople: [Person] = []
        public internal(set) var newOrganizations: [Organization] = []
        public internal(set) var newSeries: [Series] = []
        /// The dates recurring events were expanded between.
        public internal(set) var window = Window(from: LocalDate(year: 2000, month: 1, day: 1)!, to: LocalDate(year: 2000, month: 1, day: 1)!)
        /// The catalog the import was planned into, with every change applied (what `applied(to:)`
        /// makes of it, without making it again: the planning kept it up to date).
        public internal(set) var catalog = Catalog()

        /// The changes applied to a catalog (for the one planned into, `catalog` is the same).
        public func applied(to catalog: Catalog) -> Catalog {
            var result = catalog
            for person in newPeople { result.people[person.id] = person }
            for org in newOrganizations { result.organizations[org.id] = org }
            for series in newSeries { result.series[series.id] = series }
            for panel in added { result.panels[panel.id] = panel }
            for (_, panel) in updated { result.panels[panel.id] = panel }
            return result
        }

        public var changesSomething: Bool { !added.isEmpty || !updated.isEmpty || !newPeople.isEmpty || !newOrganizations.isEmpty || !newSeries.isEmpty }

        /// A report, one line per change.
        public var report: String {
            var lines: [String] = []
            for p in newPeople { lines.append("add person     \(p.id)  \(DisplayText.inert(p.name))") }
            for o in newOrganizations { lines.append("add org        \(o.id)  \(DisplayText.inert(o.name))") }
            for s in newSeries { lines.append("add series     \(s.id)  \(DisplayText.inert(s.name))") }
            for p in added { lines.append("add panel      \(p.id)  \(p.start.date) \(p.start.timeText) \(p.zone)  \(DisplayText.inert(p.title))") }
            for (old, new) in updated { lines.append("update panel   \(new.id)  \(ICSImport.differences(old, new).joined(separator: ", "))") }
            for id in unchanged { lines.append("unchanged      \(id)") }
            for skip in skipped { lines.append("skipped        \(DisplayText.inert(skip.event)): \(DisplayText.inert(skip.reason))") }
            for note in notes { lines.append("note           \(DisplayText.inert(note))") }
            lines.append("\(added.count) added, \(updated.count) updated, \(unchanged.count) unchanged, \(skipped.count) skipped")
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// An event not imported: which (its summary and line), why, and its UID.
    public struct Skip: Sendable {
        public let event: String
        public let reason: String
        public let uid: String?
    }

    /// Why a file cannot be imported at all.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case notCalendar(path: String, ICalendarParser.Failure)

        public var description: String {
            switch self {
            case let .notCalendar(path, failure): return "\(path):\(failure.line): \(failure.message)"
            }
        }
    }

    /// The dates between which recurring events become panels: occurrences starting from `from`
    /// 00:00 UTC up to the end of `to` (UTC).
    public struct Window: Hashable, Sendable, CustomStringConvertible {
        public var from: LocalDate
        public var to: LocalDate

        public init(from: LocalDate, to: LocalDate) {
            self.from = from
            self.to = to
        }

        /// A year from `today`.
        public static func year(from today: LocalDate) -> Window {
            Window(from: today, to: LocalDate(year: min(today.year + 1, 9999), month: today.month, day: min(today.day, 28))!)
        }

        /// A year from today, UTC.
        public static var yearFromToday: Window {
            year(from: Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)).utc.date)
        }

        var start: Instant { Instant(secondsSinceEpoch: LocalDateTime(date: from, hour: 0, minute: 0)!.secondsSinceEpochAsUTC) }
        var end: Instant { Instant(secondsSinceEpoch: LocalDateTime(date: to, hour: 0, minute: 0)!.secondsSinceEpochAsUTC + 86_400) }

        public var description: String { "\(from) to \(to)" }
    }

    /// At most this many panels are made of one recurring event.
    public static let occurrenceLimit = 1_000

    /// Plans the import of a file's bytes into a catalog; recurring events become panels for
    /// their occurrences within `window`.
    public static func plan(_ bytes: [UInt8], path: String, into catalog: Catalog, window: Window = .yearFromToday) throws(Failure) -> Plan {
        let document: ICalendarParser.Document
        do {
            document = try ICalendarParser.parse(bytes)
        } catch {
            throw .notCalendar(path: path, error)
        }
        var importer = ICSImport(catalog: catalog)
        importer.plan.window = window
        importer.plan.notes.append(contentsOf: document.notes)
        let fallback = catalog.settings.displayZones.lazy.compactMap(Zone.named).first ?? .utc
        for calendar in document.calendars where calendar.name == "VCALENDAR" {
            var times = CalendarTimes(calendar: calendar, fallbackZone: fallback)
            importer.importCalendar(calendar, times: &times, window: window)
        }
        return importer.finished
    }

    // MARK: Working state

    var catalog: Catalog
    var plan = Plan()
    var peopleByEmail: [String: PersonID] = [:]
    var peopleByKey: [String: PersonID] = [:]
    /// The id in the file (X-DAIS-PERSON) each person was matched to.
    var claimedBy: [PersonID: PersonID] = [:]
    /// The people `person` found by the file's id with the very name the catalog has: the same id
    /// and name again give the same person, without interning the id, finding the person and
    /// claiming them once more (a large file names each person at many panels, and those look-ups
    /// miss the caches). Neither the person nor the claim can change during the import.
    var foundByID: [String: (id: PersonID, name: String)] = [:]
    var panelsByUID: [String: PanelID] = [:]
    /// The keys (UID, with the RECURRENCE-ID of an occurrence) met in this file, with the event's line.
    var keysSeen: [String: Int] = [:]
    /// The organizations and series a file's id was found to name in the catalog: the same id again
    /// names the same one (none is removed during an import), without checking and interning the id
    /// once more (a large file names each at many panels, and the symbol table misses the caches).
    var organizationsByID: [String: OrganizationID] = [:]
    var seriesByID: [String: SeriesID] = [:]
    var organizationsByKey: [String: OrganizationID] = [:]
    var seriesByKey: [String: SeriesID] = [:]

    /// The plan, with the catalog as the import leaves it.
    var finished: Plan {
        var result = plan
        result.catalog = catalog
        return result
    }

    init(catalog: Catalog) {
        self.catalog = catalog
        for org in catalog.organizations.values.sorted(by: { $0.id < $1.id }) {
            let key = NameFolding.organizationKey(org.name)
            organizationsByKey[key] = organizationsByKey[key] ?? org.id
        }
        for series in catalog.series.values.sorted(by: { $0.id < $1.id }) {
            let key = NameFolding.fold(series.name)
            seriesByKey[key] = seriesByKey[key] ?? series.id
        }
        for panel in catalog.panels.values { if let uid = panel.uid { panelsByUID[uid] = panel.id } }
        for person in catalog.peopleByName() {
            if let email = person.email?.lowercased() { peopleByEmail[email] = peopleByEmail[email] ?? person.id }
            let key = NameFolding.personKey(person.name)
            peopleByKey[key] = peopleByKey[key] ?? person.id
        }
    }

    /// Imports a calendar's events in file order; a recurring event's overrides (RECURRENCE-ID)
    /// with it, wherever they stand in the file.
    mutating func importCalendar(_ calendar: ICalendarParser.Component, times: inout CalendarTimes, window: Window) {
        for problem in calendar.problems { plan.notes.append("line \(problem.line): \(problem.message); the line was ignored") }
        plan.notes.append(contentsOf: times.notes)
        let events = calendar.components.filter { $0.name == "VEVENT" }
        let recurring = Set(events.filter { $0.first("RECURRENCE-ID") == nil && ($0.first("RRULE") != nil || $0.first("RDATE") != nil) }
            .compactMap(ICSImport.uid))
        var overrides: [String: [ICalendarParser.Component]] = [:]
        for event in events where event.first("RECURRENCE-ID") != nil {
            if let uid = ICSImport.uid(event), recurring.contains(uid) { overrides[uid, default: []].append(event) }
        }
        var expanded = false
        for event in events {
            let label = ICSImport.label(event)
            if let problem = event.problems.first {
                skip(event, "line \(problem.line): \(problem.message)", label: label)
                continue
            }
            let uid = ICSImport.uid(event)
            if event.first("RECURRENCE-ID") != nil, let uid, recurring.contains(uid) { continue }  // with its master
            if event.first("RECURRENCE-ID") == nil, event.first("RRULE") != nil || event.first("RDATE") != nil {
                if uid == nil { note(event, "no UID; its occurrences are known by its start, summary and organizer when imported again") }
                importRecurring(event, uid: uid ?? ICSImport.madeUID(event), overrides: uid.flatMap { overrides[$0] } ?? [], times: &times, window: window)
                expanded = true
            } else {
                importSingle(event, times: &times)
            }
        }
        if expanded && !plan.notes.contains(where: { $0.hasPrefix("recurring events were expanded") }) {
            plan.notes.append("recurring events were expanded from \(window.from) to \(window.to) (UTC); --from and --to choose other dates")
        }
    }

    /// Records that an event was not imported, and why.
    mutating func skip(_ event: ICalendarParser.Component, _ reason: String, label: String? = nil) {
        plan.skipped.append(Skip(event: label ?? ICSImport.label(event), reason: reason, uid: ICSImport.uid(event)))
    }

    /// Records a note about an event ("'Summary' (line 12): ...").
    mutating func note(_ event: ICalendarParser.Component, _ text: String, label: String? = nil) {
        plan.notes.append("\(label ?? ICSImport.label(event)): \(text)")
        if let uid = ICSImport.uid(event) { plan.notedUIDs.insert(uid) }
    }

    /// The event's UID as written, or nil.
    static func uid(_ event: ICalendarParser.Component) -> String? {
        event.first("UID")?.text.trimmingSpaces.nonEmpty
    }

    /// A UID for an event without one, made from what identifies it (its start as written, summary
    /// and organizer), so that importing the file again finds the same panel.
    static func madeUID(_ event: ICalendarParser.Component) -> String {
        let start = event.first("DTSTART").map { "\($0.parameter("TZID") ?? ""):\($0.value)" } ?? ""
        let name = "\(start)|\(event.first("SUMMARY")?.text ?? "")|\(event.first("ORGANIZER")?.value ?? "")"
        return "import-" + UUID5.url("dais-import:" + name)
    }

    /// "'Summary' (line 12)", or "event at line 12".
    static func label(_ event: ICalendarParser.Component) -> String {
        let summary = event.first("SUMMARY")?.text.trimmingSpaces ?? ""
        guard !summary.isEmpty else { return "event at line \(event.line)" }
        // Cut to 200 characters; a summary of at most 200 bytes has no more (and most are short).
        return "'\(summary.utf8.count <= 200 ? summary : String(summary.prefix(200)))' (line \(event.line))"
    }

    /// The key a panel's `uid` holds for an occurrence: "UID/20241113T150000Z" (its RECURRENCE-ID in UTC).
    static func occurrenceKey(uid: String, recurrenceID: Instant) -> String { "\(uid)/\(recurrenceID.icalUTC)" }

    /// When an event starts and for how long, or why that cannot be known.
    struct Timing {
        var start: CalendarTimes.Reading
        var minutes: Int
        var notes: [String] = []
    }

    /// The event's start (DTSTART) and length (DTEND, else DURATION, else 60 minutes).
    static func timing(_ event: ICalendarParser.Component, times: inout CalendarTimes) -> Result<Timing, ImportProblem> {
        guard let dtstart = event.first("DTSTART") else { return .failure(ImportProblem("no start time (DTSTART)")) }
        guard let startValue = ICalendarParser.time(dtstart.value) else {
            return .failure(ImportProblem("line \(dtstart.line): a start time Dais cannot read: \(dtstart.value.prefix(60))"))
        }
        if case .date = startValue { return .failure(ImportProblem("an all-day event; panels need a start time")) }
        if dtstart.parameter("VALUE")?.uppercased() == "DATE" { return .failure(ImportProblem("an all-day event; panels need a start time")) }
        let tzid = dtstart.parameter("TZID")
        let start: CalendarTimes.Reading
        switch times.read(startValue, tzid: tzid, what: "DTSTART") {
        case .success(let reading): start = reading
        case .failure(let problem): return .failure(problem)
        }
        var timing = Timing(start: start, minutes: 60, notes: start.notes)
        if ICalendarParser.hasSeconds(dtstart.value) {
            timing.notes.append("DTSTART \(dtstart.value.prefix(20)) has seconds; panels start on the minute (\(start.local.timeText))")
        }
        var seconds: Int64?
        if let dtend = event.first("DTEND") {
            guard let endValue = ICalendarParser.time(dtend.value) else {
                return .failure(ImportProblem("line \(dtend.line): an end time Dais cannot read: \(dtend.value.prefix(60))"))
            }
            if case .date = endValue { return .failure(ImportProblem("line \(dtend.line): DTEND is a date while DTSTART has a time")) }
            let endTZID: String? = if case .local = endValue { dtend.parameter("TZID") ?? tzid } else { nil }
            switch times.read(endValue, tzid: endTZID, what: "DTEND", shiftingGaps: true) {
            case .success(let end): seconds = end.instant.secondsSinceEpoch - start.instant.secondsSinceEpoch
            case .failure(let problem): return .failure(ImportProblem("line \(dtend.line): \(problem.reason)"))
            }
            if event.first("DURATION") != nil { timing.notes.append("it has both DTEND and DURATION; DTEND was used") }
        } else if let duration = event.first("DURATION") {
            guard let minutes = ICalendarParser.durationMinutes(duration.value) else {
                return .failure(ImportProblem("line \(duration.line): a duration Dais cannot read: \(duration.value.prefix(60))"))
            }
            seconds = Int64(minutes) * 60
        } else {
            timing.notes.append("no end time; 60 minutes assumed")
        }
        if let seconds {
            if seconds == 0 { return .failure(ImportProblem("zero length: it ends when it starts")) }
            if seconds < 0 { return .failure(ImportProblem("it ends before it starts")) }
            if seconds < 60 { return .failure(ImportProblem("it lasts less than a minute")) }
            if seconds > Int64(Limits.maxDurationMinutes) * 60 {
                return .failure(ImportProblem("it lasts more than 31 days, the longest a panel may last"))
            }
            timing.minutes = Int(seconds / 60)
        }
        if case .failure(let problem) = resolveSlot(start: start.local, zone: start.zone, minutes: timing.minutes) {
            return .failure(ImportProblem(problem.description))
        }
        return .success(timing)
    }

    /// A single event (or an override whose recurring event is not in the file).
    mutating func importSingle(_ event: ICalendarParser.Component, times: inout CalendarTimes) {
        let label = ICSImport.label(event)
        var key = ICSImport.uid(event)
        if key == nil {
            key = ICSImport.madeUID(event)
            note(event, "no UID; it is known by its start, summary and organizer when imported again", label: label)
        }
        if let rid = event.first("RECURRENCE-ID"), let key0 = key {
            // An occurrence whose recurring event is not in the file: keyed as its occurrence.
            switch ICalendarParser.time(rid.value).map({ times.read($0, tzid: rid.parameter("TZID"), what: "RECURRENCE-ID", shiftingGaps: true) }) {
            case .success(let reading)?: key = ICSImport.occurrenceKey(uid: key0, recurrenceID: reading.instant)
            default: return skip(event, "line \(rid.line): a RECURRENCE-ID Dais cannot read: \(rid.value.prefix(60))", label: label)
            }
        }
        switch ICSImport.timing(event, times: &times) {
        case .failure(let problem): skip(event, problem.reason, label: label)
        case .success(let timing): makePanel(event, label: label, key: key!, timing: timing, series: nil)
        }
    }

    /// A recurring event: a panel for each occurrence in the window, the file's overrides applied.
    mutating func importRecurring(_ master: ICalendarParser.Component, uid: String, overrides: [ICalendarParser.Component],
                                  times: inout CalendarTimes, window: Window) {
        let label = ICSImport.label(master)
        let timing: Timing
        switch ICSImport.timing(master, times: &times) {
        case .failure(let problem):
            skip(master, problem.reason, label: label)
            for event in overrides { skip(event, "an occurrence of \(label), which was not imported") }
            return
        case .success(let t): timing = t
        }
        let (occurrences, ruleNotes) = RecurrenceSet.occurrences(of: master, start: timing.start, through: window.end, times: &times)
        for text in ruleNotes + timing.notes { note(master, text, label: label) }
        // The overrides by the instant of their RECURRENCE-ID; those with RANGE=THISANDFUTURE also
        // move (by how far they move their own) and change every later occurrence.
        var replaced: [Instant: ICalendarParser.Component] = [:]
        var futures: [(rid: Instant, event: ICalendarParser.Component, shift: Int64, minutes: Int)] = []
        for event in overrides {
            guard let rid = event.first("RECURRENCE-ID"), let value = ICalendarParser.time(rid.value),
                  let reading = times.read(value, tzid: rid.parameter("TZID"), what: "RECURRENCE-ID", shiftingGaps: true).success else {
                skip(event, "a RECURRENCE-ID Dais cannot read")
                continue
            }
            if let earlier = replaced[reading.instant] {
                skip(event, "the same occurrence as the event at line \(earlier.line) (UID and RECURRENCE-ID); only the first was imported")
                continue
            }
            replaced[reading.instant] = event
            if rid.parameter("RANGE")?.uppercased() == "THISANDFUTURE", let own = ICSImport.timing(event, times: &times).success {
                futures.append((reading.instant, event, own.start.instant.secondsSinceEpoch - reading.instant.secondsSinceEpoch, own.minutes))
            }
        }
        futures.sort { $0.rid < $1.rid }
        let title = master.first("CATEGORIES").flatMap { $0.value.split(separator: ",").first.map { ICalendarParser.unescape(String($0)).trimmingSpaces } }?.nonEmpty
            ?? master.first("SUMMARY")?.text.trimmingSpaces.nonEmpty ?? "Recurring event"
        var made = 0, cut = 0
        var seriesID: SeriesID?
        func add(_ event: ICalendarParser.Component, key: String, timing: Timing, date: LocalDate) {
            guard made < ICSImport.occurrenceLimit else {
                cut += 1
                return
            }
            if case .failure(let problem) = resolveSlot(start: timing.start.local, zone: timing.start.zone, minutes: timing.minutes) {
                return note(event, "the occurrence on \(date) was left out: \(problem)")
            }
            if seriesID == nil { seriesID = series(id: nil, name: title) }
            makePanel(event, label: "\(ICSImport.label(event)) on \(date)", key: key, timing: timing, series: seriesID, noting: false)
            made += 1
        }
        func addOverride(_ event: ICalendarParser.Component, key: String) {
            switch ICSImport.timing(event, times: &times) {
            case .failure(let problem):
                skip(event, problem.reason)
            case .success(let own):
                if own.start.instant >= window.start && own.start.instant < window.end {
                    for text in own.notes { note(event, text) }
                    add(event, key: key, timing: own, date: own.start.local.date)
                }
            }
        }
        var occurrenceIDs = Set<Instant>()
        for occurrence in occurrences {
            occurrenceIDs.insert(occurrence.recurrenceID)
            let key = ICSImport.occurrenceKey(uid: uid, recurrenceID: occurrence.recurrenceID)
            if let event = replaced[occurrence.recurrenceID] {
                addOverride(event, key: key)
            } else if let future = futures.last(where: { $0.rid < occurrence.recurrenceID }) {
                let zone = occurrence.start.zone
                let instant = occurrence.start.instant.adding(seconds: future.shift)
                if instant >= window.start && instant < window.end {
                    add(future.event, key: key, timing: Timing(start: CalendarTimes.Reading(zone: zone, local: zone.local(at: instant), instant: instant),
                                                               minutes: future.minutes), date: zone.local(at: instant).date)
                }
            } else if occurrence.start.instant >= window.start && occurrence.start.instant < window.end {
                add(master, key: key, timing: Timing(start: occurrence.start, minutes: occurrence.minutes ?? timing.minutes), date: occurrence.start.local.date)
            }
        }
        // Overrides of occurrences the rules do not make are occurrences too (RFC 5545, 3.8.4.4).
        for (instant, event) in replaced.sorted(by: { $0.key < $1.key }) where !occurrenceIDs.contains(instant) {
            addOverride(event, key: ICSImport.occurrenceKey(uid: uid, recurrenceID: instant))
        }
        if cut > 0, let uid = ICSImport.uid(master) { plan.capped.insert(uid) }
        if cut > 0 { note(master, "\(cut) more occurrences in the window were left out: at most \(ICSImport.occurrenceLimit) panels are made of one recurring event", label: label) }
        if made == 0 { note(master, "a recurring event with no occurrence from \(window.from) to \(window.to); nothing imported (--from and --to choose other dates)", label: label) }
    }

    /// The panel an event describes, keyed by `key` (the panel's `uid`, or the panel a Dais UID
    /// names), added, updated or found unchanged. A second event with a key already met in this
    /// file is skipped.
    mutating func makePanel(_ event: ICalendarParser.Component, label: String, key: String, timing: Timing, series seriesID: SeriesID?, noting: Bool = true) {
        if let line = keysSeen[key] {
            return skip(event, "the same UID as the event at line \(line) (and no other RECURRENCE-ID); only the first was imported", label: label)
        }
        keysSeen[key] = event.line
        if noting { for text in timing.notes { note(event, text, label: label) } }
        let local = timing.start.local, zone = timing.start.zone
        let uidID = key.hasSuffix("@dais") ? PanelID(String(key.dropLast(5))) : nil
        let existing = existingPanel(uid: key, uidID: uidID)
        let status: PanelStatus
        switch event.first("STATUS")?.value.uppercased() {
        case "TENTATIVE"?: status = .draft
        case "CANCELLED"?: status = .cancelled
        default: status = .scheduled
        }
        let summary = event.first("SUMMARY")?.text.trimmingSpaces ?? ""
        let title = summary.isEmpty ? "Untitled event" : summary
        var panel = existing ?? Panel(id: newPanelID(uidID: uidID, daisID: event.first("X-DAIS-ID")?.text, date: local.date, title: title),
                                      title: title, start: local, zone: zone.identifier)
        panel.title = title
        panel.start = local
        panel.zone = zone.identifier
        panel.durationMinutes = timing.minutes
        panel.status = status
        if !key.hasSuffix("@dais") { panel.uid = key }
        if existing == nil { panel.revision = ICSImport.revision(of: event) }

        if event.first("X-DAIS-ID") != nil {
            applyDaisProperties(event, to: &panel)
        } else {
            applyPlainProperties(event, to: &panel)
        }
        if let seriesID { panel.series = seriesID }

        if let old = existing {
            if old == panel { plan.unchanged.append(panel.id) } else { plan.updated.append((old, panel)) }
        } else {
            plan.added.append(panel)
        }
        catalog.panels[panel.id] = panel  // so that a later event of the file cannot take its id
        if let uid = panel.uid { panelsByUID[uid] = panel.id }
    }
}
