import Foundation
import Testing

/// `dais changes` between real git commits of a store.
@Suite("dais changes", .serialized)
struct ChangesCommandTests {
    /// A git repository holding the demo store with home zones and e-mail for three speakers of the
    /// 26 November 2024 panel, committed; returns the folder and the store's path.
    func repository() throws -> (folder: String, store: String) {
        let folder = makeTemporaryFolder()
        let store = folder + "/agenda/store.json"
        try FileManager.default.createDirectory(atPath: folder + "/agenda", withIntermediateDirectories: true)
        try edit(fixturePath("magnitsky-month.json"), into: store) { store in
            for (id, zone, email) in [("p-tasneem-roc", "Australia/Sydney", "tasneem@example.org"), ("p-olivia-dehnavi", "Europe/London", "olivia@example.org"),
                                      ("p-evgenia-kara-murza", "America/New_York", "evgenia@example.org")] {
                try person(&store, id) { $0["homeZone"] = zone; $0["email"] = email }
            }
            try panel(&store, "panel-2024-11-26-transnational-repression") { panel in
                var roster = panel["roster"] as! [[String: Any]]
                roster.append(["person": "p-tasneem-roc", "role": "panelist"])
                roster.append(["person": "p-olivia-dehnavi", "role": "moderator"])
                panel["roster"] = roster
            }
        }
        try git(folder, ["init", "-q", "."])
        try git(folder, ["add", "agenda/store.json"])
        try git(folder, ["commit", "-qm", "announced"])
        return (folder, store)
    }

    func git(_ folder: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "-c", "user.name=Dais Test", "-c", "user.email=test@example.org"] + arguments
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    func edit(_ from: String, into path: String, _ change: (inout [String: Any]) throws -> Void) throws {
        var store = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: from))) as? [String: Any])
        try change(&store)
        try JSONSerialization.data(withJSONObject: store, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))
    }

    func person(_ store: inout [String: Any], _ id: String, _ change: (inout [String: Any]) -> Void) throws {
        var people = try #require(store["people"] as? [[String: Any]])
        let k = try #require(people.firstIndex { $0["id"] as? String == id })
        change(&people[k])
        store["people"] = people
    }

    func panel(_ store: inout [String: Any], _ id: String, _ change: (inout [String: Any]) -> Void) throws {
        var panels = try #require(store["panels"] as? [[String: Any]])
        let k = try #require(panels.firstIndex { $0["id"] as? String == id })
        change(&panels[k])
        store["panels"] = panels
    }

    @Test("a panel moved across the end of daylight saving: each person's own time before and after, in text, CSV and JSON")
    func movedAcrossDST() throws {
        let (folder, store) = try repository()
        defer { removeFolder(folder) }
        try edit(store, into: store) { store in
            try panel(&store, "panel-2024-11-26-transnational-repression") { $0["start"] = "2024-10-29T10:00" }
            try panel(&store, "panel-2024-11-21-global-magnitsky-record") { $0["status"] = "cancelled" }
        }
        try git(folder, ["commit", "-qam", "moved"])
        let text = try dais(["changes", "--store", store, "--since", "HEAD~1"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("Changes since HEAD~1:agenda/store.json\n"))
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("  moved: from Tue Nov 26 10:00-11:00 EST to Tue Oct 29 10:00-11:00 EDT"))
        #expect(lines.contains("    tell Tasneem Roc <tasneem@example.org>: Wed Nov 27 02:00-03:00 AEDT -> Wed Oct 30 01:00-02:00 AEDT (Australia/Sydney)"))
        #expect(lines.contains("    tell Olivia Dehnavi <olivia@example.org>: Tue Nov 26 15:00-16:00 GMT -> Tue Oct 29 14:00-15:00 GMT (Europe/London)"))
        #expect(lines.contains("    tell Evgenia Kara-Murza <evgenia@example.org>: Tue Nov 26 10:00-11:00 EST -> Tue Oct 29 10:00-11:00 EDT (America/New_York)"))
        #expect(lines.contains("  cancelled: scheduled to cancelled"))
        #expect(lines.last == "2 panels changed; 9 people to tell (6 without an e-mail address)")
        #expect(!text.stdout.contains("panel-2024-11-13"), "unchanged panels are not listed")

        let csv = try dais(["changes", "--store", store, "--since", "HEAD~1", "--format", "csv"]).stdout.components(separatedBy: "\r\n")
        #expect(csv[0] == "panel_id,title,change,detail,person_id,name,email,role,zone,your_time_before,your_time_after,panel_time_before,panel_time_after")
        #expect(csv.contains { $0.hasPrefix("panel-2024-11-26-transnational-repression,Transnational repression and targeted sanctions,moved,")
            && $0.contains(",p-tasneem-roc,Tasneem Roc,tasneem@example.org,panelist,Australia/Sydney,Wed Nov 27 02:00-03:00 AEDT,Wed Oct 30 01:00-02:00 AEDT,") })

        let json = try #require(try JSONSerialization.jsonObject(with: Data(try dais(["changes", "--store", store, "--since", "HEAD~1", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let panels = try #require(json["panels"] as? [[String: Any]])
        #expect(panels.compactMap { $0["id"] as? String } == ["panel-2024-11-21-global-magnitsky-record", "panel-2024-11-26-transnational-repression"].reversed(),
                "in start order: the moved panel now comes first")
        let moved = try #require((panels.first?["changes"] as? [[String: Any]])?.first)
        #expect(moved["kind"] as? String == "moved")
        let tasneem = try #require((moved["tell"] as? [[String: Any]])?.first { $0["person"] as? String == "p-tasneem-roc" })
        #expect(tasneem["before"] as? String == "Wed Nov 27 02:00-03:00 AEDT" && tasneem["after"] as? String == "Wed Oct 30 01:00-02:00 AEDT")
    }

    @Test("a roster change tells only the person added or removed; the working tree against HEAD; no change says so")
    func roster() throws {
        let (folder, store) = try repository()
        defer { removeFolder(folder) }
        #expect(try dais(["changes", "--store", store, "--since", "HEAD"]).stdout == "No panel changed since HEAD:agenda/store.json.\n")
        try edit(store, into: store) { store in
            try panel(&store, "panel-2024-11-26-transnational-repression") { panel in
                panel["roster"] = (panel["roster"] as! [[String: Any]]).filter { $0["person"] as? String != "p-tasneem-roc" }
                    + [["person": "p-anton-moiseienko", "role": "panelist", "status": "invited"]]
            }
        }
        let lines = try dais(["changes", "--store", store, "--since", "HEAD"]).stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("  roster-added: Anton Moiseienko as panelist (invited)"))
        #expect(lines.contains("  roster-removed: Tasneem Roc, who was panelist"))
        #expect(lines.contains("    tell Tasneem Roc <tasneem@example.org>: was Wed Nov 27 02:00-03:00 AEDT (Australia/Sydney)"))
        #expect(!lines.contains { $0.hasPrefix("  moved") })
    }

    @Test("--since names a store file; a revision outside a repository, or one git does not know, is refused with git's reason")
    func bases() throws {
        let (folder, store) = try repository()
        defer { removeFolder(folder) }
        let copy = folder + "/before.json"
        try FileManager.default.copyItem(atPath: store, toPath: copy)
        #expect(try dais(["changes", "--store", store, "--since", copy]).stdout == "No panel changed since \(copy).\n")
        let unknown = try dais(["changes", "--store", store, "--since", "no-such-tag"])
        #expect(unknown.status == 2 && unknown.stderr.contains("git cannot show no-such-tag:agenda/store.json: fatal:"), "\(unknown.stderr)")
        let outside = makeTemporaryFolder()
        defer { removeFolder(outside) }
        try FileManager.default.copyItem(atPath: store, toPath: outside + "/store.json")
        let refused = try dais(["changes", "--store", outside + "/store.json", "--since", "HEAD~1"])
        #expect(refused.status == 2 && refused.stderr.contains("\"HEAD~1\" is not a file, nor a git revision here: \(outside) is not in a git repository"), "\(refused.stderr)")
        let option = try dais(["changes", "--store", store, "--since=-p"])
        #expect(option.status == 2 && option.stderr.contains("\"-p\" is neither a file nor a git revision"), "never passed to git as an option")
    }
}
