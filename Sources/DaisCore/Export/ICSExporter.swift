/// The agenda as an iCalendar file (RFC 5545): one VEVENT per panel with a stable UID, times with
/// TZID and one VTIMEZONE per zone (built from the zone's transitions over the exported dates), the
/// roster in DESCRIPTION and as ATTENDEEs, and X-DAIS- properties that let `dais import` restore the
/// panel exactly (other clients ignore them).
public enum ICSExporter {
    public static let productID = "-//Dais//Dais agenda 1.0//EN"

    /// The whole file.
    public static func export(_ agenda: Agenda) -> [UInt8] { collectedBytes { write(agenda, to: $0) } }

    /// Writes the file to `sink` in order, in pieces: a large file is never whole in memory.
    public static func write<E: Error>(_ agenda: Agenda, to sink: ([UInt8]) throws(E) -> Void) throws(E) {
        try write(agenda, to: sink, event: nil)
    }

    /// The same, with each VEVENT's lines from `event` when it is given (a site's feeds share their
    /// events: `dais publish` makes each once).
    static func write<E: Error>(_ agenda: Agenda, to sink: ([UInt8]) throws(E) -> Void, event made: ((Panel, Slot) -> [UInt8])?) throws(E) {
        // Each panel's time; a panel whose time cannot be placed is not exported.
        let events = agenda.panels.compactMap { panel in (try? panel.slot().get()).map { (panel, $0) } }
        var out = ICalendarText()
        out.line("BEGIN", "VCALENDAR")
        out.line("VERSION", "2.0")
        out.line("PRODID", productID)
        out.line("CALSCALE", "GREGORIAN")
        out.line("METHOD", "PUBLISH")
        out.text("X-WR-CALNAME", agenda.title)
        // One VTIMEZONE per zone the events name (UTC needs none: its times end in Z), over the span
        // its panels take, in the order of the names.
        var spans: [String: (zone: Zone, from: Instant, to: Instant)] = [:]
        for (panel, slot) in events where !isUTC(slot) {
            let span = spans[panel.zone]
            spans[panel.zone] = (slot.zone, min(span?.from ?? slot.span.start, slot.span.start), max(span?.to ?? slot.span.end, slot.span.end))
        }
        for name in spans.keys.sorted() {
            let span = spans[name]!
            timezone(span.zone, from: span.from, to: span.to, into: &out)
        }
        let stamp = agenda.now.icalUTC
        for (panel, slot) in events {
            if let made {
                out.bytes += made(panel, slot)
            } else {
                event(panel, slot, agenda.catalog, links: agenda.links(of: panel), stamp: stamp, published: agenda.published, into: &out)
            }
            try flush(&out.bytes, to: sink)
        }
        out.line("END", "VCALENDAR")
        try flush(&out.bytes, to: sink, always: true)
    }

    /// Whether the event's times are written in UTC ("Z"), without a zone.
    static func isUTC(_ slot: Slot) -> Bool { slot.zone.identifier == "UTC" }

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

    /// One panel's VEVENT; `links` are those the agenda prints (no private link in an announcement,
    /// not even among the X-DAIS- properties).
    /// A `published` event (a feed of `dais publish`, on the web) leaves out what only organizers
    /// may read: addresses, notes, and speakers who have not confirmed.
    static func event(_ panel: Panel, _ slot: Slot, _ catalog: Catalog, links: [Link], stamp: String, published: Bool = false,
                      into out: inout ICalendarText) {
        // The people on the roster, in its order (nil: an id that names nobody).
        let people = panel.roster.map { catalog.people[$0.person] }
        out.line("BEGIN", "VEVENT")
        out.text("UID", panel.calendarUID)
        out.line("DTSTAMP", stamp)
        // Calendars that hold the event apply a copy with a higher SEQUENCE (RFC 5545 3.8.7.4).
        out.line("SEQUENCE", String(panel.revision.sequence))
        if let modified = panel.revision.modified { out.line("LAST-MODIFIED", modified.icalUTC) }
        if isUTC(slot) {
            out.line("DTSTART", ICalendarText.local(slot.span.start.utc) + "Z")
            out.line("DTEND", ICalendarText.local(slot.span.end.utc) + "Z")
        } else {
            out.line("DTSTART", [("TZID", panel.zone)], ICalendarText.local(slot.zone.local(at: slot.span.start)))
            out.line("DTEND", [("TZID", panel.zone)], ICalendarText.local(slot.zone.local(at: slot.span.end)))
        }
        out.text("SUMMARY", panel.title)
        out.text("DESCRIPTION", description(panel, people, catalog, links: links))
        out.line("STATUS", panel.status == .draft ? "TENTATIVE" : panel.status == .cancelled ? "CANCELLED" : "CONFIRMED")
        let series = panel.series.map { (id: $0, series: catalog.series[$0]) }
        if let series { out.text("CATEGORIES", series.series?.name ?? series.id.rawValue) }
        if let url = (links.first { $0.kind == .registration || $0.kind == .stream } ?? links.first)?.url, url.utf8.contains(UInt8(ascii: ":")), !url.utf8.contains(where: { $0 <= 0x20 }) {
            out.text("URL", [("VALUE", "URI")], url)
        }
        out.text("LOCATION", panel.format == .inPerson ? "In person" : "Online (\(panel.format.label))")
        for (entry, person) in zip(panel.roster, people) where !published {
            // People with an address to invite, written without spaces or control characters.
            guard let person, let email = person.email?.nonEmpty, email.utf8.contains(UInt8(ascii: "@")) else { continue }
            let address = email.utf8.contains { $0 <= 0x20 } ? String(decoding: email.utf8.filter { $0 > 0x20 }, as: UTF8.self) : email
            out.text("ATTENDEE", [("CN", person.name), ("ROLE", entry.role == .moderator ? "CHAIR" : "REQ-PARTICIPANT"), ("PARTSTAT", partStat(entry.status))],
                     "mailto:" + address)
        }
        // Exact data for `dais import`; an id that names nothing stands for its own name.
        out.text("X-DAIS-ID", panel.id.rawValue)
        out.text("X-DAIS-FORMAT", panel.format.rawValue)
        if let description = panel.description { out.text("X-DAIS-DESCRIPTION", description) }
        if let notes = panel.notes, !published { out.text("X-DAIS-NOTES", notes) }
        if let series {
            var parameters = [("CN", series.series?.name ?? series.id.rawValue)]
            if let host = series.series?.host { parameters += [("X-HOST", host.rawValue), ("X-HOST-NAME", catalog.name(of: host))] }
            out.text("X-DAIS-SERIES", parameters, series.id.rawValue)
        }
        if let host = panel.host { out.text("X-DAIS-HOST", [("CN", catalog.name(of: host))], host.rawValue) }
        for org in panel.cosponsors { out.text("X-DAIS-COSPONSOR", [("CN", catalog.name(of: org))], org.rawValue) }
        for (entry, person) in zip(panel.roster, people) where !published || entry.status == .confirmed {
            var parameters = [("CN", person?.name ?? entry.person.rawValue), ("X-ROLE", entry.role.rawValue)]
            if let title = entry.title { parameters.append(("X-APPEARANCE-TITLE", title)) }
            if entry.status != .confirmed { parameters.append(("X-STATUS", entry.status.rawValue)) }
            if let title = person?.title { parameters.append(("X-TITLE", title)) }
            if let affiliation = person?.affiliation { parameters.append(("X-AFFILIATION", affiliation)) }
            if let email = person?.email, !published { parameters.append(("X-EMAIL", email)) }
            if let zone = person?.homeZone { parameters.append(("X-HOME-ZONE", zone)) }
            out.text("X-DAIS-PERSON", parameters, entry.person.rawValue)
        }
        for link in links {
            var parameters = [("CN", link.label)]
            if link.kind != .other { parameters.append(("X-KIND", link.kind.rawValue)) }
            if !link.hasDefaultVisibility { parameters.append(("X-PUBLIC", link.isPublic ? "TRUE" : "FALSE")) }
            out.text("X-DAIS-LINK", parameters, link.url)
        }
        out.line("END", "VEVENT")
    }

    /// An attendee's participation status (RFC 5545 3.2.12) for a roster status.
    static func partStat(_ status: RosterStatus) -> String {
        switch status {
        case .invited: return "NEEDS-ACTION"
        case .confirmed: return "ACCEPTED"
        case .tentative: return "TENTATIVE"
        case .declined: return "DECLINED"
        }
    }

    /// The description: the panel's own, then the roster of those who have confirmed ("Role: Name,
    /// title line", or "Role: TBA" for nobody), then host and co-sponsors, then links, parted by
    /// blank lines.
    static func description(_ panel: Panel, _ people: [Person?], _ catalog: Catalog, links: [Link]) -> String {
        var text = panel.description?.nonEmpty.map { $0 + "\n\n" } ?? ""
        var separator = ""
        for role in Role.allCases {
            var nobody = true
            for (entry, person) in zip(panel.roster, people) where entry.role == role && entry.status == .confirmed {
                text += separator + role.label + ": " + (person?.name ?? entry.person.rawValue)
                if let title = entry.title?.nonEmpty ?? person?.titleLine { text += ", " + title }
                (separator, nobody) = ("\n", false)
            }
            if nobody && role != .remarks {
                text += separator + role.label + ": TBA"
                separator = "\n"
            }
        }
        if let hosting = AgendaDocument.hosting(panel, catalog) { text += "\n\n" + hosting }
        for (k, link) in links.enumerated() { text += (k == 0 ? "\n\n" : "\n") + link.label + ": " + link.url }
        return text
    }
}
