/// A three-way merge by record id, for a store that changed on disk while it was being edited.
///
/// `base` is the catalog as last loaded or saved, `mine` the edited one, `theirs` what is on disk now.
/// Per record: what only one side changed is taken from that side (added, edited or deleted); what
/// both changed alike is kept; where both changed the same record differently, the fields are merged
/// one by one and a field both changed differently is a clash. Clashes start resolved to "mine" and
/// the organizer may take "theirs" for any of them (`resolved(takingTheirs:)`).
public struct CatalogMerge: Sendable {
    /// One place where both sides changed the same thing differently.
    public struct Clash: Sendable {
        /// "panel transnational-repression-2024", "person jane-doe", "settings".
        public let record: String
        /// The record's name as the organizer knows it: the panel's title, the person's name.
        public let name: String
        /// The field ("title", "roster"), or "record" when one side deleted what the other edited.
        public let field: String
        public let mine: String
        public let theirs: String
        /// The clash as a merged store records it (`dais merge-driver`), their side included: what
        /// taking "theirs" applies, now or after the merge.
        public let stored: MergeClash
    }

    /// The merge with every clash resolved to "mine".
    public let merged: Catalog
    public let clashes: [Clash]
    /// Records taken from disk (added, changed or deleted there only).
    public let fromDisk: Int
    /// Records whose fields were merged from both sides.
    public let combined: Int
    /// Records one side deleted that the merged catalog still refers to, kept.
    public let keptReferenced: Int

    public init(base: Catalog, mine: Catalog, theirs: Catalog) {
        var state = MergeState(merged: mine)
        state.mergeRecords(\.panels, base: base.panels, mine: mine.panels, theirs: theirs.panels,
                           kind: "panel", name: { $0.title }, fields: CatalogMerge.panelFields, stored: { .panel($0, $1) })
        state.mergeRecords(\.people, base: base.people, mine: mine.people, theirs: theirs.people,
                           kind: "person", name: { $0.name }, fields: CatalogMerge.personFields, stored: { .person($0, $1) })
        state.mergeRecords(\.organizations, base: base.organizations, mine: mine.organizations, theirs: theirs.organizations,
                           kind: "organization", name: { $0.name }, fields: CatalogMerge.organizationFields, stored: { .organization($0, $1) })
        state.mergeRecords(\.series, base: base.series, mine: mine.series, theirs: theirs.series,
                           kind: "series", name: { $0.name }, fields: CatalogMerge.seriesFields, stored: { .series($0, $1) })
        state.mergeSettings(base: base.settings, mine: mine.settings, theirs: theirs.settings)
        keptReferenced = state.keepReferenced(mine: mine, theirs: theirs)
        merged = state.merged
        clashes = state.clashes
        fromDisk = state.fromDisk
        combined = state.combined
    }

    /// The merge with the clashes at the given indexes resolved to "theirs".
    public func resolved(takingTheirs: Set<Int>) -> Catalog {
        var catalog = merged
        for index in takingTheirs.sorted() where clashes.indices.contains(index) {
            CatalogMerge.takeTheirs(clashes[index].stored, in: &catalog)
        }
        return catalog
    }

    /// The merge as a store records it: every clash resolved to "mine" and listed in `mergeClashes`
    /// (after any the sides already had), so that the organizer can still take "theirs".
    public var recorded: Catalog {
        var catalog = merged
        catalog.mergeClashes += clashes.map(\.stored)
        return catalog
    }

    /// Puts their side of a recorded clash into a catalog (the clash itself stays listed).
    public static func takeTheirs(_ clash: MergeClash, in catalog: inout Catalog) {
        func take<Record>(_ fields: [Field<Record>], _ current: Record?, _ theirs: Record?) -> Record? {
            guard clash.field != "record" else { return theirs }
            guard var record = current, let theirs, let field = fields.first(where: { $0.name == clash.field }) else { return current }
            field.take(&record, theirs)
            return record
        }
        switch clash.theirs {
        case .panel(let id, let theirs): catalog.panels[id] = take(panelFields, catalog.panels[id], theirs)
        case .person(let id, let theirs): catalog.people[id] = take(personFields, catalog.people[id], theirs)
        case .organization(let id, let theirs): catalog.organizations[id] = take(organizationFields, catalog.organizations[id], theirs)
        case .series(let id, let theirs): catalog.series[id] = take(seriesFields, catalog.series[id], theirs)
        case .settings(let theirs): catalog.settings = take(settingsFields, catalog.settings, theirs) ?? catalog.settings
        }
    }

    /// One line for the organizer: "3 records from disk, 1 merged field by field, 2 clashes".
    public var summary: String { summary(theirs: "disk") }

    /// The same, naming their side ("disk", "theirs").
    public func summary(theirs: String) -> String {
        var parts = ["\(fromDisk) record\(fromDisk == 1 ? "" : "s") taken from \(theirs)"]
        if combined > 0 { parts.append("\(combined) merged field by field") }
        if keptReferenced > 0 { parts.append("\(keptReferenced) deleted record\(keptReferenced == 1 ? "" : "s") kept because still referenced") }
        parts.append(clashes.isEmpty ? "no clashes" : "\(clashes.count) clash\(clashes.count == 1 ? "" : "es")")
        return parts.joined(separator: ", ")
    }

    // MARK: Fields

    /// One field of a record type: compare, copy from another record, show.
    struct Field<Record>: Sendable {
        let name: String
        let same: @Sendable (Record, Record) -> Bool
        let take: @Sendable (inout Record, Record) -> Void
        let show: @Sendable (Record) -> String

        init<Value: Equatable & Sendable>(_ name: String, _ path: WritableKeyPath<Record, Value> & Sendable,
                                          show: @escaping @Sendable (Value) -> String) {
            self.name = name
            same = { $0[keyPath: path] == $1[keyPath: path] }
            take = { $0[keyPath: path] = $1[keyPath: path] }
            self.show = { show($0[keyPath: path]) }
        }
    }

    /// A value on one line, whole: two long values that differ only at the end must still read
    /// differently (the screens cut what does not fit).
    static func text(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "(empty)" }
        return DisplayText.inert(value)
    }

    static func ids<Kind>(_ list: [Identifier<Kind>]) -> String { list.isEmpty ? "(none)" : list.map(\.rawValue).joined(separator: ", ") }

    static let panelFields: [Field<Panel>] = [
        Field("title", \.title) { text($0) },
        Field("series", \.series) { text($0?.rawValue) },
        Field("description", \.description) { text($0) },
        Field("start", \.start) { "\($0)" },
        Field("zone", \.zone) { text($0) },
        Field("duration", \.durationMinutes) { "\($0) min" },
        Field("format", \.format) { $0.label },
        Field("status", \.status) { $0.rawValue },
        Field("host", \.host) { text($0?.rawValue) },
        Field("co-sponsors", \.cosponsors) { ids($0) },
        Field("roster", \.roster) { roster in
            roster.isEmpty ? "(none)" : roster.map { "\($0.person.rawValue) (\($0.role.rawValue))" }.joined(separator: ", ")
        },
        Field("links", \.links) { $0.isEmpty ? "(none)" : $0.map { text($0.url) }.joined(separator: ", ") },
        Field("notes", \.notes) { text($0) },
        Field("uid", \.uid) { text($0) },
    ]

    static let personFields: [Field<Person>] = [
        Field("name", \.name) { text($0) },
        Field("title", \.title) { text($0) },
        Field("affiliation", \.affiliation) { text($0) },
        Field("email", \.email) { text($0) },
        Field("home zone", \.homeZone) { text($0) },
        Field("unavailable", \.unavailable) { "\($0.count) window\($0.count == 1 ? "" : "s")" },
        Field("notes", \.notes) { text($0) },
        Field("waking hours", \.wakingHours) { $0?.rangeText ?? "(the store's)" },
    ]

    static let organizationFields: [Field<Organization>] = [
        Field("name", \.name) { text($0) },
        Field("short name", \.shortName) { text($0) },
        Field("url", \.url) { text($0) },
    ]

    static let seriesFields: [Field<Series>] = [
        Field("name", \.name) { text($0) },
        Field("host", \.host) { text($0?.rawValue) },
        Field("description", \.description) { text($0) },
        Field("audience zones", \.audienceZones) { $0.isEmpty ? "(each panel's own)" : $0.joined(separator: ", ") },
    ]

    static let settingsFields: [Field<Settings>] = [
        Field("changeover minutes", \.changeoverMinutesValue) { $0.map { "\($0) min" } ?? "(default)" },
        Field("waking hours", \.wakingHoursValue) { $0?.rangeText ?? "(default)" },
        Field("display zones", \.displayZonesValue) { $0?.joined(separator: ", ") ?? "(default)" },
        Field("stretch minutes", \.stretchMinutesValue) { $0.map { "\($0) min" } ?? "(default)" },
    ]
}

/// The merge in progress.
private struct MergeState {
    var merged: Catalog
    var clashes: [CatalogMerge.Clash] = []
    var fromDisk = 0
    var combined = 0

    mutating func mergeRecords<Kind, Record: Equatable & Sendable>(
        _ table: WritableKeyPath<Catalog, [Identifier<Kind>: Record]> & Sendable,
        base: [Identifier<Kind>: Record], mine: [Identifier<Kind>: Record], theirs: [Identifier<Kind>: Record],
        kind: String, name: (Record) -> String, fields: [CatalogMerge.Field<Record>],
        stored: (Identifier<Kind>, Record?) -> MergeClash.Theirs
    ) {
        var ids = Set(theirs.keys)
        ids.formUnion(base.keys)  // what only "mine" added needs nothing: it is in the merge already
        // Only records their side changed, and not alike, need anything; those are taken in id order
        // (so clashes come in a stable order), the others are not sorted at all.
        let changed = ids.filter { id in
            let t = theirs[id]
            return t != base[id] && mine[id] != t
        }
        for id in changed.sorted() {
            let b = base[id], m = mine[id], t = theirs[id]
            if m == b {  // changed on disk only
                merged[keyPath: table][id] = t
                fromDisk += 1
                continue
            }
            let label = "\(kind) \(id.rawValue)"
            guard let m, let t else {
                // One side deleted what the other changed.
                let kept = m ?? t!
                let (mineText, theirsText) = (m == nil ? "deleted" : "changed", t == nil ? "deleted" : "changed")
                clashes.append(CatalogMerge.Clash(
                    record: label, name: name(kept), field: "record", mine: mineText, theirs: theirsText,
                    stored: MergeClash(name: name(kept), field: "record", mine: mineText, theirsText: theirsText, theirs: stored(id, t))))
                continue
            }
            merged[keyPath: table][id] = mergeFields(b, m, t, fields, record: label, name: name(m), stored: stored(id, t))
        }
    }

    /// One record changed on both sides, merged field by field: a field changed on one side only is
    /// taken from that side; one both changed differently stays mine and becomes a clash, recorded
    /// with their whole record (`stored`) so that "theirs" can be taken later.
    mutating func mergeFields<Record: Sendable>(
        _ base: Record?, _ mine: Record, _ theirs: Record, _ fields: [CatalogMerge.Field<Record>], record: String, name: String,
        stored: MergeClash.Theirs
    ) -> Record {
        var result = mine
        for field in fields {
            let mineChanged = base.map { !field.same(mine, $0) } ?? true
            let theirsChanged = base.map { !field.same(theirs, $0) } ?? true
            if field.same(mine, theirs) || !theirsChanged { continue }
            if !mineChanged {
                field.take(&result, theirs)
                continue
            }
            clashes.append(CatalogMerge.Clash(
                record: record, name: name, field: field.name, mine: field.show(mine), theirs: field.show(theirs),
                stored: MergeClash(name: name, field: field.name, mine: field.show(mine), theirsText: field.show(theirs), theirs: stored)))
        }
        combined += 1
        return result
    }

    mutating func mergeSettings(base: Settings, mine: Settings, theirs: Settings) {
        guard theirs != base, mine != theirs else { return }
        if mine == base {
            merged.settings = theirs
            fromDisk += 1
            return
        }
        merged.settings = mergeFields(base, mine, theirs, CatalogMerge.settingsFields, record: "settings", name: "Settings", stored: .settings(theirs))
    }

    /// Puts back people, organizations and series that one side deleted and the merge still refers to.
    mutating func keepReferenced(mine: Catalog, theirs: Catalog) -> Int {
        var kept = 0
        func person(_ id: PersonID) {
            if merged.people[id] == nil, let record = mine.people[id] ?? theirs.people[id] { merged.people[id] = record; kept += 1 }
        }
        func organization(_ id: OrganizationID?) {
            if let id, merged.organizations[id] == nil, let record = mine.organizations[id] ?? theirs.organizations[id] {
                merged.organizations[id] = record
                kept += 1
            }
        }
        for series in merged.series.values { organization(series.host) }
        var seriesNeeded: [SeriesID] = []
        for panel in merged.panels.values {
            for entry in panel.roster { person(entry.person) }
            organization(panel.host)
            for id in panel.cosponsors { organization(id) }
            if let id = panel.series, merged.series[id] == nil { seriesNeeded.append(id) }
        }
        for id in seriesNeeded where merged.series[id] == nil {
            if let record = mine.series[id] ?? theirs.series[id] {
                merged.series[id] = record
                organization(record.host)
                kept += 1
            }
        }
        return kept
    }
}
