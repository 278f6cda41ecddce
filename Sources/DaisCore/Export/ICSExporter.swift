/// The agenda as an iCalendar file (RFC 5545): one VEVENT per panel with a stable UID, times with
/// TZID and one VTIMEZONE per zone (built from the zone's transitions over the exported dates), the
/// roster in DESCRIPTION and as ATTENDEEs, and X-DAIS- properties that let `dais import` restore the
/// panel exactly (other clients ignore them).
public enum ICSExporter {
    public static let productID = "-//Dais//Dais agenda 1.0//EN"

    public static func export(_ agenda: Agenda) -> [UInt8] {
        var out = ICalendarText(capacity: 4096 + agenda.panels.count * 3000)
        out.line("BEGIN", "VCALENDAR")
        out.line("VERSION", "2.0")
        out.line("PRODID", productID)
        out.line("CALSCALE", "GREGORIAN")
        out.line("METHOD", "PUBLISH")
        out.text("X-WR-CALNAME", agenda.title)
        // One VTIMEZONE per zone used (UTC needs none: its times end in Z).
        var spans: [String: (zone: Zone, from: Instant, to: Instant)] = [:]
        var slots: [PanelID: Slot] = [:]
        for panel in agenda.panels {
            guard let slot = try? panel.slot().get() else { continue }
            slots[panel.id] = slot
            guard slot.zone.identifier != "UTC" else { continue }
            let s = spans[slot.zone.identifier]
            spans[slot.zone.identifier] = (slot.zone, min(s?.from ?? slot.span.start, slot.span.start), max(s?.to ?? slot.span.end, slot.span.end))
        }
        for id in spans.keys.sorted() {
            let (zone, from, to) = spans[id]!
            timezone(zone, from: from, to: to, into: &out)
        }
        for panel in agenda.panels {
            guard let slot = slots[panel.id] else { continue }  // a panel whose time cannot be placed is not exported
            event(panel, slot, agenda, into: &out)
        }
        out.line("END", "VCALENDAR")
        return out.bytes
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

    static func event(_ panel: Panel, _ slot: Slot, _ agenda: Agenda, into out: inout ICalendarText) {
        let catalog = agenda.catalog
        out.line("BEGIN", "VEVENT")
        out.text("UID", panel.calendarUID)
        out.line("DTSTAMP", agenda.now.icalUTC)
        if slot.zone.identifier == "UTC" {
            out.line("DTSTART", slot.span.start.icalUTC)
            out.line("DTEND", slot.span.end.icalUTC)
        } else {
            out.begin("DTSTART")
            out.parameter("TZID", slot.zone.identifier)
            out.raw(ICalendarText.local(slot.zone.local(at: slot.span.start)))
            out.end()
            out.begin("DTEND")
            out.parameter("TZID", slot.zone.identifier)
            out.raw(ICalendarText.local(slot.zone.local(at: slot.span.end)))
            out.end()
        }
        out.text("SUMMARY", panel.title)
        out.text("DESCRIPTION", description(panel, catalog))
        out.line("STATUS", panel.status == .draft ? "TENTATIVE" : panel.status == .cancelled ? "CANCELLED" : "CONFIRMED")
        if let series = panel.series { out.text("CATEGORIES", catalog.series[series]?.name ?? series.rawValue) }
        if let url = panel.links.first?.url, url.utf8.contains(UInt8(ascii: ":")), !url.utf8.contains(where: { $0 <= 0x20 }) {
            out.line("URL", [("VALUE", "URI")], ICalendarText.escape(url))
        }
        out.text("LOCATION", panel.format == .inPerson ? "In person" : "Online (\(panel.format.label))")
        for entry in panel.roster {
            guard let person = catalog.people[entry.person], let email = person.email?.nonEmpty, email.utf8.contains(UInt8(ascii: "@")) else { continue }
            let address = String(decoding: email.utf8.filter { $0 > 0x20 }, as: UTF8.self)
            out.line("ATTENDEE", [("CN", person.name), ("ROLE", entry.role == .moderator ? "CHAIR" : "REQ-PARTICIPANT"),
                                  ("PARTSTAT", "NEEDS-ACTION")], "mailto:" + ICalendarText.escape(address))
        }
        // Exact data for `dais import`.
        out.text("X-DAIS-ID", panel.id.rawValue)
        out.text("X-DAIS-FORMAT", panel.format.rawValue)
        if let description = panel.description { out.text("X-DAIS-DESCRIPTION", description) }
        if let notes = panel.notes { out.text("X-DAIS-NOTES", notes) }
        if let series = panel.series {
            out.begin("X-DAIS-SERIES")
            out.parameter("CN", catalog.series[series]?.name ?? series.rawValue)
            if let host = catalog.series[series]?.host {
                out.parameter("X-HOST", host.rawValue)
                out.parameter("X-HOST-NAME", catalog.name(of: host))
            }
            out.escaped(series.rawValue)
            out.end()
        }
        if let host = panel.host {
            out.begin("X-DAIS-HOST")
            out.parameter("CN", catalog.name(of: host))
            out.escaped(host.rawValue)
            out.end()
        }
        for org in panel.cosponsors {
            out.begin("X-DAIS-COSPONSOR")
            out.parameter("CN", catalog.name(of: org))
            out.escaped(org.rawValue)
            out.end()
        }
        for entry in panel.roster {
            out.begin("X-DAIS-PERSON")
            out.parameter("CN", catalog.name(of: entry.person))
            out.parameter("X-ROLE", entry.role.rawValue)
            if let title = entry.title { out.parameter("X-APPEARANCE-TITLE", title) }
            if let person = catalog.people[entry.person] {
                if let t = person.title { out.parameter("X-TITLE", t) }
                if let a = person.affiliation { out.parameter("X-AFFILIATION", a) }
                if let e = person.email { out.parameter("X-EMAIL", e) }
                if let z = person.homeZone { out.parameter("X-HOME-ZONE", z) }
            }
            out.escaped(entry.person.rawValue)
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

    /// The description, then the roster with roles and titles, then host and co-sponsors, then links.
    static func description(_ panel: Panel, _ catalog: Catalog) -> String {
        var parts: [String] = []
        if let d = panel.description?.nonEmpty { parts.append(d) }
        var roster: [String] = []
        for role in Role.allCases {
            let entries = panel.entries(role)
            if entries.isEmpty {
                if role != .remarks { roster.append("\(role.label): TBA") }
                continue
            }
            for entry in entries {
                let title = catalog.titleLine(for: entry).map { ", \($0)" } ?? ""
                roster.append("\(role.label): \(catalog.name(of: entry.person))\(title)")
            }
        }
        parts.append(roster.joined(separator: "\n"))
        if let hosting = AgendaDocument.hosting(panel, catalog) { parts.append(hosting) }
        if !panel.links.isEmpty { parts.append(panel.links.map { "\($0.label): \($0.url)" }.joined(separator: "\n")) }
        return parts.joined(separator: "\n\n")
    }
}
