import Foundation
import Testing
@testable import DaisCore

@Suite("Finding the slot")
struct SlotSearchTests {
    func people() -> [SlotSearch.Attendee] {
        [SlotSearch.Attendee(id: "p-tasneem", name: "Tasneem Roc", home: zone("Australia/Sydney"), hours: Settings.defaultWakingHours),
         SlotSearch.Attendee(id: "p-olivia", name: "Olivia Dehnavi", home: zone("Europe/London"), hours: Settings.defaultWakingHours),
         SlotSearch.Attendee(id: "p-evgenia", name: "Evgenia Kara-Murza", home: zone("America/New_York"), hours: Settings.defaultWakingHours)]
    }

    @Test("Sydney, London and New York in November 2024: no free hour; the least bad hour costs someone an hour of the stretch, 15:00-16:00 EST")
    func threeCities() {
        let request = SlotSearch.Request(zone: zone("America/New_York"), from: LocalDate(year: 2024, month: 11, day: 11)!,
                                         to: LocalDate(year: 2024, month: 11, day: 15)!, minutes: 60, people: people())
        let result = SlotSearch(request).ranked(top: 3)
        #expect(!result.hasFreeSlot)
        let best = result.suggestions[0]
        #expect(best.cost.total == 60)
        #expect(best.local == local("2024-11-11T15:00"))
        #expect(best.cost.lines.map(\.explanation) == ["60 min before waking hours", "fine", "fine"])
        // 15:30 (07:30 in Sydney, 20:30 in London) and 16:00 (08:00 and 21:00) cost the same hour, split.
        #expect(result.suggestions.map(\.local.timeText) == ["15:00", "15:15", "15:30"])
        #expect(result.suggestions.allSatisfy { $0.cost.total == 60 })
    }
}
