/// `dais list`: panels by start, as a text table or as the JSON of the command-line contract.
public enum ListReport {
    /// A table: id, date and time in the panel's zone, the time in each extra zone (with day shifts),
    /// minutes, status and title (with a TBA mark when the roster lacks a moderator or panelists).
    public static func text(_ panels: [Panel], catalog: Catalog, zones: [Zone]) -> String {
        var header = ["ID", "DATE", "TIME"]
        header += zones.map { $0.identifier.uppercased() }
        header += ["MIN", "STATUS", "TITLE"]
        var table = TextTable(header: header, rightAligned: [3 + zones.count])
        for panel in panels {
            var row = [panel.id.rawValue]
            switch panel.slot() {
            case .success(let slot):
                let own = TimeFormat.Reading(slot.span.start, in: slot.zone)
                row.append("\(TimeFormat.weekdayShort[own.local.date.weekdayIndex]) \(own.local.date)")
                row.append(own.clock + (slot.ambiguity == nil ? "" : " (ambiguous)"))
                for zone in zones {
                    let other = TimeFormat.Reading(slot.span.start, in: zone)
                    let shift = TimeFormat.dayShift(from: own.local.date, to: other.local.date)
                    row.append(other.clock + (shift.isEmpty ? "" : " " + shift))
                }
            case .failure:
                row.append("\(TimeFormat.weekdayShort[panel.start.date.weekdayIndex]) \(panel.start.date)")
                row.append("\(panel.start.timeText) ?")
                row += zones.map { _ in "?" }
            }
            row.append(String(panel.durationMinutes))
            row.append(panel.status.rawValue)
            row.append(panel.title + (panel.hasOpenRoles ? "  [TBA]" : ""))
            table.append(row)
        }
        return table.render()
    }

    /// The JSON array of the command-line contract (see `PanelJSON`).
    public static func json(_ panels: [Panel], catalog: Catalog) -> String {
        var w = JSONWriter(escapesTerminalControls: true)
        w.array(panels) { w, panel in PanelJSON.write(panel, catalog: catalog, detailed: false, into: &w) }
        w.newline()
        return w.text
    }
}
