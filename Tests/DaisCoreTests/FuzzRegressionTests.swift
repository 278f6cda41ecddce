import Foundation
import Testing
@testable import DaisCore
@testable import DaisFuzzChecks

/// Replays through the fuzzers' own properties (FuzzChecks) every seed they start from and every input
/// that once crashed one of them (fixtures/fuzz/TARGET/, where scripts/fuzz.sh puts them); each must
/// hold every property, and the failure names the file and the property.
@Suite("Fuzzers' inputs replayed")
struct FuzzRegressionTests {
    static func files(_ folders: [String], suffix: String? = nil) -> [String] {
        folders.flatMap { folder -> [String] in
            let path = fixturePath(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { suffix == nil || $0.hasSuffix(suffix!) }.sorted().map { "\(folder)/\($0)" }
        }
    }

    @Test("store loader: seeds and past crashes",
          arguments: files(["valid", "invalid", "hostile"], suffix: ".json") + ["magnitsky-month.json"] + files(["fuzz/store"]))
    func store(_ file: String) throws {
        let problems = FuzzChecks.store(try fixtureBytes(file))
        #expect(problems.isEmpty, "\(file): \(problems)")
    }

    @Test("iCalendar importer: seeds and past crashes", arguments: files(["import", "export"], suffix: ".ics") + files(["fuzz/ics"]))
    func ics(_ file: String) throws {
        let problems = FuzzChecks.ics(try fixtureBytes(file))
        #expect(problems.isEmpty, "\(file): \(problems)")
    }

    @Test("zone and time parser: seeds and past crashes",
          arguments: files(["../fuzz/seeds/time"]) + files(["fuzz/time"]))
    func time(_ file: String) throws {
        let problems = FuzzChecks.time(try fixtureBytes(file))
        #expect(problems.isEmpty, "\(file): \(problems)")
    }

    @Test("the properties hold on hand-made edge cases", arguments: [
        ("store", Array("".utf8)),
        ("store", Array("{\"format\":\"dais-store\",\"version\":1,\"panels\":[{}]}".utf8)),
        ("ics", Array("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=Nowhere:20241303T250000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8)),
        ("time", Array("Australia/Sydney\n2024-10-06T02:30".utf8)),
        ("time", Array("\u{1B}]52;c;x\u{07}\n9999-12-31T23:59".utf8)),
        ("time", [0xFF, 0xFE, 0x0A, 0x00]),
    ])
    func edges(_ target: String, _ bytes: [UInt8]) {
        let problems = switch target {
        case "store": FuzzChecks.store(bytes)
        case "ics": FuzzChecks.ics(bytes)
        default: FuzzChecks.time(bytes)
        }
        #expect(problems.isEmpty, "\(target) \(bytes.prefix(40)): \(problems)")
    }

    @Test("a property that fails is reported: a catalog whose store does not load back is named")
    func failureIsReported() {
        var catalog = Catalog()
        catalog.people["p-a"] = Person(id: "p-a", name: "")
        // An empty name saves as "" and loads back, so the round trip holds; a catalog that is not
        // what loading its bytes gives is what the check must catch.
        #expect(FuzzChecks.roundTrip(catalog, "this").isEmpty)
        let panel = Panel(id: "panel-x", title: "X", start: LocalDateTime(year: 2024, month: 1, day: 1, hour: 9, minute: 0)!, zone: "UTC", durationMinutes: 60 * 24 * 40)
        catalog.panels[panel.id] = panel
        #expect(FuzzChecks.roundTrip(catalog, "this").first?.hasPrefix("this was saved to bytes that do not load") == true)
    }
}
