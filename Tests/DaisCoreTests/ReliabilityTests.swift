import Foundation
import Testing
@testable import DaisCore

@Suite("The store's lock")
struct StoreLockTests {
    func lockPath(_ store: String) -> String { StoreLock.lockPath(forStore: store) }

    @Test("one holder at a time; the second is told who holds it; release frees it and removes the file")
    func oneHolder() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let store = "\(folder)/store.json"
        let now = Instant(secondsSinceEpoch: 1_795_813_080)
        guard case .acquired(let first, let recovered) = StoreLock.acquire(storePath: store, program: "dais console", now: now) else {
            Issue.record("the first lock was not taken"); return
        }
        #expect(recovered == nil)
        let text = try String(contentsOfFile: lockPath(store), encoding: .utf8)
        #expect(text.contains("pid \(getpid())\n"))
        #expect(text.contains("since 1795813080 2026-11-27T20:58:00Z"))
        guard case .held(let holder?, let path) = StoreLock.acquire(storePath: store, program: "dais import", now: now) else {
            Issue.record("a second lock was taken while the first is held"); return
        }
        #expect(path == lockPath(store))
        #expect(holder.pid == getpid() && holder.program == "dais console")
        #expect(holder.description.contains("dais console, process \(getpid()) on host"))
        #expect(holder.description.hasSuffix("since 2026-11-27 20:58 UTC"))
        #expect(StoreLock.currentHolder(storePath: store) == holder)
        first.release()
        #expect(!FileManager.default.fileExists(atPath: lockPath(store)))
        #expect(StoreLock.currentHolder(storePath: store) == nil)
        guard case .acquired(let again, nil) = StoreLock.acquire(storePath: store, program: "dais import", now: now) else {
            Issue.record("the lock was not free after release"); return
        }
        again.release()
    }

    @Test("a lock file left by a dead process on this host is taken over and reported")
    func staleLock() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let store = "\(folder)/store.json"
        let dead = "pid 2147483000\nhost \(StoreLock.hostName())\nsince 1700000000 2023-11-14T22:13:20Z\nprogram dais console\n"
        try dead.write(toFile: lockPath(store), atomically: true, encoding: .utf8)
        guard case .acquired(let lock, let recovered?) = StoreLock.acquire(storePath: store, program: "dais", now: Instant(secondsSinceEpoch: 0)) else {
            Issue.record("the stale lock was not recovered"); return
        }
        #expect(recovered.pid == 2_147_483_000)
        #expect(recovered.description.contains("since 2023-11-14 22:13 UTC"))
        lock.release()
    }

    @Test("a lock naming another host is never taken over")
    func otherHost() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let store = "\(folder)/store.json"
        try "pid 77\nhost another-machine\nsince 1700000000 2023-11-14T22:13:20Z\nprogram dais console\n"
            .write(toFile: lockPath(store), atomically: true, encoding: .utf8)
        guard case .held(let holder?, _) = StoreLock.acquire(storePath: store, program: "dais", now: Instant(secondsSinceEpoch: 0)) else {
            Issue.record("a lock of another host was taken"); return
        }
        #expect(holder.host == "another-machine" && holder.pid == 77)
    }

    @Test("a hostile host name in a lock file is shown inertly")
    func hostileHolder() {
        let holder = StoreLock.Holder(text: Array("pid 5\nhost evil\u{1B}]52;c;aGk=\u{07}\nsince 1 x\nprogram dais\n".utf8))
        #expect(holder != nil)
        #expect(holder.map { !$0.description.contains("\u{1B}") && !$0.description.contains("\u{07}") } == true)
    }

    @Test("a save killed half-way leaves a temporary file that the next save removes")
    func staleTemporaries() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let store = "\(folder)/store.json"
        let catalog = try demoCatalog()
        let first = try StoreFile(path: store).create(catalog)
        let orphan = FileIO.temporaryPath(for: store, pid: 2_147_483_000)
        let alive = FileIO.temporaryPath(for: store, pid: getppid())
        try "half".write(toFile: orphan, atomically: false, encoding: .utf8)
        try "someone else's".write(toFile: alive, atomically: false, encoding: .utf8)
        try StoreFile(path: store).save(catalog, expecting: first)
        #expect(!FileManager.default.fileExists(atPath: orphan))
        #expect(FileManager.default.fileExists(atPath: alive))  // a live process's file is left alone
    }
}

@Suite("Merging a store changed on disk")
struct CatalogMergeTests {
    let a: PanelID = "panel-2024-11-13-arbitrary-detention"
    let b: PanelID = "panel-2024-11-21-global-magnitsky-record"

    @Test("changes to different records and to different fields of one record are all kept")
    func disjoint() throws {
        let base = try demoCatalog()
        var mine = base, theirs = base
        mine.panels[a]!.title = "Arbitrary detention (mine)"
        theirs.panels[b]!.status = .cancelled
        theirs.panels[a]!.notes = "room booked"
        mine.people["p-new-person"] = Person(id: "p-new-person", name: "New Person")
        theirs.people.removeValue(forKey: "p-anton-moiseienko")
        let merge = CatalogMerge(base: base, mine: mine, theirs: theirs)
        #expect(merge.clashes.isEmpty)
        #expect(merge.merged.panels[a]!.title == "Arbitrary detention (mine)")
        #expect(merge.merged.panels[a]!.notes == "room booked")
        #expect(merge.merged.panels[b]!.status == .cancelled)
        #expect(merge.merged.people["p-new-person"] != nil)
        let antonReferenced = base.panels.values.contains { $0.roster.contains { $0.person == "p-anton-moiseienko" } }
        #expect((merge.merged.people["p-anton-moiseienko"] != nil) == antonReferenced)
        #expect(merge.summary.contains("no clashes"))
    }

    @Test("the same field changed on both sides is a clash, shown with both values, resolvable either way")
    func sameField() throws {
        let base = try demoCatalog()
        var mine = base, theirs = base
        mine.panels[a]!.title = "Mine"
        theirs.panels[a]!.title = "Theirs"
        mine.panels[a]!.durationMinutes = 90
        let merge = CatalogMerge(base: base, mine: mine, theirs: theirs)
        #expect(merge.clashes.count == 1)
        let clash = try #require(merge.clashes.first)
        #expect(clash.record == "panel \(a.rawValue)" && clash.field == "title")
        #expect(clash.mine == "Mine" && clash.theirs == "Theirs")
        #expect(merge.merged.panels[a]!.title == "Mine")
        let taken = merge.resolved(takingTheirs: [0])
        #expect(taken.panels[a]!.title == "Theirs")
        #expect(taken.panels[a]!.durationMinutes == 90)  // the field only mine changed stays
    }

    @Test("deleted on one side and edited on the other is a clash on the whole record")
    func deleteVersusEdit() throws {
        let base = try demoCatalog()
        var mine = base, theirs = base
        mine.panels.removeValue(forKey: a)
        theirs.panels[a]!.title = "Edited there"
        let merge = CatalogMerge(base: base, mine: mine, theirs: theirs)
        let clash = try #require(merge.clashes.first)
        #expect(clash.field == "record" && clash.mine == "deleted" && clash.theirs == "changed")
        #expect(merge.merged.panels[a] == nil)
        #expect(merge.resolved(takingTheirs: [0]).panels[a]?.title == "Edited there")
    }

    @Test("identical changes on both sides are no clash; settings merge too")
    func alike() throws {
        let base = try demoCatalog()
        var mine = base, theirs = base
        mine.panels[a]!.title = "Same"
        theirs.panels[a]!.title = "Same"
        theirs.settings.changeoverMinutesValue = 30
        let merge = CatalogMerge(base: base, mine: mine, theirs: theirs)
        #expect(merge.clashes.isEmpty)
        #expect(merge.merged.settings.changeoverMinutes == 30)
        #expect(merge.merged.panels[a]!.title == "Same")
    }
}
