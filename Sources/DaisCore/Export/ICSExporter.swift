/// The agenda as an iCalendar file (RFC 5545): one VEVENT per panel with a stable UID, times with
/// TZID and one VTIMEZONE per zone (built from the zone's transitions over the exported dates), the
/// roster in DESCRIPTION and as ATTENDEEs, and X-DAIS- properties that let `dais import` restore the
/// panel exactly (other clients ignore them).
public enum ICSExporter {
    public static let productID = "-//Dais//Dais agenda 1.0//EN"

    public static func export(_ agenda: Agenda) -> [UInt8] {
        var out = ICalendarText()
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
            out.line("DTSTART", [("TZID", slot.zone.identifier)], ICalendarText.local(slot.zone.local(at: slot.span.start)))
            out.line("DTEND", [("TZID", slot.zone.identifier)], ICalendarText.local(slot.zone.local(at: slot.span.end)))
        }
        out.text("SUMMARY", panel.title)
        out.text("DESCRIPTION", description(panel, catalog))
        out.line("STATUS", panel.status == .draft ? "TENTATIVE" : panel.status == .cancelled ? "CANCELLED" : "CONFIRMED")
        if let series = panel.series { out.text("CATEGORIES", catalog.series[series]?.name ?? series.rawValue) }
        if let url = panel.links.first?.url, url.contains(":"), !url.contains(where: { $0.isWhitespace }) { out.line("URL", [("VALUE", "URI")], ICalendarText.escape(url)) }
        out.text("LOCATION", panel.format == .inPerson ? "In person" : "Online (\(panel.format.label))")
        for entry in panel.roster {
            guard let person = catalog.people[entry.person], let email = person.email?.nonEmpty, email.contains("@") else { continue }
            out.line("ATTENDEE", [("CN", person.name), ("ROLE", entry.role == .moderator ? "CHAIR" : "REQ-PARTICIPANT"),
                                  ("PARTSTAT", "NEEDS-ACTION")], "mailto:" + ICalendarText.escape(email.filter { !$0.isWhitespace }))
        }
        // Exact data for `dais import`.
        out.text("X-DAIS-ID", panel.id.rawValue)
        out.text("X-DAIS-FORMAT", panel.format.rawValue)
        if let description = panel.description { out.text("X-DAIS-DESCRIPTION", description) }
        if let notes = panel.notes { out.text("X-DAIS-NOTES", notes) }
        if let series = panel.series {
            var parameters = [("CN", catalog.series[series]?.name ?? series.rawValue)]
            if let host = catalog.series[series]?.host {
                parameters += [("X-HOST", host.rawValue), ("X-HOST-NAME", catalog.name(of: host))]
            }
            out.text("X-DAIS-SERIES", parameters, series.rawValue)
        }
        if let host = panel.host { out.text("X-DAIS-HOST", [("CN", catalog.name(of: host))], host.rawValue) }
        for org in panel.cosponsors { out.text("X-DAIS-COSPONSOR", [("CN", catalog.name(of: org))], org.rawValue) }
        for entry in panel.roster {
            var parameters = [("CN", catalog.name(of: entry.person)), ("X-ROLE", entry.role.rawValue)]
            if let title = entry.title { parameters.append(("X-APPEARANCE-TITLE", title)) }
            if let person = catalog.people[entry.person] {
                if let t = person.title { parameters.append(("X-TITLE", t)) }
                if let a = person.affiliation { parameters.append(("X-AFFILIATION", a)) }
                if let e = person.email { parameters.append(("X-EMAIL", e)) }
                if let z = person.homeZone { parameters.append(("X-HOME-ZONE", z)) }
            }
            out.text("X-DAIS-PERSON", parameters, entry.person.rawValue)
        }
        for link in panel.links { out.text("X-DAIS-LINK", [("CN", link.label)], link.url) }
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
