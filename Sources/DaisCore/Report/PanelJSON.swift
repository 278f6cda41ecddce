/// One panel as JSON for the command line: the fields of the design's contract and a few more.
public enum PanelJSON {
    /// Writes `id`, `title`, `series`, `start`, `end`, `zone`, `durationMinutes`, `startUTC`, `endUTC`
    /// (null when the time cannot be resolved, with `timeProblem` saying why), `status`, `format`, `host`
    /// (own or the series'), `cosponsors` and `roster` (`person`, `name`, `role`, `title`); with
    /// `detailed`, also `description`, `links` and `notes`.
    public static func write(_ panel: Panel, catalog: Catalog, detailed: Bool, into w: inout JSONWriter) {
        let slot = try? panel.slot().get()
        w.object { w in
            w.field("cosponsors") { $0.array(panel.cosponsors) { w, id in w.string(id.rawValue) } }
            if detailed { w.field("description") { w in nullable(&w, panel.description) } }
            w.field("durationMinutes") { $0.integer(panel.durationMinutes) }
            w.field("end") { $0.string((slot.map { $0.zone.local(at: $0.span.end) } ?? panel.nominalEnd).description) }
            w.field("endUTC") { w in nullable(&w, slot?.span.end.iso8601) }
            w.field("format") { $0.string(panel.format.rawValue) }
            w.field("host") { w in nullable(&w, catalog.effectiveHost(of: panel)?.rawValue) }
            w.field("id") { $0.string(panel.id.rawValue) }
            if detailed {
                w.field("links") { w in
                    w.array(panel.links) { w, link in
                        w.object { w in
                            w.field("kind") { $0.string(link.kind.rawValue) }
                            w.field("label") { $0.string(link.label) }
                            w.field("public") { $0.bool(link.isPublic) }
                            w.field("url") { $0.string(link.url) }
                        }
                    }
                }
                w.field("notes") { w in nullable(&w, panel.notes) }
            }
            w.field("roster") { w in
                w.array(panel.roster) { w, entry in
                    w.object { w in
                        w.field("name") { $0.string(catalog.name(of: entry.person)) }
                        w.field("person") { $0.string(entry.person.rawValue) }
                        w.field("role") { $0.string(entry.role.rawValue) }
                        w.field("title") { w in nullable(&w, catalog.titleLine(for: entry)) }
                    }
                }
            }
            w.field("series") { w in nullable(&w, panel.series?.rawValue) }
            w.field("start") { $0.string(panel.start.description) }
            w.field("startUTC") { w in nullable(&w, slot?.span.start.iso8601) }
            w.field("status") { $0.string(panel.status.rawValue) }
            if case .failure(let problem) = panel.slot() {
                w.field("timeProblem") { $0.string(problem.description) }
            }
            w.field("title") { $0.string(panel.title) }
            w.field("zone") { $0.string(panel.zone) }
        }
    }

    static func nullable(_ w: inout JSONWriter, _ value: String?) {
        if let value { w.string(value) } else { w.null() }
    }
}
