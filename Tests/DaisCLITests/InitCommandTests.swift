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
