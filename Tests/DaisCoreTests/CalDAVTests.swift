import Foundation
import Testing
@testable import DaisCore

/// The parts of `dais publish --caldav` that need no server: the listing a server answers, curl's
/// configuration and header dumps, the plan, and a push through a scripted transport. The push
/// against a real server is in DaisCLITests/CalDAVPushTests.
@Suite("CalDAV push: listings, plans and a scripted server")
struct CalDAVTests {
    // MARK: The listing

    @Test("a Nextcloud-style listing: prefixes, whole-URL hrefs, percent-encoding, a 404 propstat")
    func nextcloudListing() throws {
        let body = """
        <?xml version="1.0"?>
        <d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:cal="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/">
         <d:response>
          <d:href>/remote.php/dav/calendars/org/magnitsky%20month/</d:href>
          <d:propstat><d:prop><d:resourcetype><d:collection/><cal:calendar/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
          <d:propstat><d:prop><d:getetag/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
         </d:response>
         <d:response>
          <d:href>https://cloud.example.org/remote.php/dav/calendars/org/magnitsky%20month/dais-panel-a.ics</d:href>
          <d:propstat><d:prop><d:getetag>&quot;5f1c&quot;</d:getetag><d:resourcetype/></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
         </d:response>
         <d:response>
          <d:href>/remote.php/dav/calendars/org/magnitsky%20month/Partner%27s%20event.ics</d:href>
          <d:propstat><d:prop><d:getetag><![CDATA["77"]]></d:getetag><d:resourcetype/></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
         </d:response>
         <!-- a comment between responses -->
         <d:response>
          <d:href>/remote.php/dav/calendars/org/magnitsky%20month/inbox/</d:href>
          <d:propstat><d:prop><d:getetag>"9"</d:getetag><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
         </d:response>
        </d:multistatus>
        """
        let listing = try DAVListing.parse(Array(body.utf8), collection: "/remote.php/dav/calendars/org/magnitsky%20month/")
        #expect(listing.isCalendar == true)
        #expect(listing.members == ["dais-panel-a.ics": "\"5f1c\"", "Partner's event.ics": "\"77\""])
    }

    @Test("Radicale's listing: a default namespace; an account's folder is not a calendar")
    func radicaleListing() throws {
        let body = """
        <?xml version='1.0' encoding='utf-8'?>
        <multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><response><href>/org/panels/</href><propstat><prop><getetag>"ca5d"</getetag><resourcetype><C:calendar /><collection /></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat></response><response><href>/org/panels/dais-a.ics</href><propstat><prop><getetag>"1e0a"</getetag><resourcetype /></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>
        """
        let listing = try DAVListing.parse(Array(body.utf8), collection: "/org/panels")
        #expect(listing == DAVListing(isCalendar: true, members: ["dais-a.ics": "\"1e0a\""]))
        let folder = """
        <multistatus xmlns="DAV:"><response><href>/org/</href><propstat><prop><resourcetype><collection/></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>
        """
        #expect(try DAVListing.parse(Array(folder.utf8), collection: "/org/").isCalendar == false)
    }

    @Test("malformed answers say where they break", arguments: [
        ("<multistatus xmlns=\"DAV:\"><response>", "<response> is not closed"),
        ("<d:multistatus xmlns:d=\"DAV:\"></d:response>", "</d:response> closes <d:multistatus>"),
        ("<x:multistatus></x:multistatus>", "the prefix x of <x:multistatus> is not declared"),
        ("<html><body>Login</body></html>", "the answer is <html>, not a WebDAV <multistatus>"),
        ("<multistatus xmlns=\"DAV:\">&nbsp;</multistatus>", "unknown reference &nbsp;"),
        ("", "no root element"),
        (String(repeating: "<a>", count: 100_000), "elements nest more than 64 deep"),
    ])
    func malformed(body: String, reason: String) {
        #expect(throws: XMLError.self) { try DAVListing.parse(Array(body.utf8), collection: "/") }
        do { _ = try DAVListing.parse(Array(body.utf8), collection: "/") } catch { #expect(error.reason == reason, "\(error)") }
    }

    // MARK: curl

    @Test("curl's configuration quotes every value; the password is only in the user line")
    func curlConfiguration() {
        let request = HTTPRequest(method: "PUT", url: "https://cloud.example.org/cal/dais-a.ics", headers: ["If-Match: \"5f\\1c\""], body: [1])
        let text = CurlTransport.configuration(request, index: 1, folder: "/tmp/f", credentials: Credentials(user: "org", password: "p\"w\\d"),
                                               connectTimeout: 15, requestTimeout: 120)
        #expect(text == """
            next
            url = "https://cloud.example.org/cal/dais-a.ics"
            request = "PUT"
            globoff
            http1.1
            connect-timeout = "15"
            max-time = "120"
            user = "org:p\\"w\\\\d"
            header = "If-Match: \\"5f\\\\1c\\""
            data-binary = "@/tmp/f/1.body"
            output = "/tmp/f/1.out"
            dump-header = "/tmp/f/1.head"

            """)
        #expect(CurlTransport.quoted("a\nb\tc") == "\"a\\nb\\tc\"")
    }

    @Test("a header dump gives the last answer's status and headers")
    func headerDump() {
        let dump = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nETag: \"abc\"\r\nContent-Length: 0\r\n\r\n"
        #expect(CurlTransport.response(head: Array(dump.utf8)) == HTTPResponse(status: 201, headers: ["etag": "\"abc\"", "content-length": "0"]))
        #expect(CurlTransport.response(head: []) == nil)
    }

    // MARK: The plan

    func resource(_ id: String, _ text: String) -> CalDAVResource {
        CalDAVResource(name: CalDAVResource.name(of: PanelID(id)), panel: PanelID(id), title: id.uppercased(), bytes: Array(text.utf8))
    }

    func state(_ entries: [String: (String, String)]) -> CalDAVState {
        CalDAVState(entries: entries.mapValues { .init(etag: $0.0, hash: CalDAVState.hash(Array($0.1.utf8))) })
    }

    @Test("the plan: create, update, keep, take over, remove, and report what changed on the server")
    func plan() {
        let resources = [resource("new", "n"), resource("same", "s"), resource("moved", "m2"), resource("theirs", "t2"),
                         resource("serveronly", "o"), resource("gone", "g"), resource("adopted", "a")]
        let server = ["dais-same.ics": "\"1\"", "dais-moved.ics": "\"2\"", "dais-theirs.ics": "\"3b\"", "dais-serveronly.ics": "\"4b\"",
                      "dais-adopted.ics": "\"5\"", "dais-deleted.ics": "\"6\"", "dais-deleted-edited.ics": "\"7b\"", "partner.ics": "\"8\""]
        let pushed = state(["dais-same.ics": ("\"1\"", "s"), "dais-moved.ics": ("\"2\"", "m1"), "dais-theirs.ics": ("\"3a\"", "t1"),
                            "dais-serveronly.ics": ("\"4a\"", "o"), "dais-gone.ics": ("\"9\"", "g"), "dais-deleted.ics": ("\"6\"", "d"),
                            "dais-deleted-edited.ics": ("\"7a\"", "e"), "dais-long-gone.ics": ("\"10\"", "l")])
        let plan = CalDAVPlan(resources: resources, server: server, pushed: pushed, force: false)
        #expect(plan.actions == [.create(resources[0]), .update(resources[2], ifMatch: "\"2\""), .update(resources[6], ifMatch: "\"5\""),
                                 .delete(name: "dais-deleted.ics", ifMatch: "\"6\"")])
        #expect(plan.unchanged == ["dais-same.ics"])
        #expect(plan.conflicts == [.changedOnServer(name: "dais-theirs.ics", title: "THEIRS"), .deletedOnServer(name: "dais-gone.ics", title: "GONE"),
                                   .changedOnServer(name: "dais-deleted-edited.ics", title: nil)])
        #expect(plan.changedOnServerOnly.map(\.name) == ["dais-serveronly.ics"])
        #expect(plan.forgotten == ["dais-long-gone.ics"])

        let forced = CalDAVPlan(resources: resources, server: server, pushed: pushed, force: true)
        #expect(forced.conflicts.isEmpty && forced.changedOnServerOnly.isEmpty)
        #expect(forced.actions.map(\.name) == ["dais-new.ics", "dais-moved.ics", "dais-theirs.ics", "dais-serveronly.ics", "dais-gone.ics", "dais-adopted.ics",
                                               "dais-deleted-edited.ics", "dais-deleted.ics"])
    }

    // MARK: A push through a scripted server

    /// Answers each request from `answer`, recording what was asked.
    final class ScriptedServer: HTTPTransport {
        var requests: [HTTPRequest] = []
        let answer: (HTTPRequest) -> HTTPResponse
        init(_ answer: @escaping (HTTPRequest) -> HTTPResponse) { self.answer = answer }
        func perform(_ requests: [HTTPRequest]) -> [HTTPResponse] {
            self.requests += requests
            return requests.map(answer)
        }
    }

    static func listing(_ members: [String: String]) -> HTTPResponse {
        var xml = "<multistatus xmlns=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><response><href>/cal/</href><propstat><prop><resourcetype><collection/><C:calendar/></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat></response>"
        for (name, etag) in members.sorted(by: { $0.key < $1.key }) {
            xml += "<response><href>/cal/\(name)</href><propstat><prop><getetag>\(etag)</getetag><resourcetype/></prop><status>HTTP/1.1 200 OK</status></propstat></response>"
        }
        return HTTPResponse(status: 207, body: Array((xml + "</multistatus>").utf8))
    }

    @Test("a push creates every published panel once, records the ETags, then has nothing to do")
    func pushTwice() throws {
        let catalog = try demoCatalog()
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        var stored: [String: String] = [:]
        let server = ScriptedServer { request in
            if request.method == "PROPFIND" { return Self.listing(stored) }
            let name = String(request.url.split(separator: "/").last!)
            stored[name] = "\"\(CalDAVState.hash(request.body!).prefix(8))\""
            // Every other answer without an ETag, as servers that rewrite what they store do.
            return HTTPResponse(status: 201, headers: stored.count % 2 == 0 ? ["etag": stored[name]!] : [:])
        }
        let push = try CalDAVPush(url: "https://cal.example.org/cal", user: nil, transport: server)
        let first = try push.push(catalog, state: folder + "/state", force: false)
        let published = catalog.panels.values.filter { $0.status != .draft }.count
        #expect(first.created == published && first.problems == 0)
        #expect(server.requests.filter { $0.method == "PUT" }.allSatisfy { $0.headers.contains("If-None-Match: *") && $0.url.hasPrefix("https://cal.example.org/cal/dais-") })
        // The listing asked again for the ETags the answers did not give.
        #expect(server.requests.filter { $0.method == "PROPFIND" }.count == 2)
        let recorded = try CalDAVState.load(folder + "/state")
        #expect(recorded.entries.mapValues(\.etag) == stored)
        let body = try #require(server.requests.first { $0.method == "PUT" }?.body)
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && !text.contains("METHOD:") && text.contains("BEGIN:VTIMEZONE\r\n"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 2)

        server.requests = []
        let second = try push.push(catalog, state: folder + "/state", force: false)
        #expect(second.unchanged == published && second.created + second.updated + second.removed == 0)
        #expect(server.requests.map(\.method) == ["PROPFIND"])
    }

    @Test("a conflict answered 412 is reported and its record kept; an unreachable server changes nothing")
    func conflictsAndFailures() throws {
        var catalog = try demoCatalog()
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let statePath = folder + "/state"
        var stored: [String: String] = [:]
        var refuse = false
        let server = ScriptedServer { request in
            if request.method == "PROPFIND" { return Self.listing(stored) }
            let name = String(request.url.split(separator: "/").last!)
            if refuse { return HTTPResponse(status: 412) }
            stored[name] = "\"\(stored.count)\""
            return HTTPResponse(status: 201, headers: ["etag": stored[name]!])
        }
        let push = try CalDAVPush(url: "https://cal.example.org/cal/", user: "org", transport: server)
        _ = try push.push(catalog, state: statePath, force: false)
        let before = try String(contentsOfFile: statePath, encoding: .utf8)
        catalog.panels["panel-2024-11-26-transnational-repression"]!.durationMinutes = 90
        refuse = true
        let report = try push.push(catalog, state: statePath, force: false)
        #expect(report.problems == 1 && report.updated == 0)
        #expect(report.lines.map(\.verb) == ["conflict"] && report.lines[0].panel == "panel-2024-11-26-transnational-repression")
        #expect(try String(contentsOfFile: statePath, encoding: .utf8) == before)

        let down = try CalDAVPush(url: "https://cal.example.org/cal/", user: "org", transport: ScriptedServer { _ in HTTPResponse(failure: "Failed to connect") })
        #expect(throws: CalDAVError.unreachable(url: "https://cal.example.org/cal/", reason: "Failed to connect")) { try down.push(catalog, state: statePath, force: false) }
        let refused = try CalDAVPush(url: "https://cal.example.org/cal/", user: "org", transport: ScriptedServer { _ in HTTPResponse(status: 401) })
        #expect(throws: CalDAVError.unauthorized(url: "https://cal.example.org/cal/", user: "org")) { try refused.push(catalog, state: statePath, force: false) }
        #expect(try String(contentsOfFile: statePath, encoding: .utf8) == before)
    }

    @Test("a calendar that moved is named with its new address")
    func moved() throws {
        let push = try CalDAVPush(url: "https://cal.example.org/old/", user: nil, transport: ScriptedServer { _ in
            HTTPResponse(status: 301, headers: ["location": "https://cal.example.org/new/"])
        })
        #expect(throws: CalDAVError.unexpected(url: "https://cal.example.org/old/", method: "PROPFIND", status: 301,
                                               detail: "the calendar is at https://cal.example.org/new/; give that address")) {
            try push.listing()
        }
    }

    @Test("addresses with a password, a query or another scheme are refused")
    func badAddresses() {
        for url in ["ftp://example.org/cal/", "cal.example.org/cal/", "https://org:secret@example.org/cal/", "https://example.org/cal/?x=1"] {
            #expect(throws: CalDAVError.self) { try CalDAVPush(url: url, user: nil, transport: ScriptedServer { _ in HTTPResponse() }) }
        }
        do { _ = try CalDAVPush(url: "https://org:secret@example.org/cal/", user: nil, transport: ScriptedServer { _ in HTTPResponse() }) } catch {
            #expect(!error.description.contains("secret"))
        }
    }
}
