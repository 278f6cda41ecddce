import Foundation
import Testing

@Suite("dais check")
struct CheckCommandTests {
    let clashes = fixturePath("check/clashes.json")

    @Test("reports exactly the expected codes and ids, as JSON, and exits 1 with errors")
    func jsonOutput() throws {
        let result = try dais(["check", "--store", clashes, "--format", "json"])
        #expect(result.status == 1)
        let report = try #require(try json(result.stdout) as? [String: Any])
        #expect(report["errors"] as? Int == 4)
        #expect(report["warnings"] as? Int == 4)
        let findings = try #require(report["findings"] as? [[String: Any]])
        let summary = findings.map { f in
            "\(f["severity"]!) \(f["code"]!) \((f["panels"] as! [String]).joined(separator: ",")) \((f["people"] as! [String]).joined(separator: ","))"
        }
        #expect(summary == [
            "error person-double-booked panel-b,panel-a p-evgenia",
            "error person-twice-in-roster panel-c p-olivia",
            "error unknown-reference panel-c p-ghost",
            "error invalid-time panel-c ",
            "warning outside-waking-hours panel-b p-tasneem",
            "warning series-overlap panel-b,panel-a ",
            "warning possible-duplicate-person  p-evgenia,p-evgenia-2",
            "warning possible-duplicate-organization  ",
        ])
        #expect((findings[0]["message"] as? String)?.contains("overlapping 30 min") == true)
        #expect(!result.stdout.contains("panel-d"), "the cancelled panel takes part in no check")
    }

    @Test("--as-of dates the confirmation check: invited speakers are warned about only from 14 days before; a bad date is refused")
    func asOf() throws {
        let store = fixturePath("check/confirmations.json")
        let close = try dais(["check", "--store", store, "--as-of", "2024-11-15"])
        #expect(close.status == 1, "a declined speaker is an error")
        #expect(close.stdout.contains("error    speaker-declined: Evgenia Kara-Murza (panelist) has declined 'Transnational repression and targeted sanctions' (Nov 26 10:00 EST)"))
        #expect(close.stdout.contains("warning  speaker-unconfirmed: Ti-Anna Wang (panelist) is still invited for 'Transnational repression and targeted sanctions', in 11 days (Nov 26 10:00 EST)"))
        #expect(close.stdout.contains("'Global Magnitsky sanctions: the Biden record and the next administration' (Nov 21 10:00 EST) has no confirmed moderator yet"))
        let early = try dais(["check", "--store", store, "--as-of", "2024-11-01"])
        #expect(!early.stdout.contains("speaker-unconfirmed") && early.stdout.contains("speaker-declined"))
        let bad = try dais(["check", "--store", store, "--as-of", "2024-11-31"])
        #expect(bad.status == 2 && bad.stderr.contains("--as-of \"2024-11-31\" is not a date like 2024-11-26"))
    }

    @Test("text output is grouped by panel, uncolored when not on a terminal, with a summary")
    func text() throws {
        let result = try dais(["check", "--store", clashes])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("\u{1B}["))
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "panel-b  'Sanctions in the Pacific'")
        #expect(lines[1].hasPrefix("  error    person-double-booked: Evgenia Kara-Murza is on 'Sanctions in the Pacific' (Nov 27 01:30 AEDT)"))
        #expect(lines.contains("panel-c  'Spring forward'"))
        #expect(lines.contains("store-wide"))
        #expect(lines.last(where: { !$0.isEmpty }) == "4 errors, 4 warnings")
    }

    @Test("filters: --severity error, --panel, --person")
    func filters() throws {
        let errors = try json(try dais(["check", "--store", clashes, "--format", "json", "--severity", "error"]).stdout) as? [String: Any]
        #expect(errors?["warnings"] as? Int == 0)
        #expect(errors?["errors"] as? Int == 4)
        let tasneem = try dais(["check", "--store", clashes, "--format", "json", "--person", "p-tasneem"])
        #expect(tasneem.status == 0, "warnings only")
        #expect((try json(tasneem.stdout) as? [String: Any])?["warnings"] as? Int == 1)
        let panel = try dais(["check", "--store", clashes, "--format", "json", "--panel", "panel-a"])
        #expect((try json(panel.stdout) as? [String: Any])?["errors"] as? Int == 1)
        let unknown = try dais(["check", "--store", clashes, "--panel", "nope"])
        #expect(unknown.status == 2)
    }

    @Test("the demo store: no errors, the seven open roles as warnings, exit 0")
    func demo() throws {
        let result = try dais(["check", "--store", fixturePath("magnitsky-month.json"), "--format", "json"])
        #expect(result.status == 0)
        let report = try #require(try json(result.stdout) as? [String: Any])
        #expect(report["errors"] as? Int == 0)
        #expect(report["warnings"] as? Int == 7)
    }

    @Test("a store that cannot be read exits 3")
    func unreadable() throws {
        let result = try dais(["check", "--store", fixturePath("invalid/truncated.json")])
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("dais: \(fixturePath("invalid/truncated.json")):31:22:"))
    }
}
