import ArgumentParser
import DaisCore
import Foundation

/// `dais publish --output DIR`: the schedule as a static site with calendar feeds; `--caldav URL`:
/// every published panel put into a CalDAV calendar.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Write the schedule as a static site with calendar feeds, or push it to a CalDAV calendar (see docs/publish.md).",
        discussion: """
        Every panel but the drafts: index.html, a page per panel, series and announced person, agenda.ics with a \
        feed per series and person, schedule.json and style.css. Publishing again rewrites only the files that \
        changed and removes those of deleted records; a file in DIR that dais publish did not write is never \
        replaced (the folder's .dais-publish lists what it wrote).

        --caldav URL puts each published panel into that calendar as an event: new ones created, changed ones \
        updated, deleted ones removed. An event changed on the server since this machine's last push is \
        reported, not overwritten (--force overwrites it). The password comes from DAIS_CALDAV_PASSWORD or \
        --password-file, never the command line. Exit 1 when something was not pushed.
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write the site into (made if missing).", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The site's address, for webcal: subscription links (https://example.org/agenda/).", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: ArgumentHelp("Zones to show times in; repeatable (default: the store's display zones).", valueName: "zone"))
    var zone: [String] = []

    @OptionGroup(title: "CalDAV") var calDAV: CalDAVOptions

    func validate() throws {
        guard output != nil || calDAV.url != nil else { throw ValidationError("give --output DIR (a site), --caldav URL (a calendar), or both") }
        if output == nil, baseURL != nil || !zone.isEmpty { throw ValidationError("--base-url and --zone go with --output DIR (the site)") }
    }

    func run() throws {
        var clock = PhaseClock("publish")
        // Every argument first (zones, the site's and the calendar's addresses, the password): a bad
        // one fails before the store is read or anything is written. The store is read once for both.
        let zones = try zone.map(zoneArgument)
        var base = baseURL
        if let url = base {
            let lower = url.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), url.count > 8, !url.contains(where: \.isWhitespace) else {
                throw CLIFailure(.badInput, "--base-url \(url): give the site's address starting with https:// (or http://)")
            }
            if !url.hasSuffix("/") { base = url + "/" }
        }
        let push = try calDAV.url.map(calDAV.push(to:))
        let loaded = try storeOptions.load()
        clock.lap("store loaded")
        if let output { try publishSite(loaded, zones: zones, baseURL: base, to: output, clock: &clock) }
        if let push { try calDAV.run(push, on: loaded.catalog) }
    }

    func publishSite(_ loaded: StoreFile.Loaded, zones: [Zone], baseURL base: String?, to output: String, clock: inout PhaseClock) throws {
        let catalog = loaded.catalog
        let zonesShown = zones.isEmpty ? catalog.settings.displayZones.compactMap(Zone.named) : zones
        let source = SiteSource.line(store: loaded.fingerprint, zones: zonesShown, baseURL: base)
        if let source, let files = SitePublisher.unchanged(in: output, source: source) {
            print("Published \(files.count) files to \(output): 0 written, \(files.count) unchanged (nothing changed since the last publish)")
            return
        }
        let files: [SiteFile]
        do {
            files = try SiteBuilder.files(of: catalog, zones: zonesShown, baseURL: base)
        } catch {
            throw CLIFailure(.badInput, error.description)
        }
        clock.lap("site made")
        let report: SitePublisher.Report
        do {
            report = try SitePublisher.publish(files, to: output, source: source)
        } catch {
            throw CLIFailure(.writeFailed, error.description)
        }
        clock.lap("site written")
        let total = report.written.count + report.unchanged.count
        var line = "Published \(total) files to \(output): \(report.written.count) written, \(report.unchanged.count) unchanged"
        if !report.removed.isEmpty { line += ", \(report.removed.count) removed" }
        print(line)
        for path in report.written.prefix(20) { print("  wrote    \(path)") }
        if report.written.count > 20 { print("  ... and \(report.written.count - 20) more written") }
        for path in report.removed.prefix(20) { print("  removed  \(path)") }
        if report.removed.count > 20 { print("  ... and \(report.removed.count - 20) more removed") }
    }
}
