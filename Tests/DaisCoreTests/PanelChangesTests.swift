import Testing
@testable import DaisCore

@Suite("Changes between two versions of a store")
struct PanelChangesTests {
    let id: PanelID = "panel-2024-11-26-transnational-repression"

    func kinds(_ change: (inout Catalog) -> Void) throws -> [String] {
        let old = try demoCatalog()
        var new = old
        change(&new)
        return PanelChanges(from: old, to: new).entries.flatMap { entry in entry.changes.map { "\(entry.id) \($0.kind.rawValue): \($0.detail)" } }
    }

    @Test("each kind of change, with what it says")
    func eachKind() throws {
        #expect(try kinds { _ in }.isEmpty)
        #expect(try kinds { $0.panels[id]!.title = "New title" } == ["\(id) renamed: from 'Transnational repression and targeted sanctions'"])
        #expect(try kinds { $0.panels[id]!.status = .draft } == ["\(id) status: scheduled to draft"])
        #expect(try kinds { $0.panels[id]!.durationMinutes = 90 } == ["\(id) moved: from Tue Nov 26 10:00-11:00 EST to Tue Nov 26 10:00-11:30 EST"])
        #expect(try kinds { $0.panels[id]!.roster[0].status = .declined } == ["\(id) roster-changed: The Honorable Professor Irwin Cotler: confirmed to declined"])
        #expect(try kinds { $0.panels[id]!.roster[0].role = .moderator } == ["\(id) roster-changed: The Honorable Professor Irwin Cotler: role remarks to moderator"])
        #expect(try kinds { $0.panels[id] = nil } == ["\(id) removed: was on Tue Nov 26 10:00-11:00 EST"])
        #expect(try kinds { $0.panels["p-new"] = Panel(id: "p-new", title: "New", start: local("2025-01-10T10:00"), zone: "UTC") }
                == ["p-new added: on Fri Jan 10 10:00-11:00 UTC"])
        #expect(try kinds { $0.panels[id]!.description = "Other words." }.isEmpty, "a description is not announced as a change")
    }

    @Test("declined speakers are not told; each person once per change, in roster order")
    func recipients() throws {
        let old = try demoCatalog()
        var new = old
        new.panels[id]!.roster[1].status = .declined
        new.panels[id]!.start = new.panels[id]!.start.adding(minutes: 30)
        let moved = try #require(PanelChanges(from: old, to: new).entries.first?.changes.first { $0.kind == .moved })
        #expect(moved.recipients.map(\.person) == old.panels[id]!.roster.enumerated().filter { $0.offset != 1 }.map(\.element.person))
    }
}
