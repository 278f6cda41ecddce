/// The agenda as the "schedule.json" that frab and pretalx export and conference apps read (valid
/// against the c3voc schema): one conference, the series as tracks, "Online" (or "In person") as
/// rooms, one day per date that has panels, persons with their roles.
///
/// Days and times are read in the agenda's first zone (the conference's time zone).
public enum ScheduleJSONExporter {
    public static func export(_ agenda: Agenda) -> String { String(decoding: bytes(agenda), as: UTF8.self) }

    /// The file's bytes.
    static func bytes(_ agenda: Agenda) -> [UInt8] { collectedBytes { write(agenda, to: $0) } }

    /// Days per piece handed to the sink: about a megabyte of events.
    static let daysPerPiece = 16

    /// Hands the file to `sink` in pieces, in order: what comes before the days, the days a few at
    /// a time (`JSONWriter.array(streaming:)`), the rest. Once `sink` has failed it
    /// is not called again, and its error is thrown.
    public static func write<E: Error>(_ agenda: Agenda, to sink: ([UInt8]) throws(E) -> Void) throws(E) {
        try ChunkSink.delivering(to: sink) { chunks in
            var w = writer(agenda, streamingTo: chunks)
            w.send()
        }
    }

    /// The document, its days handed to `sink` as they are written (the writer keeps what comes
    /// before and after them).
    static func writer(_ agenda: Agenda, streamingTo sink: ChunkSink) -> JSONWriter {
        let catalog = agenda.catalog
        let zone = conferenceZone(agenda)
        let days = days(agenda, zone)
        let dates = days.map(\.date)
        // The tracks: the series the panels name, in the order of their first panels.
        var seen = Set<SeriesID>()
        let tracks = agenda.panels.compactMap { panel in panel.series.flatMap { seen.insert($0).inserted ? catalog.series[$0] : nil } }
        let rooms = Set(days.flatMap { $0.events.map { roomName($0.0) } }).sorted()
        var w = JSONWriter(escapesTerminalControls: true)
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
                                // Handed on a few days at a time as they are written.
                                w.array(streaming: days, partSize: daysPerPiece) { w, item in day(item, zone, agenda, &w) }
                            }
                            w.field("daysCount") { $0.integer(dates.count) }
                            if tracks.count == 1, let d = tracks[0].description { w.field("description") { $0.string(d) } }
                            w.field("end") { $0.string((dates.last ?? LocalDate(year: 1970, month: 1, day: 1)!).description) }
                            w.field("rooms") { w in
                                w.array(rooms) { w, room in
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
                                w.array(tracks) { w, series in
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

    /// One day of the conference: its number, its date and its panels in start order.
    struct Day: Sendable {
        let index: Int
        let date: LocalDate
        let events: [(Panel, Slot)]
    }

    /// The days: each panel that has a time under its date in the conference's zone, in the agenda's
    /// order; the days in date order, numbered from 1.
    static func days(_ agenda: Agenda, _ zone: Zone) -> [Day] {
        var events: [LocalDate: [(Panel, Slot)]] = [:]
        for panel in agenda.panels {
            guard case .success(let slot) = panel.slot() else { continue }
            events[zone.local(at: slot.span.start).date, default: []].append((panel, slot))
        }
        return events.keys.sorted().enumerated().map { k, date in Day(index: k + 1, date: date, events: events[date]!) }
    }

    static func day(_ item: Day, _ zone: Zone, _ agenda: Agenda, _ w: inout JSONWriter) {
        let (index, date, events) = (item.index, item.date, item.events)
        let catalog = agenda.catalog
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
                            w.array(events.filter { roomName($0.0) == room }) { w, item in event(item.0, item.1, zone, catalog, links: agenda.links(of: item.0), &w) }
                        }
                    }
                }
            }
        }
    }

    static func event(_ panel: Panel, _ slot: Slot, _ zone: Zone, _ catalog: Catalog, links: [Link], _ w: inout JSONWriter) {
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
                w.array(links.filter { AgendaDocument.safeURL($0.url) != nil }) { w, link in
                    w.object { w in
                        w.field("title") { $0.string(link.label) }
                        w.field("type") { $0.string("web") }
                        w.field("url") { $0.string(link.url) }
                    }
                }
            }
            w.field("persons") { w in
                w.array(panel.roster.filter { $0.status == .confirmed }) { w, entry in
                    let person = catalog.people[entry.person]
                    w.object { w in
                        if let line = catalog.titleLine(for: entry) { w.field("biography") { $0.string(line) } }
                        w.field("code") { $0.string(code(entry.person.rawValue)) }
                        w.field("guid") { $0.string(UUID5.url(person?.email.map { "acct:\($0)" } ?? "dais:person:\(entry.person)")) }
                        w.field("name") { $0.string(person?.name ?? entry.person.rawValue) }
                        w.field("role") { $0.string(entry.role.rawValue) }
                    }
                }
            }
            w.field("room") { $0.string(roomName(panel)) }
            w.field("slug") { $0.string(slug(panel.id.rawValue)) }
            w.field("start") { $0.string(start.timeText) }
            w.field("subtitle") { $0.null() }
            w.field("title") { $0.string(panel.title) }
            w.field("track") { w in if let id = panel.series { w.string(catalog.series[id]?.name ?? id.rawValue) } else { w.null() } }
            w.field("type") { $0.string(panel.format.label) }
            w.field("url") { $0.string(links.first.flatMap { AgendaDocument.safeURL($0.url) } ?? "urn:x-dais:panel:\(panel.id)") }
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
