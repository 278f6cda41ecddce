import Testing
@testable import DaisCore
import DaisSynthetic

@Suite("Incremental re-checks")
struct IncrementalScheduleTests {
    /// The findings' descriptions, each with how often it occurs (the order is `findings`' own, tested
    /// apart).
    func summary(_ schedule: Schedule) -> [String: Int] {
        var counts: [String: Int] = [:]
        for finding in schedule.unorderedFindings { counts[finding.description, default: 0] += 1 }
        return counts
    }

    /// Each step re-checks the whole store, so the store is small: 200 panels in 25 month-long
    /// series with 30 people still give clashes, duplicates and dangling references to every kind
    /// of edit, and 200 edits leave every kind of record (series, organizations, people) to edit.
    @Test("after every one of 200 random edits, the incremental findings and marks equal a full re-check")
    func randomEdits() {
        var catalog = SyntheticStore.generate(panels: 200, people: 30, seed: 7)
        var schedule = Schedule(catalog: catalog)
        var rng = SplitMix(seed: 42)
        let zones = SyntheticStore.zones + ["Mars/Olympus"]
        for step in 0..<200 {
            let ids = catalog.panels.keys.sorted()
            let personIDs = catalog.people.keys.sorted()
            switch rng.next(9) {
            case 0, 1:  // move a panel
                var panel = catalog.panels[ids[rng.next(ids.count)]]!
                let old = panel
                panel.start = panel.start.adding(minutes: (rng.next(9) - 4) * 30)
                if rng.next(5) == 0 { panel.zone = zones[rng.next(zones.count)] }
                catalog.panels[panel.id] = panel
                schedule.panelChanged(old: old, new: panel, in: catalog)
            case 2:  // change a roster
                var panel = catalog.panels[ids[rng.next(ids.count)]]!
                let old = panel
                if !panel.roster.isEmpty && rng.next(2) == 0 { panel.roster.remove(at: rng.next(panel.roster.count)) }
                panel.roster.append(RosterEntry(person: personIDs[rng.next(personIDs.count)], role: Role.allCases[rng.next(3)]))
                if rng.next(10) == 0 { panel.roster.append(RosterEntry(person: "p-ghost", role: .panelist)) }
                catalog.panels[panel.id] = panel
                schedule.panelChanged(old: old, new: panel, in: catalog)
            case 3:  // status, duration, series
                var panel = catalog.panels[ids[rng.next(ids.count)]]!
                let old = panel
                panel.status = PanelStatus.allCases[rng.next(3)]
                panel.durationMinutes = [0, 30, 60, 240][rng.next(4)]
                panel.series = rng.next(4) == 0 ? "series-missing" : catalog.series.keys.sorted()[rng.next(catalog.series.count)]
                catalog.panels[panel.id] = panel
                schedule.panelChanged(old: old, new: panel, in: catalog)
            case 4:  // add
                var panel = catalog.panels[ids[rng.next(ids.count)]]!
                panel.id = PanelID("panel-new-\(step)")
                panel.start = panel.start.adding(minutes: 15)
                catalog.panels[panel.id] = panel
                schedule.panelChanged(old: nil, new: panel, in: catalog)
            case 5:  // delete
                let old = catalog.panels.removeValue(forKey: ids[rng.next(ids.count)])!
                schedule.panelChanged(old: old, new: nil, in: catalog)
            case 6:  // person: rename (maybe into a duplicate), home zone, unavailability, delete
                let id = personIDs[rng.next(personIDs.count)]
                if rng.next(6) == 0 {
                    catalog.people[id] = nil
                } else {
                    var person = catalog.people[id]!
                    person.name = rng.next(2) == 0 ? catalog.people[personIDs[rng.next(personIDs.count)]]!.name.uppercased() : person.name + " Jr"
                    person.homeZone = zones[rng.next(zones.count)]
                    if rng.next(3) == 0 {
                        let day = catalog.panels.values.first!.start.date
                        person.unavailable = [Unavailability(start: LocalDateTime(date: day, hour: 0, minute: 0)!, end: LocalDateTime(date: day.adding(days: 3), hour: 0, minute: 0)!, zone: "UTC")]
                    }
                    catalog.people[id] = person
                }
                schedule.personChanged(id, in: catalog)
            case 7:  // organization: rename into a duplicate, or delete
                let id = catalog.organizations.keys.sorted()[rng.next(catalog.organizations.count)]
                if rng.next(3) == 0 { catalog.organizations[id] = nil } else { catalog.organizations[id]!.name = "Human Rights First" }
                schedule.organizationChanged(id, in: catalog)
            default:  // series: rename, unknown host, delete
                let id = catalog.series.keys.sorted()[rng.next(catalog.series.count)]
                if rng.next(3) == 0 { catalog.series[id] = nil } else { catalog.series[id]!.host = rng.next(2) == 0 ? "org-missing" : "org-1" }
                schedule.seriesChanged(id, in: catalog)
            }
            let fresh = Schedule(catalog: catalog)
            let incremental = summary(schedule), expected = summary(fresh)
            if incremental != expected || schedule.allMarks != fresh.allMarks || schedule.totals != fresh.totals {
                let (found, wanted) = (Set(incremental.keys), Set(expected.keys))
                Issue.record("step \(step): incremental and full checks differ:\n+\(found.subtracting(wanted))\n-\(wanted.subtracting(found))")
                return
            }
        }
    }

    @Test("the whole-store check finds what adding the panels one by one finds, panels naming missing records included")
    func wholeStoreEqualsOneByOne() {
        var catalog = SyntheticStore.generate(panels: 2_000, seed: 11)
        let ids = catalog.panels.keys.sorted()
        catalog.panels[ids[10]]!.roster.append(RosterEntry(person: "p-ghost", role: .panelist))
        catalog.panels[ids[500]]!.series = "series-missing"
        catalog.panels[ids[900]]!.host = "org-missing"
        catalog.panels[ids[1_200]]!.cosponsors.append("org-missing")
        catalog.panels[ids[1_201]]!.zone = "Mars/Olympus"

        var empty = catalog
        empty.panels = [:]
        var oneByOne = Schedule(catalog: empty)
        for panel in catalog.panels.values.sorted(by: { $0.id < $1.id }) {
            oneByOne.panelChanged(old: nil, new: panel, in: catalog)
        }
        let expected = summary(oneByOne)
        #expect(expected.values.reduce(0, +) > 600)
        #expect(expected.keys.contains { $0.contains("\"p-ghost\", which does not exist") })
        #expect(expected.keys.contains { $0.contains("\"org-missing\", which does not exist") })
        let whole = Schedule(catalog: catalog)
        let found = summary(whole)
        let same = found == expected
        #expect(same, "+\(Set(found.keys).subtracting(expected.keys).prefix(3)) -\(Set(expected.keys).subtracting(found.keys).prefix(3))")
        #expect(whole.allMarks == oneByOne.allMarks)
        #expect(whole.totals == oneByOne.totals)
        #expect(whole.livePanels(withPerson: "p-ghost") == [ids[10]])
    }

    @Test("an edit that makes a clash shows it at once; undoing the edit removes it")
    func clashAppearsAndGoes() throws {
        var catalog = try demoCatalog()
        var schedule = Schedule(catalog: catalog)
        let old = catalog.panels["panel-2024-11-26-transnational-repression"]!
        var moved = old
        moved.start = local("2024-11-13T10:30")
        catalog.panels[moved.id] = moved
        schedule.panelChanged(old: old, new: moved, in: catalog)
        let clash = schedule.findings.filter { $0.code == .personDoubleBooked }
        #expect(clash.map(\.people) == [["p-evgenia-kara-murza"]])
        #expect(clash.first?.panels == ["panel-2024-11-13-arbitrary-detention", "panel-2024-11-26-transnational-repression"])
        #expect(schedule.marks(for: "panel-2024-11-26-transnational-repression").errors == 1)
        #expect(schedule.findings(forPerson: "p-evgenia-kara-murza").count == 1)
        catalog.panels[old.id] = old
        schedule.panelChanged(old: moved, new: old, in: catalog)
        #expect(!schedule.findings.contains { $0.code == .personDoubleBooked })
        #expect(schedule.marks(for: "panel-2024-11-26-transnational-repression").errors == 0)
    }

    @Test("the findings come in Finding.ordered's order (sorted through byte keys) on a synthetic store of 3,000 panels")
    func findingsOrder() {
        let schedule = Schedule(catalog: SyntheticStore.generate(panels: 3_000, seed: 5))
        let findings = schedule.findings
        #expect(findings.count > 500)
        for (a, b) in zip(findings, findings.dropFirst()) {
            #expect(!Finding.ordered(b, a), "\(b) sorts before \(a)")
        }
    }
}
