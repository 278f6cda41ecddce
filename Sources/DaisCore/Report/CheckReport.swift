/// `dais check`: findings as text grouped by panel, or as the JSON of the command-line contract.
public struct CheckReport: Sendable {
    public let findings: [Finding]

    public init(findings: [Finding]) { self.findings = findings }

    /// The findings of a schedule kept by a filter: the lowest severity shown, and a panel or person
    /// they must name.
    public init(schedule: Schedule, minimum: Severity = .warning, panel: PanelID? = nil, person: PersonID? = nil) {
        findings = schedule.findings.filter { f in
            f.severity <= minimum
                && (panel.map { f.panels.contains($0) } ?? true)
                && (person.map { f.people.contains($0) } ?? true)
        }
    }

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.count - errors }

    /// `{"findings": [{code, severity, panels, people, organizations, series, message}], "errors": N, "warnings": N}`.
    public var json: String {
        var w = JSONWriter(escapesTerminalControls: true)
        w.object { w in
            w.field("errors") { $0.integer(errors) }
            w.field("findings") { w in
                w.array(findings) { w, f in
                    w.object { w in
                        w.field("code") { $0.string(f.code.rawValue) }
                        w.field("message") { $0.string(f.message) }
                        w.field("organizations") { $0.array(f.organizations) { w, id in w.string(id.rawValue) } }
                        w.field("panels") { $0.array(f.panels) { w, id in w.string(id.rawValue) } }
                        w.field("people") { $0.array(f.people) { w, id in w.string(id.rawValue) } }
                        w.field("series") { $0.array(f.series) { w, id in w.string(id.rawValue) } }
                        w.field("severity") { $0.string(f.severity.rawValue) }
                    }
                }
            }
            w.field("warnings") { $0.integer(warnings) }
        }
        w.newline()
        return w.text
    }

    /// Text grouped by panel (in start order; a finding naming two panels is listed under the earlier),
    /// then by person, then store-wide findings; a summary line last. `color` adds ANSI colors for
    /// severities.
    public func text(catalog: Catalog, color: Bool) -> String {
        let order = Dictionary(uniqueKeysWithValues: catalog.panelsByStart().enumerated().map { ($1.id, $0) })
        var groups: [String: [Finding]] = [:]
        var keys: [(sort: (Int, Int, String), key: String, heading: String)] = []
        for f in findings {
            let key: String, heading: String, sort: (Int, Int, String)
            if let panel = f.panels.min(by: { (order[$0] ?? Int.max) < (order[$1] ?? Int.max) }) {
                key = "panel:\(panel)"
                let title = catalog.panels[panel].map { "  '\($0.title)'" } ?? ""
                heading = "\(panel)\(title)"
                sort = (0, order[panel] ?? Int.max, panel.rawValue)
            } else if let person = f.people.first, f.code != .possibleDuplicatePerson {
                key = "person:\(person)"
                heading = "\(person)  \(catalog.name(of: person))"
                sort = (1, 0, person.rawValue)
            } else {
                key = "store"
                heading = "store-wide"
                sort = (2, 0, "")
            }
            if groups[key] == nil { keys.append((sort, key, heading)) }
            groups[key, default: []].append(f)
        }
        keys.sort { $0.sort < $1.sort }
        var out = ""
        for group in keys {
            out += paint(DisplayText.inert(group.heading), "1", color) + "\n"
            for f in groups[group.key]! {
                let severity = f.severity == .error ? paint("error  ", "31", color) : paint("warning", "33", color)
                out += "  \(severity)  \(f.code.rawValue): \(DisplayText.inert(f.message))\n"
            }
            out += "\n"
        }
        out += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        return out
    }

    private func paint(_ text: String, _ code: String, _ color: Bool) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
