import DaisCore
import Foundation
import Testing

@Suite("Two editors on one store", .serialized, .ownThread)
struct TwoEditorsTests {
    func console(_ store: String, _ name: String) throws -> Tmux {
        try Tmux("sh -c 'echo $$ > \(store).\(name).pid; exec \(daisExecutable) --store \(store)'; echo EXIT=$?; sleep 30",
                 environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": "/nonexistent"])
    }

    /// Saves a console's edit over a store changed on disk: the dialog says so, `m` merges and the
    /// console shows `merged`, `s` saves.
    func saveMerging(_ console: Tmux, _ store: String, merged: String) async throws {
        #expect(try await console.waitFor("● modified") != nil)
        try await console.keys("s")
        #expect(try await console.waitFor("The store changed on disk") != nil)
        try await console.keys("m")
        #expect(try await console.waitFor(merged) != nil)
        try await console.keys("s")
        #expect(try await console.waitFor("Saved \(store)") != nil)
    }

    @Test("a second console opens read-only naming the holder, import waits its turn, a change on disk is merged: nothing is lost")
    func twoConsolesAndImport() async throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let store = folder + "/store.json"
        try FileManager.default.copyItem(atPath: fixturePath("magnitsky-month.json"), toPath: store)
        let demo = try StoreFile(path: store).load().catalog

        // The first console holds the store.
        let first = try console(store, "first")
        #expect(try await first.waitFor("1 Panels") != nil)
        let firstPID = try String(contentsOfFile: store + ".first.pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try String(contentsOfFile: store + ".lock", encoding: .utf8).contains("pid \(firstPID)\n"))

        // The second opens read-only and says who holds it.
        let second = try console(store, "second")
        let shown = try await second.waitFor("read-only")
        let secondScreen = try #require(shown, "the second console is not read-only: \(String(describing: try? second.screen()))")
        #expect(secondScreen.contains("Read-only: the store is open in dais console, process \(firstPID) on host"))

        // A command-line writer is refused while a console holds the store, and changes nothing.
        let refused = try dais(["import", fixturePath("import/google.ics"), "--store", store])
        #expect(refused.status == 4)
        #expect(refused.stderr.contains("not saved: the store is open in dais console, process \(firstPID)"))
        #expect(try StoreFile(path: store).load().catalog == demo)

        // Someone changes the file behind the console's back (git, an editor): one panel's title.
        let edited: PanelID = "panel-2023-11-20-impact-of-sanctions"
        let onDisk = try StoreFile(path: store).load()
        var theirs = onDisk.catalog
        theirs.panels[edited]!.title = "Changed by git"
        try StoreFile(path: store).save(theirs, expecting: onDisk.fingerprint)

        // The first console deletes a panel and saves: the change is found, and merged on request.
        try await first.keys("d", "y")
        try await saveMerging(first, store, merged: "Merged with the store on disk: 1 record taken from disk")
        let merged = try StoreFile(path: store).load().catalog
        #expect(merged.panels.count == demo.panels.count - 1)
        #expect(merged.panels[edited]?.title == "Changed by git")

        // The first console quits; the second, read-only until now, deletes a panel and saves: it takes
        // the lock, finds the store changed since it loaded, and merges.
        try await first.keys("q")
        #expect(try await first.waitFor("EXIT=0") != nil)
        #expect(!FileManager.default.fileExists(atPath: store + ".lock"))
        try await second.keys("g", "j", "d", "y")  // the second panel by start (the first console deleted another)
        try await saveMerging(second, store, merged: "Merged with the store on disk")
        let secondPID = try String(contentsOfFile: store + ".second.pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try String(contentsOfFile: store + ".lock", encoding: .utf8).contains("pid \(secondPID)\n"))
        let both = try StoreFile(path: store).load().catalog
        #expect(both.panels.count == demo.panels.count - 2, "each console deleted one panel; both deletions kept")
        #expect(both.panels[edited]?.title == "Changed by git")
        try await second.keys("q")
        #expect(try await second.waitFor("EXIT=0") != nil)
        #expect(!FileManager.default.fileExists(atPath: store + ".lock"))
        let imported = try dais(["import", fixturePath("import/google.ics"), "--store", store])
        #expect(imported.status == 0, "\(imported.stderr)")
        let final = try StoreFile(path: store).load().catalog
        #expect(final.panels.count > both.panels.count)
        #expect(final.panels[edited]?.title == "Changed by git")
        for (id, panel) in both.panels { #expect(final.panels[id] == panel, "\(id) changed by the import") }
    }

    @Test("a lock left by a killed console is taken over with a notice")
    func staleLock() async throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let store = folder + "/store.json"
        try FileManager.default.copyItem(atPath: fixturePath("magnitsky-month.json"), toPath: store)
        let first = try console(store, "first")
        #expect(try await first.waitFor("1 Panels") != nil)
        let pid = try String(contentsOfFile: store + ".first.pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        kill(pid_t(pid)!, SIGKILL)
        #expect(try await first.waitFor("EXIT=137") != nil)
        #expect(FileManager.default.fileExists(atPath: store + ".lock"))
        let imported = try dais(["import", fixturePath("import/google.ics"), "--store", store])
        #expect(imported.status == 0)
        #expect(imported.stderr.contains("dais: took over the lock left by dais console, process \(pid) on host"))
        #expect(imported.stderr.contains("which is no longer running"))
        #expect(!FileManager.default.fileExists(atPath: store + ".lock"))
    }
}
