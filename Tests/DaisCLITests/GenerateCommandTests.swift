import DaisCore
import Foundation
import Testing

@Suite("dais generate")
struct GenerateCommandTests {
    @Test("the same parameters give the same bytes; the store loads, lists and has clashes; nothing is replaced without --force")
    func generate() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let a = folder + "/a.json", b = folder + "/b.json", c = folder + "/c.json"
        let made = try dais(["generate", "--panels", "300", "--people", "60", "--seed", "7", "--output", a])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("wrote 300 panels, 60 people"))
        #expect(try dais(["generate", "--panels", "300", "--people", "60", "--seed", "7", "--output", b]).status == 0)
        #expect(try dais(["generate", "--panels", "300", "--people", "60", "--seed", "8", "--output", c]).status == 0)
        let bytesA = try Data(contentsOf: URL(fileURLWithPath: a)), bytesB = try Data(contentsOf: URL(fileURLWithPath: b))
        #expect(bytesA == bytesB, "deterministic")
        #expect(bytesA != (try Data(contentsOf: URL(fileURLWithPath: c))), "another seed, another store")

        // A store of the design's format: panels in several zones, people with home zones, series.
        let store = try #require(try json(String(decoding: bytesA, as: UTF8.self)) as? [String: Any])
        let panels = try #require(store["panels"] as? [[String: Any]])
        #expect(panels.count == 300)
        #expect(Set(panels.compactMap { $0["zone"] as? String }).count >= 8)
        #expect(panels.allSatisfy { (($0["roster"] as? [Any])?.count ?? 0) >= 1 })
        #expect(((store["people"] as? [[String: Any]]) ?? []).allSatisfy { $0["homeZone"] != nil })

        // It checks with double bookings among its findings (a realistic store has some).
        let check = try dais(["check", "--store", a, "--format", "json"])
        #expect(check.stdout.contains("person-double-booked") || check.stdout.contains("series-overlap"))
        #expect(try dais(["list", "--store", a]).stdout.split(separator: "\n").count >= 300)

        // An existing file is kept unless --force.
        let again = try dais(["generate", "--panels", "5", "--output", a])
        #expect(again.status == 4)
        #expect(again.stderr.contains("exists"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == bytesA)
        // Even with --force, a store that a console (here: this test) holds is not replaced.
        let before = try Data(contentsOf: URL(fileURLWithPath: a))
        guard case .acquired(let lock, _) = StoreLock.acquire(storePath: a, program: "dais console", now: Instant(secondsSinceEpoch: 0)) else {
            Issue.record("could not take the lock"); return
        }
        let held = try dais(["generate", "--panels", "5", "--output", a, "--force"])
        #expect(held.status == 4)
        #expect(held.stderr.contains("the store is open in dais console, process \(getpid())"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == before)
        let importHeld = try dais(["import", fixturePath("import/google.ics"), "--store", a])
        #expect(importHeld.status == 4 && importHeld.stderr.contains("process \(getpid())"))
        let exportHeld = try dais(["export", "--format", "md", "--store", fixturePath("magnitsky-month.json"), "--output", a, "--force"])
        #expect(exportHeld.status == 4 && exportHeld.stderr.contains("it is a store, and open in dais console"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == before)
        lock.release()
        #expect(try dais(["generate", "--panels", "5", "--output", a, "--force"]).status == 0)
        #expect(try dais(["generate", "--panels", "20000000", "--output", folder + "/big.json"]).status == 64)
    }
}
