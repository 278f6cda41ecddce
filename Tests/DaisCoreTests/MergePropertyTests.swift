import DaisSynthetic
import Testing
@testable import DaisCore

/// The merge driver's promise, checked on random work: two organizers edit copies of one store;
/// where they touched disjoint fields the merge is both sequences applied; where both changed one
/// field differently, that is a recorded clash holding "mine", and nothing else differs.
@Suite("Merging two organizers' random edits")
struct MergePropertyTests {
    /// One edit: the record and field it touches ("record" for an add or a delete), and the change.
    struct Edit {
        let key: String
        let field: String
        let apply: (inout Catalog) -> Void
    }

    /// A random edit of `catalog` by `side` (its new records' ids are its own).
    static func edit(_ catalog: Catalog, side: String, step: Int, _ rng: inout SplitMix) -> Edit? {
        let word = ["Alpha", "Beta", "Gamma", "Delta"][Int.random(in: 0..<4, using: &rng)] + " \(side)\(step)"
        switch Int.random(in: 0..<10, using: &rng) {
        case 0..<5:
            let ids = catalog.panels.keys.sorted()
            switch Int.random(in: 0..<8, using: &rng) {
            case 0:
                let id = PanelID("panel-\(side)-\(step)")
                return Edit(key: "panel \(id)", field: "record") {
                    $0.panels[id] = Panel(id: id, title: word, start: LocalDateTime(year: 2025, month: 3, day: 1 + step % 20, hour: 10, minute: 0)!, zone: "UTC")
                }
            case 1:
                guard let id = ids.randomElement(using: &rng) else { return nil }
                return Edit(key: "panel \(id)", field: "record") { $0.panels[id] = nil }
            default:
                guard let id = ids.randomElement(using: &rng) else { return nil }
                let minutes = 30 * Int.random(in: 1...6, using: &rng)
                let (field, change): (String, (inout Panel) -> Void) = [
                    ("title", { $0.title = word }), ("start", { $0.start = $0.start.adding(minutes: minutes) }),
                    ("duration", { $0.durationMinutes = minutes }), ("status", { $0.status = $0.status == .draft ? .scheduled : .draft }),
                    ("notes", { $0.notes = word }),
                ][Int.random(in: 0..<5, using: &rng)]
                return Edit(key: "panel \(id)", field: field) { catalog in if var p = catalog.panels[id] { change(&p); catalog.panels[id] = p } }
            }
        case 5..<8:
            // People: edited, or added; deleted only when no panel names them (a deleted person
            // still named is kept by the merge, on purpose).
            let named = Set(catalog.panels.values.flatMap { $0.roster.map(\.person) })
            let ids = catalog.people.keys.sorted()
            switch Int.random(in: 0..<5, using: &rng) {
            case 0:
                let id = PersonID("p-\(side)-\(step)")
                return Edit(key: "person \(id)", field: "record") { $0.people[id] = Person(id: id, name: word) }
            case 1:
                guard let id = ids.filter({ !named.contains($0) }).randomElement(using: &rng) else { return nil }
                return Edit(key: "person \(id)", field: "record") { $0.people[id] = nil }
            default:
                guard let id = ids.randomElement(using: &rng) else { return nil }
                let (field, change): (String, (inout Person) -> Void) = [("name", { $0.name = word }), ("email", { $0.email = "\(side)\(step)@example.org" }),
                                                                          ("notes", { $0.notes = word })][Int.random(in: 0..<3, using: &rng)]
                return Edit(key: "person \(id)", field: field) { catalog in if var p = catalog.people[id] { change(&p); catalog.people[id] = p } }
            }
        case 8:
            guard let id = catalog.organizations.keys.sorted().randomElement(using: &rng) else { return nil }
            let (field, change): (String, (inout Organization) -> Void) = [("name", { $0.name = word }), ("url", { $0.url = "https://\(side)\(step).example.org" })][Int.random(in: 0..<2, using: &rng)]
            return Edit(key: "organization \(id)", field: field) { catalog in if var o = catalog.organizations[id] { change(&o); catalog.organizations[id] = o } }
        default:
            guard let id = catalog.series.keys.sorted().randomElement(using: &rng) else { return nil }
            let (field, change): (String, (inout Series) -> Void) = [("name", { $0.name = word }), ("description", { $0.description = word })][Int.random(in: 0..<2, using: &rng)]
            return Edit(key: "series \(id)", field: field) { catalog in if var s = catalog.series[id] { change(&s); catalog.series[id] = s } }
        }
    }

    /// Up to `count` random edits applied one after the other.
    static func sequence(_ base: Catalog, side: String, count: Int, _ rng: inout SplitMix) -> (catalog: Catalog, edits: [Edit]) {
        var catalog = base, edits: [Edit] = []
        for step in 0..<count {
            guard let edit = edit(catalog, side: side, step: step, &rng) else { continue }
            edit.apply(&catalog)
            edits.append(edit)
        }
        return (catalog, edits)
    }

    @Test("500 random pairs of edit sequences from one base: disjoint ones merge to both applied; overlapping ones record every clash and differ in nothing else")
    func randomPairs() throws {
        let base = SyntheticStore.generate(panels: 8)
        var rng = SplitMix(seed: 2027)
        var disjointPairs = 0, clashing = 0
        for trial in 0..<500 {
            let (mine, mineEdits) = Self.sequence(base, side: "a", count: Int.random(in: 1...6, using: &rng), &rng)
            let (theirs, theirsEdits) = Self.sequence(base, side: "b", count: Int.random(in: 1...6, using: &rng), &rng)
            let merge = CatalogMerge(base: base, mine: mine, theirs: theirs)
            let mineTouched = Set(mineEdits.map { "\($0.key)|\($0.field)" })
            let theirsTouched = Set(theirsEdits.map { "\($0.key)|\($0.field)" }), theirsRecords = Set(theirsEdits.map(\.key))
            // A record added or deleted on one side and touched on the other, or one field touched on
            // both, is an overlap; anything else is disjoint.
            let overlapping = Set(mineTouched.filter { touched in
                let key = String(touched.split(separator: "|")[0]), field = String(touched.split(separator: "|")[1])
                return theirsTouched.contains(touched) || (field == "record" && theirsRecords.contains(key))
                    || theirsTouched.contains("\(key)|record")
            })
            // Their edits that touch nothing mine touched, applied over mine.
            var expected = mine
            for edit in theirsEdits {
                let clashing = overlapping.contains { touched in
                    touched.hasPrefix(edit.key + "|") && (touched.hasSuffix("|record") || touched == "\(edit.key)|\(edit.field)" || edit.field == "record")
                }
                if !clashing { edit.apply(&expected) }
            }
            if overlapping.isEmpty {
                disjointPairs += 1
                #expect(merge.clashes.isEmpty, "trial \(trial): \(merge.clashes.map(\.stored.summary))")
                #expect(merge.merged == expected, "trial \(trial): disjoint edits merge to both applied")
            } else {
                // Every clash is on a record and field both sides touched, holds mine, and taking
                // theirs for all of them gives their values there.
                for clash in merge.clashes {
                    let key = "\(clash.record)|\(clash.field)"
                    #expect(overlapping.contains(key) || overlapping.contains { $0.hasPrefix(clash.record + "|") }, "trial \(trial): \(key) was not touched by both")
                }
                if !merge.clashes.isEmpty { clashing += 1 }
                // Outside the clashing records, the merge is both sides' edits applied.
                let clashed = Set(merge.clashes.map(\.record)) .union(overlapping.map { String($0.split(separator: "|")[0]) })
                var outside = merge.merged, wanted = expected
                for key in clashed {
                    let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
                    switch parts[0] {
                    case "panel": outside.panels[PanelID(parts[1])] = nil; wanted.panels[PanelID(parts[1])] = nil
                    case "person": outside.people[PersonID(parts[1])] = nil; wanted.people[PersonID(parts[1])] = nil
                    case "organization": outside.organizations[OrganizationID(parts[1])] = nil; wanted.organizations[OrganizationID(parts[1])] = nil
                    default: outside.series[SeriesID(parts[1])] = nil; wanted.series[SeriesID(parts[1])] = nil
                    }
                }
                #expect(outside == wanted, "trial \(trial): outside the records both touched, nothing differs")
                // The recorded store reads back with the same clashes, and resolving all to theirs
                // puts their value in each clashing field.
                let recorded = try StoreDecoder.decode(StoreEncoder.encode(merge.recorded), path: "merged.json")
                #expect(recorded.mergeClashes == merge.clashes.map(\.stored), "trial \(trial)")
                var resolved = recorded
                for clash in recorded.mergeClashes { CatalogMerge.takeTheirs(clash, in: &resolved) }
                #expect(resolved.mergeClashes.count == merge.clashes.count)
                resolved.mergeClashes = []
                var viaMerge = merge.resolved(takingTheirs: Set(merge.clashes.indices))
                viaMerge.mergeClashes = []
                #expect(resolved == viaMerge, "trial \(trial): a recorded clash resolves as the live merge does")
            }
        }
        #expect(disjointPairs > 50 && clashing > 50, "both kinds of pairs were tried: \(disjointPairs) disjoint, \(clashing) with clashes")
    }
}
