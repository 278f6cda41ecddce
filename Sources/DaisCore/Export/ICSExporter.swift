/// The agenda as an iCalendar file (RFC 5545): one VEVENT per panel with a stable UID, times with
/// TZID and one VTIMEZONE per zone (built from the zone's transitions over the exported dates), the
/// roster in DESCRIPTION and as ATTENDEEs, and X-DAIS- properties that let `dais import` restore the
/// panel exactly (other clients ignore them).
///
/// Events are written in parts of a few hundred panels, the parts of a batch in parallel, each into
/// its own reused buffer, and handed on in order: a large export streams to its file in pieces of
/// about a megabyte and never holds the whole file.
public enum ICSExporter {
    public static let productID = "-//Dais//Dais agenda 1.0//EN"

    /// Panels per part: about a megabyte of events.
    static let partSize = 384

    /// The whole file.
    public static func export(_ agenda: Agenda) -> [UInt8] { collectedBytes { write(agenda, to: $0) } }

    /// Writes the file to `sink` in order, in pieces; `sink` is called on this thread only.
    public static func write<E: Error>(_ agenda: Agenda, to sink: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        try write(agenda, cores: Parallel.cores, to: sink)
    }

    /// The same with the events made by `cores` threads (the file does not depend on how many).
    static func write<E: Error>(_ agenda: Agenda, cores: Int, to sink: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        var clock = PhaseClock("export ics")
        let panels = agenda.panels
        // Each panel's time as plain numbers (nil: it cannot be placed and is not exported), in
        // parallel parts, each numbering the zones it meets; the events then read no zone object.
        let parts = Parallel.ranges(panels.count, minimum: 2_048, cores: cores)
        let times = Column<EventTime?>(count: panels.count, repeating: nil)
        let partZones = Column<ZoneNumbers>(count: parts.count, repeating: ZoneNumbers())
        Parallel.run(parts.count, cores: cores) { k in
            var zones = ZoneNumbers()
            for i in parts[k] { times[i] = EventTime(panels[i], &zones) }
            partZones[k] = zones
        }
        // One zone list for the whole file: each part's numbers renumbered into it.
        var zones = ZoneNumbers()
        let renumbered = partZones.array().map { part in part.ids.map { zones.number($0) } }
        for (k, range) in parts.enumerated() {
            for i in range {
                if let t = times[i], t.zone >= 0 { times[i]!.zone = renumbered[k][Int(t.zone)] }
            }
        }
        let slots = times.array()
        clock.lap("panel times")
        var head = ICalendarText(capacity: 65_536)
        head.line("BEGIN", "VCALENDAR")
        head.line("VERSION", "2.0")
        head.line("PRODID", productID)
        head.line("CALSCALE", "GREGORIAN")
        head.line("METHOD", "PUBLISH")
        head.text("X-WR-CALNAME", agenda.title)
        // One VTIMEZONE per zone used (UTC needs none: its times end in Z), over the span its panels take.
        var spans = [(from: Int64, to: Int64)?](repeating: nil, count: zones.all.count)
        for case let t? in slots where t.zone >= 0 {
            let z = Int(t.zone)
            spans[z] = (min(spans[z]?.from ?? t.start, t.start), max(spans[z]?.to ?? t.end, t.end))
        }
        for z in zones.all.indices.sorted(by: { zones.ids[$0] < zones.ids[$1] }) {
            guard let (from, to) = spans[z] else { continue }
            timezone(zones.all[z], from: Instant(secondsSinceEpoch: from), to: Instant(secondsSinceEpoch: to), into: &head)
        }
        try head.withBytes(sink)
        clock.lap("zone list and VTIMEZONEs")
        let context = EventContext(agenda, zones: zones.ids, cores: cores)
        clock.lap("people's, series' and organizations' text")
        try Parallel.stream(panels.count, partSize: partSize, cores: cores, capacity: partSize * 3_200) { (range, out: inout ICalendarText) in
            for i in range {
                guard let time = slots[i] else { continue }  // a panel whose time cannot be placed is not exported
                event(panels[i], time, context, into: &out)
            }
        } deliver: { (piece) throws(E) in try sink(piece) }
        clock.lap("events written")
        var tail = ICalendarText()
        tail.line("END", "VCALENDAR")
        try tail.withBytes(sink)
    }

    /// A panel's time as an event writes it: plain numbers, copied without reference counting.
    struct EventTime: Sendable {
        /// The zone's number in the file's zone list; -1 for UTC (times written with "Z").
        var zone: Int16
        let start: Int64, end: Int64
        let localStart: LocalDateTime, localEnd: LocalDateTime

        /// Nil when the panel's time cannot be placed (as `Panel.slot()` decides).
        init?(_ panel: Panel, _ zones: inout ZoneNumbers) {
            let z = zones.number(panel.zone)
            guard z >= 0, case .success(let slot) = resolveSlot(start: panel.start, zone: zones[z], minutes: panel.durationMinutes) else { return nil }
            (start, end) = (slot.span.start.secondsSinceEpoch, slot.span.end.secondsSinceEpoch)
            if slot.zone.identifier == "UTC" {
                zone = -1
                (localStart, localEnd) = (slot.span.start.utc, slot.span.end.utc)
            } else {
                zone = z
                (localStart, localEnd) = (slot.zone.local(at: slot.span.start), slot.zone.local(at: slot.span.end))
            }
        }
    }

    /// A VTIMEZONE with one observance for the offset in effect at `from` and one for every
    /// transition up to `to`, each named by the project's abbreviations.
    static func timezone(_ zone: Zone, from: Instant, to: Instant, into out: inout ICalendarText) {
        out.line("BEGIN", "VTIMEZONE")
        out.line("TZID", zone.identifier)
        out.line("X-LIC-LOCATION", zone.identifier)
        // Start a year early so that clients showing nearby dates are covered too.
        let start = from.adding(seconds: -366 * 86_400)
        let transitions = zone.transitions(from: start, to: to.adding(seconds: 1))
        let initialOffset = zone.offset(at: start)
        // The observance in effect before the first transition, dated a year before the first panel.
        observance(daylight: zone.isDaylightSaving(at: start), start: LocalDateTime(secondsSinceEpochAsUTC: start.secondsSinceEpoch + Int64(initialOffset)),
                   from: initialOffset, to: initialOffset, name: zone.abbreviation(at: start), into: &out)
        for t in transitions {
            // DTSTART is the wall-clock time of the change in the offset before it.
            let local = LocalDateTime(secondsSinceEpochAsUTC: t.instant.secondsSinceEpoch + Int64(t.offsetBefore))
            observance(daylight: t.isDaylightSavingAfter, start: local, from: t.offsetBefore, to: t.offsetAfter,
                       name: zone.abbreviation(at: t.instant), into: &out)
        }
        out.line("END", "VTIMEZONE")
    }

    static func observance(daylight: Bool, start: LocalDateTime, from: Int, to: Int, name: String, into out: inout ICalendarText) {
        let kind = daylight ? "DAYLIGHT" : "STANDARD"
        out.line("BEGIN", kind)
        out.line("DTSTART", ICalendarText.local(start))
        out.line("TZOFFSETFROM", ICalendarText.offset(from))
        out.line("TZOFFSETTO", ICalendarText.offset(to))
        out.text("TZNAME", name)
        out.line("END", kind)
    }

    /// What every event of one export shares, made once: the stamp line, the zone ids, the
    /// catalog's people, series and organization names by id symbol (`ExportDirectory`), each
    /// person's text (`PeopleText`), and each series' and organization's lines (`GroupText`).
    final class EventContext: Sendable {
        /// "DTSTAMP:...Z" and its line end.
        let stamp: [UInt8]
        /// The zone ids by number (for TZID).
        let zones: [String]
        private let directory: ExportDirectory
        let people: PeopleText
        let groups: GroupText

        init(_ agenda: Agenda, zones: [String], cores: Int) {
            var line = ICalendarText()
            line.line("DTSTAMP", agenda.now.icalUTC)
            stamp = line.bytes
            self.zones = zones
            // The people's text in parallel parts, the directory and the groups' text beside them.
            let catalog = agenda.catalog
            let made = Column<(ExportDirectory, GroupText)?>(count: 1, repeating: nil)
            people = PeopleText(catalog, cores: cores) {
                let directory = ExportDirectory(catalog)
                made[0] = (directory, GroupText(catalog, directory))
            }
            (directory, groups) = made.array()[0]!
        }

        func person(_ id: PersonID) -> Person? { directory.person(id) }
        /// The organization's name, or its id when it names nothing (as `Catalog.name(of:)`).
        func name(of id: OrganizationID) -> String { directory.name(of: id) }
    }

    /// What the events say of each person of the catalog, written once per file, unfolded, into one
    /// buffer and found by id symbol: a person is met at many panels, and copying their bytes takes
    /// no reference count and escapes nothing again. `folded` copies them in as the line's own.
    final class PeopleText: Sendable {
        private let bytes: [UInt8]
        /// By person, where each run starts and ends: ";CN=name"; the
        /// name, then "\\, " and the title line escaped ("title\\, affiliation"), as the description
        /// says them (both empty unless the name, title and affiliation are clean: `description`
        /// then writes them itself); the
        /// X-DAIS-PERSON parameters after the role (";X-TITLE=...;X-HOME-ZONE=...") with ":" and the
        /// id; the ATTENDEE line's end (";PARTSTAT=NEEDS-ACTION:mailto:address"; empty without one).
        private let runs: SymbolRecords<PersonKind, Runs>
        struct Runs {
            var start: Int32 = 0, cn: Int32 = 0, name: Int32 = 0, titleLine: Int32 = 0, person: Int32 = 0, attendee: Int32 = 0
            var clean = false

            /// The same runs `base` bytes further on.
            func shifted(by base: Int32) -> Runs {
                Runs(start: start + base, cn: cn + base, name: name + base, titleLine: titleLine + base, person: person + base,
                     attendee: attendee + base, clean: clean)
            }
        }

        /// Made in parts of `partSize` people (each its own bytes, joined in order), taken in turn by
        /// this thread and another, this one running `alongside` first.
        init(_ catalog: Catalog, cores: Int, partSize: Int = 1_024, alongside: () -> Void = {}) {
            let people = catalog.people
            let count = (people.count + partSize - 1) / partSize
            let ranges = (0..<count).map { k in (k * partSize)..<min(people.count, (k + 1) * partSize) }
            let starts = Parallel.starts(of: people, at: ranges)
            // Each part's buffers reserved here, from this thread's heap: the other thread's heap
            // would be fresh memory, each page of it a fault.
            let parts = Column<(bytes: [UInt8], runs: [(PersonID, Runs)])>(count: count, repeating: ([], []))
            for (k, range) in ranges.enumerated() {
                parts.update(k) { part in
                    part.bytes.reserveCapacity(range.count * 384)
                    part.runs.reserveCapacity(range.count)
                }
            }
            let next = PartCounter()
            let work: @Sendable () -> Void = {
                while case let k = next.take(), k < count {
                    parts.update(k) { part in
                        var at = starts[k]
                        for _ in ranges[k] {
                            let person = people.values[at]
                            part.runs.append((person.id, Self.append(person, to: &part.bytes)))
                            people.formIndex(after: &at)
                        }
                    }
                }
            }
            let helper = cores > 1 && count > 1 ? Pending(work) : nil
            alongside()
            work()
            helper?.wait()
            let made = parts.array()
            var bytes: [UInt8] = []
            bytes.reserveCapacity(made.reduce(0) { $0 + $1.bytes.count })
            var runs = SymbolRecords<PersonKind, Runs>()
            for part in made {
                let base = Int32(bytes.count)
                bytes += part.bytes
                for (id, r) in part.runs { runs.add(id, r.shifted(by: base)) }
            }
            (self.bytes, self.runs) = (bytes, runs)
        }

        /// Adds a person's runs to `bytes`; their offsets are into `bytes`.
        private static func append(_ person: Person, to bytes: inout [UInt8]) -> Runs {
            var r = Runs()
            r.start = Int32(bytes.count)
            ICalendarText.appendParameterField("CN", person.name, to: &bytes)
            r.cn = Int32(bytes.count)
            let (title, affiliation) = (person.title?.nonEmpty, person.affiliation?.nonEmpty)
            r.clean = ICalendarText.isClean(person.name) && (title.map(ICalendarText.isClean) ?? true) && (affiliation.map(ICalendarText.isClean) ?? true)
            if r.clean { bytes += person.name.utf8 }
            r.name = Int32(bytes.count)
            if r.clean, let line = person.titleLine {
                bytes += "\\, ".utf8
                ICalendarText.appendEscaped(line, to: &bytes)
            }
            r.titleLine = Int32(bytes.count)
            if let t = person.title { ICalendarText.appendParameterField("X-TITLE", t, to: &bytes) }
            if let a = person.affiliation { ICalendarText.appendParameterField("X-AFFILIATION", a, to: &bytes) }
            if let e = person.email { ICalendarText.appendParameterField("X-EMAIL", e, to: &bytes) }
            if let z = person.homeZone { ICalendarText.appendParameterField("X-HOME-ZONE", z, to: &bytes) }
            bytes.append(UInt8(ascii: ":"))
            ICalendarText.appendEscaped(person.id.rawValue, to: &bytes)
            r.person = Int32(bytes.count)
            if let email = person.email?.nonEmpty, email.utf8.contains(UInt8(ascii: "@")) {
                ICalendarText.appendParameterField("PARTSTAT", "NEEDS-ACTION", to: &bytes)
                bytes += ":mailto:".utf8
                // The address without spaces or control characters, escaped as the value always was.
                let address = email.utf8.contains(where: { $0 <= 0x20 }) ? String(decoding: email.utf8.filter { $0 > 0x20 }, as: UTF8.self) : email
                ICalendarText.appendEscaped(address, to: &bytes)
            }
            r.attendee = Int32(bytes.count)
            return r
        }

        /// The runs of a person of the catalog, or nil.
        @inline(__always)
        func runs(_ id: PersonID) -> Runs? { runs[id] }

        /// Copies bytes `from..<to` into a text, folded.
        @inline(__always)
        func copy(_ from: Int32, _ to: Int32, into out: inout ICalendarText) {
            guard to > from else { return }
            bytes.withUnsafeBufferPointer { out.folded(UnsafeBufferPointer(rebasing: $0[Int(from)..<Int(to)])) }
        }
    }

    /// What the events say of each series and organization of the catalog, written once per file
    /// into one buffer and found by id symbol: whole content lines, folded (they begin their lines
    /// and hold nothing of the panel), and an organization's name as the description says it.
    final class GroupText: Sendable {
        private let bytes: [UInt8]
        /// By series: its CATEGORIES line, then its X-DAIS-SERIES line; and its host.
        private let series: SymbolRecords<SeriesKind, (start: Int32, categories: Int32, end: Int32, host: OrganizationID?)>
        /// By organization: its X-DAIS-HOST line, its X-DAIS-COSPONSOR line, then its name when it
        /// is clean (else nothing: `description` escapes it where it is met).
        private let organizations: SymbolRecords<OrganizationKind, (start: Int32, host: Int32, cosponsor: Int32, end: Int32)>

        init(_ catalog: Catalog, _ directory: ExportDirectory) {
            var text = ICalendarText()
            func offset() -> Int32 { Int32(text.withBytes { $0.count }) }
            var series = SymbolRecords<SeriesKind, (start: Int32, categories: Int32, end: Int32, host: OrganizationID?)>()
            for s in catalog.series.values {
                let start = offset()
                text.text("CATEGORIES", s.name)
                let categories = offset()
                text.begin("X-DAIS-SERIES")
                text.parameter("CN", s.name)
                if let host = s.host {
                    text.parameter("X-HOST", host.rawValue)
                    text.parameter("X-HOST-NAME", directory.name(of: host))
                }
                text.escaped(s.id.rawValue)
                text.end()
                series.add(s.id, (start, categories, offset(), s.host))
            }
            var organizations = SymbolRecords<OrganizationKind, (start: Int32, host: Int32, cosponsor: Int32, end: Int32)>()
            for org in catalog.organizations.values {
                let start = offset()
                referenceLine("X-DAIS-HOST", name: org.name, id: org.id.rawValue, into: &text)
                let host = offset()
                referenceLine("X-DAIS-COSPONSOR", name: org.name, id: org.id.rawValue, into: &text)
                let cosponsor = offset()
                var name = org.name
                if ICalendarText.isClean(name) { name.withUTF8 { text.appendLines($0) } }
                organizations.add(org.id, (start, host, cosponsor, offset()))
            }
            bytes = text.bytes
            (self.series, self.organizations) = (series, organizations)
        }

        private func copyLines(_ from: Int32, _ to: Int32, into out: inout ICalendarText) {
            bytes.withUnsafeBufferPointer { out.appendLines(UnsafeBufferPointer(rebasing: $0[Int(from)..<Int(to)])) }
        }

        /// The series' CATEGORIES line; false when no series has the id.
        func categories(_ id: SeriesID, into out: inout ICalendarText) -> Bool {
            guard let s = series[id] else { return false }
            copyLines(s.start, s.categories, into: &out)
            return true
        }

        /// The series' X-DAIS-SERIES line; false when no series has the id.
        func seriesLine(_ id: SeriesID, into out: inout ICalendarText) -> Bool {
            guard let s = series[id] else { return false }
            copyLines(s.categories, s.end, into: &out)
            return true
        }

        /// The host of the series (nil: none, or no series has the id).
        func host(of id: SeriesID) -> OrganizationID? { series[id]?.host ?? nil }

        /// The organization's X-DAIS-HOST (or, `cosponsor`, X-DAIS-COSPONSOR) line; false when no
        /// organization has the id.
        func line(_ id: OrganizationID, cosponsor: Bool, into out: inout ICalendarText) -> Bool {
            guard let o = organizations[id] else { return false }
            if cosponsor { copyLines(o.host, o.cosponsor, into: &out) } else { copyLines(o.start, o.host, into: &out) }
            return true
        }

        /// The organization's name as a clean piece of a TEXT value; false when it is not clean or no
        /// organization has the id.
        func namePiece(_ id: OrganizationID, into out: inout ICalendarText) -> Bool {
            guard let o = organizations[id], o.end > o.cosponsor else { return false }
            bytes.withUnsafeBufferPointer { out.folded(UnsafeBufferPointer(rebasing: $0[Int(o.cosponsor)..<Int(o.end)])) }
            return true
        }
    }

    /// "X-DAIS-HOST;CN=name:id" and its like: a line naming a record by its name and id.
    static func referenceLine(_ property: String, name: String, id: String, into out: inout ICalendarText) {
        out.begin(property)
        out.parameter("CN", name)
        out.escaped(id)
        out.end()
    }

    static func event(_ panel: Panel, _ time: EventTime, _ context: EventContext, into out: inout ICalendarText) {
        let roster = panel.roster
        let groups = context.groups
        out.line("BEGIN", "VEVENT")
        out.text("UID", panel.calendarUID)
        out.appendLines(context.stamp)
        if time.zone < 0 {
            out.begin("DTSTART")
            out.local(time.localStart, utc: true)
            out.end()
            out.begin("DTEND")
            out.local(time.localEnd, utc: true)
            out.end()
        } else {
            let zone = context.zones[Int(time.zone)]
            out.begin("DTSTART")
            out.parameter("TZID", zone)
            out.local(time.localStart)
            out.end()
            out.begin("DTEND")
            out.parameter("TZID", zone)
            out.local(time.localEnd)
            out.end()
        }
        out.text("SUMMARY", panel.title)
        out.begin("DESCRIPTION")
        out.startPieces()
        description(panel, roster, context, into: &out)
        out.end()
        out.line("STATUS", panel.status == .draft ? "TENTATIVE" : panel.status == .cancelled ? "CANCELLED" : "CONFIRMED")
        if let id = panel.series, !groups.categories(id, into: &out) { out.text("CATEGORIES", id.rawValue) }
        if let url = panel.links.first?.url, url.utf8.contains(UInt8(ascii: ":")), !url.utf8.contains(where: { $0 <= 0x20 }) {
            out.begin("URL")
            out.parameter("VALUE", "URI")
            out.escaped(url)
            out.end()
        }
        out.text("LOCATION", panel.format == .inPerson ? "In person" : "Online (\(panel.format.label))")
        let people = context.people
        for entry in roster {
            // People with an address to invite: ATTENDEE;CN=...;ROLE=...;PARTSTAT=NEEDS-ACTION:mailto:...
            guard let r = people.runs(entry.person), r.attendee > r.person else { continue }
            out.begin("ATTENDEE")
            people.copy(r.start, r.cn, into: &out)
            out.parameter("ROLE", entry.role == .moderator ? "CHAIR" : "REQ-PARTICIPANT")
            people.copy(r.person, r.attendee, into: &out)
            out.end()
        }
        // Exact data for `dais import`.
        out.text("X-DAIS-ID", panel.id.rawValue)
        out.text("X-DAIS-FORMAT", panel.format.rawValue)
        if let description = panel.description { out.text("X-DAIS-DESCRIPTION", description) }
        if let notes = panel.notes { out.text("X-DAIS-NOTES", notes) }
        // The lines of the series and organizations the catalog has were written once (`GroupText`);
        // an id that names nothing is written here, with the id for its name.
        if let id = panel.series, !groups.seriesLine(id, into: &out) { referenceLine("X-DAIS-SERIES", name: id.rawValue, id: id.rawValue, into: &out) }
        if let host = panel.host, !groups.line(host, cosponsor: false, into: &out) { referenceLine("X-DAIS-HOST", name: host.rawValue, id: host.rawValue, into: &out) }
        for org in panel.cosponsors where !groups.line(org, cosponsor: true, into: &out) {
            referenceLine("X-DAIS-COSPONSOR", name: org.rawValue, id: org.rawValue, into: &out)
        }
        for entry in roster {
            // X-DAIS-PERSON;CN=...;X-ROLE=...[;X-APPEARANCE-TITLE=...][;X-TITLE=...;X-AFFILIATION=...;X-EMAIL=...;X-HOME-ZONE=...]:id
            out.begin("X-DAIS-PERSON")
            let r = people.runs(entry.person)
            if let r { people.copy(r.start, r.cn, into: &out) } else { out.parameter("CN", entry.person.rawValue) }
            out.parameter("X-ROLE", entry.role.rawValue)
            if let title = entry.title { out.parameter("X-APPEARANCE-TITLE", title) }
            if let r { people.copy(r.titleLine, r.person, into: &out) } else { out.escaped(entry.person.rawValue) }
            out.end()
        }
        for link in panel.links {
            out.begin("X-DAIS-LINK")
            out.parameter("CN", link.label)
            out.escaped(link.url)
            out.end()
        }
        out.line("END", "VEVENT")
    }

    /// `Role.label`, as the static text `plainPiece` takes.
    static func label(_ role: Role) -> StaticString {
        switch role {
        case .moderator: return "Moderator"
        case .panelist: return "Panelist"
        case .remarks: return "Remarks"
        }
    }

    /// The description, then the roster with roles and titles, then host and co-sponsors, then links,
    /// parted by blank lines: written into the value piece by piece, as one escaped string would be.
    static func description(_ panel: Panel, _ roster: [RosterEntry], _ context: EventContext,
                            into out: inout ICalendarText) {
        var parted = false
        func part() {
            if parted { out.escapedPiece("\n\n") }
            parted = true
        }
        if let d = panel.description?.nonEmpty {
            part()
            out.escapedPiece(d)
        }
        part()
        var line = false
        let people = context.people
        for role in Role.allCases {
            var any = false
            for entry in roster where entry.role == role {
                any = true
                if line { out.escapedPiece("\n") }
                line = true
                out.plainPiece(label(role))
                out.plainPiece(": ")
                let own = entry.title?.nonEmpty
                if let r = people.runs(entry.person), r.clean {
                    // The name, then the entry's own title, else the person's title line, as written once.
                    people.copy(r.cn, r.name, into: &out)
                    if let own {
                        out.plainPiece("\\, ")
                        out.escapedPiece(own)
                    } else {
                        people.copy(r.name, r.titleLine, into: &out)
                    }
                    continue
                }
                let person = context.person(entry.person)
                out.escapedPiece(person?.name ?? entry.person.rawValue)
                // The entry's own title, else the person's title line (as `Catalog.titleLine(for:)`).
                if let line = own ?? person?.titleLine {
                    out.plainPiece("\\, ")
                    out.escapedPiece(line)
                }
            }
            if !any && role != .remarks {
                if line { out.escapedPiece("\n") }
                line = true
                out.plainPiece(label(role))
                out.plainPiece(": TBA")
            }
        }
        // The hosting sentence, worded by `AgendaDocument.hosting` (its commas escaped as TEXT).
        let groups = context.groups
        /// An organization's name: copied when clean, else escaped here.
        func name(_ id: OrganizationID) {
            if !groups.namePiece(id, into: &out) { out.escapedPiece(context.name(of: id)) }
        }
        let host = panel.host ?? panel.series.flatMap(groups.host(of:))
        if host != nil || !panel.cosponsors.isEmpty {
            part()
            _ = AgendaDocument.hosting(host: host, sponsors: panel.cosponsors, word: { word in
                switch word {
                case .comma: out.plainPiece("\\, ")
                case .commaAnd: out.plainPiece("\\, and ")
                default: out.plainPiece(word.text)
                }
            }, name: name)
        }
        if !panel.links.isEmpty {
            part()
            for (k, link) in panel.links.enumerated() {
                if k > 0 { out.escapedPiece("\n") }
                out.escapedPiece(link.label)
                out.plainPiece(": ")
                out.escapedPiece(link.url)
            }
        }
    }
}
