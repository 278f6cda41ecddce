import Foundation
import Testing

@Suite("dais init on a terminal", .serialized, .ownThread)
struct InitPromptTests {
    /// `dais init STORE` in a terminal wide enough for its paths, then its exit status, then `then`.
    func initOnTerminal(_ store: String, then: String = "true") throws -> Tmux {
        try Tmux("\(daisExecutable) init \(store); echo EXIT=$?; \(then); sleep 30", width: 250, height: 20,
                 environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": "/nonexistent"])
    }

    @Test("the zone question types ahead: the zones a word may mean under it, Tab takes them, Enter waits for real zones")
    func zones() async throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let store = folder + "/agenda.json"
        let tmux = try initOnTerminal(store)
        _ = try #require(try await tmux.waitFor("Organization that hosts most panels"))
        try await tmux.type("Human Rights First")
        try await tmux.keys("Enter")
        _ = try #require(try await tmux.waitFor("Type a zone: EST, AEDT, London"))
        try await tmux.type("Sydn")
        let hinted = try #require(try await tmux.waitFor("Tab: Australia/Sydney"))
        #expect(hinted.contains("Zones to show times in"))
        try await tmux.keys("Tab")
        _ = try #require(try await tmux.waitFor("Australia/Sydney is a zone"))
        try await tmux.type(" Londn")
        _ = try #require(try await tmux.waitFor("Tab: Europe/London"))
        // Enter on a word that names no zone says so and keeps the line.
        try await tmux.keys("Enter")
        let refused = try #require(try await tmux.waitFor("did you mean Europe/London?"))
        #expect(refused.contains("Australia/Sydney Londn"))
        try await tmux.keys("BSpace", "BSpace")
        try await tmux.type("don")
        _ = try #require(try await tmux.waitFor("London = Europe/London"))
        try await tmux.type(" EST")
        try await tmux.keys("Enter")
        _ = try #require(try await tmux.waitFor("Waking hours"))
        try await tmux.keys("Enter")
        let done = try #require(try await tmux.waitFor("EXIT=0"))
        #expect(done.contains("Created \(store): an empty store with Human Rights First as host of its first series"))
        #expect(!done.contains("Type a zone"), "the hint line is cleared once answered")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: store))) as? [String: Any])
        #expect((json["settings"] as? [String: Any])?["displayZones"] as? [String] == ["Australia/Sydney", "Europe/London", "America/New_York"])
    }

    @Test("Ctrl-C at the zone question creates nothing and leaves the terminal as it was")
    func interrupted() async throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let store = folder + "/agenda.json"
        let tmux = try initOnTerminal(store, then: "stty -a | grep -o -- '-\\?icanon'")
        _ = try #require(try await tmux.waitFor("Organization that hosts most panels"))
        try await tmux.keys("Enter")
        _ = try #require(try await tmux.waitFor("Type a zone"))
        try await tmux.type("Tok")
        try await tmux.keys("C-c")
        let ended = try #require(try await tmux.waitFor("EXIT=130"))
        #expect(ended.contains("dais: stopped; no store was created"))
        #expect(ended.contains("\nicanon"), "the terminal reads lines again: \(ended)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}
