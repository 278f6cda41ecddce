/// Decodes a store file of format 1 or 2 into a `Catalog`, refusing anything it does not understand
/// with the line and column where it is. (Format 2 adds fields; a format-1 file is a format-2 file
/// that uses none of them.)
///
/// Unknown references, unknown zones and nonexistent local times are not refused here: they load and
/// become findings, so the console can open the store and show them.
public enum StoreDecoder {
    public static let formatName = "dais-store"
    /// The newest format this Dais reads and writes.
    public static let currentVersion = 2

    /// Decodes the bytes of a store file; `path` is only used in messages.
    public static func decode(_ data: [UInt8], path: String) throws(StoreError) -> Catalog {
        var reader = JSONReader(data)
        do {
            return try decodeStore(&reader)
        } catch let failure as JSONReader.Failure {
            throw classify(failure, bytes: data, path: path)
        } catch {
            throw StoreError.unreadable(path: path, reason: "\(error)")
        }
    }

    /// Turns a reader failure into a store error, preferring "newer version" when the file says so:
    /// a newer file fails for reasons this version cannot judge.
    private static func classify(_ failure: JSONReader.Failure, bytes: [UInt8], path: String) -> StoreError {
        if let header = try? prescanHeader(bytes) {
            if let version = header.version, version > currentVersion {
                return .newerVersion(path: path, found: version, supported: currentVersion)
            }
        }
        let (line, column) = JSONReader.location(of: failure.offset, in: bytes)
        return .malformed(path: path, line: line, column: column, message: failure.message)
    }

    /// The top-level "format" and "version", found by skipping everything else.
    private static func prescanHeader(_ bytes: [UInt8]) throws -> (format: String?, version: Int?) {
        var reader = JSONReader(bytes)
        skipByteOrderMark(&reader)
        var format: String?
        var version: Int?
        try reader.readObject(for: "the store") { r, key, _ in
            switch key {
            case "format": format = try r.readString(for: "\"format\"")
            case "version": version = try r.readInt(for: "\"version\"")
            default: try r.skipValue()
            }
        }
        return (format, version)
    }

    private static func skipByteOrderMark(_ reader: inout JSONReader) {
        let b = reader.bytes
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { reader.position = 3 }
    }

    // MARK: Store

    private static func decodeStore(_ r: inout JSONReader) throws -> Catalog {
        skipByteOrderMark(&r)
        if r.peekKind() == .end {
            throw r.fail(r.position == 0 ? "the file is empty: expected a store object {\"format\": \"dais-store\", ...}"
                : "the file holds only spaces: expected a store object")
        }
        let open = r.position
        var format: String?, version: Int?, versionOffset = 0, formatOffset = 0
        var settings = Settings()
        var organizations: [OrganizationID: Organization]?, people: [PersonID: Person]?, series: [SeriesID: Series]?, panels: [PanelID: Panel]?
        var clashes: [MergeClash] = []
        try r.readObject(for: "the store") { r, key, keyOffset in
            switch key {
            case "format":
                formatOffset = r.position
                format = try r.readString(for: "\"format\"")
            case "version":
                r.skipSpace()
                versionOffset = r.position
                version = try r.readInt(for: "\"version\"")
            case "settings": settings = try decodeSettings(&r)
            case "organizations": organizations = try decodeRecords(&r, kind: "organization", decodeOrganization)
            case "people": people = try decodeRecords(&r, kind: "person", decodePerson)
            case "series": series = try decodeRecords(&r, kind: "series", decodeSeries)
            case "panels": panels = try decodeRecords(&r, kind: "panel", decodePanel)
            case "mergeClashes":
                try r.readArray(for: "\"mergeClashes\"") { r in clashes.append(try decodeClash(&r)) }
            default:
                throw r.fail("unknown field \"\(key)\" at the top of the store; known fields: format, version, settings, organizations, people, series, panels, mergeClashes", at: keyOffset)
            }
        }
        r.skipSpace()
        if r.position < r.bytes.count { throw r.fail("unexpected text after the end of the store object") }
        guard let format else { throw r.fail("not a Dais store: the top-level object has no \"format\": \"dais-store\"", at: open) }
        guard format == formatName else { throw r.fail("not a Dais store: \"format\" is \"\(format)\", expected \"dais-store\"", at: formatOffset) }
        guard let version else { throw r.fail("missing field \"version\" at the top of the store (this Dais writes version \(currentVersion))", at: open) }
        guard (1...currentVersion).contains(version) else {
            throw r.fail("unsupported store version \(version); this Dais reads versions 1 to \(currentVersion)", at: versionOffset)
        }
        for (value, name) in [(organizations == nil, "organizations"), (people == nil, "people"), (series == nil, "series"), (panels == nil, "panels")] where value {
            throw r.fail("missing field \"\(name)\" at the top of the store (an empty list [] is fine)", at: open)
        }
        var catalog = Catalog(settings: settings)
        (catalog.organizations, catalog.people, catalog.series, catalog.panels) = (organizations!, people!, series!, panels!)
        catalog.mergeClashes = clashes
        return catalog
    }

    // MARK: One record

    // One record of a store file, read at `offset` (for the merge driver, which decodes only the
    // records the two sides hold differently; `StoreIndex` found where they are).

    static func organization(in bytes: [UInt8], at offset: Int) throws -> Organization { try one(bytes, offset) { try decodeOrganization(&$0).0 } }
    static func person(in bytes: [UInt8], at offset: Int) throws -> Person { try one(bytes, offset) { try decodePerson(&$0).0 } }
    static func series(in bytes: [UInt8], at offset: Int) throws -> Series { try one(bytes, offset) { try decodeSeries(&$0).0 } }
    static func panel(in bytes: [UInt8], at offset: Int) throws -> Panel { try one(bytes, offset) { try decodePanel(&$0).0 } }
    static func settings(in bytes: [UInt8], at offset: Int) throws -> Settings { try one(bytes, offset) { try decodeSettings(&$0) } }

    private static func one<Value>(_ bytes: [UInt8], _ offset: Int, _ decode: (inout JSONReader) throws -> Value) throws -> Value {
        var r = JSONReader(bytes, at: offset)
        return try decode(&r)
    }

    /// Decodes an array of records into a dictionary by id, refusing a second record with the same id.
    private static func decodeRecords<Record: Identifiable>(
        _ r: inout JSONReader, kind: String, _ decode: (inout JSONReader) throws -> (Record, Int)
    ) throws -> [Record.ID: Record] where Record.ID: Hashable {
        var records: [Record.ID: Record] = [:]
        // Where each id was, in order, for the message about a duplicate (found by a search then).
        var ids: [Record.ID] = [], offsets: [Int] = []
        try r.readArray(for: "the list of \(kind == "series" ? "series" : kind + "s")") { r in
            let (record, idOffset) = try decode(&r)
            if records.updateValue(record, forKey: record.id) != nil {
                let first = offsets[ids.firstIndex(of: record.id)!]
                let (line, _) = JSONReader.location(of: first, in: r.bytes)
                throw r.fail("duplicate \(kind) id \"\(record.id)\" (first used on line \(line)); ids must be unique", at: idOffset)
            }
            ids.append(record.id)
            offsets.append(idOffset)
        }
        return records
    }

    // MARK: Fields

    /// A record's id, checked, as its interned symbol.
    private static func readID(_ r: inout JSONReader, kind: String, offset: inout Int) throws -> UInt32 {
        r.skipSpace()
        offset = r.position
        let text = try r.readString(for: "the id of a \(kind)")
        if let problem = Identifier<Never>.problem(with: text) { throw r.fail("bad \(kind) id \"\(text)\": \(problem)", at: offset) }
        return SymbolTable.shared.intern(text)
    }

    /// A reference to a record, checked as an id, as its interned symbol (through the reader's cache
    /// of references met before).
    private static func readReference(_ r: inout JSONReader, field: String) throws -> UInt32 {
        r.skipSpace()
        let offset = r.position
        return try r.readSymbol(for: field) { text in
            if let problem = Identifier<Never>.problem(with: text) {
                throw JSONReader.Failure(offset: offset, message: "bad reference \"\(text)\" in \(field): \(problem)")
            }
            return SymbolTable.shared.intern(text)
        }
    }

    private static func readLocal(_ r: inout JSONReader, field: String) throws -> LocalDateTime {
        r.skipSpace()
        let offset = r.position
        guard let local = try r.readString(for: field, parsing: { LocalDateTime(parsingBytes: $0) }) else {
            r.position = offset
            let text = try r.readString(for: field)
            throw r.fail("\(field) must be a local date and time like \"2024-11-13T10:00\", found \"\(text)\"", at: offset)
        }
        return local
    }

    private static func readEnum<E: RawRepresentable & CaseIterable>(_ r: inout JSONReader, _: E.Type, field: String) throws -> E where E.RawValue == String {
        r.skipSpace()
        let offset = r.position
        let text = try r.readString(for: field)
        guard let value = E(rawValue: text) else {
            let choices = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw r.fail("\(field) must be one of \(choices); found \"\(text)\"", at: offset)
        }
        return value
    }

    private static func unknown(_ r: JSONReader, _ key: FieldName, in what: String, known: String, at offset: Int) -> JSONReader.Failure {
        r.fail("unknown field \"\(key)\" in \(what); known fields: \(known)", at: offset)
    }

    private static func missing(_ r: JSONReader, _ field: String, in what: String, at offset: Int) -> JSONReader.Failure {
        r.fail("missing field \"\(field)\" in \(what) that starts here", at: offset)
    }

    // MARK: Records

    /// A clash a git merge recorded; its "theirsRecord" is read once its kind is known.
    private static func decodeClash(_ r: inout JSONReader) throws -> MergeClash {
        r.skipSpace()
        let open = r.position
        var texts: [String: String] = [:], recordAt: Int?
        try r.readObject(for: "a merge clash") { r, key, keyOffset in
            switch key {
            case "field", "id", "kind", "mine", "name", "theirs": texts[key.text] = try r.readString(for: "\"\(key)\" of a merge clash")
            case "theirsRecord":
                r.skipSpace()
                recordAt = r.position
                try r.skipValue()
            default: throw unknown(r, key, in: "a merge clash", known: "kind, id, name, field, mine, theirs, theirsRecord", at: keyOffset)
            }
        }
        for name in ["kind", "id", "name", "field", "mine", "theirs"] where texts[name] == nil {
            throw missing(r, name, in: "the merge clash", at: open)
        }
        guard let recordAt else { throw missing(r, "theirsRecord", in: "the merge clash", at: open) }
        var sub = r
        sub.position = recordAt
        let id = texts["id"]!
        let theirs: MergeClash.Theirs
        switch texts["kind"]! {
        case "panel": theirs = .panel(PanelID(id), sub.readNull() ? nil : try decodePanel(&sub).0)
        case "person": theirs = .person(PersonID(id), sub.readNull() ? nil : try decodePerson(&sub).0)
        case "organization": theirs = .organization(OrganizationID(id), sub.readNull() ? nil : try decodeOrganization(&sub).0)
        case "series": theirs = .series(SeriesID(id), sub.readNull() ? nil : try decodeSeries(&sub).0)
        case "settings": theirs = .settings(try decodeSettings(&sub))
        case let other: throw r.fail("\"kind\" of a merge clash must be one of panel, person, organization, series, settings; found \"\(other)\"", at: open)
        }
        return MergeClash(name: texts["name"]!, field: texts["field"]!, mine: texts["mine"]!, theirsText: texts["theirs"]!, theirs: theirs)
    }

    private static func decodeSettings(_ r: inout JSONReader) throws -> Settings {
        var settings = Settings()
        try r.readObject(for: "\"settings\"") { r, key, keyOffset in
            switch key {
            case "changeoverMinutes":
                let value = try r.readInt(for: "\"changeoverMinutes\"")
                guard Limits.changeoverMinutes.contains(value) else {
                    throw r.fail("\"changeoverMinutes\" must be 0 to 1440 (a day), not \(value)", at: keyOffset)
                }
                settings.changeoverMinutesValue = value
            case "displayZones":
                var zones: [String] = []
                try r.readArray(for: "\"displayZones\"") { r in zones.append(try r.readString(for: "a display zone")) }
                settings.displayZonesValue = zones
            case "wakingHours": settings.wakingHoursValue = try readWakingHours(&r)
            case "stretchMinutes":
                let value = try r.readInt(for: "\"stretchMinutes\"")
                guard Limits.stretchMinutes.contains(value) else {
                    throw r.fail("\"stretchMinutes\" must be 0 to 720 (half a day), not \(value)", at: keyOffset)
                }
                settings.stretchMinutesValue = value
            case "confirmDays":
                let value = try r.readInt(for: "\"confirmDays\"")
                guard Limits.confirmDays.contains(value) else {
                    throw r.fail("\"confirmDays\" must be 0 to 366 (a year), not \(value)", at: keyOffset)
                }
                settings.confirmDaysValue = value
            default:
                throw unknown(r, key, in: "\"settings\"", known: "changeoverMinutes, wakingHours, displayZones, stretchMinutes, confirmDays", at: keyOffset)
            }
        }
        return settings
    }

    /// `{"start": "08:00", "end": "21:00"}`, for the store's and a person's waking hours.
    private static func readWakingHours(_ r: inout JSONReader) throws -> WakingHours {
        var start: Int?, end: Int?
        r.skipSpace()
        let open = r.position
        try r.readObject(for: "\"wakingHours\"") { r, key, keyOffset in
            r.skipSpace()
            let valueOffset = r.position
            let text = try r.readString(for: "\"\(key)\" of \"wakingHours\"")
            guard let minutes = WakingHours.parse(text) else {
                throw r.fail("\"\(key)\" of \"wakingHours\" must be a time like \"08:00\", found \"\(text)\"", at: valueOffset)
            }
            switch key {
            case "start": start = minutes
            case "end": end = minutes
            default: throw unknown(r, key, in: "\"wakingHours\"", known: "start, end", at: keyOffset)
            }
        }
        guard let start, let end else { throw missing(r, start == nil ? "start" : "end", in: "\"wakingHours\"", at: open) }
        return WakingHours(start: start, end: end)
    }

    private static func decodeOrganization(_ r: inout JSONReader) throws -> (Organization, Int) {
        r.skipSpace()
        let open = r.position
        var id: UInt32?, name: String?, shortName: String?, url: String?
        var idOffset = 0
        try r.readObject(for: "an organization") { r, key, keyOffset in
            switch key {
            case "id": id = try readID(&r, kind: "organization", offset: &idOffset)
            case "name": name = try r.readString(for: "\"name\" of an organization")
            case "shortName": shortName = try r.readOptionalString(for: "\"shortName\"")
            case "url": url = try r.readOptionalString(for: "\"url\"")
            default: throw unknown(r, key, in: "an organization", known: "id, name, shortName, url", at: keyOffset)
            }
        }
        guard let id else { throw missing(r, "id", in: "the organization", at: open) }
        guard let name else { throw missing(r, "name", in: "the organization", at: open) }
        return (Organization(id: OrganizationID(symbol: id), name: name, shortName: shortName, url: url), idOffset)
    }

    private static func decodePerson(_ r: inout JSONReader) throws -> (Person, Int) {
        r.skipSpace()
        let open = r.position
        var id: UInt32?, name: String?, title: String?, affiliation: String?, email: String?, homeZone: String?, notes: String?
        var unavailable: [Unavailability] = []
        var wakingHours: WakingHours?
        var idOffset = 0
        try r.readObject(for: "a person") { r, key, keyOffset in
            switch key {
            case "id": id = try readID(&r, kind: "person", offset: &idOffset)
            case "name": name = try r.readString(for: "\"name\" of a person")
            case "title": title = try r.readOptionalString(for: "\"title\"")
            case "affiliation": affiliation = try r.readOptionalString(for: "\"affiliation\"")
            case "email": email = try r.readOptionalString(for: "\"email\"")
            case "homeZone": homeZone = r.readNull() ? nil : try r.readSharedString(for: "\"homeZone\"", whenNew: Zone.prepare)
            case "notes": notes = try r.readOptionalString(for: "\"notes\"")
            case "unavailable":
                try r.readArray(for: "\"unavailable\"") { r in unavailable.append(try decodeUnavailability(&r)) }
            case "wakingHours": wakingHours = r.readNull() ? nil : try readWakingHours(&r)
            default:
                throw unknown(r, key, in: "a person", known: "id, name, title, affiliation, email, homeZone, unavailable, notes, wakingHours", at: keyOffset)
            }
        }
        guard let id else { throw missing(r, "id", in: "the person", at: open) }
        guard let name else { throw missing(r, "name", in: "the person", at: open) }
        return (Person(id: PersonID(symbol: id), name: name, title: title, affiliation: affiliation, email: email,
                       homeZone: homeZone, unavailable: unavailable, notes: notes, wakingHours: wakingHours), idOffset)
    }

    private static func decodeUnavailability(_ r: inout JSONReader) throws -> Unavailability {
        r.skipSpace()
        let open = r.position
        var start: LocalDateTime?, end: LocalDateTime?, zone: String?
        try r.readObject(for: "an unavailability window") { r, key, keyOffset in
            switch key {
            case "start": start = try readLocal(&r, field: "\"start\" of an unavailability window")
            case "end": end = try readLocal(&r, field: "\"end\" of an unavailability window")
            case "zone": zone = try r.readSharedString(for: "\"zone\" of an unavailability window", whenNew: Zone.prepare)
            default: throw unknown(r, key, in: "an unavailability window", known: "start, end, zone", at: keyOffset)
            }
        }
        guard let start else { throw missing(r, "start", in: "the unavailability window", at: open) }
        guard let end else { throw missing(r, "end", in: "the unavailability window", at: open) }
        guard let zone else { throw missing(r, "zone", in: "the unavailability window", at: open) }
        return Unavailability(start: start, end: end, zone: zone)
    }

    private static func decodeSeries(_ r: inout JSONReader) throws -> (Series, Int) {
        r.skipSpace()
        let open = r.position
        var id: UInt32?, name: String?, host: UInt32?, description: String?
        var audienceZones: [String] = []
        var idOffset = 0
        try r.readObject(for: "a series") { r, key, keyOffset in
            switch key {
            case "id": id = try readID(&r, kind: "series", offset: &idOffset)
            case "name": name = try r.readString(for: "\"name\" of a series")
            case "host": host = r.readNull() ? nil : try readReference(&r, field: "\"host\" of a series")
            case "description": description = try r.readOptionalString(for: "\"description\"")
            case "audienceZones":
                try r.readArray(for: "\"audienceZones\"") { r in
                    audienceZones.append(try r.readSharedString(for: "an audience zone", whenNew: Zone.prepare))
                }
            default: throw unknown(r, key, in: "a series", known: "id, name, host, description, audienceZones", at: keyOffset)
            }
        }
        guard let id else { throw missing(r, "id", in: "the series", at: open) }
        guard let name else { throw missing(r, "name", in: "the series", at: open) }
        return (Series(id: SeriesID(symbol: id), name: name, host: host.map { OrganizationID(symbol: $0) }, description: description,
                       audienceZones: audienceZones), idOffset)
    }

    private static let panelFields = "id, series, title, description, start, zone, durationMinutes, format, status, host, cosponsors, roster, links, notes, uid, sequence, modified"

    private static func decodePanel(_ r: inout JSONReader) throws -> (Panel, Int) {
        r.skipSpace()
        let open = r.position
        var id: UInt32?, series: UInt32?, title: String?, description: String?, start: LocalDateTime?, zone: String?
        var duration = 60, format = PanelFormat.virtualPanel, status = PanelStatus.scheduled
        var host: UInt32?, notes: String?, uid: String?, revision = Revision()
        var cosponsors: [OrganizationID] = [], roster: [RosterEntry] = [], links: [Link] = []
        var idOffset = 0
        try r.readObject(for: "a panel") { r, key, keyOffset in
            switch key {
            case "id": id = try readID(&r, kind: "panel", offset: &idOffset)
            case "series": series = r.readNull() ? nil : try readReference(&r, field: "\"series\" of a panel")
            case "title": title = try r.readString(for: "\"title\" of a panel")
            case "description": description = try r.readOptionalString(for: "\"description\"")
            case "start": start = try readLocal(&r, field: "\"start\" of a panel")
            case "zone": zone = try r.readSharedString(for: "\"zone\" of a panel", whenNew: Zone.prepare)
            case "durationMinutes":
                r.skipSpace()
                let valueOffset = r.position
                duration = try r.readInt(for: "\"durationMinutes\"")
                guard Limits.storedDurationMinutes.contains(duration) else {
                    throw r.fail("\"durationMinutes\" is \(duration); a panel lasts at most 31 days (44640 minutes)", at: valueOffset)
                }
            case "format": format = try readEnum(&r, PanelFormat.self, field: "\"format\"")
            case "status": status = try readEnum(&r, PanelStatus.self, field: "\"status\"")
            case "host": host = r.readNull() ? nil : try readReference(&r, field: "\"host\" of a panel")
            case "notes": notes = try r.readOptionalString(for: "\"notes\"")
            case "uid": uid = try r.readOptionalString(for: "\"uid\"")
            case "sequence":
                r.skipSpace()
                let valueOffset = r.position
                revision.sequence = try r.readInt(for: "\"sequence\"")
                guard Limits.sequence.contains(revision.sequence) else {
                    throw r.fail("\"sequence\" is \(revision.sequence); it counts saves from 0 to 1000000000", at: valueOffset)
                }
            case "modified":
                r.skipSpace()
                let valueOffset = r.position
                let text = try r.readString(for: "\"modified\"")
                guard let instant = Instant(iso8601: text) else {
                    throw r.fail("\"modified\" must be a UTC time like \"2024-11-19T07:06:40Z\", found \"\(text)\"", at: valueOffset)
                }
                revision.modified = instant
            case "cosponsors":
                try r.readArray(for: "\"cosponsors\"") { r in
                    cosponsors.append(OrganizationID(symbol: try readReference(&r, field: "\"cosponsors\"")))
                }
            case "roster":
                try r.readArray(for: "\"roster\"") { r in roster.append(try decodeRosterEntry(&r)) }
            case "links":
                try r.readArray(for: "\"links\"") { r in links.append(try decodeLink(&r)) }
            default:
                throw unknown(r, key, in: "a panel", known: panelFields, at: keyOffset)
            }
        }
        guard let id else { throw missing(r, "id", in: "the panel", at: open) }
        guard let title else { throw missing(r, "title", in: "the panel", at: open) }
        guard let start else { throw missing(r, "start", in: "the panel", at: open) }
        guard let zone else { throw missing(r, "zone", in: "the panel", at: open) }
        return (Panel(id: PanelID(symbol: id), series: series.map { SeriesID(symbol: $0) }, title: title, description: description,
                      start: start, zone: zone, durationMinutes: duration, format: format, status: status,
                      host: host.map { OrganizationID(symbol: $0) }, cosponsors: cosponsors, roster: roster, links: links, notes: notes, uid: uid, revision: revision), idOffset)
    }

    private static func decodeRosterEntry(_ r: inout JSONReader) throws -> RosterEntry {
        r.skipSpace()
        let open = r.position
        var person: UInt32?, role: Role?, title: String?, status = RosterStatus.confirmed
        try r.readObject(for: "a roster entry") { r, key, keyOffset in
            switch key {
            case "person": person = try readReference(&r, field: "\"person\" of a roster entry")
            case "role": role = try readEnum(&r, Role.self, field: "\"role\"")
            case "title": title = try r.readOptionalString(for: "\"title\" of a roster entry")
            case "status": status = try readEnum(&r, RosterStatus.self, field: "\"status\" of a roster entry")
            default: throw unknown(r, key, in: "a roster entry", known: "person, role, title, status", at: keyOffset)
            }
        }
        guard let person else { throw missing(r, "person", in: "the roster entry", at: open) }
        guard let role else { throw missing(r, "role", in: "the roster entry", at: open) }
        return RosterEntry(person: PersonID(symbol: person), role: role, title: title, status: status)
    }

    private static func decodeLink(_ r: inout JSONReader) throws -> Link {
        r.skipSpace()
        let open = r.position
        var label: String?, url: String?, kind = LinkKind.other, isPublic: Bool?
        try r.readObject(for: "a link") { r, key, keyOffset in
            switch key {
            case "label": label = try r.readString(for: "\"label\" of a link")
            case "url": url = try r.readString(for: "\"url\" of a link")
            case "kind": kind = try readEnum(&r, LinkKind.self, field: "\"kind\" of a link")
            case "public": isPublic = try r.readBool(for: "\"public\" of a link")
            default: throw unknown(r, key, in: "a link", known: "label, url, kind, public", at: keyOffset)
            }
        }
        guard let label else { throw missing(r, "label", in: "the link", at: open) }
        guard let url else { throw missing(r, "url", in: "the link", at: open) }
        return Link(label: label, url: url, kind: kind, isPublic: isPublic)
    }
}
