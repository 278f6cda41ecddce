import DaisCore
import Foundation
import Testing

/// Text that a terminal, a spreadsheet or a calendar would act on, loaded from
/// fixtures/hostile/hostile-names.json (written by scripts/make-hostile-fixture.py).
@Suite("Hostile input", .ownThread)
struct HostileInputTests {
    let store = fixturePath("hostile/hostile-names.json")

    /// What must never reach a terminal or a file from user data: C0 controls but tab and line breaks,
    /// DEL, C1 controls and directional formatting characters.
    static func dangerous(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            let v = s.value
            return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    @Test("every command's text output shows hostile names inertly", arguments: [
        ["list"], ["list", "--zone", "Sydney"], ["show", "panel-hostile-one"], ["show", "panel-hostile-two"], ["people"], ["orgs"],
        ["check"], ["check", "--format", "json"], ["list", "--json"],
    ])
    func commands(_ arguments: [String]) throws {
        let run = try dais(arguments + ["--store", store])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        #expect(!run.stdout.isEmpty)
        #expect(Self.dangerous(run.stdout) == [], "\(arguments)")
        #expect(Self.dangerous(run.stderr) == [], "\(arguments)")
    }

    @Test("every exporter escapes or drops them for its format", arguments: ["ics", "md", "html", "csv", "schedule-json"])
    func exports(_ format: String) throws {
        let run = try dais(["export", "--format", format, "--store", store])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.dangerous(run.stdout) == [])
        switch format {
        case "html":
            #expect(!run.stdout.contains("<script>") && run.stdout.contains("&lt;script&gt;"))
            #expect(!run.stdout.contains("href=\"javascript:"))
            #expect(!run.stdout.contains("\"onmouseover"))
        case "csv":
            #expect(run.stdout.contains(",'+SUM(A1:A9),") && run.stdout.contains(",\"'@cmd, -2+3\",") && run.stdout.contains(",'-2+3,"))
        case "md":
            #expect(run.stdout.contains("\\<img src=x onerror=alert(1)\\>"))
        default:
            break
        }
    }

    @Test("an error message about a hostile value is inert too")
    func errors() throws {
        let run = try dais(["show", "panel-\u{1B}]52;c;eA==\u{07}", "--store", store])
        #expect(run.status != 0)
        #expect(Self.dangerous(run.stderr) == [])
        let zone = try dais(["time", "2024-11-13 10:00", "--zone", "Mars\u{1B}[2J\u{9B}31m"])
        #expect(zone.status == 2)
        #expect(Self.dangerous(zone.stderr) == [] && zone.stderr.contains("Mars"))
    }

    @Test("a 1 MB name loads as text and is shown cut to the screen")
    func hugeName() async throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        var catalog = try StoreFile(path: store).load().catalog
        catalog.people["p-csi"]!.name = String(repeating: "\u{1B}[2JA", count: 250_000)
        let path = folder + "/huge.json"
        try StoreFile(path: path).create(catalog)
        let people = try dais(["people", "--store", path])
        #expect(people.status == 0)
        #expect(Self.dangerous(people.stdout) == [])
        #expect(people.stdout.utf8.count > 1_000_000)  // the command line prints the whole name, inertly
        // The console shows it cut to the screen and stays quick (wrapping it was quadratic once).
        let tmux = try Tmux("exec \(daisExecutable) --store \(path)", environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": "/nonexistent"])
        #expect(try await tmux.waitFor("1 Panels") != nil)
        try await tmux.keys("2")
        let screen = try #require(try await tmux.waitFor("5 people"))
        #expect(screen.contains("✗ ␛[2JA␛[2JA"))
        #expect(Self.dangerous(screen) == [])
        try await tmux.keys("j", "j", "j", "1")
        #expect(try await tmux.waitFor("2 panels") != nil)
    }

    @Test("in the console, no byte of a control sequence from the store reaches the terminal")
    func console() async throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let copy = folder + "/store.json"
        try FileManager.default.copyItem(atPath: store, toPath: copy)
        let raw = folder + "/terminal-output.bin"
        let tmux = try Tmux("sleep 0.5; exec \(daisExecutable) --store \(copy)",
                            environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": "/nonexistent"])
        // Record every byte the program writes to its terminal.
        try tmux.tmux(["pipe-pane", "-t", tmux.session, "-o", "cat >> \(raw)"])
        #expect(try await tmux.waitFor("1 Panels") != nil)
        // Browse every screen, the details, search and the roster editor.
        try await tmux.keys("g", "Tab", "j", "j", "Tab", "2", "j", "j", "j", "3", "4", "5", "1", "r")
        try await tmux.keys("Escape", "/")
        try await tmux.type("mallory")
        try await tmux.keys("Enter", "e")
        let screen = try #require(try await tmux.waitFor("Edit panel"))
        try await tmux.keys("Escape")
        #expect(try await tmux.waitFor("1 Panels") != nil)
        let all = try tmux.screen()
        #expect(screen.contains("␛") || all.contains("␛"), "the stand-in for ESC is visible")
        try await Task.sleep(nanoseconds: 300_000_000)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: raw))
        #expect(bytes.count > 1000)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("\u{1B}]"), "an OSC sequence (clipboard, link, title) reached the terminal")
        #expect(!text.contains("\u{07}"), "a BEL reached the terminal")
        #expect(!text.contains("\u{1B}[31mRed"), "the store's colour sequence reached the terminal")
        #expect(text.contains("\u{241B}[31mRed"), "the colour sequence is shown with a visible stand-in for ESC")
        #expect(!text.contains("[2J\u{1B}[H"), "the store's clear-screen sequence reached the terminal")
        // ncurses itself sends ESC, backspace and shift-in/out (character sets); nothing else may appear.
        let own: Set = ["U+1B", "U+8", "U+E", "U+F"]
        #expect(Self.dangerous(text).filter { !own.contains($0) } == [], "C1 or directional characters reached the terminal")
        try await tmux.keys("q")
    }
}
