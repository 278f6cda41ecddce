import Foundation

/// Why a push could not start or finish. Nothing local changes on any of them.
public enum CalDAVError: Error, Equatable, CustomStringConvertible {
    case badURL(String, reason: String)
    case unreachable(url: String, reason: String)
    case unauthorized(url: String, user: String?)
    case forbidden(url: String)
    case notFound(url: String)
    case notCalendar(url: String)
    case unexpected(url: String, method: String, status: Int, detail: String?)
    case malformedListing(url: String, XMLError)
    case state(path: String, reason: String)

    public var description: String {
        switch self {
        case .badURL(let url, let reason): return "--caldav \(url): \(reason)"
        case .unreachable(let url, let reason): return "cannot reach \(url): \(reason); nothing was changed"
        case .unauthorized(let url, let user):
            return user.map { "\(url) refused the user \($0) and its password (HTTP 401); check the user and the password given by DAIS_CALDAV_PASSWORD or --password-file; nothing was changed" }
                ?? "\(url) asks for a user and password (HTTP 401); give --user NAME and the password in DAIS_CALDAV_PASSWORD or a --password-file; nothing was changed"
        case .forbidden(let url): return "\(url) does not let this user change the calendar (HTTP 403); nothing was changed"
        case .notFound(let url): return "there is no calendar at \(url) (HTTP 404); make the calendar in your calendar service first and give its CalDAV address; nothing was changed"
        case .notCalendar(let url): return "\(url) is not a calendar (a folder or an account's address?); give the address of one calendar; nothing was changed"
        case .unexpected(let url, let method, let status, let detail):
            return "\(url) answered \(method) with HTTP \(status)\(detail.map { ": " + $0 } ?? ""); nothing was changed"
        case .malformedListing(let url, let error): return "\(url) answered with a listing that cannot be read (\(error)); nothing was changed"
        case .state(let path, let reason): return "the record of the last push \(path): \(reason)"
        }
    }
}

/// `dais publish --caldav URL`: puts every published panel into a CalDAV calendar (RFC 4791) as one
/// resource each, by name, with ETags so that nothing changed on the server meanwhile is
/// overwritten (see `CalDAVPlan`).
public struct CalDAVPush {
    public struct Report: Sendable {
        public struct Line: Sendable, Equatable {
            public let verb: String
            /// The panel's id (for a resource whose panel is gone, the id its name was made from).
            public let panel: String
            public let title: String?
            public let detail: String?
        }

        public var created = 0, updated = 0, removed = 0, unchanged = 0
        /// What was done, what could not be and why, in order.
        public var lines: [Line] = []
        /// Conflicts and failures: the push did not do all it should.
        public var problems = 0
    }

    /// The calendar's address, ending in "/".
    public let url: String
    let collectionPath: String
    let transport: HTTPTransport
    let user: String?

    /// A push to the calendar at `url` (http or https, the calendar collection's address).
    public init(url: String, credentials: Credentials?) throws(CalDAVError) {
        try self.init(url: url, user: credentials?.user, transport: CurlTransport(credentials: credentials))
    }

    init(url: String, user: String?, transport: HTTPTransport) throws(CalDAVError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty else {
            throw .badURL(url, reason: "give the calendar's address, starting with https:// (or http://)")
        }
        guard components.user == nil, components.password == nil else {
            throw .badURL(PercentEncoding.decode(url).replacingOccurrences(of: components.password ?? "\u{0}", with: "•••"),
                          reason: "leave the user and password out of the address: give --user NAME, and the password in DAIS_CALDAV_PASSWORD or a --password-file")
        }
        guard components.query == nil, components.fragment == nil else { throw .badURL(url, reason: "the address of a calendar has no ? or # part") }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        self.url = url.hasSuffix("/") ? url : url + "/"
        self.collectionPath = path.hasSuffix("/") ? path : path + "/"
        self.transport = transport
        self.user = user
    }

    /// The file that records this machine's last push to the calendar.
    public func statePath(environment: [String: String]) -> String { CalDAVState.path(for: url, environment: environment) }

    /// The calendar's members and their ETags; throws when the calendar cannot be listed.
    func listing() throws(CalDAVError) -> [String: String] {
        let request = HTTPRequest(method: "PROPFIND", url: url, headers: ["Depth: 1", "Content-Type: application/xml; charset=utf-8"],
                                  body: Array(DAVListing.request.utf8))
        let response = transport.perform([request])[0]
        if let failure = response.failure { throw .unreachable(url: url, reason: failure) }
        switch response.status {
        case 207: break
        case 401: throw .unauthorized(url: url, user: user)
        case 403: throw .forbidden(url: url)
        case 404: throw .notFound(url: url)
        case 405, 501: throw .notCalendar(url: url)
        case 301, 302, 303, 307, 308:
            let location = response.headers["location"].map { DisplayText.inert($0) }
            throw .unexpected(url: url, method: "PROPFIND", status: response.status,
                              detail: location.map { "the calendar is at \($0); give that address" })
        default: throw .unexpected(url: url, method: "PROPFIND", status: response.status, detail: response.bodyLine)
        }
        let listing: DAVListing
        do { listing = try DAVListing.parse(response.body, collection: collectionPath) } catch { throw .malformedListing(url: url, error) }
        guard listing.isCalendar != false else { throw .notCalendar(url: url) }
        return listing.members
    }

    /// Pushes the store's published panels; `state` is the file recording the last push (updated
    /// with what this push did, even when some of it failed).
    public func push(_ catalog: Catalog, state path: String, force: Bool) throws(CalDAVError) -> Report {
        let pushed = try CalDAVState.load(path)
        let server = try listing()
        let plan = CalDAVPlan(resources: CalDAVResource.all(of: catalog), server: server, pushed: pushed, force: force)
        var report = Report()
        var state = pushed
        let panels = Dictionary(uniqueKeysWithValues: catalog.panels.values.map { (CalDAVResource.name(of: $0.id), $0) })
        func line(_ verb: String, _ name: String, _ detail: String? = nil) {
            let id = panels[name]?.id.rawValue ?? CalDAVResource.panelID(ofName: name)
            report.lines.append(.init(verb: verb, panel: id, title: panels[name]?.title, detail: detail))
        }
        report.unchanged = plan.unchanged.count
        for name in plan.forgotten { state.entries[name] = nil }
        for conflict in plan.conflicts {
            report.problems += 1
            switch conflict {
            case .changedOnServer(let name, let title):
                line("conflict", name, title == nil
                     ? "changed on the server since the last push, and no longer published; not removed (--force removes it)"
                     : "changed on the server since the last push, and in the store; not overwritten (--force puts the store's version)")
            case .deletedOnServer(let name, _):
                line("conflict", name, "removed on the server since the last push; not put back (--force puts it back)")
            }
        }
        for (name, _) in plan.changedOnServerOnly {
            line("kept", name, "changed on the server since the last push; the store's panel did not change, so the server's version stays")
        }
        // Removals first: a panel whose id changed keeps its UID, which one calendar holds once.
        let ordered = plan.actions.filter(\.isDelete) + plan.actions.filter { !$0.isDelete }
        let requests = ordered.map { action -> HTTPRequest in
            let address = url + PercentEncoding.segment(action.name)
            switch action {
            case .create(let resource):
                return HTTPRequest(method: "PUT", url: address, headers: ["If-None-Match: *", "Content-Type: text/calendar; charset=utf-8"], body: resource.bytes)
            case .update(let resource, let etag):
                return HTTPRequest(method: "PUT", url: address, headers: ["If-Match: \(etag)", "Content-Type: text/calendar; charset=utf-8"], body: resource.bytes)
            case .delete(_, let etag):
                return HTTPRequest(method: "DELETE", url: address, headers: ["If-Match: \(etag)"])
            }
        }
        let responses = transport.perform(requests)
        var withoutETag: [String: String] = [:]
        for (action, response) in zip(ordered, responses) {
            let name = action.name
            if let failure = response.failure {
                report.problems += 1
                line("failed", name, failure)
                continue
            }
            switch (action, response.status) {
            case (.delete, 200..<300), (.delete, 404):
                state.entries[name] = nil
                report.removed += 1
                line("removed", name)
            case (.create(let resource), 200..<300), (.update(let resource, _), 200..<300):
                let hash = resource.hash
                if let etag = response.headers["etag"], !etag.hasPrefix("W/") {
                    state.entries[name] = .init(etag: etag, hash: hash)
                } else {
                    // The server changed what it stored (RFC 4791 5.3.4): its ETag is asked for below.
                    state.entries[name] = nil
                    withoutETag[name] = hash
                }
                if action.isCreate { report.created += 1 } else { report.updated += 1 }
                let cancelled = panels[name]?.status == .cancelled
                line(action.isCreate ? "created" : "updated", name, cancelled ? "cancelled" : nil)
            case (_, 412):
                report.problems += 1
                line("conflict", name, action.isCreate ? "made on the server meanwhile; not overwritten (push again to take it over)"
                     : "changed on the server meanwhile; not \(action.isDelete ? "removed" : "overwritten") (push again to see it, --force to replace it)")
            case (_, 401):
                report.problems += 1
                line("failed", name, "the server refused the user and password (HTTP 401)")
            default:
                report.problems += 1
                line("failed", name, "HTTP \(response.status)\(response.bodyLine.map { ": " + $0 } ?? "")")
            }
        }
        if !withoutETag.isEmpty, let members = try? listing() {
            for (name, hash) in withoutETag {
                if let etag = members[name] { state.entries[name] = .init(etag: etag, hash: hash) }
            }
        }
        if state != pushed { try state.save(path, calendar: url) }
        return report
    }
}

extension CalDAVPlan.Action {
    var isCreate: Bool { if case .create = self { true } else { false } }
    var isDelete: Bool { if case .delete = self { true } else { false } }
}
