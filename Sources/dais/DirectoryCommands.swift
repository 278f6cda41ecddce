import ArgumentParser
import DaisCore

/// `dais people`: the people directory.
struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "List the people directory: name, id, number of panels, home zone, title."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let catalog = try storeOptions.load().catalog
        output(json ? DirectoryReport.peopleJSON(catalog) : DirectoryReport.peopleText(catalog))
    }
}

/// `dais orgs`: the organizations.
struct OrgsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgs",
        abstract: "List organizations with the panels they host and co-sponsor."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let catalog = try storeOptions.load().catalog
        output(json ? DirectoryReport.organizationsJSON(catalog) : DirectoryReport.organizationsText(catalog))
    }
}
