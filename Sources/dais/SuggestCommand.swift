import ArgumentParser
import DaisCore
import Foundation

/// `dais suggest`: the least-bad starts for a panel whose roster lives in several zones.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Find the least-bad start for a panel's roster across their zones (see docs/slots.md).",
        discussion: """
        Every start in the window, --step minutes apart in the panel's zone, is ruled out by the roster's \
        other panels and unavailability or scored by the minutes it falls outside each person's waking \
        hours (a stretch at a small cost, night at a large one), a short changeover and the series' \
        burden so far. For a panel not made yet, give --people and --zone instead of a panel id. \
        Exit 0 with suggestions, 1 when no start is possible, 2 for bad input.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("The panel id (see `dais list`); leave out with --people.", valueName: "id"))
    var id: String?

    @Option(name: .long, help: ArgumentHelp("Person ids, comma-separated, for a panel not made yet.", valueName: "id,id,..."))
    var people: String?

    @Option(name: .long, help: ArgumentHelp("With --people: the zone the starts step through (an IANA id or an alias).", valueName: "zone"))
    var zone: String?

    @Option(name: .long, help: ArgumentHelp("With --people: the series, whose other panels weigh each person's burden.", valueName: "id"))
    var series: String?

    @Option(name: .long, help: ArgumentHelp("First date of the window (default: the panel's date, or today).", valueName: "YYYY-MM-DD"),
            transform: { try LocalDate.argument($0, option: "--from") })
    var from: LocalDate?

    @Option(name: .long, help: ArgumentHelp("Last date of the window (default: 13 days after --from).", valueName: "YYYY-MM-DD"),
            transform: { try LocalDate.argument($0, option: "--to") })
    var to: LocalDate?

    @Option(name: .long, help: ArgumentHelp("Minutes (default: the panel's, or 60).", valueName: "minutes"))
    var duration: Int?

    @Option(name: .long, help: ArgumentHelp("Minutes between candidate starts.", valueName: "minutes"))
    var step = 15

    @Option(name: .long, help: ArgumentHelp("How many starts to show.", valueName: "n"))
    var top = 5

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    func validate() throws {
        if id == nil && people == nil { throw ValidationError("give a panel id, or --people and --zone for a panel not made yet") }
        if id != nil && (people != nil || zone != nil || series != nil) {
            throw ValidationError("--people, --zone and --series are for a panel not made yet; a panel id brings its own")
        }
        if people != nil && zone == nil { throw ValidationError("--people needs --zone: the zone the starts step through") }
        if !(1...100).contains(top) { throw ValidationError("--top must be 1 to 100, not \(top)") }
    }

    func run() throws {
        let zoneGiven = try zone.map(zoneArgument)
        let catalog = try storeOptions.load().catalog
        let today = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)).utc.date
        let request: SlotSearch.Request, title: String
        do {
            if let id {
                let panel = try panelArgument(id, in: catalog)
                let start = from ?? panel.start.date
                request = try SlotSearch.Request(panel: panel, catalog: catalog, from: start, to: to ?? start.adding(days: 13),
                                                 minutes: duration, step: step)
                title = "'\(panel.title)'"
            } else {
                let ids = (people ?? "").split(separator: ",").map { PersonID(String($0).trimmingCharacters(in: .whitespaces)) }
                if let series, catalog.series[SeriesID(series)] == nil {
                    throw CLIFailure(.badInput, "no series with id \"\(series)\" (known: \(catalog.series.keys.map(\.rawValue).sorted().joined(separator: ", ")))")
                }
                let start = from ?? today
                request = try SlotSearch.Request(people: ids, zone: zoneGiven!, series: series.map { SeriesID($0) }, catalog: catalog,
                                                 from: start, to: to ?? start.adding(days: 13), minutes: duration ?? 60, step: step)
                title = "a new panel"
            }
        } catch let problem as SlotSearch.Request.Problem {
            throw CLIFailure(.badInput, problem.description)
        }
        let result = SlotSearch(request).ranked(top: top)
        let report = SlotReport(title: title, request: request, result: result)
        output(format == .json ? report.json : report.text)
        if result.suggestions.isEmpty { throw ExitCode(1) }
    }
}
