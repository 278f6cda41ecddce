import DaisCore
import Testing
@testable import DaisTUI

/// Counts and nouns in what the console says, rendered with no, one and two of each.
@Suite("Wording with 0, 1 and 2 of a thing")
struct WordingTests {
    /// A catalog of `panels` panels, each with the same `onRoster` people of `people`.
    func catalog(panels: Int, people: Int, onRoster: Int = 0) -> Catalog {
        var catalog = Catalog()
        for k in 0..<people { catalog.people[PersonID("p-\(k)")] = Person(id: PersonID("p-\(k)"), name: "Person \(k)") }
        for k in 0..<panels {
            let roster = (0..<min(onRoster, people)).map { RosterEntry(person: PersonID("p-\($0)"), role: .panelist) }
            catalog.panels[PanelID("panel-\(k)")] = Panel(id: PanelID("panel-\(k)"), title: "Panel \(k)", start: LocalDateTime(year: 2024, month: 11, day: 10 + k, hour: 10, minute: 0)!,
                                                         zone: "America/New_York", roster: roster)
        }
        return catalog
    }

    func screen(_ state: AppState) -> String { ConsoleView.render(state).lines.joined(separator: "\n") }

    @Test("counts name their noun in the singular for one and the plural otherwise", arguments: [
        (0, "0 people", "0 panels"), (1, "1 person", "1 panel"), (2, "2 people", "2 panels"),
    ])
    func counts(_ n: Int, _ people: String, _ panels: String) {
        #expect(Plural.count(n, "person", "people") == people)
        #expect(Plural.count(n, "panel") == panels)
    }

    @Test("the recovered edits' question, the lists' headers and the export's panels, with 0, 1 and 2", arguments: [0, 1, 2])
    func dialogsAndHeaders(_ n: Int) {
        let recovered = catalog(panels: n, people: n)
        var state = makeState(catalog(panels: n, people: n))
        _ = reduce(&state, .recoveryFound(RecoveryOffer(catalog: recovered, savedAt: "2026-12-07 10:00 UTC")))
        let people = n == 1 ? "1 person" : "\(n) people", panels = n == 1 ? "1 panel" : "\(n) panels"
        #expect(screen(state).contains("They hold \(panels) and \(people)."))
        state.press(.escape)
        #expect(screen(state).contains("\(panels) │") || screen(state).contains(panels + " "), "the Panels list's header")
        state.press(.character("2"))
        #expect(screen(state).contains(people + " "), "the People list's header")
        #expect(state.describe(.all) == (n == 1 ? "the 1 panel" : "all \(panels)"))
        _ = reduce(&state, .exported(path: "/tmp/a.ics", panels: n))
        #expect(state.notice?.text == "Exported \(panels) to /tmp/a.ics")
    }

    @Test("deleting a person says how many rosters lose them: none, one, or those", arguments: [
        (0, "Delete Person 0?"),
        (1, "Delete Person 0? They are on 1 panel and will be taken off its roster."),
        (2, "Delete Person 0? They are on 2 panels and will be taken off those rosters."),
    ])
    func deletePerson(_ panels: Int, _ message: String) {
        var state = makeState(catalog(panels: panels, people: 1, onRoster: 1))
        state.press(.character("2"), .character("d"))
        guard case .confirm(let question)? = state.overlays.last else { Issue.record("no question"); return }
        #expect(question.message == message)
    }

    @Test("the Findings screen counts errors and warnings in the singular and plural")
    func findingsHeader() {
        var state = makeState()
        state.press(.character("4"))
        #expect(screen(state).contains("0 errors, 7 warnings"))
        var one = demoCatalog()
        one.panels = one.panels.filter { $0.key == "panel-2024-11-21-global-magnitsky-record" }
        var single = makeState(one)
        single.press(.character("4"))
        #expect(screen(single).contains("0 errors, 1 warning "))
    }
}
