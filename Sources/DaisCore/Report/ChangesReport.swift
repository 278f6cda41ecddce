/// `dais changes`: what changed since a store or a git revision of it, as text for the organizer, CSV
/// for a mail merge (one row per person to tell) or JSON.
public struct ChangesReport: Sendable {
    public let changes: PanelChanges
    /// What the changes are counted from, for the heading ("store.json at HEAD~3").
    public let since: String

    public init(_ changes: PanelChanges, since: String) {
        self.changes = changes
        self.since = since
    }

    /// People to tell, each once, and how many of them have no e-mail address.
    public var recipients: (count: Int, withoutEmail: Int) {
        var people: [PersonID: Bool] = [:]
        for entry in changes.entries {
            for change in entry.changes { for r in change.recipients { people[r.person] = r.email != nil } }
        }
        return (people.count, people.values.filter { !$0 }.count)
    }

    /// The panels' changes, each with the people to tell and their times in their own zone; a
    /// summary line last.
    public var text: String {
        let inert = { (text: String) in DisplayText.inert(text) }
        guard !changes.isEmpty else { return "No panel changed since \(inert(since)).\n" }
        var out = "Changes since \(inert(since))\n"
        for entry in changes.entries {
            out += "\n\(entry.id)  '\(inert(entry.title))'\n"
            for change in entry.changes {
                out += "  \(change.kind.rawValue): \(inert(change.detail))\n"
                for r in change.recipients {
                    let address = r.email.map { " <\(inert($0))>" } ?? " (no e-mail)"
                    let time: String
                    switch (r.before, r.after) {
                    case let (before?, after?) where before != after: time = "\(before) -> \(after)"
                    case let (_, after?): time = after
                    case let (before?, nil): time = "was \(before)"
                    case (nil, nil): time = "time unknown"
                    }
                    out += "    tell \(inert(r.name))\(address): \(time) (\(r.zone.identifier))\n"
                }
            }
        }
        let (people, withoutEmail) = recipients
        let panels = changes.entries.count
        out += "\n\(panels) panel\(panels == 1 ? "" : "s") changed; \(people) \(people == 1 ? "person" : "people") to tell"
        out += withoutEmail > 0 ? " (\(withoutEmail) without an e-mail address)\n" : "\n"
        return out
    }

    public static let csvHeader = ["panel_id", "title", "change", "detail", "person_id", "name", "email", "role", "zone",
                                   "your_time_before", "your_time_after", "panel_time_before", "panel_time_after"]

    /// One row per change and person to tell (a change that concerns nobody: one row with empty
    /// person columns), for a mail merge: "Dear {name}, '{title}' {change} {detail}; your time is
    /// now {your_time_after}".
    public var csv: String {
        var out: [UInt8] = []
        CSVExporter.cells(Self.csvHeader, &out)
        out += [0x0D, 0x0A]
        for entry in changes.entries {
            for change in entry.changes {
                let panel = [entry.id.rawValue, entry.title, change.kind.rawValue, change.detail]
                let rows = change.recipients.isEmpty ? [["", "", "", "", "", "", ""]] : change.recipients.map { r in
                    [r.person.rawValue, r.name, r.email ?? "", r.role?.rawValue ?? "", r.zone.identifier, r.before ?? "", r.after ?? ""]
                }
                for row in rows {
                    CSVExporter.cells(panel + row + [entry.before ?? "", entry.after ?? ""], &out)
                    out += [0x0D, 0x0A]
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `{"since": ..., "panels": [{"id", "title", "before", "after", "changes": [{"kind", "detail",
    /// "tell": [{"person", "name", "email", "role", "zone", "before", "after"}]}]}]}`.
    public var json: String {
        var w = JSONWriter(escapesTerminalControls: true)
        func optional(_ w: inout JSONWriter, _ value: String?) { if let value { w.string(value) } else { w.null() } }
        w.object { w in
            w.field("panels") { w in
                w.array(changes.entries) { w, entry in
                    w.object { w in
                        w.field("after") { optional(&$0, entry.after) }
                        w.field("before") { optional(&$0, entry.before) }
                        w.field("changes") { w in
                            w.array(entry.changes) { w, change in
                                w.object { w in
                                    w.field("detail") { $0.string(change.detail) }
                                    w.field("kind") { $0.string(change.kind.rawValue) }
                                    w.field("tell") { w in
                                        w.array(change.recipients) { w, r in
                                            w.object { w in
                                                w.field("after") { optional(&$0, r.after) }
                                                w.field("before") { optional(&$0, r.before) }
                                                w.field("email") { optional(&$0, r.email) }
                                                w.field("name") { $0.string(r.name) }
                                                w.field("person") { $0.string(r.person.rawValue) }
                                                w.field("role") { optional(&$0, r.role?.rawValue) }
                                                w.field("zone") { $0.string(r.zone.identifier) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        w.field("id") { $0.string(entry.id.rawValue) }
                        w.field("title") { $0.string(entry.title) }
                    }
                }
            }
            w.field("since") { $0.string(since) }
        }
        w.newline()
        return w.text
    }
}
