/// Where the pages and feeds of a published site are, and how one page links the others.
///
/// Every address is made from a record's id, so a link sent in an email keeps working after the next
/// publish: `panels/ID.html`, `series/ID.html` and `series/ID.ics`, `people/ID.html` and
/// `people/ID.ics`, beside `index.html`, `agenda.ics`, `schedule.json` and `style.css`.
struct SiteLinks: Sendable {
    static let styleSheet = "style.css"

    /// Which series and people have pages (those with a published panel; people only where they are
    /// announced, that is confirmed).
    struct Pages: Sendable {
        let series: Set<SeriesID>
        let people: Set<PersonID>
    }

    static func path(of id: PanelID) -> String { "panels/\(id.rawValue).html" }
    static func path(of id: SeriesID, _ ext: String = "html") -> String { "series/\(id.rawValue).\(ext)" }
    static func path(of id: PersonID, _ ext: String = "html") -> String { "people/\(id.rawValue).\(ext)" }

    /// From the page to the site's root: "" for a page at the root, "../" for one in a folder.
    let root: String
    /// The page's own path from the root (a page does not link itself).
    let own: String
    /// The page's calendar feed, from the root.
    let feed: String
    /// The site's absolute address with its closing "/", for `webcal:` links; nil: relative links only.
    let baseURL: String?
    let pages: Pages
    /// On a speaker's page: their panels are listed (title, times, their part), each linking its page.
    let speaker: PersonID?

    init(page: String, feed: String, baseURL: String?, pages: Pages, speaker: PersonID? = nil) {
        root = page.contains("/") ? "../" : ""
        own = page
        self.feed = feed
        self.baseURL = baseURL
        self.pages = pages
        self.speaker = speaker
    }

    var isIndex: Bool { own == "index.html" }

    func page(of id: PanelID) -> String? { link(SiteLinks.path(of: id)) }
    func page(of id: SeriesID) -> String? { pages.series.contains(id) ? link(SiteLinks.path(of: id)) : nil }
    func page(of id: PersonID) -> String? { pages.people.contains(id) ? link(SiteLinks.path(of: id)) : nil }

    private func link(_ path: String) -> String? { path == own ? nil : root + path }

    /// The `webcal:` address of a file of the site ("webcal://example.org/agenda/agenda.ics").
    func webcal(_ path: String) -> String? {
        guard let baseURL else { return nil }
        for scheme in ["https://", "http://"] where baseURL.lowercased().hasPrefix(scheme) {
            return "webcal://" + baseURL.dropFirst(scheme.count) + path
        }
        return nil
    }
}
