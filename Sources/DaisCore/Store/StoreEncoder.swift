/// Writes a catalog as a store file in one canonical form: keys sorted, records sorted by id,
/// two-space indentation, UTF-8 unescaped, a final newline. The bytes equal Python's
/// `json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)` plus "\n", so the same catalog
/// always gives the same file and one edit changes few lines.
public enum StoreEncoder {
    public static func encode(_ catalog: Catalog) -> [UInt8] {
        var w = JSONWriter()
        write(catalog, into: &w) { _ in }
        return w.bytes
    }

    /// Hands the store file's bytes to `deliver` in order, in pieces of about a megabyte, each lent
    /// for the call: a save writes them to disk as they are made, through one buffer.
    static func write(_ catalog: Catalog, to deliver: ([UInt8]) -> Void) {
        var w = JSONWriter()
        write(catalog, into: &w) { w in
            if w.count >= 1 << 20 { w.drain(deliver) }
        }
        w.drain(deliver)
    }

    /// Writes the store file into `w`, calling `between` after each panel and each person (the long
    /// arrays), where the bytes so far may be drained.
    private static func write(_ catalog: Catalog, into w: inout JSONWriter, between: (inout JSONWriter) -> Void) {
        writeLayout(clashes: catalog.mergeClashes, settings: catalog.settings, version: version(of: catalog), into: &w,
                    organizations: { $0.array(byID(catalog.organizations)) { w, org in encode(org, &w) } },
                    panels: { $0.array(byID(catalog.panels)) { w, panel in encode(panel, &w); between(&w) } },
                    people: { $0.array(byID(catalog.people)) { w, person in encode(person, &w); between(&w) } },
                    series: { $0.array(byID(catalog.series)) { w, series in encode(series, &w) } })
    }

    /// The store file around its four lists of records, each list written by its closure (an array
    /// of records in id order): the one place that knows the file's top-level layout.
    static func writeLayout(clashes: [MergeClash], settings: Settings, version: Int, into w: inout JSONWriter,
                            organizations: (inout JSONWriter) -> Void, panels: (inout JSONWriter) -> Void,
                            people: (inout JSONWriter) -> Void, series: (inout JSONWriter) -> Void) {
        w.object { w in
            w.field("format") { $0.string(StoreDecoder.formatName) }
            if !clashes.isEmpty {
                w.field("mergeClashes") { w in w.array(clashes) { w, clash in encode(clash, &w) } }
            }
            w.field("organizations", organizations)
            w.field("panels", panels)
            w.field("people", people)
            w.field("series", series)
            if !settings.isEmpty {
                w.field("settings") { w in encode(settings, &w) }
            }
            w.field("version") { $0.integer(version) }
        }
        w.newline()
    }

    /// The format a catalog is written in: the lowest that holds everything it has, so that a store
    /// using none of format 2's fields stays readable by a Dais that knows only format 1 (a
    /// collaborator who has not upgraded yet).
    public static func version(of catalog: Catalog) -> Int {
        let usesTwo = !catalog.mergeClashes.isEmpty || needsFormat2(catalog.settings)
            || catalog.series.values.contains(where: needsFormat2) || catalog.people.values.contains(where: needsFormat2)
            || catalog.panels.values.contains(where: needsFormat2)
        return usesTwo ? 2 : 1
    }

    // What each record needs format 2 for. `StoreIndex` flags records by the fields these read;
    // a field added here must be added there.

    static func needsFormat2(_ settings: Settings) -> Bool { settings.stretchMinutesValue != nil || settings.confirmDaysValue != nil }
    static func needsFormat2(_ series: Series) -> Bool { !series.audienceZones.isEmpty }
    static func needsFormat2(_ person: Person) -> Bool { person.wakingHours != nil }
    static func needsFormat2(_ panel: Panel) -> Bool {
        panel.revision != Revision() || panel.roster.contains { $0.status != .confirmed }
            || panel.links.contains { $0.kind != .other || !$0.hasDefaultVisibility }
    }

    /// What the organizer is told, once, when a save writes format 2 over a format-1 store (`old` is
    /// what the file held, `new` what was written; `name` the file as the message names it); nil
    /// for any other save. The notice is for whoever may still open the store with an older Dais: a
    /// store without panels yet (one `dais init` just made) has nothing for them, and is not named.
    public static func upgradeNotice(from old: Catalog, to new: Catalog, name: String) -> String? {
        guard !old.panels.isEmpty else { return nil }
        return version(of: old) < 2 && version(of: new) == 2 ? "\(name) was upgraded to format 2; the previous file is \(name).bak" : nil
    }

    /// Calls `body` with the catalog's store file bytes, as one piece.
    public static func encoded<R>(_ catalog: Catalog, _ body: ([[UInt8]]) throws -> R) rethrows -> R {
        try body([encode(catalog)])
    }

    /// Records in the order of their ids' text (each id's text is read from the symbol table once).
    static func byID<ID, Record>(_ records: [Identifier<ID>: Record]) -> [Record] {
        records.map { (id: $0.key.rawValue, record: $0.value) }.sorted { $0.id < $1.id }.map(\.record)
    }

    // Field order below is sorted by key (code point order), as the canonical form requires.

    static func encode(_ clash: MergeClash, _ w: inout JSONWriter) {
        w.object { w in
            w.field("field") { $0.string(clash.field) }
            w.field("id") { $0.string(clash.id) }
            w.field("kind") { $0.string(clash.kind) }
            w.field("mine") { $0.string(clash.mine) }
            w.field("name") { $0.string(clash.name) }
            w.field("theirs") { $0.string(clash.theirsText) }
            w.field("theirsRecord") { w in
                switch clash.theirs {
                case .panel(_, let panel): if let panel { encode(panel, &w) } else { w.null() }
                case .person(_, let person): if let person { encode(person, &w) } else { w.null() }
                case .organization(_, let org): if let org { encode(org, &w) } else { w.null() }
                case .series(_, let series): if let series { encode(series, &w) } else { w.null() }
                case .settings(let settings): encode(settings, &w)
                }
            }
        }
    }

    static func encode(_ settings: Settings, _ w: inout JSONWriter) {
        w.object { w in
            if let minutes = settings.changeoverMinutesValue { w.field("changeoverMinutes") { $0.integer(minutes) } }
            if let days = settings.confirmDaysValue { w.field("confirmDays") { $0.integer(days) } }
            if let zones = settings.displayZonesValue { w.field("displayZones") { $0.array(zones) { w, z in w.string(z) } } }
            if let minutes = settings.stretchMinutesValue { w.field("stretchMinutes") { $0.integer(minutes) } }
            if let hours = settings.wakingHoursValue { w.field("wakingHours") { w in encode(hours, &w) } }
        }
    }

    static func encode(_ hours: WakingHours, _ w: inout JSONWriter) {
        w.object { w in
            w.field("end") { $0.string(WakingHours.text(hours.end)) }
            w.field("start") { $0.string(WakingHours.text(hours.start)) }
        }
    }

    static func encode(_ org: Organization, _ w: inout JSONWriter) {
        w.object { w in
            w.field("id") { $0.string(org.id.rawValue) }
            w.field("name") { $0.string(org.name) }
            w.optional("shortName", org.shortName)
            w.optional("url", org.url)
        }
    }

    static func encode(_ person: Person, _ w: inout JSONWriter) {
        w.object { w in
            w.optional("affiliation", person.affiliation)
            w.optional("email", person.email)
            w.optional("homeZone", person.homeZone)
            w.field("id") { $0.string(person.id.rawValue) }
            w.field("name") { $0.string(person.name) }
            w.optional("notes", person.notes)
            w.optional("title", person.title)
            if !person.unavailable.isEmpty {
                w.field("unavailable") { w in
                    w.array(person.unavailable) { w, window in
                        w.object { w in
                            w.field("end") { $0.localDateTime(window.end) }
                            w.field("start") { $0.localDateTime(window.start) }
                            w.field("zone") { $0.string(window.zone) }
                        }
                    }
                }
            }
            if let hours = person.wakingHours { w.field("wakingHours") { w in encode(hours, &w) } }
        }
    }

    static func encode(_ series: Series, _ w: inout JSONWriter) {
        w.object { w in
            if !series.audienceZones.isEmpty {
                w.field("audienceZones") { $0.array(series.audienceZones) { w, zone in w.string(zone) } }
            }
            w.optional("description", series.description)
            w.optional("host", series.host?.rawValue)
            w.field("id") { $0.string(series.id.rawValue) }
            w.field("name") { $0.string(series.name) }
        }
    }

    static func encode(_ panel: Panel, _ w: inout JSONWriter) {
        w.object { w in
            if !panel.cosponsors.isEmpty {
                w.field("cosponsors") { $0.array(panel.cosponsors) { w, id in w.string(id.rawValue) } }
            }
            w.optional("description", panel.description)
            w.field("durationMinutes") { $0.integer(panel.durationMinutes) }
            w.field("format") { $0.string(panel.format.rawValue) }
            w.optional("host", panel.host?.rawValue)
            w.field("id") { $0.string(panel.id.rawValue) }
            if !panel.links.isEmpty {
                w.field("links") { w in
                    w.array(panel.links) { w, link in
                        w.object { w in
                            if link.kind != .other { w.field("kind") { $0.string(link.kind.rawValue) } }
                            w.field("label") { $0.string(link.label) }
                            if !link.hasDefaultVisibility { w.field("public") { $0.bool(link.isPublic) } }
                            w.field("url") { $0.string(link.url) }
                        }
                    }
                }
            }
            if let modified = panel.revision.modified { w.field("modified") { $0.string(modified.iso8601) } }
            w.optional("notes", panel.notes)
            w.field("roster") { w in
                w.array(panel.roster) { w, entry in
                    w.object { w in
                        w.field("person") { $0.string(entry.person.rawValue) }
                        w.field("role") { $0.string(entry.role.rawValue) }
                        // Absent means confirmed, as in format 1.
                        if entry.status != .confirmed { w.field("status") { $0.string(entry.status.rawValue) } }
                        w.optional("title", entry.title)
                    }
                }
            }
            if panel.revision.sequence > 0 { w.field("sequence") { $0.integer(panel.revision.sequence) } }
            w.optional("series", panel.series?.rawValue)
            w.field("start") { $0.localDateTime(panel.start) }
            w.field("status") { $0.string(panel.status.rawValue) }
            w.field("title") { $0.string(panel.title) }
            w.optional("uid", panel.uid)
            w.field("zone") { $0.string(panel.zone) }
        }
    }
}
