/// The agenda as CSV for mail merge (RFC 4180): one row per roster entry (a panel with an empty roster
/// gets one row with empty person columns), CRLF line ends, fields quoted when needed, and cells that
/// a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) prefixed with "'".
public enum CSVExporter {
    public static let header = ["panel_id", "title", "series", "status", "date", "start", "end", "zone", "start_utc", "end_utc",
                                "person_id", "name", "role", "title_line", "affiliation", "email"]

    public static func export(_ agenda: Agenda) -> String {
        let catalog = agenda.catalog
        var rows = [header]
        for panel in agenda.panels {
            let slot = try? panel.slot().get()
            let end = slot.map { $0.zone.local(at: $0.span.end) } ?? panel.nominalEnd
            let common = [panel.id.rawValue, panel.title, panel.series.map { catalog.series[$0]?.name ?? $0.rawValue } ?? "",
                          panel.status.rawValue, panel.start.date.description, panel.start.timeText,
                          end.date == panel.start.date ? end.timeText : "\(end.date) \(end.timeText)", panel.zone,
                          slot?.span.start.iso8601 ?? "", slot?.span.end.iso8601 ?? ""]
            if panel.roster.isEmpty { rows.append(common + ["", "", "", "", "", ""]) }
            for entry in panel.roster {
                let person = catalog.people[entry.person]
                rows.append(common + [entry.person.rawValue, person?.name ?? "", entry.role.rawValue,
                                      catalog.titleLine(for: entry) ?? "", person?.affiliation ?? "", person?.email ?? ""])
            }
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One field: control and directional formatting characters replaced (CSV cannot escape them),
    /// neutralized against formulas, then quoted when it holds a comma, quote or line break.
    static func field(_ raw: String) -> String {
        let value = DisplayText.forFile(raw)
        let utf8 = value.utf8
        let risky = utf8.first.map { [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains($0) } ?? false
        let quote = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if !risky && !quote { return value }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 4)
        if quote { out.append(UInt8(ascii: "\"")) }
        if risky { out.append(UInt8(ascii: "'")) }
        for byte in utf8 {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
        if quote { out.append(UInt8(ascii: "\"")) }
        return String(decoding: out, as: UTF8.self)
    }
}
