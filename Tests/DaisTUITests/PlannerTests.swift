import DaisCore
import Testing
@testable import DaisTUI

@Suite("The planner")
struct PlannerTests {
    /// The demo store with home zones for three speakers, and the 26 November 2024 panel's roster
    /// made of them and one person without a home zone.
    func catalog() -> Catalog {
        var catalog = demoCatalog()
        for (id, zone) in [("p-tasneem-roc", "Australia/Sydney"), ("p-olivia-dehnavi", "Europe/London"), ("p-evgenia-kara-murza", "America/New_York")] {
            catalog.people[PersonID(id)]!.homeZone = zone
        }
        var panel = catalog.panels["panel-2024-11-26-transnational-repression"]!
        panel.roster = [RosterEntry(person: "p-olivia-dehnavi", role: .moderator), RosterEntry(person: "p-evgenia-kara-murza", role: .panelist),
                        RosterEntry(person: "p-tasneem-roc", role: .panelist), RosterEntry(person: "p-ti-anna-wang", role: .panelist)]
        catalog.panels[panel.id] = panel
        return catalog
    }

    func opened(width: Int = 120, height: Int = 40) -> AppState {
        var state = makeState(catalog(), width: width, height: height)
        state.select(panel: "panel-2024-11-26-transnational-repression")
        state.press(.character("F"))
        return state
    }

    var planner: (AppState) -> Planner? = { state in
        if case .planner(let planner)? = state.overlays.last { return planner }
        return nil
    }

    @Test("F opens the planner on the panel's start; → and ← move by the step, ↓ and ↑ by the day; the cost follows the cursor")
    func moving() throws {
        var state = opened()
        #expect(state.topOverlayName == "planner")
        var p = try #require(planner(state))
        #expect(p.cursor == LocalDateTime(year: 2024, month: 11, day: 26, hour: 10, minute: 0)!)
        // 10:00 EST is 02:00 in Sydney: an hour of night.
        guard case .possible(let at10) = p.evaluation else { Issue.record("10:00 is possible"); return }
        #expect(at10.cost.lines.first { $0.subject == "Tasneem Roc" }?.explanation == "60 min at night")
        state.press(.right, .right, .down)
        p = try #require(planner(state))
        #expect(p.cursor == LocalDateTime(year: 2024, month: 11, day: 27, hour: 10, minute: 30)!)
        state.press(.left, .up)
        p = try #require(planner(state))
        #expect(p.cursor == LocalDateTime(year: 2024, month: 11, day: 26, hour: 10, minute: 15)!)
    }

    @Test("Tab jumps to the best starts in turn; Enter moves the panel there as one edit that u undoes")
    func choosing() throws {
        var state = opened()
        state.press(.tab)
        var p = try #require(planner(state))
        #expect(p.chosen == 0 && p.cursor == p.best[0].local)
        #expect(p.best[0].local == LocalDateTime(year: 2024, month: 11, day: 26, hour: 15, minute: 0)!)
        state.press(.tab)
        p = try #require(planner(state))
        #expect(p.chosen == 1 && p.cursor == p.best[1].local)
        state.press(.tab, .tab, .tab, .tab)  // past the fifth, back to the first
        p = try #require(planner(state))
        #expect(p.chosen == 0)
        state.press(.enter)
        #expect(state.topOverlayName == "none")
        #expect(state.catalog.panels["panel-2024-11-26-transnational-repression"]?.start == LocalDateTime(year: 2024, month: 11, day: 26, hour: 15, minute: 0)!)
        #expect(state.notice?.text.hasPrefix("Moved 'Transnational repression and targeted sanctions' to 2024-11-26 15:00") == true)
        state.press(.character("u"))
        #expect(state.catalog.panels["panel-2024-11-26-transnational-repression"]?.start == LocalDateTime(year: 2024, month: 11, day: 26, hour: 10, minute: 0)!)
    }

    @Test("a start a speaker's other panel rules out says why, and Enter there moves nothing")
    func blocked() throws {
        var state = opened()
        // Evgenia Kara-Murza is on the 13 November panel at 10:00 EST: go back 13 days.
        for _ in 0..<13 { state.press(.up) }
        let p = try #require(planner(state))
        guard case .blocked(_, let why) = p.evaluation else { Issue.record("10:00 on 13 November is blocked"); return }
        #expect(why.hasPrefix("Evgenia Kara-Murza is on 'Countering arbitrary detention"))
        #expect(state.screenLines.joined().contains("not possible: Evgenia Kara-Murza is on"))
        state.press(.enter)
        #expect(state.topOverlayName == "planner")
        #expect(state.notice?.text.hasPrefix("Not moved: Evgenia Kara-Murza is on") == true)
        #expect(state.catalog.panels["panel-2024-11-26-transnational-repression"]?.start.date == LocalDate(year: 2024, month: 11, day: 26)!)
    }

    @Test("at 80x24 every roster member has a row in their local time, the person without a home zone is named, the cost and a best start show")
    func smallTerminal() throws {
        let state = opened(width: 80, height: 24)
        let lines = state.screenLines
        #expect(lines.count == 24 && lines.allSatisfy { DisplayText.width(of: $0) <= 80 })
        #expect(lines.contains { $0.contains("Tasneem Roc    161718192021222300010203040506070809101112131415 02:00 AEDT+1d") })
        #expect(lines.contains { $0.contains("Olivia Dehnavi 050607080910111213141516171819202122230001020304 15:00 GMT") })
        #expect(lines.contains { $0.contains("Ti-Anna Wang   no home zone: not scored") })
        #expect(lines.contains { $0.contains("Tasneem Roc: 60 min at night (600)") })
        #expect(lines.contains { $0.contains("1. Tue 2024-11-26 15:00 cost 60") })
        #expect(lines[23].contains("Tab next best") && lines[23].contains("Enter move here"))
    }

    @Test("a panel with nobody on its roster says why the planner cannot open")
    func emptyRoster() {
        var catalog = catalog()
        catalog.panels["panel-2024-11-26-transnational-repression"]!.roster = []
        var state = makeState(catalog)
        state.select(panel: "panel-2024-11-26-transnational-repression")
        state.press(.character("F"))
        #expect(state.topOverlayName == "none")
        #expect(state.notice?.text == "Cannot find a time for 'Transnational repression and targeted sanctions': no people to find a time for (the roster is empty)")
    }

    @Test("the person form takes waking hours (a bad range is refused, blank is the store's); the series form audience zones; the planner scores with both")
    func ownHoursAndAudience() throws {
        var state = makeState(catalog())
        state.press(.character("2"))
        state.select(person: "p-tasneem-roc")
        state.press(.character("e"))
        guard case .form(var form)? = state.overlays.last else { Issue.record("no form"); return }
        #expect(form.labels == ["Name", "Title", "Affiliation", "E-mail", "Home zone", "Waking hours", "Notes"])
        form.focus = 5
        form.fields[5] = TextField("7 to 10")
        state.overlays[state.overlays.count - 1] = .form(form)
        state.press(.control("s"))
        guard case .form(let refused)? = state.overlays.last else { Issue.record("a bad range was taken"); return }
        #expect(refused.message == "waking hours like 08:00-21:00 (blank: the store's)")
        form.fields[5] = TextField("06:00 – 22:00")
        state.overlays[state.overlays.count - 1] = .form(form)
        state.press(.control("s"))
        #expect(state.topOverlayName == "none")
        #expect(state.catalog.people["p-tasneem-roc"]?.wakingHours == WakingHours(start: 6 * 60, end: 22 * 60))
        // The series of the panel: its audience in London.
        state.press(.character("1"))
        state.select(panel: "panel-2024-11-26-transnational-repression")
        state.press(.character("S"))
        guard case .form(var series)? = state.overlays.last else { Issue.record("no series form"); return }
        #expect(series.labels == ["Name", "Host", "Audience zones", "Description"])
        series.fields[2] = TextField("londn")
        state.overlays[state.overlays.count - 1] = .form(series)
        state.press(.control("s"))
        guard case .form(let wrong)? = state.overlays.last else { Issue.record("an unknown zone was taken"); return }
        #expect(wrong.message?.contains("did you mean Europe/London?") == true)
        series.fields[2] = TextField("London, Europe/London")
        state.overlays[state.overlays.count - 1] = .form(series)
        state.press(.control("s"))
        #expect(state.catalog.series["magnitsky-month-2024"]?.audienceZones == ["Europe/London"])
        // The planner now reads 07:00 in Sydney as waking and scores the London audience.
        state.press(.character("F"))
        let p = try #require(planner(state))
        #expect(p.request.audience.map(\.identifier) == ["Europe/London"])
        #expect(p.request.people.first { $0.id == "p-tasneem-roc" }?.hours == WakingHours(start: 6 * 60, end: 22 * 60))
        #expect(p.best[0].cost.total == 0 && p.best[0].local == LocalDateTime(year: 2024, month: 11, day: 26, hour: 14, minute: 0)!)
        // The first save in format 2 says so, once.
        state.press(.escape)
        _ = reduce(&state, .saved(StoreFile.Fingerprint(bytes: []), path: "/tmp/store.json"))
        #expect(state.notice?.text == "Saved: store.json was upgraded to format 2; the previous file is store.json.bak")
        _ = reduce(&state, .saved(StoreFile.Fingerprint(bytes: []), path: "/tmp/store.json"))
        #expect(state.notice?.text == "Saved /tmp/store.json")
    }
}
