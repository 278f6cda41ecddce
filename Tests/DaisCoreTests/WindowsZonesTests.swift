import Testing
@testable import DaisCore

@Suite("Windows zone names and tzdata aliases (generated from CLDR and tzdata)")
struct WindowsZonesTests {
    @Test("the table holds CLDR's Windows names, at least 130 of them")
    func count() {
        #expect(WindowsZones.iana.count >= 130)
    }

    @Test("every Windows name maps to a zone that Zone.named accepts, under the same id")
    func windowsTargets() {
        for (name, id) in WindowsZones.iana {
            #expect(Zone.named(id)?.identifier == id, "\(name) -> \(id)")
        }
    }

    @Test("Windows names map to CLDR's zones", arguments: [
        ("Belarus Standard Time", "Europe/Minsk"), ("Venezuela Standard Time", "America/Caracas"),
        ("Syria Standard Time", "Asia/Damascus"), ("Azerbaijan Standard Time", "Asia/Baku"),
        ("Georgian Standard Time", "Asia/Tbilisi"), ("Arabic Standard Time", "Asia/Baghdad"),
        ("New Zealand Standard Time", "Pacific/Auckland"), ("Eastern Standard Time", "America/New_York"),
        ("Dateline Standard Time", "Etc/GMT+12"), ("UTC", "UTC"),
    ])
    func spotChecks(_ name: String, _ id: String) {
        #expect(WindowsZones.iana[name] == id)
    }

    @Test("CLDR's old names are replaced by tzdata's current ones", arguments: [
        ("India Standard Time", "Asia/Kolkata"), ("FLE Standard Time", "Europe/Kyiv"),
        ("Nepal Standard Time", "Asia/Kathmandu"), ("Myanmar Standard Time", "Asia/Yangon"),
    ])
    func currentNames(_ name: String, _ id: String) {
        #expect(WindowsZones.iana[name] == id)
    }

    @Test("every alias maps to a zone that Zone.named accepts, under the same id, and is no Windows name")
    func aliasTargets() {
        #expect(!WindowsZones.aliases.isEmpty)
        for (alias, id) in WindowsZones.aliases {
            #expect(Zone.named(id)?.identifier == id, "\(alias) -> \(id)")
            #expect(alias != id)
            #expect(WindowsZones.iana[alias] == nil, "\(alias) is a Windows name too")
        }
    }

    @Test("old, System V and dashed names map to their zones", arguments: [
        ("US-Eastern", "America/New_York"), ("EST5EDT", "America/New_York"), ("US/Eastern", "America/New_York"),
        ("US-Central", "America/Chicago"), ("US-Mountain", "America/Denver"), ("US-Pacific", "America/Los_Angeles"),
        ("PST8PDT", "America/Los_Angeles"), ("HST", "Pacific/Honolulu"), ("Australia/ACT", "Australia/Sydney"),
        ("GB", "Europe/London"), ("Asia/Calcutta", "Asia/Kolkata"), ("Europe/Kiev", "Europe/Kyiv"),
    ])
    func aliases(_ alias: String, _ id: String) {
        #expect(WindowsZones.aliases[alias] == id)
    }
}
