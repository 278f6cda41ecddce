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

    @OptionGroup var selection: SelectionOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let zones = try zone.map(zoneArgument)
        let query = selection.query
        let catalog = try storeOptions.load().catalog
        if let problem = query.unknownReferences(in: catalog) { throw CLIFailure(.badInput, problem) }
        let panels = query.select(from: catalog)
        output(json ? ListReport.json(panels, catalog: catalog) : ListReport.text(panels, catalog: catalog, zones: zones))
    }
}
