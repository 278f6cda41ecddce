extension AgendaDocument {
    /// A speaker's panels on their page of the site, one line each: the title linking the panel's
    /// page, the date, the times in each zone (their home zone first, as the agenda's zones are
    /// given), and their part.
    func speakerList(_ panels: [Panel], _ speaker: PersonID, _ site: SiteLinks, _ out: inout Bytes) {
        out.put("<ul class=\"panels\">\n")
        for panel in panels {
            out.put(panel.status == .scheduled ? "<li>" : "<li class=\"\(panel.status.rawValue)\">")
            link(site.page(of: panel.id), panel.title, &out)
            if let slot = try? panel.slot().get() {
                out.put("<br>\n<time datetime=\"\(slot.span.start.iso8601)\">")
                out.h(TimeFormat.longDate(slot.zone.local(at: slot.span.start).date))
                out.put("</time>")
                for times in zoneTimes(slot) {
                    out.put("\n<span class=\"zone\">")
                    out.h(times)
                    out.put("</span>")
                }
            } else {
                out.put("<br>\n")
                out.h("\(panel.start.date) \(panel.start.timeText) \(panel.zone) (time to be confirmed)")
            }
            let parts = Role.allCases.filter { role in panel.announced(role).contains { $0.person == speaker } }.map(\.label)
            out.put("<br>\n<span class=\"part\">")
            out.h(parts.joined(separator: ", "))
            if panel.status != .scheduled {
                out.put(" · <span class=\"status\">")
                out.h(panel.status.rawValue)
                out.put("</span>")
            }
            out.put("</span></li>\n")
        }
        out.put("</ul>\n")
    }
}
