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
    /// common cells are written once and copied into each of its roster rows, and each person's and
    /// series' cells are written once for the whole file (`Cells`) and copied where they are met.
    static func write<E: Error>(_ agenda: Agenda, cores: Int = Parallel.cores, to sink: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        var head: [UInt8] = []
        for (k, cell) in header.enumerated() {
            if k > 0 { head.append(UInt8(ascii: ",")) }
            put(cell, &head)
        }
        head += [0x0D, 0x0A]
        try head.withBytes(sink)
        let panels = agenda.panels
        let cells = Cells(agenda.catalog)
        try Parallel.stream(panels.count, partSize: partSize, cores: cores, capacity: partSize * 1_600) { (range, out: inout [UInt8]) in
            var common: [UInt8] = []
            panels.forEachAhead(in: range) { i in rows(panels[i], cells, &out, &common) }
        } deliver: { (piece) throws(E) in try sink(piece) }
    }

    /// A panel's rows: one per roster entry, or one with empty person columns.
    static func rows(_ panel: Panel, _ cells: Cells, _ out: inout [UInt8], _ common: inout [UInt8]) {
        let slot = try? panel.slot().get()
        let end = slot.map { $0.zone.local(at: $0.span.end) } ?? panel.nominalEnd
        common.removeAll(keepingCapacity: true)
        put(panel.id.rawValue, &common)
        common.append(UInt8(ascii: ","))
        put(panel.title, &common)
        common.append(UInt8(ascii: ","))
        if let series = panel.series { cells.series(series, &common) }
        for cell in [panel.status.rawValue, panel.start.date.description, panel.start.timeText,
                     end.date == panel.start.date ? end.timeText : "\(end.date) \(end.timeText)", panel.zone,
                     slot?.span.start.iso8601 ?? "", slot?.span.end.iso8601 ?? ""] {
            common.append(UInt8(ascii: ","))
            put(cell, &common)
        }
        if panel.roster.isEmpty { out += common + [UInt8](",,,,,,\r\n".utf8) }
        for entry in panel.roster {
            out += common
            out.append(UInt8(ascii: ","))
            cells.person(entry, &out)
            out += [0x0D, 0x0A]
        }
    }

    /// The cells of the catalog's people and series, written once as CSV in one buffer and found by
    /// id symbol: most of a file's cells are those of the people on its rosters, each met at many
    /// panels. Copying a person's bytes takes no reference count and makes no string.
    final class Cells: Sendable {
        private let bytes: [UInt8]
        /// By person: where "id,name" starts and ends, where the title line ends, and where
        /// ",affiliation,email" ends.
        private let people: SymbolRecords<PersonKind, (start: Int32, named: Int32, titled: Int32, end: Int32)>
        /// By series: where its name's cell starts and ends.
        private let series: SymbolRecords<SeriesKind, (start: Int32, end: Int32)>
        private static let roles: [Role: [UInt8]] = Dictionary(uniqueKeysWithValues: Role.allCases.map { role in
            var cell: [UInt8] = []
            put(role.rawValue, &cell)
            return (role, cell)
        })

        init(_ catalog: Catalog) {
            var bytes: [UInt8] = []
            var people = SymbolRecords<PersonKind, (start: Int32, named: Int32, titled: Int32, end: Int32)>()
            for person in catalog.people.values {
                let start = Int32(bytes.count)
                put(person.id.rawValue, &bytes)
                bytes.append(UInt8(ascii: ","))
                put(person.name, &bytes)
                let named = Int32(bytes.count)
                put(person.titleLine ?? "", &bytes)
                let titled = Int32(bytes.count)
                for cell in [person.affiliation ?? "", person.email ?? ""] {
                    bytes.append(UInt8(ascii: ","))
                    put(cell, &bytes)
                }
                people.add(person.id, (start, named, titled, Int32(bytes.count)))
            }
            var series = SymbolRecords<SeriesKind, (start: Int32, end: Int32)>()
            for s in catalog.series.values {
                let start = Int32(bytes.count)
                put(s.name, &bytes)
                series.add(s.id, (start, Int32(bytes.count)))
            }
            (self.bytes, self.people, self.series) = (bytes, people, series)
        }

        private func copy(_ from: Int32, _ to: Int32, _ out: inout [UInt8]) {
            bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[Int(from)..<Int(to)])) }
        }

        /// The series cell: its name, or its id when it names no series.
        func series(_ id: SeriesID, _ out: inout [UInt8]) {
            if let cell = series[id] { copy(cell.start, cell.end, &out) } else { put(id.rawValue, &out) }
        }

        /// The six person cells of a roster entry: person_id, name, role, title_line (the entry's own,
        /// else the person's title and affiliation), affiliation, email.
        func person(_ entry: RosterEntry, _ out: inout [UInt8]) {
            let own = entry.title?.nonEmpty
            guard let cells = people[entry.person] else {
                // Nobody of that id: the id, and no name, affiliation or email.
                put(entry.person.rawValue, &out)
                out += [UInt8(ascii: ","), UInt8(ascii: ",")] + Self.roles[entry.role]! + [UInt8(ascii: ",")]
                put(own ?? "", &out)
                out += [UInt8(ascii: ","), UInt8(ascii: ",")]
                return
            }
            copy(cells.start, cells.named, &out)
            out.append(UInt8(ascii: ","))
            out += Self.roles[entry.role]!
            out.append(UInt8(ascii: ","))
            if let own { put(own, &out) } else { copy(cells.named, cells.titled, &out) }
            copy(cells.titled, cells.end, &out)
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
