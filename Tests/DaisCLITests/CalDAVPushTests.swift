import Foundation
import Testing

/// `dais publish --caldav` against a real CalDAV server started here (Radicale, from PyPI, on
/// 127.0.0.1 with a user and password), the calendar read back by Python's `caldav` client.
@Suite("dais publish --caldav: a real server", .serialized, .ownThread)
struct CalDAVPushTests {
    let moved = "panel-2024-11-26-transnational-repression"
    let edited = "panel-2024-11-13-arbitrary-detention"

    /// A Radicale server with the user org (password "secret") and an empty calendar /org/panels/.
    final class Radicale {
        let folder: String
        let port: Int
        let process = Process()
        var calendar: String { "http://127.0.0.1:\(port)/org/panels/" }

        init(folder: String) throws {
            self.folder = folder
            let python = try tool("python3")
            let free = try run(python, ["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
            port = try #require(Int(free.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
            try "org:secret\n".write(toFile: folder + "/users", atomically: true, encoding: .utf8)
            try """
                [server]
                hosts = 127.0.0.1:\(port)
                [auth]
                type = htpasswd
                htpasswd_filename = \(folder)/users
                htpasswd_encryption = plain
                [storage]
                filesystem_folder = \(folder)/collections
                [logging]
                level = warning
                """.write(toFile: folder + "/config", atomically: true, encoding: .utf8)
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["-m", "radicale", "--config", folder + "/config"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let curl = try tool("curl")
            for _ in 0..<100 {
                let made = try run(curl, ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-u", "org:secret", "-X", "MKCALENDAR", calendar])
                if made.stdout == "201" { return }
                Thread.sleep(forTimeInterval: 0.1)
            }
            stop()
            Issue.record("Radicale did not start on port \(port) (python3 -m pip install radicale; scripts/test.sh installs it)")
            throw CancellationError()
        }

        /// SIGKILL: a child of the tests' own thread starts with the thread's signals blocked, so
        /// Radicale would never see a SIGTERM.
        func stop() {
            guard process.isRunning else { return }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        /// The calendar's events as Python's caldav client reads them: "UID START END STATUS SUMMARY",
        /// the instants in UTC, sorted.
        func events() throws -> [String] {
            let script = """
                import sys, datetime, caldav
                client = caldav.DAVClient(url=sys.argv[1], username='org', password='secret')
                calendar = client.calendar(url=sys.argv[1])
                utc = lambda d: d.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
                for event in calendar.events():
                    for ev in event.icalendar_instance.walk('VEVENT'):
                        print(ev['UID'], utc(ev.decoded('DTSTART')), utc(ev.decoded('DTEND')), ev.get('STATUS', ''), ev['SUMMARY'])
                """
            let read = try run(try tool("python3"), ["-c", script, calendar])
            #expect(read.status == 0, "\(read.stderr)")
            return read.stdout.split(separator: "\n").map(String.init).sorted()
        }

        /// Changes one event's SUMMARY on the server, as another calendar program would.
        func retitle(uid: String, _ title: String) throws {
            let script = """
                import sys, caldav
                client = caldav.DAVClient(url=sys.argv[1], username='org', password='secret')
                event = client.calendar(url=sys.argv[1]).event_by_uid(sys.argv[2])
                event.icalendar_component['SUMMARY'] = sys.argv[3]
                event.save()
                """
            let done = try run(try tool("python3"), ["-c", script, calendar, uid, title])
            #expect(done.status == 0, "\(done.stderr)")
        }
    }

    /// The store's published panels as `dais list --json` gives them, in the form of `events()`.
    func listed(_ store: String) throws -> [String] {
        let list = try #require(try json(try dais(["list", "--store", store, "--json"]).stdout) as? [[String: Any]])
        return list.filter { "\($0["status"]!)" != "draft" }.map { panel in
            let status = "\(panel["status"]!)" == "cancelled" ? "CANCELLED" : "CONFIRMED"
            return "\(panel["id"]!)@dais \(panel["startUTC"]!) \(panel["endUTC"]!) \(status) \(panel["title"]!)"
        }.sorted()
    }

    /// Edits the store's JSON with Python (`d` is the document, `p` a dict of panels by id).
    func edit(_ store: String, _ code: String) throws {
        let script = """
            import sys, json
            d = json.load(open(sys.argv[1], encoding='utf-8'))
            p = {x['id']: x for x in d['panels']}
            \(code)
            json.dump(d, open(sys.argv[1], 'w', encoding='utf-8'), ensure_ascii=False, indent=2)
            """
        let done = try run(try tool("python3"), ["-c", script, store])
        #expect(done.status == 0, "\(done.stderr)")
    }

    @Test("push, move one panel and push again, read back equal to dais list; conflicts, cancellations and removals")
    func push() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let server = try Radicale(folder: folder)
        defer { server.stop() }
        let store = folder + "/store.json"
        try FileManager.default.copyItem(atPath: fixturePath("magnitsky-month.json"), toPath: store)
        let environment = ["XDG_STATE_HOME": folder + "/state", "DAIS_CALDAV_PASSWORD": "secret"]
        func push(_ extra: [String] = [], environment more: [String: String] = [:]) throws -> Output {
            try dais(["publish", "--store", store, "--caldav", server.calendar, "--user", "org"] + extra,
                     environment: environment.merging(more) { _, new in new })
        }
        // Another program's event in the same calendar is never touched.
        let partner = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partner//EN\r\nBEGIN:VEVENT\r\nUID:partner-1\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:20241201T100000Z\r\nDTEND:20241201T110000Z\r\nSUMMARY:Partner meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        try partner.write(toFile: folder + "/partner.ics", atomically: true, encoding: .utf8)
        let put = try run(try tool("curl"), ["-s", "-u", "org:secret", "-T", folder + "/partner.ics", server.calendar + "partner.ics"])
        #expect(put.status == 0)
        let partnerLine = "partner-1 2024-12-01T10:00:00Z 2024-12-01T11:00:00Z  Partner meeting"

        let published = try listed(store)
        let first = try push()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Pushed \(published.count) panels to \(server.calendar): \(published.count) created, 0 updated, 0 removed, 0 unchanged\n"), "\(first.stdout)")
        #expect(try server.events() == (published + [partnerLine]).sorted())
        let statePath = try #require(try FileManager.default.subpathsOfDirectory(atPath: folder + "/state").first { $0.hasSuffix(".state") })
        let state = folder + "/state/" + statePath
        #expect(!(try String(contentsOfFile: state, encoding: .utf8)).contains("secret"))

        // A moved panel: one event updated, read back at its new time.
        try edit(store, "p['\(moved)']['start'] = '2024-11-26T11:00'")
        let second = try push()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == """
            Pushed \(published.count) panels to \(server.calendar): 0 created, 1 updated, 0 removed, \(published.count - 1) unchanged
              updated  \(moved)  "Transnational repression and targeted sanctions"

            """, "\(second.stdout)")
        #expect(try server.events() == (try listed(store) + [partnerLine]).sorted())
        #expect(try listed(store).contains { $0.hasPrefix("\(moved)@dais 2024-11-26T16:00:00Z ") })

        // Changed on the server and in the store: reported, not overwritten; nothing local changes.
        try server.retitle(uid: "\(edited)@dais", "Retitled on the server")
        try edit(store, "p['\(edited)']['title'] = 'Retitled in the store'")
        let stateBefore = try Data(contentsOf: URL(fileURLWithPath: state))
        let storeBefore = try Data(contentsOf: URL(fileURLWithPath: store))
        let conflict = try push()
        #expect(conflict.status == 1)
        #expect(conflict.stdout.contains("  conflict \(edited)  \"Retitled in the store\": changed on the server since the last push, and in the store; not overwritten (--force puts the store's version)\n"), "\(conflict.stdout)")
        #expect(conflict.stderr == "dais: 1 of the calendar's events was not pushed (see above); the store is unchanged\n", "\(conflict.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: state)) == stateBefore)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == storeBefore)
        #expect(try server.events().contains { $0.hasPrefix("\(edited)@dais ") && $0.hasSuffix(" Retitled on the server") })
        // --force puts the store's version, with the password from a file this time.
        try "secret\n".write(toFile: folder + "/password", atomically: true, encoding: .utf8)
        chmod(folder + "/password", 0o600)
        let forced = try push(["--force", "--password-file", folder + "/password"], environment: ["DAIS_CALDAV_PASSWORD": ""])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr.isEmpty)
        #expect(forced.stdout.contains(", 1 updated, ") && forced.stdout.contains("  updated  \(edited)  \"Retitled in the store\"\n"), "\(forced.stdout)")
        #expect(try server.events() == (try listed(store) + [partnerLine]).sorted())

        // Cancelled: updated with STATUS:CANCELLED; deleted from the store: removed from the calendar.
        try edit(store, "p['\(moved)']['status'] = 'cancelled'\nd['panels'] = [x for x in d['panels'] if x['id'] != '\(edited)']")
        let third = try push()
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stdout.contains(": 0 created, 1 updated, 1 removed, "), "\(third.stdout)")
        #expect(third.stdout.contains("  updated  \(moved)  \"Transnational repression and targeted sanctions\": cancelled\n"))
        #expect(third.stdout.contains("  removed  \(edited)\n"))
        let after = try server.events()
        #expect(after == (try listed(store) + [partnerLine]).sorted())
        #expect(after.contains { $0.hasPrefix("\(moved)@dais ") && $0.contains(" CANCELLED ") })
        #expect(!after.contains { $0.hasPrefix("\(edited)@dais ") })

        // A larger store: the first 20 of each kind are named, the rest counted.
        let generated = folder + "/generated.json"
        #expect(try dais(["generate", "--panels", "30", "--output", generated]).status == 0)
        let made = try run(try tool("curl"), ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-u", "org:secret", "-X", "MKCALENDAR",
                                               "http://127.0.0.1:\(server.port)/org/generated/"])
        #expect(made.stdout == "201")
        let many = try dais(["publish", "--store", generated, "--caldav", "http://127.0.0.1:\(server.port)/org/generated/", "--user", "org"],
                            environment: environment)
        let count = try listed(generated).count
        #expect(many.status == 0, "\(many.stderr)")
        #expect(many.stdout.components(separatedBy: "\n  created  ").count - 1 == 20, "\(many.stdout)")
        #expect(many.stdout.hasSuffix("  ... and \(count - 20) more created\n"), "\(many.stdout)")
    }

    @Test("a wrong password, a missing one, a missing calendar and a server that is down: a clear message, nothing changed")
    func failures() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let server = try Radicale(folder: folder)
        defer { server.stop() }
        let store = fixturePath("magnitsky-month.json")
        let state = ["XDG_STATE_HOME": folder + "/state"]
        let wrong = try dais(["publish", "--store", store, "--caldav", server.calendar, "--user", "org"],
                             environment: state.merging(["DAIS_CALDAV_PASSWORD": "not-the-password"]) { _, new in new })
        #expect(wrong.status == 4)
        #expect(wrong.stderr == "dais: \(server.calendar) refused the user org and its password (HTTP 401); check the user and the password given by DAIS_CALDAV_PASSWORD or --password-file; nothing was changed\n", "\(wrong.stderr)")
        #expect(!wrong.stdout.contains("not-the-password") && !wrong.stderr.contains("not-the-password"))

        let none = try dais(["publish", "--store", store, "--caldav", server.calendar, "--user", "org"], environment: state)
        #expect(none.status == 2)
        #expect(none.stderr == "dais: no password for org: set DAIS_CALDAV_PASSWORD, or give --password-file FILE (never the command line)\n", "\(none.stderr)")

        let missing = try dais(["publish", "--store", store, "--caldav", "http://127.0.0.1:\(server.port)/org/elsewhere/", "--user", "org"],
                               environment: state.merging(["DAIS_CALDAV_PASSWORD": "secret"]) { _, new in new })
        #expect(missing.status == 4)
        #expect(missing.stderr.hasPrefix("dais: there is no calendar at http://127.0.0.1:\(server.port)/org/elsewhere/ (HTTP 404)"), "\(missing.stderr)")

        let account = try dais(["publish", "--store", store, "--caldav", "http://127.0.0.1:\(server.port)/org/", "--user", "org"],
                               environment: state.merging(["DAIS_CALDAV_PASSWORD": "secret"]) { _, new in new })
        #expect(account.status == 4)
        #expect(account.stderr.hasPrefix("dais: http://127.0.0.1:\(server.port)/org/ is not a calendar"), "\(account.stderr)")

        server.stop()
        let down = try dais(["publish", "--store", store, "--caldav", server.calendar, "--user", "org"],
                            environment: state.merging(["DAIS_CALDAV_PASSWORD": "secret"]) { _, new in new })
        #expect(down.status == 4)
        #expect(down.stderr.hasPrefix("dais: cannot reach \(server.calendar): Failed to connect to 127.0.0.1 port \(server.port)"), "\(down.stderr)")
        #expect(down.stderr.hasSuffix("; nothing was changed\n"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/state"))

        let inURL = try dais(["publish", "--store", store, "--caldav", "http://org:secret@127.0.0.1:\(server.port)/org/panels/"], environment: state)
        #expect(inURL.status == 2)
        #expect(!inURL.stderr.contains("secret"), "\(inURL.stderr)")
        let neither = try dais(["publish", "--store", store])
        #expect(neither.status == 64)
        #expect(neither.stderr.contains("give --output DIR (a site), --caldav URL (a calendar), or both"), "\(neither.stderr)")
    }
}
