import DaisCore

/// Deterministic, realistic synthetic stores for benchmarks and tests: panels over several years in a mix
/// of zones, descriptions of a few hundred characters, about four roster entries each from a pool of
/// people with home zones and some unavailability, series, hosts and co-sponsors, and a realistic rate
/// of clashes. The same parameters always give the same catalog.
public enum SyntheticStore {
    public static let zones = [
        "America/New_York", "Australia/Sydney", "Europe/London", "Europe/Brussels", "Africa/Nairobi", "Asia/Tokyo",
        "America/Los_Angeles", "America/Chicago", "Asia/Kolkata", "America/Sao_Paulo", "Europe/Berlin", "Asia/Singapore",
        "Pacific/Auckland", "UTC",
    ]

    static let firstNames = ["Evgenia", "Angelita", "Richard", "Brad", "Chloe", "Natalia", "Irwin", "Ti-Anna", "Nazanin", "Olivia",
                             "Tasneem", "Anton", "Simon", "Melissa", "Amara", "Kwame", "Søren", "Zoë", "José", "Ngozi", "Hiroshi",
                             "Priya", "Mateus", "Aroha", "Leila", "Dmitri", "Fatima", "Ólafur", "Mei", "Juan", "Ana", "Tomás",
                             "王", "李", "Đặng", "Chiara", "Yusuf", "Ines", "Kofi", "Sakura"]
    static let lastNames = ["Kara-Murza", "Baeyens", "Ratcliffe", "Brooks-Rubin", "Zoeller", "Kubesch", "Cotler", "Wang", "Afshin-Jam",
                            "Dehnavi", "Roc", "Moiseienko", "Henderson", "Chen", "Okafor", "Mensah", "Jørgensen", "Müller", "García",
                            "Adeyemi", "Tanaka", "Sharma", "Silva", "Ngata", "Haddad", "Ivanov", "Khan", "Sigurðsson", "Lin",
                            "Pérez", "Novak", "小明", "芳", "Văn", "Rossi", "Demir", "Costa", "Boateng", "Sato", "O’Connor"]
    static let titles = ["Director of Advocacy", "Senior Legal Officer", "Professor of International Law", "Campaign Manager",
                         "Research Fellow", "Executive Director", "Policy Adviser", "Journalist", "Human rights lawyer", "Program Manager"]
    static let topics = ["arbitrary detention", "transnational repression", "visa sanctions", "Global Magnitsky sanctions",
                         "asset recovery", "anti-corruption enforcement", "accountability for atrocities", "human trafficking",
                         "press freedom", "political prisoners", "sanctions evasion", "civil society under pressure"]
    static let words = ["sanctions", "accountability", "civil", "society", "governments", "coalition", "perpetrators", "survivors",
                        "corruption", "human", "rights", "framework", "enforcement", "multilateral", "advocacy", "deterrence",
                        "transparency", "impact", "regime", "policy", "justice", "communities", "evidence", "designation"]

    /// A catalog of `panels` panels and `people` people (default: a quarter of the panels, at least 40).
    public static func generate(panels count: Int, people peopleCount: Int? = nil, seed: UInt64 = 1) -> Catalog {
        var rng = SplitMix(seed: seed)
        let peopleTotal = max(40, peopleCount ?? count / 4)
        let organizationTotal = max(12, count / 50)
        let seriesTotal = max(2, count / 8)

        var organizations: [Organization] = []
        for i in 0..<organizationTotal {
            let topic = topics[i % topics.count].split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
            organizations.append(Organization(id: OrganizationID("org-\(i)"), name: "\(topic) Initiative \(i)", shortName: "ORG\(i)",
                                              url: "https://example.org/org/\(i)"))
        }

        var people: [Person] = []
        var peopleByZone: [String: [PersonID]] = [:]
        for i in 0..<peopleTotal {
            let name = "\(firstNames[rng.next(firstNames.count)]) \(lastNames[rng.next(lastNames.count)])"
            let home = zones[rng.next(zones.count)]
            peopleByZone[home, default: []].append(PersonID("p-\(i)"))
            var unavailable: [Unavailability] = []
            if rng.next(10) == 0 {
                let day = LocalDate(year: 2020 + rng.next(10), month: 1 + rng.next(12), day: 1 + rng.next(28))!
                unavailable.append(Unavailability(start: LocalDateTime(date: day, hour: 0, minute: 0)!,
                                                  end: LocalDateTime(date: day.adding(days: 1 + rng.next(7)), hour: 0, minute: 0)!, zone: home))
            }
            people.append(Person(id: PersonID("p-\(i)"), name: name, title: titles[rng.next(titles.count)],
                                 affiliation: organizations[rng.next(organizations.count)].name,
                                 email: rng.next(3) == 0 ? nil : "person\(i)@example.org", homeZone: home, unavailable: unavailable))
        }

        // A series runs in one zone over a month, with a few regulars who speak at several of its panels.
        var series: [Series] = []
        var seriesStart: [(date: LocalDate, zone: String)] = []
        var regulars: [[PersonID]] = []
        for i in 0..<seriesTotal {
            let year = 2020 + rng.next(10)
            series.append(Series(id: SeriesID("series-\(i)"), name: "\(topics[i % topics.count].capitalizedFirst) Month \(year) #\(i)",
                                 host: organizations[rng.next(organizations.count)].id,
                                 description: sentence(&rng, words: 20)))
            let zone = zones[rng.next(zones.count)]
            seriesStart.append((LocalDate(year: year, month: 1 + rng.next(12), day: 1 + rng.next(28))!, zone))
            let local = peopleByZone[zone] ?? [people[0].id]
            regulars.append((0..<6).map { _ in local[rng.next(local.count)] })
        }

        var panels: [Panel] = []
        panels.reserveCapacity(count)
        for i in 0..<count {
            let s = rng.next(seriesTotal)
            let base = seriesStart[s]
            let date = base.date.adding(days: rng.next(30))
            let zone = rng.next(4) == 0 ? zones[rng.next(zones.count)] : base.zone
            let start = LocalDateTime(date: date, hour: 8 + rng.next(10), minute: 15 * rng.next(4))!
            var roster: [RosterEntry] = []
            let size = 2 + rng.next(4)
            for k in 0..<size {
                let role: Role = k == 0 ? (rng.next(20) == 0 ? .panelist : .moderator) : (rng.next(12) == 0 ? .remarks : .panelist)
                // Speakers mostly live where the panel is announced; some are the series' regulars, a few
                // come from anywhere.
                let person: PersonID
                switch rng.next(10) {
                case 0...3: person = regulars[s][rng.next(6)]
                case 4...8: person = (peopleByZone[zone] ?? [people[0].id])[rng.next((peopleByZone[zone] ?? [people[0].id]).count)]
                default: person = people[rng.next(peopleTotal)].id
                }
                if !roster.contains(where: { $0.person == person }) { roster.append(RosterEntry(person: person, role: role)) }
            }
            var cosponsors: [OrganizationID] = []
            for _ in 0..<rng.next(4) {
                let org = organizations[rng.next(organizationTotal)].id
                if !cosponsors.contains(org) { cosponsors.append(org) }
            }
            let topic = topics[rng.next(topics.count)]
            let status: PanelStatus = rng.next(30) == 0 ? .cancelled : (rng.next(20) == 0 ? .draft : .scheduled)
            panels.append(Panel(
                id: PanelID("panel-\(date)-\(i)"), series: series[s].id,
                title: "\(topic.capitalizedFirst): \(sentence(&rng, words: 4 + rng.next(5)))",
                description: sentence(&rng, words: 25 + rng.next(25)),
                start: start, zone: zone, durationMinutes: [45, 60, 60, 75, 90][rng.next(5)],
                format: rng.next(5) == 0 ? .webinar : .virtualPanel, status: status,
                host: rng.next(4) == 0 ? organizations[rng.next(organizationTotal)].id : nil,
                cosponsors: cosponsors, roster: roster,
                links: rng.next(2) == 0 ? [Link(label: "Register", url: "https://example.org/register/\(i)")] : []))
        }
        return Catalog(settings: Settings(changeoverMinutes: 15, wakingHours: Settings.defaultWakingHours,
                                          displayZones: Settings.defaultDisplayZones),
                       organizations: organizations, people: people, series: series, panels: panels)
    }

    static func sentence(_ rng: inout SplitMix, words count: Int) -> String {
        var parts: [String] = []
        parts.reserveCapacity(count)
        for _ in 0..<count { parts.append(words[rng.next(words.count)]) }
        return parts.joined(separator: " ").capitalizedFirst + "."
    }
}

/// SplitMix64: a small, fast, deterministic random number generator.
public struct SplitMix: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound.
    public mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

