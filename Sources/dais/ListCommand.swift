import ArgumentParser
import DaisCore

/// `dais list`: panels by start.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List panels by start time, with the time in their own zone and in each --zone.",
        discussion: "--json prints the array of the command-line contract (id, title, series, start, zone, durationMinutes, startUTC, endUTC, status, roster, ...)."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Also show the time in this zone (IANA id, EST, AEDT, Sydney, ...); repeatable.", valueName: "zone"))
    var zone: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only panels of this series id.", valueName: "id"))
    var series: String?

    @Option(name: .long, help: ArgumentHelp("Only panels with this person id on the roster.", valueName: "id"))
    var person: String?

    @Option(name: .long, help: ArgumentHelp("Only panels with this status (draft, scheduled, cancelled); repeatable.", valueName: "status"))
    var status: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only panels on or after this date (in each panel's own zone).", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Only panels on or before this date.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let zones = try zone.map(zoneArgument)
        let query = try makeQuery()
        let catalog = try storeOptions.load().catalog
        if let problem = query.unknownReferences(in: catalog) { throw CLIFailure(.badInput, problem) }
        let panels = query.select(from: catalog)
        output(json ? ListReport.json(panels, catalog: catalog) : ListReport.text(panels, catalog: catalog, zones: zones))
    }

    func makeQuery() throws -> PanelQuery {
        try ListCommand.query(series: series, person: person, status: status, from: from, to: to)
    }

    /// The selection the options describe (shared with `export`).
    static func query(series: String?, person: String?, status: [String], from: String?, to: String?) throws -> PanelQuery {
        var statuses: Set<PanelStatus>?
        if !status.isEmpty {
            statuses = Set(try status.map { text in
                guard let value = PanelStatus(rawValue: text) else {
                    throw CLIFailure(.badInput, "unknown status \"\(text)\": use draft, scheduled or cancelled")
                }
                return value
            })
        }
        return PanelQuery(series: series.map { SeriesID($0) }, person: person.map { PersonID($0) }, statuses: statuses,
                          from: try from.map { try dateArgument($0, option: "--from") },
                          to: try to.map { try dateArgument($0, option: "--to") })
    }
}
