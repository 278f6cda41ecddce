/// A store as lines an organizer reads, one fact per line, each naming its record: what git shows
/// for the store through `dais diff --textconv`, so that a changed field is one line removed and one
/// added ("Panel 'Transnational repression…': start Tue Nov 26 10:00-11:00 EST").
public enum StoreText {
    public static func text(_ catalog: Catalog) -> String {
        var lines: [String] = []
        func add(_ head: String, _ field: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append("\(head): \(field) \(DisplayText.inert(value))")
        }
        for clash in catalog.mergeClashes { lines.append("Merge clash: \(DisplayText.inert(clash.summary))") }
        for panel in catalog.panelsByStart() {
            let head = "Panel '\(DisplayText.inert(panel.title))'"
            add(head, "id", panel.id.rawValue)
            add(head, "start", (try? panel.slot().get()).map { TimeFormat.dayRange($0.span, in: $0.zone) } ?? "\(panel.start) \(panel.zone) (time unknown)")
            add(head, "status", panel.status.rawValue)
            add(head, "format", panel.format.label)
            add(head, "series", panel.series.map { catalog.series[$0]?.name ?? $0.rawValue })
            add(head, "host", panel.host.map { catalog.name(of: $0) })
            for org in panel.cosponsors { add(head, "co-sponsor", catalog.name(of: org)) }
            for entry in panel.roster {
                let status = entry.status == .confirmed ? "" : ", \(entry.status.rawValue)"
                add(head, "roster", "\(catalog.name(of: entry.person)) (\(entry.role.rawValue)\(status))")
            }
            for link in panel.links { add(head, "link", "\(link.label) \(link.url)\(link.isPublic ? "" : " (speakers only)")") }
            add(head, "description", panel.description)
            add(head, "notes", panel.notes)
        }
        for person in catalog.people.values.sorted(by: { $0.id < $1.id }) {
            let head = "Person '\(DisplayText.inert(person.name))'"
            add(head, "id", person.id.rawValue)
            add(head, "title", person.title)
            add(head, "affiliation", person.affiliation)
            add(head, "email", person.email)
            add(head, "home zone", person.homeZone)
            add(head, "waking hours", person.wakingHours?.rangeText)
            for window in person.unavailable { add(head, "unavailable", "\(window.start) to \(window.end) \(window.zone)") }
            add(head, "notes", person.notes)
        }
        for org in catalog.organizations.values.sorted(by: { $0.id < $1.id }) {
            let head = "Organization '\(DisplayText.inert(org.name))'"
            add(head, "id", org.id.rawValue)
            add(head, "short name", org.shortName)
            add(head, "url", org.url)
        }
        for series in catalog.series.values.sorted(by: { $0.id < $1.id }) {
            let head = "Series '\(DisplayText.inert(series.name))'"
            add(head, "id", series.id.rawValue)
            add(head, "host", series.host.map { catalog.name(of: $0) })
            add(head, "description", series.description)
            for zone in series.audienceZones { add(head, "audience zone", zone) }
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
