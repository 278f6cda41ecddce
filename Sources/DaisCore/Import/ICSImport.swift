/// `dais import FILE.ics`: VEVENTs become panels. Works out the whole change first (a plan), so that
/// `--dry-run` can show it and a failing import changes nothing.
///
/// - Times: TZID mapped to IANA zones (IANA, Windows and Outlook names), UTC times read in the
///   calendar's X-WR-TIMEZONE when it has one, floating times in that zone or the store's first
///   display zone.
/// - People: ATTENDEEs with ROLE=CHAIR are moderators, other participants panelists; matched to the
///   directory by e-mail, then by folded name; new ones are created. Files exported by Dais carry
///   X-DAIS- properties and come back exactly (ids, roles, titles, series, host, co-sponsors, links).
/// - Re-importing updates the panel with the same UID (a Dais UID is "<panel id>@dais").
/// - Not imported, each with its reason: all-day events, recurring events, events without a start,
///   unknown time zones, local times that do not exist, events that end before they start.
public struct ICSImport: Sendable {
    /// What the import would do.
    public struct Plan: Sendable {
        public internal(set) var added: [Panel] = []
        public internal(set) var updated: [(old: Panel, new: Panel)] = []
        public internal(set) var unchanged: [PanelID] = []
        public internal(set) var skipped: [(event: String, reason: String)] = []
        public internal(set) var notes: [String] = []
        public internal(set) var newPeople: [Person] = []
        public internal(set) var newOrganizations: [Organization] = []
        public internal(set) var newSeries: [Series] = []
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
            for (event, reason) in skipped { lines.append("skipped        \(DisplayText.inert(event)): \(reason)") }
            for note in notes { lines.append("note           \(DisplayText.inert(note))") }
            lines.append("\(added.count) added, \(updated.count) updated, \(unchanged.count) unchanged, \(skipped.count) skipped")
            return lines.joined(separator: "\n") + "\n"
        }
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

    /// Plans the import of a file's bytes into a catalog.
    ///
    /// Each event is imported as soon as the parser has read it (a large file is never held whole as
    /// components), in the calendar's zone as read so far: calendar properties come before the
    /// events (RFC 5545, 3.6). A file whose X-WR-TIMEZONE comes after some of its events is planned
    /// again from the whole parse, so the result is the same either way.
    public static func plan(_ bytes: [UInt8], path: String, into catalog: Catalog) throws(Failure) -> Plan {
        var importer = ICSImport(catalog: catalog)
        var zoneUsed: [Int: String?] = [:]  // the X-WR-TIMEZONE each calendar's events were read in, by its line
        var consistent = true
        var zones: (line: Int, text: String?, zone: Zone?) = (-1, nil, nil)
        let components: [ICalendarParser.Component]
        do {
            components = try ICalendarParser.parse(bytes) { event, calendar in
                let text = calendar.first("X-WR-TIMEZONE")?.text
                if zones.line != calendar.line || zones.text != text {
                    zones = (calendar.line, text, text.flatMap(CalendarZones.zone(forTZID:)))
                }
                if let used = zoneUsed[calendar.line], used != text { consistent = false }
                zoneUsed[calendar.line] = text
                importer.importEvent(event, calendarZone: zones.zone)
            }
        } catch {
            throw .notCalendar(path: path, error)
        }
        for calendar in components where calendar.name == "VCALENDAR" {
            if let used = zoneUsed[calendar.line], used != calendar.first("X-WR-TIMEZONE")?.text { consistent = false }
        }
        if consistent { return importer.finished }
        return try wholePlan(bytes, path: path, into: catalog)
    }

    /// The plan from the whole file parsed first (each calendar's events read in its X-WR-TIMEZONE,
    /// wherever in the calendar it stands).
    static func wholePlan(_ bytes: [UInt8], path: String, into catalog: Catalog) throws(Failure) -> Plan {
        let components: [ICalendarParser.Component]
        do {
            components = try ICalendarParser.parse(bytes)
        } catch {
            throw .notCalendar(path: path, error)
        }
        var importer = ICSImport(catalog: catalog)
        for calendar in components where calendar.name == "VCALENDAR" {
            let defaultZone = calendar.first("X-WR-TIMEZONE").flatMap { CalendarZones.zone(forTZID: $0.text) }
            for event in calendar.components where event.name == "VEVENT" {
                importer.importEvent(event, calendarZone: defaultZone)
            }
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

    mutating func importEvent(_ event: ICalendarParser.Component, calendarZone: Zone?) {
        let summary = event.first("SUMMARY")?.text.trimmingSpaces ?? ""
        let label = summary.isEmpty ? "event at line \(event.line)" : "'\(summary)' (line \(event.line))"
        func skip(_ reason: String) { plan.skipped.append((label, reason)) }

        if event.first("RRULE") != nil || event.first("RDATE") != nil {
            return skip("a recurring event; Dais panels happen once (expand the series in your calendar first)")
        }
        guard let dtstart = event.first("DTSTART"), let startValue = ICalendarParser.time(dtstart.value) else {
            return skip(event.first("DTSTART") == nil ? "no start time (DTSTART)" : "a start time Dais cannot read: \(event.first("DTSTART")!.value)")
        }
        if case .date = startValue { return skip("an all-day event; panels need a start time") }
        if dtstart.parameter("VALUE") == "DATE" { return skip("an all-day event; panels need a start time") }

        // Zone and local start.
        var zone: Zone
        var local: LocalDateTime
        switch startValue {
        case .local(let l):
            if let tzid = dtstart.parameter("TZID") {
                guard let z = CalendarZones.zone(forTZID: tzid) else { return skip("unknown time zone \"\(tzid)\"") }
                zone = z
            } else {
                zone = calendarZone ?? catalog.settings.displayZones.compactMap(Zone.named).first ?? .utc
                plan.notes.append("\(label): no time zone given; read as \(zone.identifier)")
            }
            local = l
        case .utc(let instant):
            zone = calendarZone ?? .utc
            local = zone.local(at: instant)
        case .date:
            return
        }
        let startInstant: Instant
        switch zone.resolve(local) {
        case .nonexistent(let gap): return skip("\(local.date) \(local.timeText) does not exist in \(zone.identifier): \(gap.explanation)")
        case .ambiguous(let first, _):
            startInstant = first
            plan.notes.append("\(label): \(local.timeText) occurs twice on \(local.date) in \(zone.identifier); the first is used")
        case .unique(let i): startInstant = i
        }

        // Duration from DTEND or DURATION (60 minutes when neither is given).
        var minutes = 60
        if let dtend = event.first("DTEND"), let endValue = ICalendarParser.time(dtend.value) {
            let endInstant: Instant?
            switch endValue {
            case .utc(let i): endInstant = i
            case .local(let l):
                let endZone = dtend.parameter("TZID").flatMap { CalendarZones.zone(forTZID: $0) } ?? zone
                endInstant = endZone.resolve(l).instant
            case .date: endInstant = nil
            }
            guard let endInstant else { return skip("an end time Dais cannot read: \(dtend.value)") }
            minutes = startInstant.minutes(until: endInstant)
            guard minutes > 0 else { return skip("it ends before it starts") }
        } else if let duration = event.first("DURATION") {
            guard let m = ICalendarParser.durationMinutes(duration.value), m > 0 else { return skip("a duration Dais cannot read: \(duration.value)") }
            minutes = m
        } else {
            plan.notes.append("\(label): no end time; 60 minutes assumed")
        }

        // Which panel: same UID, or the Dais id the UID or X-DAIS-ID names.
        let uid = event.first("UID")?.text.trimmingSpaces ?? ""
        let uidID = uid.hasSuffix("@dais") ? PanelID(String(uid.dropLast(5))) : nil
        let existing = existingPanel(uid: uid, uidID: uidID)
        let status: PanelStatus
        switch event.first("STATUS")?.value.uppercased() {
        case "TENTATIVE"?: status = .draft
        case "CANCELLED"?: status = .cancelled
        default: status = .scheduled
        }
        let title = summary.isEmpty ? "Untitled event" : summary
        var panel = existing ?? Panel(id: newPanelID(uidID: uidID, daisID: event.first("X-DAIS-ID")?.text, date: local.date, title: title),
                                      title: title, start: local, zone: zone.identifier)
        panel.title = title
        panel.start = local
        panel.zone = zone.identifier
        panel.durationMinutes = minutes
        panel.status = status
        if !uid.isEmpty && !uid.hasSuffix("@dais") { panel.uid = uid }

        if event.first("X-DAIS-ID") != nil {
            applyDaisProperties(event, to: &panel)
        } else {
            applyPlainProperties(event, to: &panel)
        }

        if let old = existing {
            if old == panel { plan.unchanged.append(panel.id) } else { plan.updated.append((old, panel)) }
        } else {
            plan.added.append(panel)
        }
        catalog.panels[panel.id] = panel  // so that a later event of the file cannot take its id
        if let uid = panel.uid { panelsByUID[uid] = panel.id }
    }

    // MARK: Matching

    /// The panel of the same UID, or the one a Dais UID ("<id>@dais", read as `uidID`) names.
    func existingPanel(uid: String, uidID: PanelID?) -> Panel? {
        if !uid.isEmpty, let id = panelsByUID[uid], let match = catalog.panels[id] { return match }
        if let uidID, let panel = catalog.panels[uidID] { return panel }
        return nil
    }

    /// The id of a new panel (one `existingPanel` did not find): the file's X-DAIS-ID, else the id
    /// its Dais UID names, when valid and free, else a slug of its date and title. The catalog holds
    /// the panels imported so far, so two events of one file never take the same id; `uidID` is
    /// known to be free, since `existingPanel` looked it up.
    func newPanelID(uidID: PanelID?, daisID: String?, date: LocalDate, title: String) -> PanelID {
        if let daisID, Identifier<Never>.problem(with: daisID) == nil {
            let id = PanelID(daisID)
            if id == uidID || catalog.panels[id] == nil { return id }
        }
        if let uidID, Identifier<Never>.problem(with: uidID.rawValue) == nil { return uidID }
        return Slug.panelID(date: date, title: title, in: catalog)
    }

    /// A person by e-mail, then by folded name; created (and remembered) when new.
    mutating func person(name: String, email: String?, preferredID: String? = nil, title: String? = nil,
                         affiliation: String? = nil, homeZone: String? = nil) -> PersonID {
        if let preferredID, let found = foundByID[preferredID], found.name == name { return found.id }
        let preferred = preferredID.map { PersonID($0) }
        let lowercasedEmail = email?.lowercased()
        let existing = preferred.flatMap { catalog.people[$0] }
        if let existing, let preferredID {
            let sameName = existing.name == name
            if sameName || NameFolding.personKey(existing.name) == NameFolding.personKey(name)
                || (lowercasedEmail != nil && existing.email?.lowercased() == lowercasedEmail) {
                claimedBy[existing.id] = existing.id
                if sameName { foundByID[preferredID] = (existing.id, existing.name) }
                return existing.id
            }
        }
        // A match by e-mail or name stands unless another id of the same file already took that
        // person: two ids in one Dais file are two people, even when their names fold alike.
        func free(_ id: PersonID) -> Bool {
            guard let preferred else { return true }
            if let owner = claimedBy[id], owner != preferred { return false }
            claimedBy[id] = preferred
            return true
        }
        if let lowercasedEmail, let id = peopleByEmail[lowercasedEmail], free(id) { return id }
        let key = NameFolding.personKey(name)
        if !key.isEmpty, let id = peopleByKey[key], free(id) { return id }
        // The file's id when it is valid and free, else a slug of the name.
        let id = if let preferred, existing == nil, Identifier<Never>.problem(with: preferred.rawValue) == nil { preferred } else {
            Slug.personID(name: name.isEmpty ? (email ?? "person") : name, in: catalog)
        }
        let person = Person(id: id, name: name.isEmpty ? (email ?? id.rawValue) : name, title: title, affiliation: affiliation,
                            email: email, homeZone: homeZone.flatMap { Zone.named($0) != nil ? $0 : nil })
        catalog.people[id] = person
        plan.newPeople.append(person)
        if let preferred { claimedBy[id] = preferred }
        if let lowercasedEmail { peopleByEmail[lowercasedEmail] = id }
        peopleByKey[key] = id
        return id
    }

    mutating func organization(id: String, name: String) -> OrganizationID {
        if let found = organizationsByID[id] { return found }
        if Identifier<Never>.problem(with: id) == nil, catalog.organizations[OrganizationID(id)] != nil {
            organizationsByID[id] = OrganizationID(id)
            return OrganizationID(id)
        }
        let key = NameFolding.organizationKey(name)
        if let match = organizationsByKey[key] { return match }
        let newID = Identifier<Never>.problem(with: id) == nil ? OrganizationID(id) : Slug.organizationID(name: name, shortName: nil, in: catalog)
        let org = Organization(id: newID, name: name.isEmpty ? id : name)
        catalog.organizations[newID] = org
        organizationsByKey[key] = newID
        plan.newOrganizations.append(org)
        return newID
    }

    mutating func series(id: String?, name: String, host: (id: String, name: String)? = nil) -> SeriesID {
        if let id, let found = seriesByID[id] { return found }
        if let id, Identifier<Never>.problem(with: id) == nil, catalog.series[SeriesID(id)] != nil {
            seriesByID[id] = SeriesID(id)
            return SeriesID(id)
        }
        let key = NameFolding.fold(name)
        if let match = seriesByKey[key] { return match }
        let newID = id.flatMap { Identifier<Never>.problem(with: $0) == nil ? SeriesID($0) : nil } ?? Slug.seriesID(name: name, in: catalog)
        let hostID = host.map { organization(id: $0.id, name: $0.name) }
        let series = Series(id: newID, name: name.isEmpty ? newID.rawValue : name, host: hostID)
        catalog.series[newID] = series
        seriesByKey[key] = newID
        plan.newSeries.append(series)
        return newID
    }

    // MARK: Properties

    /// A file written by Dais: everything comes back exactly.
    mutating func applyDaisProperties(_ event: ICalendarParser.Component, to panel: inout Panel) {
        panel.description = event.first("X-DAIS-DESCRIPTION")?.text
        panel.notes = event.first("X-DAIS-NOTES")?.text
        if let format = event.first("X-DAIS-FORMAT").flatMap({ PanelFormat(rawValue: $0.text) }) { panel.format = format }
        panel.series = event.first("X-DAIS-SERIES").map { p in
            series(id: p.text, name: p.parameter("CN") ?? p.text,
                   host: p.parameter("X-HOST").map { ($0, p.parameter("X-HOST-NAME") ?? $0) })
        }
        panel.host = event.first("X-DAIS-HOST").map { organization(id: $0.text, name: $0.parameter("CN") ?? $0.text) }
        panel.cosponsors = event.all("X-DAIS-COSPONSOR").map { organization(id: $0.text, name: $0.parameter("CN") ?? $0.text) }
        panel.links = event.all("X-DAIS-LINK").map { Link(label: $0.parameter("CN") ?? "Link", url: $0.text) }
        panel.roster = event.all("X-DAIS-PERSON").map { p in
            let id = person(name: p.parameter("CN") ?? p.text, email: p.parameter("X-EMAIL"), preferredID: p.text, title: p.parameter("X-TITLE"),
                            affiliation: p.parameter("X-AFFILIATION"), homeZone: p.parameter("X-HOME-ZONE"))
            return RosterEntry(person: id, role: Role(rawValue: p.parameter("X-ROLE") ?? "") ?? .panelist, title: p.parameter("X-APPEARANCE-TITLE"))
        }
    }

    /// A file from another calendar: description, category as series, URL as link, attendees as roster
    /// (added to what the panel already has; a role is updated, nobody is removed).
    mutating func applyPlainProperties(_ event: ICalendarParser.Component, to panel: inout Panel) {
        if let description = event.first("DESCRIPTION")?.text.nonEmpty { panel.description = description }
        if let category = event.first("CATEGORIES")?.value.split(separator: ",").first.map({ ICalendarParser.unescape(String($0)).trimmingSpaces }),
           !category.isEmpty {
            panel.series = series(id: nil, name: category)
        }
        if let url = event.first("URL")?.text.trimmingSpaces, !url.isEmpty, !panel.links.contains(where: { $0.url == url }) {
            panel.links.append(Link(label: "Link", url: url))
        }
        if let location = event.first("LOCATION")?.text.lowercased(), !location.isEmpty {
            let online = ["online", "zoom", "teams", "webinar", "http", "meet.", "virtual"].contains { location.contains($0) }
            if !online { panel.format = .inPerson }
        }
        for attendee in event.all("ATTENDEE") {
            let role = attendee.parameter("ROLE")?.uppercased()
            if role == "NON-PARTICIPANT" { continue }
            let address = attendee.value.trimmingSpaces
            let email = address.lowercased().hasPrefix("mailto:") ? String(address.dropFirst(7)).trimmingSpaces : nil
            var name = attendee.parameter("CN").map(ICalendarParser.unescape)?.trimmingSpaces ?? email ?? ""
            // "Chen, Melissa" is Melissa Chen.
            let parts = name.split(separator: ",").map { $0.trimmingSpaces }
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !name.contains("@") { name = "\(parts[1]) \(parts[0])" }
            guard !name.isEmpty else { continue }
            let id = person(name: name, email: email?.nonEmpty)
            let newRole: Role = role == "CHAIR" ? .moderator : .panelist
            if let i = panel.roster.firstIndex(where: { $0.person == id }) {
                if panel.roster[i].role != .remarks { panel.roster[i].role = newRole }
            } else {
                panel.roster.append(RosterEntry(person: id, role: newRole))
            }
        }
    }

    /// The fields two versions of a panel differ in.
    static func differences(_ a: Panel, _ b: Panel) -> [String] {
        var d: [String] = []
        if a.title != b.title { d.append("title") }
        if a.start != b.start || a.zone != b.zone { d.append("time") }
        if a.durationMinutes != b.durationMinutes { d.append("duration") }
        if a.status != b.status { d.append("status") }
        if a.description != b.description { d.append("description") }
        if a.roster != b.roster { d.append("roster") }
        if a.series != b.series { d.append("series") }
        if a.host != b.host || a.cosponsors != b.cosponsors { d.append("organizations") }
        if a.links != b.links { d.append("links") }
        if a.format != b.format { d.append("format") }
        if a.notes != b.notes { d.append("notes") }
        if a.uid != b.uid { d.append("uid") }
        return d
    }
}
