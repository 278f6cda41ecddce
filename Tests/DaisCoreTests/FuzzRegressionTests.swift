import Foundation
import Testing
@testable import DaisCore

/// Replays through the fuzzers' own properties (FuzzChecks) every seed they start from and every input
/// that once crashed one of them (fixtures/fuzz/TARGET/, where scripts/fuzz.sh puts them). A property
/// that fails stops the process, which fails the run.
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
        FuzzChecks.store(try fixtureBytes(file))
    }

    @Test("iCalendar importer: seeds and past crashes", arguments: files(["import", "export"], suffix: ".ics") + files(["fuzz/ics"]))
    func ics(_ file: String) throws {
        FuzzChecks.ics(try fixtureBytes(file))
    }

    @Test("zone and time parser: seeds and past crashes",
          arguments: files(["../fuzz/seeds/time"]) + files(["fuzz/time"]))
    func time(_ file: String) throws {
        FuzzChecks.time(try fixtureBytes(file))
    }

    @Test("the properties hold on hand-made edge cases")
    func edges() {
        FuzzChecks.store([])
        FuzzChecks.store(Array("{\"format\":\"dais-store\",\"version\":1,\"panels\":[{}]}".utf8))
        FuzzChecks.ics(Array("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=Nowhere:20241303T250000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8))
        FuzzChecks.time(Array("Australia/Sydney\n2024-10-06T02:30".utf8))
        FuzzChecks.time(Array("\u{1B}]52;c;x\u{07}\n9999-12-31T23:59".utf8))
        FuzzChecks.time([0xFF, 0xFE, 0x0A, 0x00])
    }
}
