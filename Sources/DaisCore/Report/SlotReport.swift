/// What `dais suggest` prints: the least-bad starts of a slot search, each in the panel's zone and
/// every roster member's local time, with its cost explained person by person; as text or JSON.
public struct SlotReport: Sendable {
    public let title: String
    public let request: SlotSearch.Request
    public let result: SlotSearch.Result

    public init(title: String, request: SlotSearch.Request, result: SlotSearch.Result) {
        self.title = title
        self.request = request
        self.result = result
    }

    /// "Mon 2024-11-11 15:00-16:00 EST".
    static func when(_ span: TimeSpan, in zone: Zone) -> String {
        let start = zone.local(at: span.start)
        return "\(TimeFormat.weekdayShort[start.date.weekdayIndex]) \(start.date) \(TimeFormat.range(span, in: zone))"
    }

    public var text: String {
        let r = request
        var out = "Least-bad starts for \(title) (\(r.minutes) min), \(r.from) to \(r.to) in \(r.zone.identifier), every \(r.step) min: "
            + "\(Plural.count(result.considered, "start")) possible\n"
        for (k, suggestion) in result.suggestions.enumerated() {
            out += "\n\(k + 1). \(SlotReport.when(suggestion.span, in: r.zone))   cost \(suggestion.cost.total)\n"
            var rows: [[String]] = []
            let ownDate = r.zone.local(at: suggestion.span.start).date
            for line in suggestion.cost.lines {
                guard let zone = line.zone, let start = line.localStart else {
                    rows.append([line.subject, "", line.explanation])
                    continue
                }
                let shift = TimeFormat.dayShift(from: ownDate, to: start.date)
                rows.append([line.subject, TimeFormat.range(suggestion.span, in: zone) + (shift.isEmpty ? "" : " (\(shift))"),
                             line.explanation + (line.points > 0 ? " (\(line.points))" : "")])
            }
            out += SlotReport.aligned(rows, indent: "   ")
        }
        if result.suggestions.isEmpty {
            out += "\nNo start is possible in the window.\n"
        } else if !result.hasFreeSlot {
            out += "\nNo start is free of cost for everyone: these are the least bad.\n"
        }
        if !result.unscored.isEmpty {
            out += "Not scored (no home zone): \(result.unscored.joined(separator: ", ")).\n"
        }
        if !result.blockedDays.isEmpty {
            out += "Days with no possible start:\n"
            for day in result.blockedDays { out += "   \(TimeFormat.weekdayShort[day.date.weekdayIndex]) \(day.date): \(day.reason)\n" }
        }
        return DisplayText.inert(out, singleLine: false)
    }

    /// Rows with their columns padded to one width, the last column as it is.
    static func aligned(_ rows: [[String]], indent: String) -> String {
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.dropLast().enumerated() {
                if i == widths.count { widths.append(0) }
                widths[i] = max(widths[i], DisplayText.width(of: cell))
            }
        }
        return rows.map { row in
            indent + row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - DisplayText.width(of: cell) + 2)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }

    public var json: String {
        let r = request
        var w = JSONWriter(escapesTerminalControls: true)
        w.object { w in
            w.field("blockedDays") { w in
                w.array(result.blockedDays) { w, day in
                    w.object { w in
                        w.field("date") { $0.string(day.date.description) }
                        w.field("reason") { $0.string(day.reason) }
                    }
                }
            }
            w.field("considered") { $0.integer(result.considered) }
            w.field("free") { $0.bool(result.hasFreeSlot) }
            w.field("from") { $0.string(r.from.description) }
            w.field("minutes") { $0.integer(r.minutes) }
            w.field("step") { $0.integer(r.step) }
            w.field("suggestions") { w in
                w.array(result.suggestions) { w, suggestion in
                    w.object { w in
                        w.field("cost") { $0.integer(suggestion.cost.total) }
                        w.field("end") { $0.string(suggestion.span.end.iso8601) }
                        w.field("local") { $0.string(suggestion.local.description) }
                        w.field("people") { w in
                            w.array(suggestion.cost.lines) { w, line in SlotReport.write(line, &w) }
                        }
                        w.field("start") { $0.string(suggestion.span.start.iso8601) }
                    }
                }
            }
            w.field("title") { $0.string(title) }
            w.field("to") { $0.string(r.to.description) }
            w.field("unscored") { w in w.array(result.unscored) { w, name in w.string(name) } }
            w.field("zone") { $0.string(r.zone.identifier) }
        }
        w.newline()
        return w.text
    }

    static func write(_ line: SlotCost.Line, _ w: inout JSONWriter) {
        w.object { w in
            w.field("changeoverShort") { $0.integer(line.changeoverShort) }
            w.field("explanation") { $0.string(line.explanation) }
            if let end = line.localEnd { w.field("localEnd") { $0.string(end.description) } }
            if let start = line.localStart { w.field("localStart") { $0.string(start.description) } }
            w.field("minutesAfter") { $0.integer(line.minutesAfter) }
            w.field("minutesBefore") { $0.integer(line.minutesBefore) }
            w.field("nightMinutes") { $0.integer(line.nightMinutes) }
            if let person = line.person { w.field("person") { $0.string(person.rawValue) } }
            w.field("points") { $0.integer(line.points) }
            w.field("subject") { $0.string(line.subject) }
            w.field("weight") { $0.integer(line.weight) }
            if let zone = line.zone { w.field("zone") { $0.string(zone.identifier) } }
        }
    }
}
