import Foundation
import Testing

/// Several organizers sharing one store through git: a bare repository on disk as the shared remote,
/// two clones, `dais git init` in each, and real merges.
@Suite("Collaboration through git", .serialized, .ownThread)
struct CollaborationTests {
    /// A remote with the demo store committed and set up, and two clones of it ("alice", "bob").
    struct Remote {
        let folder: String
        var alice: String { folder + "/alice" }
        var bob: String { folder + "/bob" }
        func store(_ clone: String) -> String { clone + "/store.json" }
    }

    @discardableResult
    func git(_ folder: String, _ arguments: String...) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "-c", "user.name=Organizer", "-c", "user.email=organizer@example.org",
                             "-c", "init.defaultBranch=main", "-c", "pull.rebase=false"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func remote() throws -> Remote {
        let remote = Remote(folder: makeTemporaryFolder())
        try git(remote.folder, "init", "-q", "--bare", "shared.git")
        try git(remote.folder, "clone", "-q", "shared.git", "alice")
        try FileManager.default.copyItem(atPath: fixturePath("magnitsky-month.json"), toPath: remote.store(remote.alice))
        let set = try dais(["git", "init", "--store", remote.store(remote.alice)], environment: ["PATH": "/usr/bin:/bin"])
        #expect(set.status == 0 && set.stdout.contains("wrote \"store.json merge=dais diff=dais\" to .gitattributes"), "\(set.stderr)")
        #expect(try dais(["git", "init", "--store", remote.store(remote.alice)]).stdout.hasPrefix("git is already set up for store.json"), "idempotent")
        try git(remote.alice, "add", "store.json", ".gitattributes")
        try git(remote.alice, "commit", "-qm", "The agenda")
        try git(remote.alice, "push", "-q", "origin", "HEAD:main")
        try git(remote.folder, "clone", "-q", "--branch", "main", "shared.git", "bob")
        #expect(try dais(["git", "init", "--store", remote.store(remote.bob)]).status == 0)
        return remote
    }

    /// Edits a clone's store through Python's json (as a hand edit or another tool would) and commits.
    func edit(_ clone: String, _ message: String, _ script: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
        import json, sys
        path = sys.argv[1]
        d = json.load(open(path))
        panels = {p['id']: p for p in d['panels']}
        people = {p['id']: p for p in d['people']}
        \(script)
        open(path, 'w').write(json.dumps(d, indent=2, sort_keys=True, ensure_ascii=False) + '\\n')
        """, clone + "/store.json"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        try git(clone, "commit", "-qam", message)
    }

    @Test("disjoint edits merge with exit 0, no conflict markers, and dais check clean: neighbouring new panels, a title and a roster, a deleted and an edited person")
    func disjoint() throws {
        let remote = try remote()
        defer { removeFolder(remote.folder) }
        let newPanel = { (id: String, title: String) in
            "d['panels'].append({'id': '\(id)', 'title': '\(title)', 'start': '2025-02-03T10:00', 'zone': 'Europe/London', 'durationMinutes': 60, 'format': 'virtual-panel', 'status': 'draft', 'roster': []})"
        }
        try edit(remote.alice, "Alice", """
        \(newPanel("panel-2025-02-03-a", "A panel by Alice"))
        panels['panel-2024-11-13-arbitrary-detention']['title'] = 'Countering arbitrary detention'
        d['people'] = [p for p in d['people'] if p['id'] != 'p-simon-henderson']
        panels['panel-2023-11-29-australia-framework']['roster'] = [e for e in panels['panel-2023-11-29-australia-framework']['roster'] if e['person'] != 'p-simon-henderson']
        """)
        try git(remote.alice, "push", "-q", "origin", "HEAD:main")
        try edit(remote.bob, "Bob", """
        \(newPanel("panel-2025-02-03-b", "A panel by Bob"))
        panels['panel-2024-11-13-arbitrary-detention']['roster'].append({'person': 'p-olivia-dehnavi', 'role': 'moderator'})
        people['p-tasneem-roc']['homeZone'] = 'Australia/Sydney'
        """)
        let pulled = try git(remote.bob, "pull", "--no-edit", "origin", "main")
        #expect(pulled.status == 0, "\(pulled.output)")
        #expect(pulled.output.contains("dais: merged store.json:") && pulled.output.contains("no clashes"))
        let text = try String(contentsOfFile: remote.store(remote.bob), encoding: .utf8)
        #expect(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"))
        let check = try dais(["check", "--store", remote.store(remote.bob), "--format", "json"])
        #expect(!check.stdout.contains("merge-clash") && check.stdout.contains("\"errors\" : 0") || check.stdout.contains("\"errors\": 0"), "\(check.stdout.prefix(300))")
        let listed = try dais(["show", "panel-2024-11-13-arbitrary-detention", "--store", remote.store(remote.bob)]).stdout
        #expect(listed.contains("Countering arbitrary detention") && listed.contains("Olivia Dehnavi"), "both edits of one panel kept")
        #expect(text.contains("\"id\": \"panel-2025-02-03-a\"") && text.contains("\"id\": \"panel-2025-02-03-b\""))
        #expect(!text.contains("\"id\": \"p-simon-henderson\"") && text.contains("\"homeZone\": \"Australia/Sydney\""))
    }

    @Test("one start changed differently on both sides: git reports a conflict, the store loads with the clash, the console resolves it by keys, a commit ends the merge, nothing else is lost; git log -p reads as sentences")
    func clash() async throws {
        let remote = try remote()
        defer { removeFolder(remote.folder) }
        try edit(remote.alice, "Alice: 11:00", """
        panels['panel-2024-11-26-transnational-repression']['start'] = '2024-11-26T11:00'
        panels['panel-2024-11-13-arbitrary-detention']['title'] = 'Countering arbitrary detention'
        """)
        try git(remote.alice, "push", "-q", "origin", "HEAD:main")
        try edit(remote.bob, "Bob: 12:00", """
        panels['panel-2024-11-26-transnational-repression']['start'] = '2024-11-26T12:00'
        panels['panel-2024-11-21-global-magnitsky-record']['status'] = 'draft'
        """)
        let pulled = try git(remote.bob, "pull", "--no-edit", "origin", "main")
        #expect(pulled.status != 0 && pulled.output.contains("CONFLICT"), "\(pulled.output)")
        #expect(pulled.output.contains("dais: clash: panel 'Transnational repression and targeted sanctions' start: mine 2024-11-26T12:00, theirs 2024-11-26T11:00"))
        let store = remote.store(remote.bob)
        let check = try dais(["check", "--store", store])
        #expect(check.status == 1 && check.stdout.contains("error    merge-clash: a git merge left a clash: panel 'Transnational repression and targeted sanctions' start"))
        #expect(try dais(["git", "status", "--store", store]).stdout.contains("merge: in progress; 1 clash recorded in the store"))

        let console = try Tmux("exec \(daisExecutable) --store \(store)", environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": "/nonexistent"])
        #expect(try await console.waitFor("A git merge left 1 clash") != nil)
        #expect(try console.screen().contains("theirs: 2024-11-26T11:00"))
        try await console.keys("t", "Enter")
        #expect(try await console.waitFor("Clashes resolved (1 taken from theirs)") != nil)
        try await console.keys("s")
        #expect(try await console.waitFor("Saved") != nil)
        try await console.keys("q")
        try await Task.sleep(nanoseconds: 500_000_000)

        try git(remote.bob, "add", "store.json")
        #expect(try git(remote.bob, "commit", "-qm", "Merged: Alice's time").status == 0)
        let shown = try dais(["show", "panel-2024-11-26-transnational-repression", "--store", store]).stdout
        #expect(shown.contains("11:00"), "their start was taken")
        let text = try String(contentsOfFile: store, encoding: .utf8)
        #expect(!text.contains("mergeClashes") && text.contains("\"title\": \"Countering arbitrary detention\"") && text.contains("\"status\": \"draft\""))
        #expect(try dais(["check", "--store", store]).stdout.contains("0 errors"))

        let log = try git(remote.bob, "log", "-p", "-3", "--format=commit %s", "--", "store.json").output
        #expect(log.contains("-Panel 'Transnational repression and targeted sanctions': start Tue Nov 26 10:00-11:00 EST"), "\(log.prefix(2000))")
        #expect(log.contains("+Panel 'Transnational repression and targeted sanctions': start Tue Nov 26 12:00-13:00 EST"))
        #expect(log.contains("+Panel 'Global Magnitsky sanctions: the Biden record and the next administration': status draft"))
    }

    @Test("the merge driver on its own: a version it cannot read leaves ours as it was and exits 2")
    func unreadable() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let demo = fixturePath("magnitsky-month.json")
        try FileManager.default.copyItem(atPath: demo, toPath: folder + "/ours.json")
        try "<<<<<<< not a store".write(toFile: folder + "/theirs.json", atomically: true, encoding: .utf8)
        let result = try dais(["merge-driver", demo, folder + "/ours.json", folder + "/theirs.json", "store.json"])
        #expect(result.status == 2 && result.stderr.contains("cannot merge store.json:"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/ours.json")) == Data(contentsOf: URL(fileURLWithPath: demo)))
    }
}
