/// `dais people` and `dais orgs`: the directories, as tables or JSON.
public enum DirectoryReport {
    /// Panel ids per person, in start order.
    public static func panelsByPerson(_ catalog: Catalog) -> [PersonID: [PanelID]] {
        var result: [PersonID: [PanelID]] = [:]
        for panel in catalog.panelsByStart() {
            for entry in panel.roster where result[entry.person]?.last != panel.id {
                result[entry.person, default: []].append(panel.id)
            }
        }
        return result
    }

    public static func peopleText(_ catalog: Catalog) -> String {
        let panels = panelsByPerson(catalog)
        var table = TextTable(header: ["NAME", "ID", "PANELS", "HOME ZONE", "TITLE"], rightAligned: [2])
        for person in catalog.peopleByName() {
            table.append([person.name, person.id.rawValue, String(panels[person.id]?.count ?? 0),
                          person.homeZone ?? "-", person.titleLine ?? ""])
        }
        return table.render()
    }

    public static func peopleJSON(_ catalog: Catalog) -> String {
        let panels = panelsByPerson(catalog)
        var w = JSONWriter(escapesTerminalControls: true)
        w.array(catalog.peopleByName()) { w, person in
            w.object { w in
                w.field("affiliation") { w in PanelJSON.nullable(&w, person.affiliation) }
                w.field("email") { w in PanelJSON.nullable(&w, person.email) }
                w.field("homeZone") { w in PanelJSON.nullable(&w, person.homeZone) }
                w.field("id") { $0.string(person.id.rawValue) }
                w.field("name") { $0.string(person.name) }
                w.field("panels") { $0.array(panels[person.id] ?? []) { w, id in w.string(id.rawValue) } }
                w.field("title") { w in PanelJSON.nullable(&w, person.title) }
            }
        }
        w.newline()
        return w.text
    }

    /// Panels each organization hosts (own or as series host) and co-sponsors, in start order.
    public static func panelsByOrganization(_ catalog: Catalog) -> (hosts: [OrganizationID: [PanelID]], cosponsors: [OrganizationID: [PanelID]]) {
        var hosts: [OrganizationID: [PanelID]] = [:], cosponsors: [OrganizationID: [PanelID]] = [:]
        for panel in catalog.panelsByStart() {
            if let host = catalog.effectiveHost(of: panel) { hosts[host, default: []].append(panel.id) }
            for org in panel.cosponsors { cosponsors[org, default: []].append(panel.id) }
        }
        return (hosts, cosponsors)
    }

    public static func organizationsText(_ catalog: Catalog) -> String {
        let (hosts, cosponsors) = panelsByOrganization(catalog)
        var table = TextTable(header: ["NAME", "SHORT", "ID", "HOSTS", "CO-SPONSORS"], rightAligned: [3, 4])
        for org in catalog.organizationsByName() {
            table.append([org.name, org.shortName ?? "", org.id.rawValue,
                          String(hosts[org.id]?.count ?? 0), String(cosponsors[org.id]?.count ?? 0)])
        }
        return table.render()
    }

    public static func organizationsJSON(_ catalog: Catalog) -> String {
        let (hosts, cosponsors) = panelsByOrganization(catalog)
        var w = JSONWriter(escapesTerminalControls: true)
        w.array(catalog.organizationsByName()) { w, org in
            w.object { w in
                w.field("cosponsors") { $0.array(cosponsors[org.id] ?? []) { w, id in w.string(id.rawValue) } }
                w.field("hosts") { $0.array(hosts[org.id] ?? []) { w, id in w.string(id.rawValue) } }
                w.field("id") { $0.string(org.id.rawValue) }
                w.field("name") { $0.string(org.name) }
                w.field("shortName") { w in PanelJSON.nullable(&w, org.shortName) }
                w.field("url") { w in PanelJSON.nullable(&w, org.url) }
            }
        }
        w.newline()
        return w.text
    }
}
