import Foundation
import Testing

/// The console at the sizes people use, resized, and its forms' Enter key, in a real terminal (tmux).
@Suite("The console at 80x24 and through resizes", .serialized, .ownThread)
struct ConsoleLayoutTests {
    func demoCopy() throws -> (folder: String, store: String) {
        let folder = makeTemporaryFolder()
        let store = folder + "/store.json"
        try FileManager.default.copyItem(atPath: fixturePath("magnitsky-month.json"), toPath: store)
        return (folder, store)
    }

    func console(_ store: String, width: Int = 120, height: Int = 36) async throws -> Tmux {
        let tmux = try Tmux("exec \(daisExecutable) --store \(store)", width: width, height: height,
                            environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": "/nonexistent"])
        #expect(try await tmux.waitFor("1 Panels") != nil)
        return tmux
    }

    @Test("while the terminal is too small, keys do nothing to the dialog underneath (d, a zzz); only q acts")
    func tooSmallIgnoresKeys() async throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        let tmux = try await console(store)
        try await tmux.keys("g")  // the first panel, 20 November 2023: Olivia Dehnavi moderates
        try await tmux.keys("r")
        #expect(try await tmux.waitFor("Moderator Olivia Dehnavi") != nil)
        try await tmux.resize(width: 60, height: 20)
        #expect(try await tmux.waitFor("Dais needs a terminal of at least 80×24;") != nil)
        try await tmux.keys("d")
        try await tmux.type("a zzz")
        try await tmux.resize(width: 120, height: 36)
        let screen = try #require(try await tmux.waitFor("Roster and organizations"))
        #expect(screen.contains("Moderator Olivia Dehnavi"), "d removed nobody")
        #expect(!screen.contains("Choose a person"), "a opened no chooser")
        #expect(!screen.contains("● modified"))
    }

    @Test("at 80x24 the panel form shows a clash it makes, and the header keeps its counts")
    func clashAt80x24() async throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        let tmux = try await console(store, width: 80, height: 24)
        #expect(try tmux.screen().contains("✗ 0  ! 7"), "the counts at 80 columns")
        try await tmux.keys("Enter")  // the selected panel, 26 November 2024
        #expect(try await tmux.waitFor("Edit panel") != nil)
        try await tmux.keys("Tab", "Tab", "Tab", "C-u")
        try await tmux.type("2024-11-13")
        let screen = try #require(try await tmux.waitFor("✗ Evgenia Kara-Murza is on"), "\(String(describing: try? tmux.screen()))")
        #expect(screen.contains("02:00-03:00 AEDT +1d"), "the display zones, shortened to one line")
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test("Enter on the person form's Notes saves it; Ctrl-J breaks the line; what is typed next is not her notes")
    func notesEnterSaves() async throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        let tmux = try await console(store)
        try await tmux.keys("2", "n")
        #expect(try await tmux.waitFor("New person") != nil)
        try await tmux.type("Ada Lovelace")
        for _ in 0..<6 { try await tmux.keys("Tab") }  // Notes, after Waking hours
        try await tmux.type("one")
        try await tmux.keys("C-j")
        try await tmux.type("two")
        try await tmux.keys("Enter")
        #expect(try await tmux.waitFor("● modified") != nil)
        #expect(!(try tmux.screen()).contains("New person"), "the form closed")
        try await tmux.keys("s")
        #expect(try await tmux.waitFor("Saved") != nil)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: store))) as! [String: Any]
        let people = json["people"] as! [[String: Any]]
        let ada = try #require(people.first { $0["name"] as? String == "Ada Lovelace" })
        #expect(ada["notes"] as? String == "one\ntwo")
    }

    @Test("after 120x36, 80x24 and 120x36 again the Panels and People lists fill their panes from the top")
    func resizeKeepsListsFull() async throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        let tmux = try await console(store)
        let before = try tmux.screen()
        try await tmux.resize(width: 80, height: 24)
        try await tmux.resize(width: 120, height: 36)
        // The redraw after a resize takes its time on a loaded machine: the screen is read once it
        // is the one before the resizes, or after the time limit.
        let after = try await tmux.screen(settled: { $0 == before })
        #expect(after.contains(" November 2023"), "the 2023 panels are back in view")
        #expect(after == before, "the same screen as before the resizes")
        try await tmux.keys("2")
        let people = try #require(try await tmux.waitFor("2 People"))
        try await tmux.resize(width: 80, height: 24)
        try await tmux.resize(width: 120, height: 36)
        #expect(try await tmux.screen(settled: { $0 == people }) == people)
    }
}
