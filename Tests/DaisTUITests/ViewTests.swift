import DaisCore
import DaisSynthetic
import Testing
@testable import DaisTUI

@Suite("Views rendered into the in-memory screen, compared as text")
struct ViewTests {
    /// A named state: what keys lead there from the wide demo store.
    struct Scene: CustomTestStringConvertible, Sendable {
        let name: String
        let keys: [Key]
        let typed: String
        var testDescription: String { name }

        init(_ name: String, _ keys: [Key] = [], typed: String = "") {
            self.name = name
            self.keys = keys
            self.typed = typed
        }
    }

    static let scenes: [Scene] = [
        Scene("panels"),
        Scene("panels-global-magnitsky", [.character("k"), .character("k")]),
        Scene("people", [.character("2"), .character("/")], typed: "zoë"),
        Scene("organizations", [.character("3")]),
        Scene("findings", [.character("4")]),
        Scene("week", [.character("5")]),
        Scene("week-sydney", [.character("5"), .character("Z")]),
        Scene("help", [.character("?")]),
        Scene("editor-new", [.character("n")], typed: "王小明 and Zoë 🎉"),
        Scene("editor-existing", [.character("k"), .enter]),
        Scene("roster", [.character("k"), .character("r")]),
        Scene("picker", [.character("r"), .character("a")], typed: "ka"),
        Scene("filter", [.character("f"), .right]),
        Scene("zones", [.character("z")]),
        Scene("confirm-delete", [.character("d")]),
        Scene("quit-unsaved", [.character("d"), .character("y"), .character("q")]),
        Scene("search", [.character("/")], typed: "sanctions"),
        Scene("export", [.character("x"), .up, .right]),
        Scene("planner", [.character("k"), .character("F"), .right, .tab]),
        // A panel deleted, then the changes since the last save.
        Scene("changes", [.character("k"), .character("d"), .character("y"), .character("A")]),
    ]

    func render(_ scene: Scene, width: Int, height: Int) -> AppState {
        var state = makeState(wideCatalog(), width: width, height: height)
        var keys = scene.keys
        // Type after the keys that open the field.
        state.press(keys)
        keys = []
        state.type(scene.typed)
        return state
    }

    @Test("every screen and dialog at 120x40", arguments: ViewTests.scenes)
    func wide(_ scene: Scene) {
        let state = render(scene, width: 120, height: 40)
        let (ok, message) = matchesGolden(state.screenLines, "\(scene.name)-120x40")
        #expect(ok, "\(message)")
    }

    @Test("every screen and dialog at 80x24", arguments: ViewTests.scenes)
    func narrow(_ scene: Scene) {
        let state = render(scene, width: 80, height: 24)
        let (ok, message) = matchesGolden(state.screenLines, "\(scene.name)-80x24")
        #expect(ok, "\(message)")
    }

    @Test("wide characters take two cells and are never split at an edge", arguments: ViewTests.scenes)
    func cells(_ scene: Scene) {
        for (w, h) in [(120, 40), (80, 24), (97, 31)] {
            let screen = ConsoleView.render(render(scene, width: w, height: h))
            for row in 0..<screen.height {
                var column = 0
                while column < screen.width {
                    let cell = screen[row, column]
                    let width = DisplayText.width(of: cell.text)
                    if width == 2 {
                        #expect(column + 1 < screen.width && screen[row, column + 1].isContinuation, "row \(row) col \(column) in \(scene.name)")
                        column += 2
                    } else {
                        #expect(!cell.isContinuation, "orphan continuation at row \(row) col \(column) in \(scene.name) \(w)x\(h)")
                        column += 1
                    }
                }
                #expect(DisplayText.width(of: screen.lines[row]) <= w)
            }
        }
    }

    @Test("below 80x24 the console says so plainly")
    func tooSmall() {
        let lines = makeState(width: 70, height: 20).screenLines
        #expect(lines.contains { $0.contains("Dais needs a terminal of at least 80×24;") })
        #expect(lines.contains { $0.contains("this one is 70×20.") })
    }

    @Test("the selected row, headings and marks are styled, not just text")
    func styles() {
        let screen = ConsoleView.render(makeState())
        #expect(screen[0, 1].style == .header)
        let selectedRow = (0..<screen.height).first { screen[$0, 2].style == .selected }
        #expect(selectedRow != nil)
        #expect(screen.lines[selectedRow!].contains("Transnational repression"))
    }

    @Test("hostile text is shown inertly: no control character reaches a cell")
    func hostile() {
        var catalog = demoCatalog()
        catalog.people["p-evil"] = Person(id: "p-evil", name: "Mallory \u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{9B}31m\u{202E}gnp.exe")
        var panel = catalog.panels["panel-2024-11-26-transnational-repression"]!
        panel.title = "Evil \u{1B}[31mred\u{1B}[0m title\u{08}\u{08}"
        panel.roster.append(RosterEntry(person: "p-evil", role: .moderator))
        catalog.panels[panel.id] = panel
        var state = makeState(catalog)
        for keys in [[Key](), [.character("2")], [.character("4")], [.character("1"), .character("r")]] {
            state.press(keys)
            let screen = ConsoleView.render(state)
            for cell in screen.cells {
                #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) || (0x202A...0x202E).contains($0.value) })
            }
        }
        #expect(ConsoleView.render(makeState(catalog)).lines.joined().contains("Evil ␛[31mred␛[0m title␈␈"))
    }

    @Test("an organization's details scroll line by line over all its panels, to the last co-sponsored one")
    func organizationDetailsScroll() {
        // A synthetic store whose organizations name many panels each: more lines than the pane holds.
        let catalog = SyntheticStore.generate(panels: 150, seed: 3)
        var state = makeState(catalog, width: 120, height: 30)
        state.press(.character("3"), .tab)
        let details = Layout(width: 120, height: 30).details
        func pane(_ state: AppState) -> [String] {
            let screen = ConsoleView.render(state)
            return (details.row..<(details.row + details.height)).map { row in
                String(screen.lines[row].dropFirst(details.column + 1).prefix(details.width - 1))
            }
        }
        var panes = [pane(state)]
        #expect(panes[0].contains { $0.hasPrefix("Hosts ") })
        for _ in 0..<1_000 {
            state.press(.down)
            panes.append(pane(state))
            if panes[panes.count - 1] == panes[panes.count - 2] { break }
        }
        // Each step shows the lines one further: the window slides over one list of lines.
        #expect(panes.count >= 2 && panes[panes.count - 1] == panes[panes.count - 2], "the scroll must stop at the end")
        panes.removeLast()
        #expect(panes.count > details.height, "the pane must need scrolling (\(panes.count) positions)")
        for k in 0..<(panes.count - 1) {
            #expect(Array(panes[k].dropFirst()) == Array(panes[k + 1].dropLast()), "step \(k)")
        }
        // The end: the last co-sponsored panel's title on the last line (a scroll past it shows the same).
        let org = state.selectedOrganization!
        let last = catalog.panels.values.filter { $0.cosponsors.contains(org.id) && $0.status != .cancelled }
            .max { PanelSortKey($0) < PanelSortKey($1) }!
        state.press(.end)
        let end = pane(state)
        #expect(end == panes[panes.count - 1])
        #expect(end.joined(separator: " ").replacingOccurrences(of: "  ", with: " ").contains(String(last.title.prefix(20))), "\(end)")
        #expect(end.contains { $0.hasPrefix("Co-sponsors ") } || panes.contains { $0.contains { $0.hasPrefix("Co-sponsors ") } })
        // Back from the end, a line and a page at a time (End does not leave the pane past its last line).
        state.press(.up)
        #expect(pane(state) == panes[panes.count - 2])
        state.press(.pageUp)
        #expect(pane(state) == panes[max(0, panes.count - 2 - max(1, state.listHeight - 1))])
        state.press(.home)
        #expect(pane(state) == panes[0])
    }

    @Test("details of a panel and of a person scroll back at once from the end", arguments: [Tab.panels, Tab.people])
    func detailsBackFromEnd(_ tab: Tab) {
        // Small panes (80x24, details below the list) and people on many panels, so that the
        // details need scrolling.
        var state = makeState(SyntheticStore.generate(panels: 150, seed: 3), width: 80, height: 24)
        state.press(.character(Character(String(tab.rawValue))), .tab)
        let details = Layout(width: 80, height: 24).details
        func pane(_ state: AppState) -> [String] {
            let screen = ConsoleView.render(state)
            return (details.row..<(details.row + details.height)).map { String(screen.lines[$0].dropFirst(details.column)) }
        }
        let top = pane(state)
        state.press(.down)
        let second = pane(state)
        #expect(second != top, "the details must need scrolling")
        state.press(.end)
        let end = pane(state)
        state.press(.down)
        #expect(pane(state) == end)
        state.press(.up)
        #expect(pane(state) != end, "one key up from the end must show the line before")
        state.press(.home)
        #expect(pane(state) == top)
    }
}
