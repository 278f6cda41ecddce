import DaisSynthetic
import Foundation
import Testing
@testable import DaisCore

/// The merge driver copies the records both sides hold alike and decodes only the others
/// (`RecordMerge`); what it writes must be what merging the three whole catalogs writes, byte for
/// byte, and where it cannot be sure of that it must step aside.
@Suite("The merge driver's record-by-record merge")
struct RecordMergeTests {
    /// The store file the record merge writes (nil when it steps aside) and the one the whole merge
    /// writes, with both merges' clashes and counts.
    static func bothWays(_ base: [UInt8], _ ours: [UInt8], _ theirs: [UInt8]) throws -> (fast: RecordMerge.Result?, whole: [UInt8], merge: CatalogMerge) {
        let merge = CatalogMerge(base: try StoreDecoder.decode(base, path: "base"), mine: try StoreDecoder.decode(ours, path: "ours"),
                                 theirs: try StoreDecoder.decode(theirs, path: "theirs"))
        let whole = StoreEncoder.encode(merge.recorded)
        guard let b = StoreIndex(base), let o = StoreIndex(ours), let t = StoreIndex(theirs) else { return (nil, whole, merge) }
        return (RecordMerge.merge(base: b, ours: o, theirs: t), whole, merge)
    }

    /// Expects the record merge to agree with the whole merge in everything the driver reports.
    static func expectSame(_ fast: RecordMerge.Result, _ whole: [UInt8], _ merge: CatalogMerge, _ what: String) {
        #expect(fast.bytes == whole, "\(what): the same file, byte for byte")
        #expect(fast.merge.clashes.map(\.stored) == merge.clashes.map(\.stored), "\(what): the same clashes")
        #expect(fast.merge.summary == merge.summary, "\(what): \(fast.merge.summary) / \(merge.summary)")
    }

    @Test("500 random pairs of edit sequences: the record merge writes the whole merge's file, byte for byte, and takes nearly all of them")
    func randomPairs() throws {
        var rng = SplitMix(seed: 2028)
        var fastOnes = 0
        for trial in 0..<500 {
            // Half the bases are in format 2 (a revision on one panel, or a person's waking hours).
            var base = SyntheticStore.generate(panels: 12, seed: UInt64(trial % 7 + 1))
            if trial % 2 == 1, let id = base.panels.keys.sorted().first {
                base.panels[id]!.revision.sequence = 3
            }
            let (mine, _) = MergePropertyTests.sequence(base, side: "a", count: Int.random(in: 1...6, using: &rng), &rng)
            let (theirs, _) = MergePropertyTests.sequence(base, side: "b", count: Int.random(in: 1...6, using: &rng), &rng)
            let (fast, whole, merge) = try Self.bothWays(StoreEncoder.encode(base), StoreEncoder.encode(mine), StoreEncoder.encode(theirs))
            guard let fast else { continue }
            fastOnes += 1
            Self.expectSame(fast, whole, merge, "trial \(trial)")
            #expect(fast.copied > 0, "trial \(trial): most records are copied")
        }
        #expect(fastOnes >= 450, "the record merge took \(fastOnes) of 500")
    }

    @Test("the demo store: a title on one side, a roster on the other; the start on both")
    func demo() throws {
        let base = try fixtureBytes("magnitsky-month.json")
        let catalog = try StoreDecoder.decode(base, path: "demo")
        let id = PanelID("panel-2024-11-26-transnational-repression")
        var mine = catalog, theirs = catalog
        mine.panels[id]!.title = "Transnational repression, and what sanctions do"
        theirs.panels[id]!.roster.removeLast()
        var (fast, whole, merge) = try Self.bothWays(base, StoreEncoder.encode(mine), StoreEncoder.encode(theirs))
        Self.expectSame(try #require(fast), whole, merge, "disjoint fields")
        #expect(merge.clashes.isEmpty && merge.combined == 1)

        mine.panels[id]!.start = local("2024-11-26T11:00")
        theirs.panels[id]!.start = local("2024-11-26T12:00")
        (fast, whole, merge) = try Self.bothWays(base, StoreEncoder.encode(mine), StoreEncoder.encode(theirs))
        Self.expectSame(try #require(fast), whole, merge, "a clash")
        #expect(merge.clashes.map(\.field) == ["start"])
        #expect(String(decoding: whole, as: UTF8.self).contains("\"mergeClashes\""))
    }

    @Test("format: the merged file says 2 exactly when something in it needs format 2, copied or merged")
    func format() throws {
        var base = SyntheticStore.generate(panels: 10)
        let ids = base.panels.keys.sorted()
        // Only one panel needs format 2; theirs deletes it: the merge is format 1 again.
        base.panels[ids[3]]!.revision.sequence = 2
        var theirs = base
        theirs.panels[ids[3]] = nil
        var mine = base
        mine.panels[ids[5]]!.title = "Edited here"
        var (fast, whole, merge) = try Self.bothWays(StoreEncoder.encode(base), StoreEncoder.encode(mine), StoreEncoder.encode(theirs))
        Self.expectSame(try #require(fast), whole, merge, "the format-2 panel deleted")
        #expect(String(decoding: whole, as: UTF8.self).hasSuffix("\"version\": 1\n}\n"))

        // A copied panel needs it (it has a roster entry that is not confirmed): format 2.
        base.panels[ids[3]]!.revision.sequence = 0
        base.panels[ids[7]]!.roster[0].status = .invited
        (mine, theirs) = (base, base)
        mine.panels[ids[5]]!.title = "Edited here"
        theirs.panels[ids[6]]!.title = "Edited there"
        (fast, whole, merge) = try Self.bothWays(StoreEncoder.encode(base), StoreEncoder.encode(mine), StoreEncoder.encode(theirs))
        Self.expectSame(try #require(fast), whole, merge, "a copied panel in format 2")
        #expect(String(decoding: whole, as: UTF8.self).hasSuffix("\"version\": 2\n}\n"))
    }

    @Test("it steps aside where the whole merge may decide otherwise: a deleted person a copied panel names, a hand-formatted record, recorded clashes, ids out of order")
    func stepsAside() throws {
        let base = SyntheticStore.generate(panels: 10)
        let panel = base.panels.values.sorted { $0.id.rawValue < $1.id.rawValue }.first { !$0.roster.isEmpty }!
        let named = panel.roster[0].person
        // Theirs deletes a person a panel both sides hold alike still names (a store with a dangling
        // reference): the whole merge keeps the person.
        var theirs = base
        theirs.people[named] = nil
        var mine = base
        mine.panels[panel.id]!.notes = "Edited here"
        let other = base.panels.values.first { $0.id != panel.id && !$0.roster.contains { $0.person == named } }!.id
        var mineAlike = base
        mineAlike.panels[other]!.notes = "Edited here"
        var (fast, whole, merge) = try Self.bothWays(StoreEncoder.encode(base), StoreEncoder.encode(mineAlike), StoreEncoder.encode(theirs))
        #expect(fast == nil && merge.keptReferenced == 1, "a copied panel names the deleted person")
        #expect(try StoreDecoder.decode(whole, path: "merged").people[named] != nil)
        // When the panel naming them is one the merge decodes, it keeps them itself.
        (fast, whole, merge) = try Self.bothWays(StoreEncoder.encode(base), StoreEncoder.encode(mine), StoreEncoder.encode(theirs))
        Self.expectSame(try #require(fast), whole, merge, "the naming panel merged")
        #expect(merge.keptReferenced == 1)

        // Both sides written by another program, in another layout: the whole merge writes Dais's.
        func minified(_ catalog: Catalog) throws -> [UInt8] {
            Array(try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(StoreEncoder.encode(catalog))), options: [.sortedKeys]))
        }
        (fast, whole, merge) = try Self.bothWays(StoreEncoder.encode(base), try minified(mineAlike), try minified(mine))
        var both = mine
        both.panels[other] = mineAlike.panels[other]
        #expect(fast == nil && whole == StoreEncoder.encode(both))
        // Ours alone in another layout: no record is alike on both sides, so every one is decoded.
        (fast, whole, merge) = try Self.bothWays(StoreEncoder.encode(base), try minified(mine), StoreEncoder.encode(mine))
        #expect(try #require(fast).copied == 0 && fast!.bytes == whole && whole == StoreEncoder.encode(mine))

        // Recorded clashes are merged whole; so are records out of id order.
        var clashed = mine
        clashed.mergeClashes = [MergeClash(name: panel.title, field: "notes", mine: "a", theirsText: "b", theirs: .panel(panel.id, panel))]
        #expect(StoreIndex(StoreEncoder.encode(clashed)) == nil)
        var text = String(decoding: StoreEncoder.encode(base), as: UTF8.self)
        let first = "\"id\": \"\(base.organizations.keys.map(\.rawValue).sorted()[0])\""
        text = text.replacingOccurrences(of: first, with: "\"id\": \"zzz-last\"")
        #expect(StoreIndex(Array(text.utf8)) == nil, "ids out of order")
        #expect(StoreIndex(Array("{\"format\": \"dais-store\", \"version\": 1}".utf8)) == nil, "lists missing")
        #expect(StoreIndex(Array("<<<<<<< HEAD".utf8)) == nil)
    }

    @Test("the driver on files: what it writes over ours is the whole merge's file, and it says how many records it copied")
    func driverOnFiles() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let base = SyntheticStore.generate(panels: 200)
        var mine = base, theirs = base
        for (k, id) in base.panels.keys.sorted().enumerated() where k % 20 == 0 {
            mine.panels[id]!.title += " (ours)"
            theirs.panels[id]!.durationMinutes += 15
        }
        let paths = ["base", "ours", "theirs"].map { "\(folder)/\($0).json" }
        for (path, catalog) in zip(paths, [base, mine, theirs]) { try Data(StoreEncoder.encode(catalog)).write(to: URL(fileURLWithPath: path)) }
        let outcome = try MergeDriver.merge(base: paths[0], ours: paths[1], theirs: paths[2])
        let written = try fixtureBytesAt(paths[1])
        let whole = StoreEncoder.encode(CatalogMerge(base: base, mine: mine, theirs: theirs).recorded)
        #expect(written == whole)
        #expect(outcome.clashes.isEmpty && outcome.copied > 200 && outcome.summary == "0 records taken from theirs, 10 merged field by field, no clashes")
    }

    @Test("the driver given each store Dais refuses (fixtures/invalid) as theirs: it reports it and ours is left as it was")
    func refusedStores() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let demo = fixturePath("magnitsky-month.json"), ours = folder + "/ours.json"
        let names = try FileManager.default.contentsOfDirectory(atPath: fixturePath("invalid")).sorted()
        #expect(names.count >= 15)
        for name in names {
            try? FileManager.default.removeItem(atPath: ours)
            try FileManager.default.copyItem(atPath: demo, toPath: ours)
            let theirs = fixturePath("invalid/" + name)
            #expect(throws: StoreError.self, "\(name)") { try MergeDriver.merge(base: demo, ours: ours, theirs: theirs) }
            #expect(try fixtureBytesAt(ours) == fixtureBytes("magnitsky-month.json"), "\(name): ours untouched")
        }
    }

    func fixtureBytesAt(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
}
