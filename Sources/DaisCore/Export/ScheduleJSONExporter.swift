/// The agenda as the "schedule.json" that frab and pretalx export and conference apps read (valid
/// against the c3voc schema): one conference, the series as tracks, "Online" (or "In person") as
/// rooms, one day per date that has panels, persons with their roles.
///
/// Days and times are read in the agenda's first zone (the conference's time zone).
public enum ScheduleJSONExporter {
    public static func export(_ agenda: Agenda) -> String { String(decoding: bytes(agenda), as: UTF8.self) }

    /// The file's bytes.
    static func bytes(_ agenda: Agenda, cores: Int = Parallel.cores) -> [UInt8] { collectedBytes { write(agenda, cores: cores, to: $0) } }

    /// Days per part: about a megabyte of events.
    static let partSize = 16

    /// Hands the file to `sink` in pieces, in order, on this thread: what comes before the days, the
    /// days written in parallel parts as they are done (`JSONWriter.array(streaming:)`), the rest.
    /// Once `sink` has failed it is not called again, and its error is thrown.
    public static func write<E: Error>(_ agenda: Agenda, to sink: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        try write(agenda, cores: Parallel.cores, to: sink)
    }

    /// The same with the days written by `cores` threads (the file does not depend on how many).
    static func write<E: Error>(_ agenda: Agenda, cores: Int, to sink: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        try ChunkSink.delivering(to: sink) { chunks in
            var w = writer(agenda, cores: cores, streamingTo: chunks)
            w.send()
        }
    }

    /// The document, its days written in parallel parts and handed to `sink` as they are done (the
    /// writer keeps what comes before and after them); what the events say of each person and
    /// series is written once (`FieldText`).
    static func writer(_ agenda: Agenda, cores: Int, streamingTo sink: ChunkSink) -> JSONWriter {
        var clock = PhaseClock("export schedule-json")
        let zone = conferenceZone(agenda)
        let outline = Outline(agenda, zone: zone, cores: cores)
        let (dates, dayItems, seriesIDs, text) = (outline.days.map(\.date), outline.days, outline.series, outline.text)
        clock.lap("outline: days, series, rooms, people's and series' fields")
        var w = documentWriter()
        w.sink = sink
        w.object { w in
            w.field("$schema") { $0.string("https://c3voc.de/schedule/schema.json") }
            w.field("generator") { w in
                w.object { w in
                    w.field("name") { $0.string("Dais") }
                    w.field("version") { $0.string("1.0") }
                }
            }
            w.field("schedule") { w in
                w.object { w in
                    w.field("conference") { w in
                        w.object { w in
                            w.field("acronym") { $0.string(acronym(agenda.title)) }
                            w.field("days") { w in
                                w.array(streaming: dayItems, partSize: partSize, cores: cores) { w, item in day(item, zone, agenda, text, &w) }
                            }
                            clock.lap("days written")
                            w.field("daysCount") { $0.integer(dates.count) }
                            if seriesIDs.count == 1, let d = seriesIDs[0].description { w.field("description") { $0.string(d) } }
                            w.field("end") { $0.string((dates.last ?? LocalDate(year: 1970, month: 1, day: 1)!).description) }
                            w.field("rooms") { w in
                                w.array(outline.rooms) { w, room in
                                    w.object { w in
                                        w.field("guid") { $0.string(UUID5.url("dais:room:\(room)")) }
                                        w.field("name") { $0.string(room) }
                                        w.field("type") { $0.string(room == "Online" ? "online" : "other") }
                                    }
                                }
                            }
                            w.field("start") { $0.string((dates.first ?? LocalDate(year: 1970, month: 1, day: 1)!).description) }
                            w.field("time_zone_name") { $0.string(zone.identifier) }
                            w.field("timeslot_duration") { $0.string("00:15") }
                            w.field("title") { $0.string(agenda.title) }
                            w.field("tracks") { w in
                                w.array(seriesIDs) { w, series in
                                    w.object { w in
                                        w.field("name") { $0.string(series.name) }
                                        w.field("slug") { $0.string(slug(series.id.rawValue)) }
                                    }
                                }
                            }
                        }
                    }
                    w.field("version") { $0.string("\(agenda.now.utc.date) \(agenda.now.utc.timeText)") }
                }
            }
        }
        w.newline()
        return w
    }

    /// What the document is made of, found in one pass over the agenda's panels in parallel parts:
    /// the days (each panel that has a time, under its date in the conference's zone, in the
    /// agenda's order), the series in the order of their first panels, the rooms, and the fields of
    /// each person on a roster and each series (`FieldText`, the people's in parallel). The parts
    /// read each panel once; before, five passes one after the other (placing the panels, a
    /// dictionary of days, grouping by series for the series' order, a dictionary of GUIDs, the
    /// rooms) took 170 ms of a 100,000-panel export.
    struct Outline {
        let days: [Day]
        let series: [Series]
        let rooms: [String]
        let text: FieldText

        /// What one part found besides each panel's slot and date: the series and the people it met
        /// first, in order, and which rooms its timed panels are in.
        private struct Part: Sendable {
            var series: [SeriesID] = []
            var people: [PersonID] = []
            var rooms: [String] = []
        }

        /// `minimum`: the fewest panels worth a part of their own.
        init(_ agenda: Agenda, zone: Zone, cores: Int, minimum: Int = 4_096) {
            let panels = agenda.panels
            let bound = Identifier<Never>.symbolBound
            let ranges = Parallel.ranges(panels.count, minimum: minimum, cores: cores)
            let slots = Column<Slot?>(count: panels.count, repeating: nil)
            let dates = Column<LocalDate?>(count: panels.count, repeating: nil)
            let found = Column<Part>(count: ranges.count, repeating: Part())
            Parallel.run(ranges.count, cores: cores) { k in
                var part = Part()
                var seenSeries = SymbolSet(bound: bound), seenPeople = SymbolSet(bound: bound)
                panels.forEachAhead(in: ranges[k]) { i in
                    let panel = panels[i]
                    if case .success(let slot) = panel.slot() {
                        slots[i] = slot
                        dates[i] = zone.local(at: slot.span.start).date
                        let room = roomName(panel)
                        if !part.rooms.contains(room) { part.rooms.append(room) }
                    }
                    if let id = panel.series, seenSeries.insert(id.symbol) { part.series.append(id) }
                    for entry in panel.roster where seenPeople.insert(entry.person.symbol) { part.people.append(entry.person) }
                }
                found[k] = part
            }
            let parts = found.array()
            // The parts' firsts in order, each once.
            var seenSeries = SymbolSet(bound: bound), seenPeople = SymbolSet(bound: bound)
            var seriesIDs: [SeriesID] = [], people: [PersonID] = []
            for part in parts {
                for id in part.series where seenSeries.insert(id.symbol) { seriesIDs.append(id) }
                for id in part.people where seenPeople.insert(id.symbol) { people.append(id) }
            }
            let catalog = agenda.catalog
            series = seriesIDs.compactMap { catalog.series[$0] }
            rooms = Set(parts.flatMap(\.rooms)).sorted()
            // Days: the timed panels by date, each day's in the agenda's order.
            let (slotList, dateList) = (slots.array(), dates.array())
            var order = dateList.indices.filter { dateList[$0] != nil }
            order.sort { a, b in dateList[a]! != dateList[b]! ? dateList[a]! < dateList[b]! : a < b }
            var days: [Day] = []
            var start = 0
            while start < order.count {
                let date = dateList[order[start]]!
                var end = start + 1
                while end < order.count && dateList[order[end]]! == date { end += 1 }
                days.append(Day(index: days.count + 1, date: date, events: order[start..<end].map { (panels[$0], slotList[$0]!) }))
                start = end
            }
            self.days = days
            text = FieldText(catalog, people: people, series: seriesIDs, cores: cores)
        }
    }

    /// The writer of the document and of the pieces copied into it.
    static func documentWriter() -> JSONWriter { JSONWriter(escapesTerminalControls: true) }

    /// What the events say of each person on a roster and each series, written once per file as
    /// whole fields (`"name": "..."`, `JSONWriter.member`) into one buffer and found by id symbol:
    /// most of an event's fields are its people's, each met at many panels. Before, each roster
    /// entry looked its person up, made its code and escaped its name and title line again.
    final class FieldText: Sendable {
        private let catalog: Catalog
        private let bytes: [UInt8]
        /// By person: where the "biography" field (the person's title line; empty without one) starts
        /// and ends, and where the "code", "guid" and "name" fields end (each begins where the one
        /// before ends).
        private let people: SymbolRecords<PersonKind, (start: Int32, biography: Int32, code: Int32, guid: Int32, name: Int32)>
        /// By series: where its "track" field starts and ends.
        private let tracks: SymbolRecords<SeriesKind, (start: Int32, end: Int32)>

        /// The fields of `people` and `series` (ids that name nothing too: a name is then the id);
        /// the people's are written in parallel parts (a GUID is a SHA-1).
        init(_ catalog: Catalog, people ids: [PersonID], series: [SeriesID], cores: Int = Parallel.cores) {
            typealias Ends = (start: Int32, biography: Int32, code: Int32, guid: Int32, name: Int32)
            let ranges = Parallel.ranges(ids.count, minimum: 256, cores: cores)
            let parts = Column<(bytes: [UInt8], ends: [Ends])>(count: ranges.count, repeating: ([], []))
            Parallel.run(ranges.count, cores: cores) { k in
                var w = documentWriter()
                var ends: [Ends] = []
                for id in ids[ranges[k]] {
                    let person = catalog.people[id]
                    let start = Int32(w.count)
                    if let line = person?.titleLine { w.member("biography") { $0.string(line) } }
                    let biography = Int32(w.count)
                    w.member("code") { $0.string(ScheduleJSONExporter.code(id.rawValue)) }
                    let coded = Int32(w.count)
                    w.member("guid") { $0.string(UUID5.url(person?.email.map { "acct:\($0)" } ?? "dais:person:\(id)")) }
                    let guid = Int32(w.count)
                    w.member("name") { $0.string(person?.name ?? id.rawValue) }
                    ends.append((start, biography, coded, guid, Int32(w.count)))
                }
                parts[k] = (w.bytes, ends)
            }
            var bytes: [UInt8] = []
            var records = SymbolRecords<PersonKind, Ends>()
            for (part, range) in zip(parts.array(), ranges) {
                let base = Int32(bytes.count)
                bytes += part.bytes
                for (id, e) in zip(ids[range], part.ends) {
                    records.add(id, (base + e.start, base + e.biography, base + e.code, base + e.guid, base + e.name))
                }
            }
            var tracks = SymbolRecords<SeriesKind, (start: Int32, end: Int32)>()
            var w = documentWriter()
            for id in series where tracks[id] == nil {
                let start = Int32(bytes.count + w.count)
                w.member("track") { $0.string(catalog.series[id]?.name ?? id.rawValue) }
                tracks.add(id, (start, Int32(bytes.count + w.count)))
            }
            bytes += w.bytes
            (self.catalog, self.bytes, self.people, self.tracks) = (catalog, bytes, records, tracks)
        }

        /// A roster entry's fields before its role: "biography" (its own title, else its person's
        /// title line; none without either), "code", "guid", "name".
        func person(_ entry: RosterEntry, _ w: inout JSONWriter) {
            guard let e = people[entry.person] else {
                // Not a person of the agenda's rosters (never, for its events): their fields alone.
                return FieldText(catalog, people: [entry.person], series: [], cores: 1).person(entry, &w)
            }
            if let own = entry.title?.nonEmpty {
                w.field("biography") { $0.string(own) }
            } else if e.biography > e.start {
                copy(e.start, e.biography, &w)
            }
            copy(e.biography, e.code, &w)
            copy(e.code, e.guid, &w)
            copy(e.guid, e.name, &w)
        }

        /// A panel's "track" field: its series' name, null without a series.
        func track(_ id: SeriesID?, _ w: inout JSONWriter) {
            guard let id else { return w.field("track") { $0.null() } }
            guard let e = tracks[id] else { return FieldText(catalog, people: [], series: [id]).track(id, &w) }
            copy(e.start, e.end, &w)
        }

        @inline(__always)
        private func copy(_ from: Int32, _ to: Int32, _ w: inout JSONWriter) {
            bytes.withUnsafeBufferPointer { w.field(written: UnsafeBufferPointer(rebasing: $0[Int(from)..<Int(to)])) }
        }
    }

    /// A set of id symbols below a bound, as bits.
    struct SymbolSet {
        private var words: [UInt64]
        init(bound: Int) { words = [UInt64](repeating: 0, count: bound / 64 + 1) }
        /// Adds a symbol; true when it was not in the set.
        mutating func insert(_ symbol: UInt32) -> Bool {
            let (word, bit) = (Int(symbol) >> 6, UInt64(1) << (symbol & 63))
            if words[word] & bit != 0 { return false }
            words[word] |= bit
            return true
        }
    }

    /// One day of the conference: its number, its date and its panels in start order.
    struct Day: Sendable {
        let index: Int
        let date: LocalDate
        let events: [(Panel, Slot)]
    }

    static func day(_ item: Day, _ zone: Zone, _ agenda: Agenda, _ text: FieldText, _ w: inout JSONWriter) {
        let (index, date, events) = (item.index, item.date, item.events)
        let startOfDay = LocalDateTime(date: date, hour: 0, minute: 0)!
        let endOfDay = LocalDateTime(date: date, hour: 23, minute: 59)!
        w.object { w in
            w.field("date") { $0.string(date.description) }
            w.field("day_end") { $0.string(isoLocal(endOfDay, zone)) }
            w.field("day_start") { $0.string(isoLocal(startOfDay, zone)) }
            w.field("index") { $0.integer(index) }
            w.field("rooms") { w in
                w.object { w in
                    for room in rooms(events.map(\.0)) {
                        w.field(room) { w in
                            w.array(events.filter { roomName($0.0) == room }) { w, item in event(item.0, item.1, zone, agenda, text, &w) }
                        }
                    }
                }
            }
        }
    }

    static func event(_ panel: Panel, _ slot: Slot, _ zone: Zone, _ agenda: Agenda, _ text: FieldText, _ w: inout JSONWriter) {
        let start = zone.local(at: slot.span.start)
        let minutes = slot.span.minutes
        let abstract = panel.description?.firstParagraph
        w.object { w in
            w.field("abstract") { w in if let abstract { w.string(abstract) } else { w.null() } }
            w.field("date") { $0.string(isoInstant(slot.span.start, zone)) }
            w.field("description") { w in if let d = panel.description { w.string(d) } else { w.null() } }
            w.field("duration") { $0.string("\(Digits.two(minutes / 60)):\(Digits.two(minutes % 60))") }
            w.field("end") { $0.string(isoInstant(slot.span.end, zone)) }
            w.field("guid") { $0.string(UUID5.url(panel.calendarUID)) }
            w.field("id") { $0.integer(numericID(panel.id.rawValue)) }
            w.field("language") { $0.string("en") }
            w.field("links") { w in
                w.array(panel.links.filter { AgendaDocument.safeURL($0.url) != nil }) { w, link in
                    w.object { w in
                        w.field("title") { $0.string(link.label) }
                        w.field("type") { $0.string("web") }
                        w.field("url") { $0.string(link.url) }
                    }
                }
            }
            w.field("persons") { w in
                w.array(panel.roster) { w, entry in
                    w.object { w in
                        text.person(entry, &w)
                        w.field("role") { $0.string(entry.role.rawValue) }
                    }
                }
            }
            w.field("room") { $0.string(roomName(panel)) }
            w.field("slug") { $0.string(slug(panel.id.rawValue)) }
            w.field("start") { $0.string(start.timeText) }
            w.field("subtitle") { $0.null() }
            w.field("title") { $0.string(panel.title) }
            text.track(panel.series, &w)
            w.field("type") { $0.string(panel.format.label) }
            w.field("url") { $0.string(panel.links.first.flatMap { AgendaDocument.safeURL($0.url) } ?? "urn:x-dais:panel:\(panel.id)") }
        }
    }

    static func roomName(_ panel: Panel) -> String { panel.format == .inPerson ? "In person" : "Online" }

    static func rooms(_ panels: [Panel]) -> [String] {
        var names: [String] = []
        for panel in panels where !names.contains(roomName(panel)) { names.append(roomName(panel)) }
        return names.sorted()
    }

    /// The conference's zone: the first agenda zone the schema accepts ("Region/City" or UTC).
    static func conferenceZone(_ agenda: Agenda) -> Zone {
        for zone in agenda.zones where zone.identifier == "UTC" || acceptsZoneName(zone.identifier) { return zone }
        return .utc
    }

    static func acceptsZoneName(_ id: String) -> Bool {
        let parts = id.split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return false }
        func word(_ s: Substring) -> Bool {
            guard let first = s.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
            let rest = s.unicodeScalars.dropFirst().prefix { ("a"..."z").contains($0) }
            return !rest.isEmpty
        }
        return word(parts[0]) && word(parts[1])
    }

    /// "2024-11-13T10:00:00-05:00".
    static func isoInstant(_ instant: Instant, _ zone: Zone) -> String {
        let local = zone.local(at: instant)
        return "\(local):00" + offsetText(zone.offset(at: instant))
    }

    static func isoLocal(_ local: LocalDateTime, _ zone: Zone) -> String {
        let instant = zone.resolve(local).instant ?? Instant(secondsSinceEpoch: local.secondsSinceEpochAsUTC)
        return "\(local):00" + offsetText(zone.offset(at: instant))
    }

    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let m = abs(seconds) / 60
        return "\(sign)\(Digits.two(m / 60)):\(Digits.two(m % 60))"
    }

    /// "magnitsky_month_2024": lowercase letters, digits and underscores, at least four characters.
    static func acronym(_ title: String) -> String {
        var a = Slug.make(title, limit: 40).replacingAll("-", with: "_")
        if a.count < 4 { a = "dais_" + (a.isEmpty ? "agenda" : a) }
        return a
    }

    /// A slug the schema accepts: lowercase letters, digits, "-" and "_", ending in a letter or digit.
    static func slug(_ id: String) -> String {
        var s = String(id.lowercased().unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "-" })
        while let last = s.last, last == "-" || last == "_" { s.removeLast() }
        return s.isEmpty ? "panel" : s
    }

    /// A stable positive integer id from a text id (frab's integer ids).
    static func numericID(_ text: String) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return Int(h % 2_000_000_000) + 1
    }

    /// A pretalx-style person code: uppercase letters and digits.
    static func code(_ text: String) -> String {
        String(numericID(text), radix: 36).uppercased()
    }
}
