/// The agenda as CSV for mail merge (RFC 4180): one row per roster entry (a panel with an empty roster
/// gets one row with empty person columns), CRLF line ends, fields quoted when needed, and cells that
/// a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) prefixed with "'".
public enum CSVExporter {
    public static let header = ["panel_id", "title", "series", "status", "date", "start", "end", "zone", "start_utc", "end_utc",
                                "person_id", "name", "role", "title_line", "affiliation", "email"]

    public static func export(_ agenda: Agenda) -> String { String(decoding: exportBytes(agenda), as: UTF8.self) }

    /// The file's bytes.
    public static func exportBytes(_ agenda: Agenda) -> [UInt8] { exportBytes(agenda, cores: Parallel.cores) }

    static func exportBytes(_ agenda: Agenda, cores: Int) -> [UInt8] { collectedBytes { write(agenda, cores: cores, to: $0) } }

    /// Panels per part: about a megabyte of rows.
    static let partSize = 768

    /// Hands the file to `sink` in order, in pieces: the header, then the panels' rows, written in
    /// parallel parts (`Parallel.stream`), each cell straight into its part's buffer; a panel's ten
    /// common cells are written once and copied into each of its roster rows.
    static func write<E: Error>(_ agenda: Agenda, cores: Int = Parallel.cores, to sink: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        var head: [UInt8] = []
        for (k, cell) in header.enumerated() {
            if k > 0 { head.append(UInt8(ascii: ",")) }
            put(cell, &head)
        }
        head += [0x0D, 0x0A]
        try head.withBytes(sink)
        let panels = agenda.panels
        let directory = ExportDirectory(agenda.catalog, titleLines: true)
        try Parallel.stream(panels.count, partSize: partSize, cores: cores, capacity: partSize * 1_600) { (range, out: inout [UInt8]) in
            var common: [UInt8] = []
            panels.forEachAhead(in: range) { i in rows(panels[i], directory, &out, &common) }
        } deliver: { (piece) throws(E) in try sink(piece) }
    }

    /// A panel's rows: one per roster entry, or one with empty person columns.
    static func rows(_ panel: Panel, _ directory: ExportDirectory, _ out: inout [UInt8], _ common: inout [UInt8]) {
        let slot = try? panel.slot().get()
        let end = slot.map { $0.zone.local(at: $0.span.end) } ?? panel.nominalEnd
        common.removeAll(keepingCapacity: true)
        for (k, cell) in [panel.id.rawValue, panel.title, panel.series.map(directory.name(of:)) ?? "",
                          panel.status.rawValue, panel.start.date.description, panel.start.timeText,
                          end.date == panel.start.date ? end.timeText : "\(end.date) \(end.timeText)", panel.zone,
                          slot?.span.start.iso8601 ?? "", slot?.span.end.iso8601 ?? ""].enumerated() {
            if k > 0 { common.append(UInt8(ascii: ",")) }
            put(cell, &common)
        }
        func row(_ cells: [String]) {
            out += common
            for cell in cells {
                out.append(UInt8(ascii: ","))
                put(cell, &out)
            }
            out += [0x0D, 0x0A]
        }
        if panel.roster.isEmpty { row(["", "", "", "", "", ""]) }
        for entry in panel.roster {
            let person = directory.person(entry.person)
            row([entry.person.rawValue, person?.name ?? "", entry.role.rawValue,
                 directory.titleLine(for: entry) ?? "", person?.affiliation ?? "", person?.email ?? ""])
        }
    }

    /// Appends one field: control and directional formatting characters replaced (CSV cannot escape
    /// them), neutralized against formulas, then quoted when it holds a comma, quote or line break.
    static func put(_ raw: String, _ out: inout [UInt8]) {
        var value = DisplayText.forFile(raw)
        value.withUTF8 { utf8 in
            let risky = utf8.first.map { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "@") || $0 == 0x09 || $0 == 0x0D } ?? false
            let quote = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            if !risky && !quote { return out.append(contentsOf: utf8) }
            if quote { out.append(UInt8(ascii: "\"")) }
            if risky { out.append(UInt8(ascii: "'")) }
            for byte in utf8 {
                out.append(byte)
                if byte == UInt8(ascii: "\"") { out.append(byte) }
            }
            if quote { out.append(UInt8(ascii: "\"")) }
        }
    }
}
