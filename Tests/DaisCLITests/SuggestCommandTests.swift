import Foundation
import Testing

@Suite("dais suggest")
struct SuggestCommandTests {
    /// The demo store with home zones for three speakers (the seed gives none), and optionally an
    /// unavailability window for Olivia Dehnavi, in a folder of its own.
    func store(unavailable: (String, String)? = nil) throws -> (folder: String, path: String) {
        let folder = makeTemporaryFolder()
        var root = try #require(try json(String(contentsOfFile: fixturePath("magnitsky-month.json"), encoding: .utf8)) as? [String: Any])
        var people = try #require(root["people"] as? [[String: Any]])
        let homes = ["p-tasneem-roc": "Australia/Sydney", "p-olivia-dehnavi": "Europe/London", "p-evgenia-kara-murza": "America/New_York"]
        for k in people.indices {
            let id = people[k]["id"] as! String
            if let home = homes[id] { people[k]["homeZone"] = home }
            if id == "p-olivia-dehnavi", let (start, end) = unavailable {
                people[k]["unavailable"] = [["start": start, "end": end, "zone": "Europe/London"]]
            }
        }
        root["people"] = people
        let path = "\(folder)/store.json"
        try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    let trio = "p-tasneem-roc,p-olivia-dehnavi,p-evgenia-kara-murza,p-anton-moiseienko"

    @Test("Sydney, London and New York in November 2024: the least-bad hour, explained in each speaker's own time; no home zone is named as not scored")
    func threeCities() throws {
        let (folder, path) = try store()
        defer { removeFolder(folder) }
        let out = try dais(["--store", path, "suggest", "--people", trio, "--zone", "EST", "--from", "2024-11-11", "--to", "2024-11-15", "--top", "2"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("1. Mon 2024-11-11 15:00-16:00 EST   cost 60"))
        #expect(lines.contains("   Tasneem Roc                  07:00-08:00 AEDT (+1d)  60 min before waking hours (60)"))
        #expect(lines.contains("   Olivia Dehnavi               20:00-21:00 GMT         fine"))
        #expect(lines.contains("   Anton Moiseienko                                     not scored: no home zone"))
        #expect(lines.contains("   audience (America/New_York)  15:00-16:00 EST         fine"))
        #expect(out.stdout.contains("No start is free of cost for everyone: these are the least bad."))
        #expect(out.stdout.contains("Not scored (no home zone): Anton Moiseienko."))
    }

    @Test("JSON gives the same facts as fields, person by person")
    func jsonOutput() throws {
        let (folder, path) = try store()
        defer { removeFolder(folder) }
        let out = try dais(["--store", path, "suggest", "--people", trio, "--zone", "America/New_York", "--from", "2024-11-11", "--to", "2024-11-11",
                            "--top", "1", "--format", "json"])
        #expect(out.status == 0)
        let root = try #require(try json(out.stdout) as? [String: Any])
        #expect(root["free"] as? Bool == false && root["zone"] as? String == "America/New_York")
        let best = try #require((root["suggestions"] as? [[String: Any]])?.first)
        #expect(best["start"] as? String == "2024-11-11T20:00:00Z" && best["cost"] as? Int == 60)
        let tasneem = try #require((best["people"] as? [[String: Any]])?.first { $0["person"] as? String == "p-tasneem-roc" })
        #expect(tasneem["localStart"] as? String == "2024-11-12T07:00" && tasneem["minutesBefore"] as? Int == 60 && tasneem["zone"] as? String == "Australia/Sydney")
        #expect(root["unscored"] as? [String] == ["Anton Moiseienko"])
    }

    @Test("an existing panel: its roster, zone and duration; its own time is not held against it; another panel of a speaker is")
    func existingPanel() throws {
        let (folder, path) = try store()
        defer { removeFolder(folder) }
        // Evgenia Kara-Murza is on the 13 November panel (10:00-11:15 EST) and on this one.
        let out = try dais(["--store", path, "suggest", "panel-2024-11-26-transnational-repression", "--from", "2024-11-13", "--to", "2024-11-13",
                            "--top", "100", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let root = try #require(try json(out.stdout) as? [String: Any])
        let starts = try #require(root["suggestions"] as? [[String: Any]]).compactMap { $0["local"] as? String }
        #expect(!starts.contains("2024-11-13T10:00") && !starts.contains("2024-11-13T09:30"))
        let own = try dais(["--store", path, "suggest", "panel-2024-11-26-transnational-repression", "--from", "2024-11-26", "--to", "2024-11-26", "--top", "100",
                            "--format", "json"])
        let ownStarts = try #require(try json(own.stdout) as? [String: Any])["suggestions"] as? [[String: Any]]
        #expect(ownStarts?.contains { $0["local"] as? String == "2024-11-26T10:00" } == true)
    }

    @Test("when every start is ruled out, exit 1 and each day says which constraint blocks it")
    func blocked() throws {
        let (folder, path) = try store(unavailable: ("2024-11-10T00:00", "2024-11-13T00:00"))
        defer { removeFolder(folder) }
        let out = try dais(["--store", path, "suggest", "--people", trio, "--zone", "EST", "--from", "2024-11-11", "--to", "2024-11-11"])
        #expect(out.status == 1)
        #expect(out.stdout.contains("No start is possible in the window."))
        #expect(out.stdout.contains("Mon 2024-11-11: Olivia Dehnavi is unavailable"))
    }

    @Test("bad input exits 2 with what is wrong: an unknown person, zone or panel, a window that ends before it starts")
    func badInput() throws {
        let (folder, path) = try store()
        defer { removeFolder(folder) }
        let person = try dais(["--store", path, "suggest", "--people", "p-nobody", "--zone", "UTC"])
        #expect(person.status == 2 && person.stderr.contains("no person with id \"p-nobody\""))
        let zone = try dais(["--store", path, "suggest", "--people", trio, "--zone", "Londn"])
        #expect(zone.status == 2 && zone.stderr.contains("did you mean Europe/London?"))
        let panel = try dais(["--store", path, "suggest", "panel-2024-11-13-arbitrary"])
        #expect(panel.status == 2 && panel.stderr.contains("did you mean panel-2024-11-13-arbitrary-detention?"))
        let window = try dais(["--store", path, "suggest", "--people", trio, "--zone", "UTC", "--from", "2024-11-12", "--to", "2024-11-11"])
        #expect(window.status == 2 && window.stderr.contains("ends (2024-11-11) before it starts (2024-11-12)"))
        let usage = try dais(["--store", path, "suggest", "--people", trio])
        #expect(usage.status == 64 && usage.stderr.contains("--people needs --zone"))
    }
}
