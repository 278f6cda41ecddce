/// The agenda as CSV for mail merge (RFC 4180): one row per roster entry (a panel with an empty roster
/// gets one row with empty person columns), CRLF line ends, fields quoted when needed, and cells that
/// a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) prefixed with "'".
public enum CSVExporter {
    public static let header = ["panel_id", "title", "series", "status", "date", "start", "end", "zone", "start_utc", "end_utc",
                                "person_id", "name", "role", "title_line", "affiliation", "email"]

    public static func export(_ agenda: Agenda) -> String { String(decoding: exportBytes(agenda), as: UTF8.self) }

    /// The file's bytes, written row by row into one buffer: a panel's ten common cells are encoded
    /// once and copied into each of its roster rows.
    public static func exportBytes(_ agenda: Agenda) -> [UInt8] {
        let catalog = agenda.catalog
        var out: [UInt8] = []
        out.reserveCapacity(agenda.panels.count * 600)
        func row(_ cells: [String], after prefix: [UInt8] = []) {
            out += prefix
            for (k, cell) in cells.enumerated() {
                if k > 0 || !prefix.isEmpty { out.append(UInt8(ascii: ",")) }
                out += field(cell).utf8
            }
            out += [0x0D, 0x0A]
        }
        row(header)
        var common: [UInt8] = []
        for panel in agenda.panels {
            let slot = try? panel.slot().get()
            let end = slot.map { $0.zone.local(at: $0.span.end) } ?? panel.nominalEnd
            let cells = [panel.id.rawValue, panel.title, panel.series.map { catalog.series[$0]?.name ?? $0.rawValue } ?? "",
                         panel.status.rawValue, panel.start.date.description, panel.start.timeText,
                         end.date == panel.start.date ? end.timeText : "\(end.date) \(end.timeText)", panel.zone,
                         slot?.span.start.iso8601 ?? "", slot?.span.end.iso8601 ?? ""]
            common.removeAll(keepingCapacity: true)
            for (k, cell) in cells.enumerated() {
                if k > 0 { common.append(UInt8(ascii: ",")) }
                common += field(cell).utf8
            }
            if panel.roster.isEmpty { row(["", "", "", "", "", ""], after: common) }
            for entry in panel.roster {
                let person = catalog.people[entry.person]
                row([entry.person.rawValue, person?.name ?? "", entry.role.rawValue,
                     catalog.titleLine(for: entry) ?? "", person?.affiliation ?? "", person?.email ?? ""], after: common)
            }
        }
        return out
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
