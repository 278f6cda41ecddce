/// How an import finds or makes the people, organizations and series an event names, and what it
/// takes from an event's other properties.
extension ICSImport {
    // MARK: Matching

    /// The panel of the same UID, or the one a Dais UID ("<id>@dais", read as `uidID`) names.
    func existingPanel(uid: String, uidID: PanelID?) -> Panel? {
        if !uid.isEmpty, let id = panelsByUID[uid], let match = catalog.panels[id] { return match }
        if let uidID, let panel = catalog.panels[uidID] { return panel }
        return nil
    }

    /// The id of a new panel (one `existingPanel` did not find): the file's X-DAIS-ID, else the id
    /// its Dais UID names, when valid and free, else a slug of its date and title. The catalog holds
    /// the panels imported so far, so two events of one file never take the same id; `uidID` is
    /// known to be free, since `existingPanel` looked it up.
    func newPanelID(uidID: PanelID?, daisID: String?, date: LocalDate, title: String) -> PanelID {
        if let daisID, Identifier<Never>.problem(with: daisID) == nil {
            let id = PanelID(daisID)
            if id == uidID || catalog.panels[id] == nil { return id }
        }
        if let uidID, Identifier<Never>.problem(with: uidID.rawValue) == nil { return uidID }
        return Slug.panelID(date: date, title: title, in: catalog)
    }

    /// A person by e-mail, then by folded name; created (and remembered) when new.
    mutating func person(name: String, email: String?, preferredID: String? = nil, title: String? = nil,
                         affiliation: String? = nil, homeZone: String? = nil) -> PersonID {
        if let preferredID, let found = foundByID[preferredID], found.name == name { return found.id }
        let preferred = preferredID.map { PersonID($0) }
        let lowercasedEmail = email?.lowercased()
        let existing = preferred.flatMap { catalog.people[$0] }
        if let existing, let preferredID {
            let sameName = existing.name == name
            if sameName || NameFolding.personKey(existing.name) == NameFolding.personKey(name)
                || (lowercasedEmail != nil && existing.email?.lowercased() == lowercasedEmail) {
                claimedBy[existing.id] = existing.id
                if sameName { foundByID[preferredID] = (existing.id, existing.name) }
                return existing.id
            }
        }
        // A match by e-mail or name stands unless another id of the same file already took that
        // person: two ids in one Dais file are two people, even when their names fold alike.
        func free(_ id: PersonID) -> Bool {
            guard let preferred else { return true }
            if let owner = claimedBy[id], owner != preferred { return false }
            claimedBy[id] = preferred
            return true
        }
        if let lowercasedEmail, let id = peopleByEmail[lowercasedEmail], free(id) { return id }
        let key = NameFolding.personKey(name)
        if !key.isEmpty, let id = peopleByKey[key], free(id) {
            // The address now names this person for the rest of the file, as it will when the file is
            // imported again (a later attendee of that address under another spelling is the same person).
            if let lowercasedEmail, peopleByEmail[lowercasedEmail] == nil { peopleByEmail[lowercasedEmail] = id }
            return id
        }
        // The file's id when it is valid and free, else a slug of the name.
        let id = if let preferred, existing == nil, Identifier<Never>.problem(with: preferred.rawValue) == nil { preferred } else {
            Slug.personID(name: name.isEmpty ? (email ?? "person") : name, in: catalog)
        }
        let person = Person(id: id, name: name.isEmpty ? (email ?? id.rawValue) : name, title: title, affiliation: affiliation,
                            email: email, homeZone: homeZone.flatMap { Zone.named($0) != nil ? $0 : nil })
        catalog.people[id] = person
        plan.newPeople.append(person)
        if let preferred { claimedBy[id] = preferred }
        if let lowercasedEmail { peopleByEmail[lowercasedEmail] = id }
        peopleByKey[key] = id
        return id
    }

    mutating func organization(id: String, name: String) -> OrganizationID {
        if let found = organizationsByID[id] { return found }
        if Identifier<Never>.problem(with: id) == nil, catalog.organizations[OrganizationID(id)] != nil {
            organizationsByID[id] = OrganizationID(id)
            return OrganizationID(id)
        }
        let key = NameFolding.organizationKey(name)
        if let match = organizationsByKey[key] { return match }
        let newID = Identifier<Never>.problem(with: id) == nil ? OrganizationID(id) : Slug.organizationID(name: name, shortName: nil, in: catalog)
        let org = Organization(id: newID, name: name.isEmpty ? id : name)
        catalog.organizations[newID] = org
        organizationsByKey[key] = newID
        plan.newOrganizations.append(org)
        return newID
    }

    mutating func series(id: String?, name: String, host: (id: String, name: String)? = nil) -> SeriesID {
        if let id, let found = seriesByID[id] { return found }
        if let id, Identifier<Never>.problem(with: id) == nil, catalog.series[SeriesID(id)] != nil {
            seriesByID[id] = SeriesID(id)
            return SeriesID(id)
        }
        let key = NameFolding.fold(name)
        if let match = seriesByKey[key] { return match }
        let newID = id.flatMap { Identifier<Never>.problem(with: $0) == nil ? SeriesID($0) : nil } ?? Slug.seriesID(name: name, in: catalog)
        let hostID = host.map { organization(id: $0.id, name: $0.name) }
        let series = Series(id: newID, name: name.isEmpty ? newID.rawValue : name, host: hostID)
        catalog.series[newID] = series
        seriesByKey[key] = newID
        plan.newSeries.append(series)
        return newID
    }

    // MARK: Properties

    /// SEQUENCE and LAST-MODIFIED, as a panel's revision (a value out of range or unreadable is left
    /// out), so that calendars that hold the event see the next change as newer.
    static func revision(of event: ICalendarParser.Component) -> Revision {
        var revision = Revision()
        if let sequence = event.first("SEQUENCE").flatMap({ Int($0.value.trimmingSpaces) }), Limits.sequence.contains(sequence) {
            revision.sequence = sequence
        }
        if let value = event.first("LAST-MODIFIED")?.value, case .utc(let instant)? = ICalendarParser.time(value) { revision.modified = instant }
        return revision
    }

    /// A file written by Dais: everything comes back exactly.
    mutating func applyDaisProperties(_ event: ICalendarParser.Component, to panel: inout Panel) {
        panel.description = event.first("X-DAIS-DESCRIPTION")?.text
        panel.notes = event.first("X-DAIS-NOTES")?.text
        if let format = event.first("X-DAIS-FORMAT").flatMap({ PanelFormat(rawValue: $0.text) }) { panel.format = format }
        panel.series = event.first("X-DAIS-SERIES").map { p in
            series(id: p.text, name: p.parameter("CN") ?? p.text,
                   host: p.parameter("X-HOST").map { ($0, p.parameter("X-HOST-NAME") ?? $0) })
        }
        panel.host = event.first("X-DAIS-HOST").map { organization(id: $0.text, name: $0.parameter("CN") ?? $0.text) }
        panel.cosponsors = event.all("X-DAIS-COSPONSOR").map { organization(id: $0.text, name: $0.parameter("CN") ?? $0.text) }
        panel.links = event.all("X-DAIS-LINK").map { p in
            Link(label: p.parameter("CN") ?? "Link", url: p.text, kind: LinkKind(rawValue: p.parameter("X-KIND") ?? "") ?? .other,
                 isPublic: p.parameter("X-PUBLIC").map { $0.uppercased() == "TRUE" })
        }
        panel.roster = event.all("X-DAIS-PERSON").map { p in
            let id = person(name: p.parameter("CN") ?? p.text, email: p.parameter("X-EMAIL"), preferredID: p.text, title: p.parameter("X-TITLE"),
                            affiliation: p.parameter("X-AFFILIATION"), homeZone: p.parameter("X-HOME-ZONE"))
            return RosterEntry(person: id, role: Role(rawValue: p.parameter("X-ROLE") ?? "") ?? .panelist, title: p.parameter("X-APPEARANCE-TITLE"),
                               status: RosterStatus(rawValue: p.parameter("X-STATUS") ?? "") ?? .confirmed)
        }
    }

    /// A file from another calendar: description, category as series, URL as link, attendees as roster
    /// (added to what the panel already has; a role is updated, nobody is removed).
    mutating func applyPlainProperties(_ event: ICalendarParser.Component, to panel: inout Panel) {
        if let description = event.first("DESCRIPTION")?.text.nonEmpty { panel.description = description }
        if let category = event.first("CATEGORIES")?.value.split(separator: ",").first.map({ ICalendarParser.unescape(String($0)).trimmingSpaces }),
           !category.isEmpty {
            panel.series = series(id: nil, name: category)
        }
        if let url = event.first("URL")?.text.trimmingSpaces, !url.isEmpty, !panel.links.contains(where: { $0.url == url }) {
            panel.links.append(Link(label: "Link", url: url))
        }
        if let location = event.first("LOCATION")?.text.lowercased(), !location.isEmpty {
            let online = ["online", "zoom", "teams", "webinar", "http", "meet.", "virtual"].contains { location.contains($0) }
            if !online { panel.format = .inPerson }
        }
        var places: [String] = []
        for attendee in event.all("ATTENDEE") {
            let role = attendee.parameter("ROLE")?.uppercased()
            if role == "NON-PARTICIPANT" { continue }
            if let kind = attendee.parameter("CUTYPE")?.uppercased(), ["ROOM", "RESOURCE", "GROUP"].contains(kind) {
                // Rooms, equipment and mailing lists are not speakers: named in the notes instead.
                let cn = attendee.parameter("CN").map(ICalendarParser.unescape)?.trimmingSpaces ?? ""
                places.append(cn.isEmpty ? attendee.value.trimmingSpaces : cn)
                continue
            }
            let address = attendee.value.trimmingSpaces
            let email = address.lowercased().hasPrefix("mailto:") ? String(address.dropFirst(7)).trimmingSpaces : nil
            var name = attendee.parameter("CN").map(ICalendarParser.unescape)?.trimmingSpaces ?? email ?? ""
            // "Chen, Melissa" is Melissa Chen.
            let parts = name.split(separator: ",").map { $0.trimmingSpaces }
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !name.contains("@") { name = "\(parts[1]) \(parts[0])" }
            guard !name.isEmpty else { continue }
            let id = person(name: name, email: email?.nonEmpty)
            let newRole: Role = role == "CHAIR" ? .moderator : .panelist
            if let i = panel.roster.firstIndex(where: { $0.person == id }) {
                if panel.roster[i].role != .remarks { panel.roster[i].role = newRole }
            } else {
                panel.roster.append(RosterEntry(person: id, role: newRole))
            }
        }
        panel.notes = ICSImport.notes(panel.notes, places: places)
    }

    /// The notes with their line naming the event's rooms, resources and groups ("Rooms and
    /// resources: Board Room 3 (12)") put in, replaced, or taken out: importing again changes nothing.
    static func notes(_ notes: String?, places: [String]) -> String? {
        let prefix = "Rooms and resources: "
        var lines = (notes ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.hasPrefix(prefix) }
        if lines == [""] { lines = [] }
        if !places.isEmpty { lines.append(prefix + places.joined(separator: "; ")) }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// The fields two versions of a panel differ in.
    public static func differences(_ a: Panel, _ b: Panel) -> [String] {
        var d: [String] = []
        if a.title != b.title { d.append("title") }
        if a.start != b.start || a.zone != b.zone { d.append("time") }
        if a.durationMinutes != b.durationMinutes { d.append("duration") }
        if a.status != b.status { d.append("status") }
        if a.description != b.description { d.append("description") }
        if a.roster != b.roster { d.append("roster") }
        if a.series != b.series { d.append("series") }
        if a.host != b.host || a.cosponsors != b.cosponsors { d.append("organizations") }
        if a.links != b.links { d.append("links") }
        if a.format != b.format { d.append("format") }
        if a.notes != b.notes { d.append("notes") }
        if a.uid != b.uid { d.append("uid") }
        return d
    }
}
