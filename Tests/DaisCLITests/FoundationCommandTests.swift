import Foundation
import Testing

@Suite("dais list, show, people, orgs")
struct ListCommandTests {
    let demo = fixturePath("magnitsky-month.json")

    @Test("dais list --json gives every seed panel, by start, with the right startUTC and endUTC")
    func listJSON() throws {
        let result = try dais(["list", "--store", demo, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let panels = try #require(try json(result.stdout) as? [[String: Any]])
        let rows = panels.map { "\($0["id"]!) \($0["startUTC"]!) \($0["endUTC"]!)" }
        #expect(rows == [
            "panel-2023-11-20-impact-of-sanctions 2023-11-20T15:00:00Z 2023-11-20T16:00:00Z",
            "panel-2023-11-29-australia-framework 2023-11-29T02:00:00Z 2023-11-29T03:15:00Z",
            "panel-2024-01-25-visa-sanctions 2024-01-25T16:00:00Z 2024-01-25T17:00:00Z",
            "panel-2024-11-13-arbitrary-detention 2024-11-13T15:00:00Z 2024-11-13T16:00:00Z",
            "panel-2024-11-21-global-magnitsky-record 2024-11-21T15:00:00Z 2024-11-21T16:00:00Z",
            "panel-2024-11-26-transnational-repression 2024-11-26T15:00:00Z 2024-11-26T16:00:00Z",
        ])
        let webinar = panels[1]
        #expect(webinar["zone"] as? String == "Australia/Sydney")
        #expect(webinar["start"] as? String == "2023-11-29T13:00")
        #expect(webinar["durationMinutes"] as? Int == 75)
        #expect(webinar["status"] as? String == "scheduled")
        #expect(webinar["series"] as? String == "magnitsky-month-2023")
        let roster = try #require(panels[5]["roster"] as? [[String: Any]])
        #expect(roster.first?["name"] as? String == "The Honorable Professor Irwin Cotler")
        #expect(roster.first?["role"] as? String == "remarks")
        #expect(roster.first?["person"] as? String == "p-irwin-cotler")
    }

    @Test("dais list shows each panel's own zone and every --zone with day shifts")
    func listTable() throws {
        let result = try dais(["list", "--store", demo, "--zone", "AEDT", "--zone", "UTC"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        #expect(lines[0].hasPrefix("ID") && lines[0].contains("AUSTRALIA/SYDNEY") && lines[0].contains("TITLE"))
        #expect(lines[4].contains("Wed 2024-11-13  10:00 EST") && lines[4].contains("02:00 AEDT +1d") && lines[4].contains("15:00 UTC"))
        #expect(lines[2].contains("13:00 AEDT") && lines[2].contains("02:00 UTC"))
        #expect(lines[3].contains("[TBA]"))
    }

    @Test("dais list filters by series and dates")
    func listFilters() throws {
        let series = try dais(["list", "--store", demo, "--json", "--series", "magnitsky-month-2024"])
        #expect((try json(series.stdout) as? [Any])?.count == 3)
        let week = try dais(["list", "--store", demo, "--json", "--from", "2024-11-13", "--to", "2024-11-21"])
        #expect((try json(week.stdout) as? [[String: Any]])?.map { $0["id"] as! String } == ["panel-2024-11-13-arbitrary-detention", "panel-2024-11-21-global-magnitsky-record"])
        let unknown = try dais(["list", "--store", demo, "--series", "nope"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("dais: no series with id \"nope\""))
    }

    @Test("dais show prints the slot in every display zone, host, co-sponsors and roster")
    func show() throws {
        let result = try dais(["show", "panel-2024-11-26-transnational-repression", "--store", demo])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Tue Nov 26 2024  10:00-11:00 EST  (America/New_York)"))
        #expect(result.stdout.contains("Wed Nov 27 2024  02:00-03:00 AEDT  (Australia/Sydney)  +1d"))
        #expect(result.stdout.contains("host        Raoul Wallenberg Centre for Human Rights (RWCHR)"))
        #expect(result.stdout.contains("Moderator  TBA"))
        #expect(result.stdout.contains("Remarks    The Honorable Professor Irwin Cotler, Founder and International"))
        let missing = try dais(["show", "transnational", "--store", demo])
        #expect(missing.status == 2)
        #expect(missing.stderr == "dais: no panel with id \"transnational\"; did you mean panel-2024-11-26-transnational-repression?\n")
    }

    @Test("dais show --json has the description, links and notes")
    func showJSON() throws {
        let result = try dais(["show", "panel-2023-11-29-australia-framework", "--store", demo, "--json"])
        let panel = try #require(try json(result.stdout) as? [String: Any])
        #expect((panel["description"] as? String)?.hasPrefix("In December 2021, Australia adopted") == true)
        #expect(panel["endUTC"] as? String == "2023-11-29T03:15:00Z")
    }

    @Test("dais people and dais orgs list the directories")
    func directories() throws {
        let people = try dais(["people", "--store", demo])
        #expect(people.status == 0)
        #expect(people.stdout.contains("Evgenia Kara-Murza"))
        let evgenia = try #require((try json(try dais(["people", "--store", demo, "--json"]).stdout) as? [[String: Any]])?.first { $0["id"] as? String == "p-evgenia-kara-murza" })
        #expect(evgenia["panels"] as? [String] == ["panel-2024-11-13-arbitrary-detention", "panel-2024-11-26-transnational-repression"])
        let orgs = try #require(try json(try dais(["orgs", "--store", demo, "--json"]).stdout) as? [[String: Any]])
        let hrf = try #require(orgs.first { $0["id"] as? String == "hrf" })
        #expect((hrf["hosts"] as? [String])?.count == 5)
        #expect(hrf["cosponsors"] as? [String] == ["panel-2024-11-26-transnational-repression"])
    }

    @Test("a corrupt store is reported as file:line:column on one line, exit 3, and its bytes are unchanged")
    func corruptStore() throws {
        let path = fixturePath("invalid/wrong-type.json")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try dais(["list", "--store", path])
        #expect(result.status == 3)
        #expect(result.stderr == "dais: \(path):6:26: expected a whole number for \"durationMinutes\", found a string\n")
        #expect(result.stdout.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("a missing --store path is an error, not a new store")
    func missingStore() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let result = try dais(["list", "--store", folder + "/nope.json"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("no store at \(folder)/nope.json; create one with `dais init \(folder)/nope.json`"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/nope.json"))
    }

    @Test("the first run at the default location creates the demo store there")
    func firstRun() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let result = try dais(["list", "--json"], environment: ["XDG_DATA_HOME": folder])
        #expect(result.status == 0)
        #expect(result.stderr.contains("created the demo store at \(folder)/dais/store.json"))
        #expect((try json(result.stdout) as? [Any])?.count == 6)
        #expect(FileManager.default.fileExists(atPath: folder + "/dais/store.json"))
        let env = try dais(["list", "--json"], environment: ["DAIS_STORE": fixturePath("valid/minimal.json"), "XDG_DATA_HOME": folder])
        #expect(env.stdout == "[]\n")
    }

    @Test("every command has --help", arguments: ["list", "show", "people", "orgs", "time"])
    func help(_ command: String) throws {
        let result = try dais([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: dais \(command)"))
    }

    @Test("bad usage is one line on stderr with status 64")
    func usage() throws {
        let result = try dais(["list", "--bogus"])
        #expect(result.status == 64)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.hasPrefix("dais: "))
    }
}

@Suite("dais time")
struct TimeCommandTests {
    @Test("converts 10:00 EST to AEDT and UTC, as JSON")
    func convertJSON() throws {
        let result = try dais(["time", "2024-11-13T10:00", "--zone", "EST", "--to", "AEDT", "--to", "UTC", "--json"])
        #expect(result.status == 0)
        let answer = try #require(try json(result.stdout) as? [String: Any])
        #expect(answer["utc"] as? String == "2024-11-13T15:00:00Z")
        #expect(answer["ambiguous"] as? Bool == false)
        let targets = try #require(answer["targets"] as? [[String: Any]])
        #expect(targets[0]["zone"] as? String == "Australia/Sydney")
        #expect(targets[0]["local"] as? String == "2024-11-14T02:00")
        #expect(targets[0]["abbreviation"] as? String == "AEDT")
        #expect(targets[0]["dayShift"] as? Int == 1)
        #expect(targets[1]["local"] as? String == "2024-11-13T15:00")
    }

    @Test("text output names each zone, its time, abbreviation and day shift")
    func convertText() throws {
        let result = try dais(["time", "2023-11-29 13:00", "--zone", "Sydney", "--to", "Eastern"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("2023-11-29 13:00 AEDT (Australia/Sydney) = 2023-11-29T02:00:00Z"))
        #expect(result.stdout.contains("America/New_York  Tue 2023-11-28  21:00 EST   UTC-5   -1d"))
    }

    @Test("a mistyped zone or command is answered with what it was probably meant to be")
    func didYouMean() throws {
        let zone = try dais(["time", "2024-11-13T10:00", "--zone", "Londn"])
        #expect(zone.status == 2)
        #expect(zone.stderr == "dais: unknown time zone \"Londn\": did you mean Europe/London?\n")
        let list = try dais(["list", "--store", fixturePath("magnitsky-month.json"), "--zone", "sydny"])
        #expect(list.stderr == "dais: unknown time zone \"sydny\": did you mean Australia/Sydney?\n")
        let command = try dais(["lsit"])
        #expect(command.status == 64)
        #expect(command.stderr == "dais: unknown command \"lsit\"; did you mean `dais list`? (see `dais --help`)\n")
        let afterStore = try dais(["--store", fixturePath("magnitsky-month.json"), "chek"])
        #expect(afterStore.stderr.contains("did you mean `dais check`?"))
    }

    @Test("a local time that does not exist exits 2 saying why")
    func gap() throws {
        let result = try dais(["time", "2024-03-10T02:30", "--zone", "America/New_York"])
        #expect(result.status == 2)
        #expect(result.stderr == "dais: 2024-03-10 02:30 does not exist in America/New_York: clocks jump from 02:00 EST to 03:00 EDT on 2024-03-10\n")
    }

    @Test("an ambiguous local time answers with the first occurrence and says so")
    func fold() throws {
        let result = try dais(["time", "2024-11-03T01:30", "--zone", "ET", "--to", "UTC"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("= 2024-11-03T05:30:00Z"))
        #expect(result.stdout.contains("note: 2024-11-03 01:30 occurs twice in America/New_York (01:30 EDT, then 01:30 EST"))
        let j = try #require(try json(try dais(["time", "2024-11-03T01:30", "--zone", "ET", "--json"]).stdout) as? [String: Any])
        #expect(j["ambiguous"] as? Bool == true)
        #expect(j["secondUTC"] as? String == "2024-11-03T06:30:00Z")
    }

    @Test("an ambiguous or unknown zone exits 2 with the choices or suggestions")
    func badZones() throws {
        let cst = try dais(["time", "2024-11-13T10:00", "--zone", "CST"])
        #expect(cst.status == 2)
        #expect(cst.stderr.contains("\"CST\" is ambiguous") && cst.stderr.contains("America/Chicago"))
        let unknown = try dais(["time", "2024-11-13T10:00", "--zone", "EST", "--to", "Atlantis"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("dais: unknown time zone \"Atlantis\""))
        let badTime = try dais(["time", "13/11/2024 10am", "--zone", "EST"])
        #expect(badTime.status == 2)
    }

    @Test("a trailing Z means UTC")
    func utcInput() throws {
        let j = try #require(try json(try dais(["time", "2024-11-13T15:00Z", "--to", "EST", "--json"]).stdout) as? [String: Any])
        #expect(j["utc"] as? String == "2024-11-13T15:00:00Z")
        #expect((j["targets"] as? [[String: Any]])?.first?["local"] as? String == "2024-11-13T10:00")
    }
}

@Suite("dais keys")
struct KeysCommandTests {
    @Test("docs/keys.md holds exactly what `dais keys` prints")
    func docsAreCurrent() throws {
        let printed = try dais(["keys"]).stdout
        let doc = try String(contentsOfFile: "\(repositoryRoot)/docs/keys.md", encoding: .utf8)
        #expect(doc.contains("```\n" + printed + "```\n"))
        #expect(printed.contains("Ctrl-R            redo"))
    }
}
