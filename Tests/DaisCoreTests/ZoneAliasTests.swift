import Testing
@testable import DaisCore

@Suite("Zone aliases and abbreviations")
struct ZoneAliasTests {
    @Test("abbreviations, names and cities map to IANA zones", arguments: [
        ("EST", "America/New_York"), ("EDT", "America/New_York"), ("ET", "America/New_York"), ("Eastern", "America/New_York"),
        ("eastern time", "America/New_York"), ("New York", "America/New_York"), ("AEDT", "Australia/Sydney"),
        ("AEST", "Australia/Sydney"), ("Sydney", "Australia/Sydney"), ("UTC", "UTC"), ("GMT", "GMT"), ("Z", "UTC"), ("Zulu", "UTC"),
        ("PT", "America/Los_Angeles"), ("PST", "America/Los_Angeles"), ("PDT", "America/Los_Angeles"),
        ("CT", "America/Chicago"), ("CDT", "America/Chicago"), ("MT", "America/Denver"), ("BST", "Europe/London"),
        ("London", "Europe/London"), ("CET", "Europe/Brussels"), ("CEST", "Europe/Brussels"), ("JST", "Asia/Tokyo"),
        ("Tokyo", "Asia/Tokyo"), ("Nairobi", "Africa/Nairobi"), ("EAT", "Africa/Nairobi"), ("Kyiv", "Europe/Kyiv"),
        ("los angeles", "America/Los_Angeles"), ("los_angeles", "America/Los_Angeles"), ("Brussels", "Europe/Brussels"),
        ("america/new_york", "America/New_York"), ("Australia/Sydney", "Australia/Sydney"), ("  EST ", "America/New_York"),
        ("UTC+3", "Etc/GMT-3"), ("GMT-5", "Etc/GMT+5"), ("UTC+0", "UTC"), ("Buenos Aires", "America/Argentina/Buenos_Aires"),
    ])
    func maps(_ input: String, _ id: String) {
        #expect(ZoneAliases.lookup(input).zone?.identifier == id)
    }

    @Test("ambiguous abbreviations are refused with their choices", arguments: [
        ("CST", ["America/Chicago", "Asia/Shanghai"]), ("IST", ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"]),
        ("ast", ["America/Halifax", "Asia/Riyadh"]),
    ])
    func ambiguous(_ input: String, _ expected: [String]) {
        let lookup = ZoneAliases.lookup(input)
        guard case .ambiguous(_, let choices) = lookup else {
            Issue.record("\(input) should be ambiguous, got \(lookup)")
            return
        }
        for id in expected { #expect(choices.contains { $0.zone == id }) }
        #expect(lookup.message.contains("ambiguous"))
        for id in expected { #expect(lookup.message.contains(id)) }
    }

    @Test("an unknown zone is refused with suggestions")
    func unknown() {
        let lookup = ZoneAliases.lookup("Sidney")
        #expect(lookup.zone == nil)
        #expect(lookup.message.hasPrefix("unknown time zone \"Sidney\""))
        #expect(ZoneAliases.lookup("Americ/New_Yrok").zone == nil)
        #expect(ZoneAliases.lookup("").message == "no time zone given")
        #expect(ZoneAliases.lookup("UTC+5:30").zone == nil)
    }

    @Test("display abbreviations come from the project's table, right for the date", arguments: [
        ("America/New_York", "2024-11-13T10:00", "EST"), ("America/New_York", "2024-07-04T10:00", "EDT"),
        ("Australia/Sydney", "2024-11-13T10:00", "AEDT"), ("Australia/Sydney", "2024-06-13T10:00", "AEST"),
        ("Europe/London", "2024-07-01T10:00", "BST"), ("Europe/Dublin", "2024-07-01T10:00", "IST"),
        ("Europe/Dublin", "2024-01-01T10:00", "GMT"), ("America/Chicago", "2024-01-01T10:00", "CST"),
        ("America/Los_Angeles", "2024-07-01T10:00", "PDT"), ("Asia/Tokyo", "2024-07-01T10:00", "JST"),
        ("Asia/Dubai", "2024-07-01T10:00", "UTC+4"), ("America/St_Johns", "2024-01-01T10:00", "NST"),
    ])
    func abbreviations(_ id: String, _ time: String, _ expected: String) {
        let z = zone(id)
        #expect(z.abbreviation(at: z.resolve(local(time)).instant!) == expected)
    }

    @Test("offset names", arguments: [(0, "UTC"), (3 * 3600, "UTC+3"), (-(9 * 3600 + 1800), "UTC-9:30"), (20700, "UTC+5:45")])
    func offsetNames(_ seconds: Int, _ expected: String) {
        #expect(ZoneAbbreviations.offsetName(seconds) == expected)
    }

    @Test("completion offers aliases' zones and IANA ids")
    func completion() {
        #expect(ZoneAliases.completions(for: "syd").contains("Australia/Sydney"))
        #expect(ZoneAliases.completions(for: "America/New").contains("America/New_York"))
        #expect(ZoneAliases.completions(for: "").isEmpty)
    }
}
