import Foundation
import Testing

/// The built `dais` in a real terminal (tmux): what a person sees and what lands on disk.
@Suite("The console in tmux", .serialized, .ownThread)
struct ConsoleTests {
    /// A temporary copy of the demo store.
    func demoCopy() throws -> (folder: String, store: String) {
        let folder = makeTemporaryFolder()
        let store = folder + "/store.json"
        try FileManager.default.copyItem(atPath: fixturePath("magnitsky-month.json"), toPath: store)
        return (folder, store)
    }

    func console(_ store: String, width: Int = 120, height: Int = 40, extra: String = "") async throws -> Tmux {
        let tmux = try Tmux("echo $$ > \(store).pid; exec \(daisExecutable) --store \(store) \(extra)", width: width, height: height,
                            environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": "/nonexistent"])
        let started = try await tmux.waitFor("1 Panels")
        let shown = try tmux.screen()
        #expect(started != nil, "the console did not start: \(shown)")
        return tmux
    }

    @Test("create a panel with a moderator and two panelists purely by keys, save, quit; the JSON on disk has it")
    func createPanel() async throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        let tmux = try await console(store)
        try await tmux.keys("n")
        try await tmux.waitFor("New panel")
        try await tmux.type("Sanctions and the Pacific")
        try await tmux.keys("Tab", "Tab", "Tab", "C-u")
        try await tmux.type("2024-12-04")
        try await tmux.keys("Tab", "C-u")
        try await tmux.type("09:00")
        try await tmux.keys("Tab", "C-u")
        try await tmux.type("Sydney")
        try await tmux.keys("Tab")
        #expect(try await tmux.waitFor("Wed Dec 4 2024  09:00-10:00 AEDT  (Australia/Sydney)") != nil)
        try await tmux.keys("C-s")
        #expect(try await tmux.waitFor("Roster and organizations") != nil)
        for name in ["olivia", "evgenia", "tasneem"] {
            try await tmux.keys("a")
            try await tmux.waitFor("Choose a person")
            try await tmux.type(name)
            try await tmux.keys("Enter")
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        let roster = try tmux.screen()
        #expect(roster.contains("Moderator Olivia Dehnavi"))
        #expect(roster.contains("Panelist  Tasneem Roc"))
        try await tmux.keys("Escape", "s")
        // The demo store is format 1; the save stamps the new panel's modified time (format 2).
        #expect(try await tmux.waitFor("Saved: store.json was upgraded to format 2; the previous file is store.json.bak") != nil)
        try await tmux.keys("q")
        try await Task.sleep(nanoseconds: 500_000_000)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: store))) as! [String: Any]
        let panels = json["panels"] as! [[String: Any]]
        let panel = try #require(panels.first { $0["id"] as? String == "panel-2024-12-04-sanctions-and-the-pacific" })
        #expect(panel["zone"] as? String == "Australia/Sydney")
        #expect(panel["start"] as? String == "2024-12-04T09:00")
        let entries = (panel["roster"] as! [[String: Any]]).map { "\($0["role"]!) \($0["person"]!)" }
        #expect(entries == ["moderator p-olivia-dehnavi", "panelist p-evgenia-kara-murza", "panelist p-tasneem-roc"])
        #expect(FileManager.default.fileExists(atPath: store + ".bak"))
    }

    @Test("moving a panel onto another of Evgenia Kara-Murza's shows the clash mark at once")
    func clashMark() async throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        let tmux = try await console(store)
        #expect(try tmux.screen().contains("✗ 0"))
        try await tmux.keys("Enter")
        try await tmux.waitFor("Edit panel")
        try await tmux.keys("Tab", "Tab", "Tab", "C-u")
        try await tmux.type("2024-11-13")
        #expect(try await tmux.waitFor("✗ Evgenia Kara-Murza is on") != nil, "the editor shows the clash while typing")
        try await tmux.keys("C-s")
        let screen = try #require(try await tmux.waitFor("✗ 1"))
        #expect(screen.contains("10:00 EST   60 ✗ TBA Countering arbitrary detention"))
        #expect(screen.contains("● modified"))
    }

    @Test("the layout follows resizes, down to 80x24, and says so below")
    func resize() async throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        let tmux = try await console(store)
        #expect(try tmux.screen().contains("│ Transnational repression and targeted sanctions"), "details beside the list at 120 columns")
        try await tmux.resize(width: 80, height: 24)
        let found = try await tmux.waitFor("────────────────")
        let shown = try tmux.screen()
        let size = try tmux.tmux(["display", "-p", "-t", tmux.session, "#{window_width}x#{window_height}"])
        let narrow = try #require(found, "after resizing to 80x24 (\(size)):\n\(shown)")
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(narrow.contains("Tue Nov 26 10:00 EST   60 ! TBA Transnational repression and targeted sanctions"))
        try await tmux.resize(width: 60, height: 20)
        #expect(try await tmux.waitFor("Dais needs a terminal of at least 80×24;") != nil)
        try await tmux.resize(width: 100, height: 30)
        #expect(try await tmux.waitFor("1 Panels") != nil)
    }

    struct Stop: Sendable, CustomStringConvertible {
        let name: String
        let signal: Int32
        /// Fatal signals stop the process at once: the edits come from the recovery file written in
        /// the background shortly after the last edit.
        let fatal: Bool
        var description: String { name }
    }

    @Test("Ctrl-C, SIGTERM, SIGHUP and fatal errors leave the terminal sane and the unsaved edits in a recovery file, offered at the next start",
          arguments: [Stop(name: "Ctrl-C", signal: SIGINT, fatal: false), Stop(name: "SIGTERM", signal: SIGTERM, fatal: false),
                      Stop(name: "SIGHUP", signal: SIGHUP, fatal: false), Stop(name: "SIGSEGV", signal: SIGSEGV, fatal: true),
                      Stop(name: "SIGILL (the signal a Swift runtime trap raises)", signal: SIGILL, fatal: true)])
    func stopped(_ stop: Stop) async throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        // The shell around dais survives Ctrl-C (as a person's interactive shell does) to report the status.
        let tmux = try Tmux("trap true INT; sh -c 'echo $$ > \(store).pid; exec \(daisExecutable) --store \(store)'; echo EXIT=$?; stty -a; sleep 30",
                            environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        #expect(try await tmux.waitFor("1 Panels") != nil)
        try await tmux.keys("d", "y")
        #expect(try await tmux.waitFor("● modified") != nil)
        if stop.fatal {  // the background recovery write, two seconds after the edit
            #expect(await waitForFile(store + ".recovery", exists: true))
        }
        let pid = try String(contentsOfFile: store + ".pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        if stop.signal == SIGINT {
            try await tmux.keys("C-c")
        } else {
            kill(pid_t(pid)!, stop.signal)
        }
        let exited = try await tmux.waitFor("EXIT=\(128 + stop.signal)")
        #expect(exited != nil, "\(String(describing: try? tmux.screen()))")
        if !stop.fatal {
            // (The line, with its long path, is wider than the window: tmux shows it on two rows.)
            #expect(exited?.contains("dais: unsaved edits kept in") == true, "said on the way out")
        }
        let after = try #require(try await tmux.waitFor("iexten"), "stty -a printed its local modes")
        #expect(after.contains(" icanon") && !after.contains("-icanon"), "canonical mode is back")
        #expect(after.contains(" echo ") && !after.contains("-echo "), "echo is back")
        #expect(after.contains(" ixon"), "flow control is the terminal's again")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before, "the store itself is untouched")
        #expect(FileManager.default.fileExists(atPath: store + ".recovery"))
        let again = try await console(store)
        #expect(try await again.waitFor("Recovered edits") != nil)
        try await again.keys("r")
        #expect(try await again.waitFor("● modified") != nil)
        #expect(try again.screen().contains("5 panels"))
    }

    @Test("quitting without saving leaves no recovery file behind; undoing every edit removes it")
    func recoveryFileLifecycle() async throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        let tmux = try await console(store)
        try await tmux.keys("d", "y")
        #expect(try await tmux.waitFor("● modified") != nil)
        #expect(await waitForFile(store + ".recovery", exists: true), "written two seconds after the edit")
        try await tmux.keys("u")
        #expect(await waitForFile(store + ".recovery", exists: false), "nothing unsaved: removed")
        try await tmux.keys("d", "y")
        #expect(await waitForFile(store + ".recovery", exists: true))
        try await tmux.keys("q")
        #expect(try await tmux.waitFor("unsaved changes") != nil)
        try await tmux.keys("q")
        #expect(await waitForFile(store + ".recovery", exists: false), "the organizer chose to drop the edits")
    }

    @Test("dais refuses to start, in one line, without a terminal that can move the cursor")
    func refuses() async throws {
        let piped = try dais(["--store", fixturePath("magnitsky-month.json")])
        #expect(piped.status == 5)
        #expect(piped.stderr == "dais: standard input is not a terminal; the console needs one (try `dais list`)\n")
        let tmux = try Tmux("\(daisExecutable) --store \(fixturePath("magnitsky-month.json")); echo EXIT=$?; sleep 30",
                            environment: ["TERM": "dumb"])
        let screen = try #require(try await tmux.waitFor("EXIT="))
        #expect(screen.contains("dais: terminal type \"dumb\" cannot move the cursor; the console needs a full-screen terminal"))
        #expect(screen.contains("EXIT=5"))
    }
}

/// Waits (up to 8 seconds) until a file exists or is gone; true when it came to that.
func waitForFile(_ path: String, exists: Bool) async -> Bool {
    for _ in 0..<320 {
        if FileManager.default.fileExists(atPath: path) == exists { return true }
        try? await Task.sleep(nanoseconds: 25_000_000)
    }
    return false
}
