import Foundation
import Testing
@testable import DaisCore

@Suite("Finding the slot")
struct SlotSearchTests {
    func people() -> [SlotSearch.Attendee] {
        [SlotSearch.Attendee(id: "p-tasneem", name: "Tasneem Roc", home: zone("Australia/Sydney"), hours: Settings.defaultWakingHours),
         SlotSearch.Attendee(id: "p-olivia", name: "Olivia Dehnavi", home: zone("Europe/London"), hours: Settings.defaultWakingHours),
         SlotSearch.Attendee(id: "p-evgenia", name: "Evgenia Kara-Murza", home: zone("America/New_York"), hours: Settings.defaultWakingHours)]
    }

    @Test("Sydney, London and New York in November 2024: no free hour; the least bad hour costs someone an hour of the stretch, 15:00-16:00 EST")
    func threeCities() {
        let request = SlotSearch.Request(zone: zone("America/New_York"), from: LocalDate(year: 2024, month: 11, day: 11)!,
                                         to: LocalDate(year: 2024, month: 11, day: 15)!, minutes: 60, people: people())
        let result = SlotSearch(request).ranked(top: 3)
        #expect(!result.hasFreeSlot)
        let best = result.suggestions[0]
        #expect(best.cost.total == 60)
        #expect(best.local == local("2024-11-11T15:00"))
        #expect(best.cost.lines.map(\.explanation) == ["60 min before waking hours", "fine", "fine"])
        // 15:30 (07:30 in Sydney, 20:30 in London) and 16:00 (08:00 and 21:00) cost the same hour, split.
        #expect(result.suggestions.map(\.local.timeText) == ["15:00", "15:15", "15:30"])
        #expect(result.suggestions.allSatisfy { $0.cost.total == 60 })
    }

    /// A scenario as the Python reference reads it (scripts/slot-reference.py).
    struct Scenario {
        var request: SlotSearch.Request
        var json: [String: Any]
    }

    func instantText(_ i: Instant) -> String { String(i.iso8601.prefix(16)) + "Z" }

    func scenario(from: LocalDate, to: LocalDate, step: Int, audience: [String] = [], busy: [String: [(Instant, Instant, String)]] = [:],
                  unavailable: [String: [(Instant, Instant)]] = [:], burden: [String: Int] = [:]) -> Scenario {
        let cities = [("p-tasneem", "Tasneem Roc", "Australia/Sydney"), ("p-olivia", "Olivia Dehnavi", "Europe/London"),
                      ("p-evgenia", "Evgenia Kara-Murza", "America/New_York"), ("p-anton", "Anton Moiseienko", nil)]
        var people: [SlotSearch.Attendee] = [], jsonPeople: [[String: Any]] = []
        for (id, name, home) in cities {
            let b = busy[id] ?? [], u = unavailable[id] ?? []
            people.append(SlotSearch.Attendee(id: PersonID(id), name: name, home: home.map(zone), hours: Settings.defaultWakingHours,
                                              busy: b.map { (TimeSpan(start: $0.0, end: $0.1), $0.2) }, unavailable: u.map { TimeSpan(start: $0.0, end: $0.1) },
                                              burden: burden[id] ?? 0))
            jsonPeople.append(["name": name, "home": home as Any, "burden": burden[id] ?? 0,
                               "busy": b.map { [instantText($0.0), instantText($0.1)] }, "unavailable": u.map { [instantText($0.0), instantText($0.1)] }])
        }
        let request = SlotSearch.Request(zone: zone("America/New_York"), from: from, to: to, minutes: 60, step: step, people: people,
                                         audience: audience.map(zone))
        let json: [String: Any] = ["zone": "America/New_York", "from": from.description, "to": to.description, "minutes": 60, "step": step,
                                   "stretch": request.stretchMinutes, "changeover": request.changeoverMinutes, "audience": audience, "people": jsonPeople]
        return Scenario(request: request, json: json)
    }

    /// The reference's ranking of a scenario: (start in the panel's zone, cost), least cost first.
    func reference(_ scenario: Scenario) throws -> [String] {
        let python = try #require(python3)
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/scenario.json"
        try JSONSerialization.data(withJSONObject: scenario.json).write(to: URL(fileURLWithPath: path))
        let result = try run(python, ["\(repositoryRoot)/scripts/slot-reference.py", path])
        try #require(result.status == 0, "\(result.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let ranked = try #require(answer["ranked"] as? [[String: Any]])
        return ranked.map { "\($0["start"]!) \($0["cost"]!)" }
    }

    @Test("the ranking across Sydney's, London's and New York's clock changes of 2024 is the brute-force reference's, start for start")
    func acrossTransitions() throws {
        // 1 October to 10 November 2024: Sydney moves on 6 October, London on 27 October, New York on 3 November.
        let s = scenario(from: LocalDate(year: 2024, month: 10, day: 1)!, to: LocalDate(year: 2024, month: 11, day: 10)!, step: 30)
        let ours = SlotSearch(s.request).ranked(top: 10_000).suggestions.map { "\($0.local) \($0.cost.total)" }
        let theirs = try reference(s)
        #expect(ours.count == theirs.count)
        #expect(Array(ours.prefix(200)) == Array(theirs.prefix(200)))
        #expect(ours == theirs)
    }

    @Test("other panels, unavailability, the series' burden and audience zones rank as the reference ranks them")
    func constraintsAndCosts() throws {
        let nov = { (day: Int, hour: Int) in Instant(secondsSinceEpoch: LocalDateTime(year: 2024, month: 11, day: day, hour: hour, minute: 0)!.secondsSinceEpochAsUTC) }
        let s = scenario(from: LocalDate(year: 2024, month: 11, day: 12)!, to: LocalDate(year: 2024, month: 11, day: 14)!, step: 15,
                         audience: ["Australia/Sydney", "Europe/Berlin"],
                         busy: ["p-evgenia": [(nov(12, 20), nov(12, 21), "Another panel")], "p-olivia": [(nov(13, 21), nov(13, 22), "Late briefing")]],
                         unavailable: ["p-tasneem": [(nov(13, 18), nov(14, 2))]], burden: ["p-tasneem": 2])
        let result = SlotSearch(s.request).ranked(top: 10_000)
        let theirs = try reference(s)
        #expect(result.suggestions.map { "\($0.local) \($0.cost.total)" } == theirs)
        #expect(result.unscored == ["Anton Moiseienko"])
        #expect(result.suggestions[0].cost.lines.contains { $0.subject == "Anton Moiseienko" && $0.explanation == "not scored: no home zone" })
    }

    @Test("a window where every start is ruled out names what rules out each day")
    func blockedDays() {
        let all = TimeSpan(start: Instant(secondsSinceEpoch: LocalDateTime(year: 2024, month: 11, day: 11, hour: 0, minute: 0)!.secondsSinceEpochAsUTC),
                           end: Instant(secondsSinceEpoch: LocalDateTime(year: 2024, month: 11, day: 20, hour: 0, minute: 0)!.secondsSinceEpochAsUTC))
        let away = SlotSearch.Attendee(id: "p-away", name: "Ann Away", home: zone("Europe/London"), hours: Settings.defaultWakingHours, unavailable: [all])
        let result = SlotSearch(SlotSearch.Request(zone: zone("UTC"), from: LocalDate(year: 2024, month: 11, day: 12)!,
                                                   to: LocalDate(year: 2024, month: 11, day: 13)!, minutes: 60, people: [away])).ranked()
        #expect(result.suggestions.isEmpty)
        #expect(result.blockedDays.map { "\($0.date) \($0.reason)" } == ["2024-11-12 Ann Away is unavailable", "2024-11-13 Ann Away is unavailable"])
        // A start that does not exist is never offered: 02:00-02:59 on 10 March 2024 in New York.
        let spring = SlotSearch(SlotSearch.Request(zone: zone("America/New_York"), from: LocalDate(year: 2024, month: 3, day: 10)!,
                                                   to: LocalDate(year: 2024, month: 3, day: 10)!, minutes: 60, people: [])).ranked(top: 200)
        #expect(!spring.suggestions.contains { $0.local.hour == 2 })
        #expect(spring.suggestions.count == 92)
    }
}

