import Foundation
import Testing

/// Exports opened by real clients: Python's icalendar, calcurse, khal, jsonschema.
@Suite("dais export and import with real clients", .serialized, .ownThread)
struct ExportClientTests {
    let demo = fixturePath("magnitsky-month.json")

    /// A khal configuration with one calendar, "dais", in `folder`/cal/dais, reading times in `zone`.
    func khalConfig(_ folder: String, zone: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder + "/cal/dais", withIntermediateDirectories: true)
        let path = folder + "/khal-\(zone.replacingOccurrences(of: "/", with: "-")).conf"
        try """
        [calendars]
        [[dais]]
        path = \(folder)/cal/dais
        type = calendar
        [locale]
        timeformat = %H:%M
        dateformat = %Y-%m-%d
        longdateformat = %Y-%m-%d
        datetimeformat = %Y-%m-%d %H:%M
        longdatetimeformat = %Y-%m-%d %H:%M
        default_timezone = \(zone)
        local_timezone = \(zone)
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func exportFile(_ format: String, _ folder: String, extra: [String] = []) throws -> String {
        let path = "\(folder)/agenda.\(format)"
        let result = try dais(["export", "--store", demo, "--format", format, "--output", path] + extra, environment: ["SOURCE_DATE_EPOCH": "1732000000"])
        #expect(result.status == 0, "\(result.stderr)")
        return path
    }

    @Test("Python's icalendar parses the ICS export, and its DTSTART/DTEND instants equal dais list --json's")
    func pythonICalendar() throws {
        let python = try tool("python3")
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let ics = try exportFile("ics", folder)
        let script = """
        import sys, datetime, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        for ev in cal.walk('VEVENT'):
            s = ev.decoded('DTSTART').astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
            e = ev.decoded('DTEND').astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
            print(str(ev['X-DAIS-ID']), s, e, str(ev['STATUS']), str(ev['SUMMARY'])[:20])
        """
        let parsed = try run(python, ["-c", script, ics])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let list = try #require(try json(try dais(["list", "--store", demo, "--json"]).stdout) as? [[String: Any]])
        let expected = list.map { "\($0["id"]!) \($0["startUTC"]!) \($0["endUTC"]!)" }
        let got = parsed.stdout.split(separator: "\n").map { $0.split(separator: " ").prefix(3).joined(separator: " ") }
        #expect(got == expected)
        #expect(parsed.stdout.contains("CONFIRMED"))
    }

    @Test("calcurse -i accepts the ICS export, with the right times")
    func calcurse() throws {
        let calcurse = try tool("calcurse")
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let ics = try exportFile("ics", folder)
        let data = folder + "/calcurse"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let imported = try run(calcurse, ["-D", data, "-i", ics], environment: ["TZ": "UTC"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("6 apps / 0 events / 0 todos / 0 skipped"), "\(imported.stdout)")
        let shown = try run(calcurse, ["-D", data, "-Q", "--from", "11/01/2023", "--days", "800", "--format-apt", "%S-%E %m\\n"], environment: ["TZ": "UTC"])
        #expect(shown.stdout.contains("02:00-03:15 Evaluating Australia"))
        #expect(shown.stdout.contains("15:00-16:00 Transnational repression and targeted sanctions"))
        // calcurse converts to the local zone when it imports: import again as someone in Sydney.
        let sydneyData = folder + "/calcurse-sydney"
        try FileManager.default.createDirectory(atPath: sydneyData, withIntermediateDirectories: true)
        #expect(try run(calcurse, ["-D", sydneyData, "-i", ics], environment: ["TZ": "Australia/Sydney"]).status == 0)
        let sydney = try run(calcurse, ["-D", sydneyData, "-Q", "--from", "11/29/2023", "--days", "1", "--format-apt", "%S-%E %m\\n"], environment: ["TZ": "Australia/Sydney"])
        #expect(sydney.stdout.contains("13:00-14:15 Evaluating Australia"), "in Sydney the webinar is at 1.00pm: \(sydney.stdout)")
    }

    @Test("khal import --batch accepts the ICS export; khal lists the panels at their times in New York and Sydney")
    func khal() throws {
        let khal = try tool("khal")
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let ics = try exportFile("ics", folder)
        func config(_ zone: String) throws -> String { try khalConfig(folder, zone: zone) }
        let environment = ["XDG_DATA_HOME": folder, "XDG_CONFIG_HOME": folder, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        let imported = try run(khal, ["-c", try config("America/New_York"), "import", "--batch", "-a", "dais", ics], environment: environment)
        #expect(imported.status == 0, "\(imported.stderr)")
        let newYork = try run(khal, ["-c", try config("America/New_York"), "list", "--format", "{start} {title}", "2023-11-01", "800d"], environment: environment)
        #expect(newYork.stdout.contains("2024-11-13 10:00 Countering arbitrary detention"), "\(newYork.stdout)")
        #expect(newYork.stdout.contains("2023-11-28 21:00 Evaluating Australia"))
        let sydney = try run(khal, ["-c", try config("Australia/Sydney"), "list", "--format", "{start} {title}", "2023-11-01", "800d"], environment: environment)
        #expect(sydney.stdout.contains("2024-11-14 02:00 Countering arbitrary detention"))
        #expect(sydney.stdout.contains("2023-11-29 13:00 Evaluating Australia"))
    }

    @Test("a panel moved by a Dais save is re-exported with SEQUENCE 1: khal replaces its event, Python's icalendar reads SEQUENCE and LAST-MODIFIED")
    func movedPanel() throws {
        let khal = try tool("khal"), python = try tool("python3")
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let store = folder + "/store.json"
        try FileManager.default.copyItem(atPath: demo, toPath: store)
        let first = folder + "/v1.ics", second = folder + "/v2.ics"
        #expect(try dais(["export", "--store", store, "--format", "ics", "--output", first]).status == 0)
        let config = try khalConfig(folder, zone: "America/New_York")
        let environment = ["XDG_DATA_HOME": folder, "XDG_CONFIG_HOME": folder, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        #expect(try run(khal, ["-c", config, "import", "--batch", "-a", "dais", first], environment: environment).status == 0)
        // The organizer moves the 26 November panel an hour later: here through `dais import` of the
        // calendar with the new time, a save like the console's.
        let moved = try String(contentsOfFile: first, encoding: .utf8)
            .replacingOccurrences(of: "DTSTART;TZID=America/New_York:20241126T100000", with: "DTSTART;TZID=America/New_York:20241126T110000")
            .replacingOccurrences(of: "DTEND;TZID=America/New_York:20241126T110000", with: "DTEND;TZID=America/New_York:20241126T120000")
        try moved.write(toFile: folder + "/moved.ics", atomically: true, encoding: .utf8)
        let imported = try dais(["import", "--store", store, folder + "/moved.ics"])
        #expect(imported.status == 0)
        #expect(imported.stderr.contains("\(store) was upgraded to format 2; the previous file is \(store).bak"),
                "said once, when the save first writes format 2: \(imported.stderr)")
        #expect(try dais(["export", "--store", store, "--format", "ics", "--output", second]).status == 0)
        #expect(try run(khal, ["-c", config, "import", "--batch", "-a", "dais", second], environment: environment).status == 0)
        let listed = try run(khal, ["-c", config, "list", "--format", "{start} {title}", "2024-11-20", "10d"], environment: environment).stdout
        #expect(listed.contains("2024-11-26 11:00 Transnational repression") && !listed.contains("2024-11-26 10:00"), "\(listed)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/cal/dais").count == 6, "one event per panel, not a second copy")
        let script = """
        import sys, icalendar
        for ev in icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read()).walk('VEVENT'):
            modified = ev.decoded('LAST-MODIFIED').isoformat() if 'LAST-MODIFIED' in ev else '-'
            print(str(ev['X-DAIS-ID']), ev.decoded('SEQUENCE'), modified)
        """
        let parsed = try run(python, ["-c", script, second])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let lines = parsed.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("panel-2024-11-26-transnational-repression 1 20") && $0.hasSuffix("+00:00") }, "\(parsed.stdout)")
        #expect(lines.filter { $0.hasSuffix(" 0 -") }.count == 5, "the other panels did not change")
    }

    @Test("the schedule JSON validates against the c3voc schema, formats checked")
    func scheduleJSON() throws {
        let python = try tool("python3")
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let file = try exportFile("schedule-json", folder)
        let schemaPath = "\(repositoryRoot)/fixtures/schemas/c3voc-schedule.schema.json"
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[2]))
        doc = json.load(open(sys.argv[1]))
        v = jsonschema.Draft6Validator(schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER)
        errors = list(v.iter_errors(doc))
        for e in errors[:5]: print(e.message[:200], list(e.path))
        print("errors:", len(errors), "events:", sum(len(r) for d in doc['schedule']['conference']['days'] for r in d['rooms'].values()))
        """
        let result = try run(python, ["-c", script, file, schemaPath])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("errors: 0 events: 6"), "\(result.stdout)")
    }

    @Test("an exported file imported into an empty store gives back the same panels (through the command line)")
    func roundTripCLI() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let ics = try exportFile("ics", folder)
        let store = folder + "/empty.json"
        try "{\"format\": \"dais-store\", \"version\": 1, \"organizations\": [], \"people\": [], \"series\": [], \"panels\": []}".write(toFile: store, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let dry = try dais(["import", ics, "--store", store, "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout.hasSuffix("6 added, 0 updated, 0 unchanged, 0 skipped\n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before, "a dry run writes nothing")
        #expect(try dais(["import", ics, "--store", store]).status == 0)
        let original = try dais(["list", "--store", demo, "--json"]).stdout
        #expect(try dais(["list", "--store", store, "--json"]).stdout == original)
        let again = try dais(["import", ics, "--store", store])
        #expect(again.stdout.hasSuffix("0 added, 0 updated, 6 unchanged, 0 skipped\n"))
    }

    @Test("a failing import changes nothing; export refuses to replace a file without --force")
    func failures() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let store = folder + "/store.json"
        try FileManager.default.copyItem(atPath: demo, toPath: store)
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let broken = try dais(["import", fixturePath("import/truncated.ics"), "--store", store])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("truncated.ics:3: BEGIN:VEVENT is never closed"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        let output = folder + "/agenda.md"
        try "mine".write(toFile: output, atomically: true, encoding: .utf8)
        let refused = try dais(["export", "--store", store, "--format", "md", "--output", output])
        #expect(refused.status == 4)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "mine")
        #expect(try dais(["export", "--store", store, "--format", "md", "--output", output, "--force"]).status == 0)
    }

    @Test("an export to a full standard output fails with exit 4, saying what could not be written", arguments: ["ics", "md", "csv", "schedule-json"])
    func fullStandardOutput(format: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: daisExecutable)
        process.arguments = ["export", "--store", demo, "--format", format]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent-home", "LANG": "C.UTF-8", "TZ": "UTC"]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let err = Pipe()
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 4)
        #expect(message == "dais: standard output: could not write: No space left on device\n")
    }

    @Test("drafts stay out of ics, md, html and schedule-json unless --status names them, and dais says so; csv keeps them")
    func draftsLeftOut() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        // The demo store with its first panel ("The real-world impact of Magnitsky sanctions") a draft.
        var text = try String(contentsOfFile: fixturePath("magnitsky-month.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"status\": \"scheduled\"", with: "\"status\": \"draft\"", options: [], range: text.range(of: "\"status\": \"scheduled\""))
        let store = "\(folder)/store.json"
        try text.write(toFile: store, atomically: true, encoding: .utf8)
        for format in ["ics", "md", "html", "schedule-json"] {
            let out = try dais(["export", "--store", store, "--format", format])
            #expect(out.status == 0)
            #expect(!out.stdout.contains("real-world impact"), "\(format)")
            #expect(out.stderr == "dais: left out 1 draft (--status draft --status scheduled --status cancelled takes them too)\n")
        }
        let asked = try dais(["export", "--store", store, "--format", "md", "--status", "draft", "--status", "scheduled"])
        #expect(asked.stdout.contains("real-world impact") && asked.stdout.contains("draft") && asked.stderr.isEmpty)
        let csv = try dais(["export", "--store", store, "--format", "csv"])
        #expect(csv.stdout.contains("real-world impact") && csv.stderr.isEmpty)
    }

    @Test("selections: one speaker's agenda, a series, dates, status")
    func selections() throws {
        let evgenia = try dais(["export", "--store", demo, "--format", "csv", "--person", "p-evgenia-kara-murza"]).stdout
        let ids = Set(evgenia.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[0] })
        #expect(ids == ["panel-2024-11-13-arbitrary-detention", "panel-2024-11-26-transnational-repression"])
        let md = try dais(["export", "--store", demo, "--format", "md", "--series", "magnitsky-month-2023", "--zone", "London"]).stdout
        #expect(md.hasPrefix("# Magnitsky Month 2023\n"))
        #expect(md.contains("10:00 – 11:00 am EST / 3:00 – 4:00 pm GMT"))
        #expect(!md.contains("Transnational"))
        let none = try dais(["export", "--store", demo, "--format", "ics", "--status", "cancelled"]).stdout
        #expect(!none.contains("BEGIN:VEVENT"))
    }
}
