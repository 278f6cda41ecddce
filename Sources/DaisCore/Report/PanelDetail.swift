/// `dais show ID`: one panel as an organizer reads it.
public enum PanelDetail {
    /// The panel's slot in every zone of `zones` (its own first), each line "Wed Nov 13 10:00-11:00 EST
    /// (America/New_York)", later zones with their day shift from the panel's own date.
    public static func slotLines(_ slot: Slot, zones: [Zone]) -> [String] {
        let ownDate = slot.zone.local(at: slot.span.start).date
        var lines = ["\(TimeFormat.weekdayDate(ownDate)) \(ownDate.year)  \(TimeFormat.range(slot.span, in: slot.zone))  (\(slot.zone.identifier))"]
        for zone in zones where zone != slot.zone {
            let date = zone.local(at: slot.span.start).date
            let shift = TimeFormat.dayShift(from: ownDate, to: date)
            lines.append("\(TimeFormat.weekdayDate(date)) \(date.year)  \(TimeFormat.range(slot.span, in: zone))  (\(zone.identifier))"
                + (shift.isEmpty ? "" : "  \(shift)"))
        }
        return lines
    }

    /// The whole panel as text, wrapped to `width` columns.
    public static func text(_ panel: Panel, catalog: Catalog, zones: [Zone], width: Int = 80) -> String {
        var out: [String] = []
        let label = { (name: String) in DisplayText.pad(name, to: 12) }
        out.append(DisplayText.inert(panel.title))
        out.append(label("id") + panel.id.rawValue)
        if let seriesID = panel.series {
            out.append(label("series") + (catalog.series[seriesID].map { "\(DisplayText.inert($0.name)) (\(seriesID))" } ?? "\(seriesID) (unknown series)"))
        }
        switch panel.slot() {
        case .success(let slot):
            let lines = slotLines(slot, zones: zones)
            out.append(label("when") + lines[0])
            out += lines.dropFirst().map { label("") + $0 }
            if let ambiguity = slot.ambiguity {
                out.append(label("") + "note: \(panel.start.timeText) occurs twice on \(panel.start.date); the first (\(ambiguity.first.iso8601)) is used")
            }
        case .failure(let problem):
            out.append(label("when") + "\(panel.start.date) \(panel.start.timeText) \(DisplayText.inert(panel.zone)): \(DisplayText.inert(problem.description))")
        }
        out.append(label("duration") + "\(panel.durationMinutes) min")
        out.append(label("format") + "\(panel.format.label), \(panel.status.rawValue)")
        if let host = catalog.effectiveHost(of: panel) {
            let inherited = panel.host == nil ? " (series host)" : ""
            out.append(label("host") + DisplayText.inert(catalog.organizations[host]?.displayName ?? "\(host) (unknown)") + inherited)
        }
        if !panel.cosponsors.isEmpty {
            let names = panel.cosponsors.map { catalog.organizations[$0]?.displayName ?? "\($0) (unknown)" }
            out += wrapped(label("co-sponsors"), names.joined(separator: ", "), width: width)
        }
        out.append("")
        out.append("Roster")
        for role in Role.allCases {
            let entries = panel.entries(role)
            if entries.isEmpty {
                if role != .remarks { out.append("  " + DisplayText.pad(role.label, to: 11) + "TBA") }
                continue
            }
            for entry in entries {
                let name = catalog.people[entry.person]?.name ?? "\(entry.person) (unknown person)"
                let title = catalog.titleLine(for: entry).map { ", " + $0 } ?? ""
                let status = entry.status == .confirmed ? "" : " (\(entry.status.rawValue))"
                out += wrapped("  " + DisplayText.pad(role.label, to: 11), name + status + title, width: width)
            }
        }
        if let description = panel.description?.nonEmpty {
            out.append("")
            out.append("Description")
            out += DisplayText.wrap(DisplayText.inert(description, singleLine: false), width: max(20, width - 2)).map { $0.isEmpty ? "" : "  " + $0 }
        }
        if !panel.links.isEmpty {
            out.append("")
            out.append("Links")
            for link in panel.links {
                let kind = [link.kind == .other ? nil : link.kind.rawValue, link.isPublic ? nil : "speakers only"].compactMap { $0 }
                let note = kind.isEmpty ? "" : " (\(kind.joined(separator: ", ")))"
                out.append("  \(DisplayText.inert(link.label))\(note): \(DisplayText.inert(link.url))")
            }
        }
        if let notes = panel.notes?.nonEmpty {
            out.append("")
            out.append("Notes")
            out += DisplayText.wrap(DisplayText.inert(notes, singleLine: false), width: max(20, width - 2)).map { $0.isEmpty ? "" : "  " + $0 }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A labelled value wrapped under its label.
    static func wrapped(_ label: String, _ value: String, width: Int) -> [String] {
        let indent = DisplayText.width(of: label)
        let lines = DisplayText.wrap(DisplayText.inert(value), width: max(20, width - indent))
        return lines.enumerated().map { i, line in (i == 0 ? label : String(repeating: " ", count: indent)) + line }
    }
}
