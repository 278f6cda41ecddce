/// A panel as a CalDAV calendar object resource (RFC 4791 4.1): a VCALENDAR holding its one VEVENT
/// (as the published feeds write it) and the VTIMEZONE it names, without METHOD, which a resource
/// in a calendar collection must not carry.
struct CalDAVResource: Equatable {
    /// The resource's name in the calendar: "dais-" and the panel's id. The prefix marks what
    /// `dais publish --caldav` put there: a "dais-" resource whose panel is no longer published is
    /// removed, any other resource is never touched.
    let name: String
    let panel: PanelID
    let title: String
    let bytes: [UInt8]
    /// The bytes' digest, as the record of a push keeps it (`CalDAVState.hash`).
    let hash: String

    init(name: String, panel: PanelID, title: String, bytes: [UInt8]) {
        self.name = name
        self.panel = panel
        self.title = title
        self.bytes = bytes
        hash = CalDAVState.hash(bytes)
    }

    static let prefix = "dais-"

    static func name(of panel: PanelID) -> String { prefix + panel.rawValue + ".ics" }

    /// The panel id a resource's name was made from (the name itself when it is not one of Dais's).
    static func panelID(ofName name: String) -> String {
        name.hasPrefix(prefix) && name.hasSuffix(".ics") ? String(name.dropFirst(prefix.count).dropLast(4)) : name
    }

    /// The resources of every published panel (all but the drafts), in the store's order, each
    /// stamped with its panel's own last change so that an unchanged panel gives the same bytes.
    static func all(of catalog: Catalog) -> [CalDAVResource] {
        let panels = PanelQuery(statuses: Set(PanelStatus.allCases).subtracting([.draft])).select(from: catalog)
        let agenda = Agenda(catalog: catalog, panels: panels, zones: [], now: Instant(secondsSinceEpoch: 0), published: true)
        return panels.compactMap { panel in
            guard let slot = try? panel.slot().get() else { return nil }
            var out = ICalendarText()
            out.line("BEGIN", "VCALENDAR")
            out.line("VERSION", "2.0")
            out.line("PRODID", ICSExporter.productID)
            out.line("CALSCALE", "GREGORIAN")
            if !ICSExporter.isUTC(slot) { ICSExporter.timezone(slot.zone, from: slot.span.start, to: slot.span.end, into: &out) }
            let stamp = panel.revision.modified ?? Instant(secondsSinceEpoch: 0)
            ICSExporter.event(panel, slot, catalog, links: agenda.links(of: panel), stamp: stamp.icalUTC, published: true, into: &out)
            out.line("END", "VCALENDAR")
            return CalDAVResource(name: name(of: panel.id), panel: panel.id, title: panel.title, bytes: out.bytes)
        }
    }
}
