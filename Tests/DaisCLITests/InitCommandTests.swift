import Foundation
import Testing

@Suite("dais init")
struct InitCommandTests {
    @Test("init makes an empty store of one's own with zones and a host; a missing store says how; an existing file is never replaced")
    func initialize() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let store = folder + "/coalition/agenda.json"
        let missing = try dais(["list", "--store", store])
        #expect(missing.status == 3 && missing.stderr.contains("no store at \(store); create one with `dais init \(store)`"))
        let made = try dais(["init", store, "--zone", "EST", "--zone", "Sydney", "--host-name", "Human Rights First", "--waking-hours", "09:00-20:00"])
        #expect(made.status == 0 && made.stdout.hasPrefix("Created \(store): an empty store with Human Rights First as host of its first series"), "\(made.stderr)")
        let listed = try dais(["list", "--store", store])
        #expect(listed.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: store))) as? [String: Any])
        let settings = try #require(json["settings"] as? [String: Any])
        #expect(settings["displayZones"] as? [String] == ["America/New_York", "Australia/Sydney"])
        #expect((settings["wakingHours"] as? [String: String]) == ["start": "09:00", "end": "20:00"])
        #expect((json["series"] as? [[String: Any]])?.first?["host"] as? String == "human-rights-first")
        #expect(try dais(["check", "--store", store]).stdout.contains("0 errors, 0 warnings"))
        // The first panels of a new store: no word of an upgrade (an empty store has nothing an
        // older Dais would miss).
        let imported = try dais(["import", fixturePath("import/google.ics"), "--from", "2020-01-01", "--to", "2030-01-01", "--store", store])
        #expect(imported.status == 0 && imported.stdout.contains("add panel"), "\(imported.stdout)\(imported.stderr)")
        #expect(!imported.stderr.contains("upgraded"), "\(imported.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let again = try dais(["init", store])
        #expect(again.status == 4 && again.stderr.contains("a file is already there; it was left as it was"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        let badZone = try dais(["init", folder + "/other.json", "--zone", "Atlantis"])
        #expect(badZone.status == 2 && !FileManager.default.fileExists(atPath: folder + "/other.json"))
    }

    @Test("in a git repository, init sets up the merge and diff drivers too")
    func inRepository() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "init", "-q"]
        try process.run()
        process.waitUntilExit()
        let made = try dais(["init", folder + "/store.json"])
        #expect(made.status == 0 && made.stdout.contains("wrote \"store.json merge=dais diff=dais\" to .gitattributes"), "\(made.stdout)\(made.stderr)")
        #expect(try dais(["git", "status", "--store", folder + "/store.json"]).stdout.contains(".gitattributes: \"store.json merge=dais diff=dais\""))
    }
}

@Suite("dais --version")
struct VersionTests {
    @Test("--version and --help say the package's version; a build other than the release build says it is a development build")
    func version() throws {
        let shown = try dais(["--version"])
        #expect(shown.status == 0)
        #expect(shown.stdout.range(of: #"^dais [0-9]+\.[0-9]+\.[0-9]+ \(development build\)\n$"#, options: .regularExpression) != nil, "\(shown.stdout)")
        let help = try dais(["--help"])
        #expect(help.status == 0 && help.stdout.contains("This is \(shown.stdout.dropLast())."), "\(help.stdout)")
        #expect(help.stdout.contains("--version"))
    }
}

/// `dais --store PATH` on a PATH with no file: on a terminal the console offers to create it.
@Suite("The console on a missing store", .serialized, .ownThread)
struct MissingStoreConsoleTests {
    func console(_ store: String) throws -> Tmux {
        // Wide, so that the one-line messages naming the store's path are not wrapped.
        try Tmux("\(daisExecutable) --store \(store); echo EXIT=$?; sleep 30", width: 250,
                 environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": "/nonexistent"])
    }

    @Test("y creates an empty store there as dais init does and opens it on the first steps")
    func accept() async throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let store = folder + "/new/agenda.json"
        let tmux = try console(store)
        _ = try await tmux.waitFor("Create an empty one here? [y/N]")
        let asked = try tmux.screen()
        #expect(asked.contains("No store at \(store). Create an empty one here? [y/N]"), "\(asked)")
        try await tmux.type("y")
        try await tmux.keys("Enter")
        _ = try await tmux.waitFor("No panels yet. First steps:")
        let opened = try tmux.screen()
        #expect(opened.contains("No panels yet. First steps:") && opened.contains("Created \(store): an empty store"), "\(opened)")
        try await tmux.keys("q")
        _ = try await tmux.waitFor("EXIT=")
        let ended = try tmux.screen()
        #expect(ended.contains("EXIT=0"), "\(ended)")
        let listed = try dais(["list", "--store", store])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(try dais(["init", folder + "/by-init.json", "--no-input"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == Data(contentsOf: URL(fileURLWithPath: folder + "/by-init.json")),
                "the same store `dais init --no-input` makes")
    }

    @Test("anything but y leaves no file and exits with the missing store's message; without a terminal, the old refusal")
    func decline() async throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let store = folder + "/agenda.json"
        for answer in ["n", "", "yes please"] {
            let tmux = try console(store)
            let asked = try await tmux.waitFor("Create an empty one here? [y/N]")
            #expect(asked != nil, "answer \"\(answer)\": not asked")
            if !answer.isEmpty { try await tmux.type(answer) }
            try await tmux.keys("Enter")
            _ = try await tmux.waitFor("EXIT=")
            let ended = try tmux.screen()
            #expect(ended.contains("dais: no store at \(store); create one with `dais init \(store)`") && ended.contains("EXIT=3"),
                    "answer \"\(answer)\": \(ended)")
            let left = try FileManager.default.contentsOfDirectory(atPath: folder)
            #expect(left.isEmpty, "answer \"\(answer)\" left \(left)")
        }
        let piped = try dais(["--store", store])
        #expect(piped.status == 5 && piped.stderr.contains("not a terminal"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}
