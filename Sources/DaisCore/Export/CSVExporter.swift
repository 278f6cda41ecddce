/// The agenda as CSV for mail merge (RFC 4180): one row per roster entry with its confirmation status
/// and the person's email (a panel with an empty roster gets one row with empty person columns), CRLF line ends, fields quoted when needed, and cells that
/// a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) prefixed with "'".
public enum CSVExporter {
    public static let header = ["panel_id", "title", "series", "status", "date", "start", "end", "zone", "start_utc", "end_utc",
                                "person_id", "name", "role", "confirmation", "title_line", "affiliation", "email"]

    public static func export(_ agenda: Agenda) -> String { String(decoding: exportBytes(agenda), as: UTF8.self) }

    /// The file's bytes.
    public static func exportBytes(_ agenda: Agenda) -> [UInt8] { collectedBytes { write(agenda, to: $0) } }

    /// Hands the file to `sink` in order, in pieces: the header, then each panel's rows.
    static func write<E: Error>(_ agenda: Agenda, to sink: ([UInt8]) throws(E) -> Void) throws(E) {
        var out: [UInt8] = []
        cells(header, &out)
        out += [0x0D, 0x0A]
        for panel in agenda.panels {
            rows(panel, agenda.catalog, &out)
            try flush(&out, to: sink)
        }
        try flush(&out, to: sink, always: true)
    }

    /// A panel's rows: one per roster entry, or one with empty person columns. The panel's ten
    /// cells are written once and copied into each of its rows.
    static func rows(_ panel: Panel, _ catalog: Catalog, _ out: inout [UInt8]) {
        let slot = try? panel.slot().get()
        let end = slot.map { $0.zone.local(at: $0.span.end) } ?? panel.nominalEnd
        var common: [UInt8] = []
        cells([panel.id.rawValue, panel.title, panel.series.map { catalog.series[$0]?.name ?? $0.rawValue } ?? "", panel.status.rawValue,
               panel.start.date.description, panel.start.timeText, end.date == panel.start.date ? end.timeText : "\(end.date) \(end.timeText)",
               panel.zone, slot?.span.start.iso8601 ?? "", slot?.span.end.iso8601 ?? ""], &common)
        func row(_ person: [String]) {
            out += common
            out.append(UInt8(ascii: ","))
            cells(person, &out)
            out += [0x0D, 0x0A]
        }
        if panel.roster.isEmpty { row(["", "", "", "", "", "", ""]) }
        for entry in panel.roster {
            // An id that names nobody keeps its id, with no name, affiliation or email.
            let person = catalog.people[entry.person]
            row([entry.person.rawValue, person?.name ?? "", entry.role.rawValue, entry.status.rawValue, catalog.titleLine(for: entry) ?? "",
                 person?.affiliation ?? "", person?.email ?? ""])
        }
    }

    /// Cells separated by commas.
    static func cells(_ cells: [String], _ out: inout [UInt8]) {
        for (k, cell) in cells.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            put(cell, &out)
        }
    }

    /// Appends one field: control and directional formatting characters replaced (CSV cannot escape
    /// them), neutralized against formulas, then quoted when it holds a comma, quote or line break.
    static func put(_ raw: String, _ out: inout [UInt8]) {
        let utf8 = DisplayText.forFile(raw).utf8
        let quote = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if quote { out.append(UInt8(ascii: "\"")) }
        switch utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: out.append(UInt8(ascii: "'"))
        default: break
        }
        if quote {
            for byte in utf8 {
                out.append(byte)
                if byte == UInt8(ascii: "\"") { out.append(byte) }
            }
            out.append(UInt8(ascii: "\""))
        } else {
            out += utf8
        }
    }
}
