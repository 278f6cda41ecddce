import ArgumentParser
import DaisCore

/// `dais show ID`: one panel in full.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one panel: its slot in every display zone, host, co-sponsors, roster, description."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("The panel id (see `dais list`).", valueName: "id"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("Also show the slot in this zone; repeatable (default: the store's display zones).", valueName: "zone"))
    var zone: [String] = []

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let extra = try zone.map(zoneArgument)
        let catalog = try storeOptions.load().catalog
        let panel = try panelArgument(id, in: catalog)
        if json {
            var w = JSONWriter(escapesTerminalControls: true)
            PanelJSON.write(panel, catalog: catalog, detailed: true, into: &w)
            w.newline()
            output(w.text)
        } else {
            let zones = extra.isEmpty ? catalog.settings.displayZones.compactMap(Zone.named) : extra
            output(PanelDetail.text(panel, catalog: catalog, zones: zones, width: terminalWidth()))
        }
    }
}
