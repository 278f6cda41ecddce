import ArgumentParser
import DaisCore
import Foundation

/// `dais init [PATH]`: an empty store of one's own.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty store of your own (never over an existing file).",
        discussion: """
        The store goes to PATH, else --store, $DAIS_STORE or the default location. On a terminal Dais asks for the \
        organization that hosts most panels, the display zones and waking hours (Enter keeps the default); \
        --host-name, --zone and --waking-hours give them, and --no-input asks nothing. When the store's folder \
        is in a git repository (or with --git) the merge and diff drivers are set up too (`dais git init`).
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("Where to create the store.", valueName: "path")) var path: String?

    @Option(name: .long, help: ArgumentHelp("The organization that hosts most panels (becomes the host of a first series).", valueName: "name"))
    var hostName: String?

    @Option(name: .long, help: ArgumentHelp("A zone times are shown in (repeat; EST, AEDT, Sydney or an IANA id).", valueName: "zone"))
    var zone: [String] = []

    @Option(name: .long, help: ArgumentHelp("Waking hours for the checks and the slot finder.", valueName: "HH:MM-HH:MM"))
    var wakingHours: String?

    @Flag(name: .long, help: "Ask nothing, even on a terminal.") var noInput = false
    @Flag(name: .long, help: "Make a git repository in the store's folder if it is in none, and set up the drivers.") var git = false

    func run() throws {
        let target = path.map { StoreLocation.resolve(option: $0, environment: [:]).path } ?? storeOptions.location.path
        if FileManager.default.fileExists(atPath: target) {
            throw CLIFailure(.writeFailed, "\(target): a file is already there; it was left as it was (open it with `dais --store \(target)`)")
        }
        let asking = !noInput && isatty(STDIN_FILENO) == 1
        var host = hostName, zoneTexts = zone, hours = wakingHours
        if asking {
            if host == nil { host = ask("Organization that hosts most panels (Enter: none)") }
            if zoneTexts.isEmpty {
                do {
                    zoneTexts = try ZonePrompt(question: "Zones to show times in (Enter: New York, Sydney, UTC)").read()
                } catch .interrupted {
                    throw CLIFailure(.interrupted, "stopped; no store was created")
                } catch .endOfInput {
                    zoneTexts = []
                }
            }
            if hours == nil { hours = ask("Waking hours (Enter: 08:00-21:00)") }
        }
        let zones = try zoneTexts.map(zoneArgument)
        var waking: WakingHours?
        if let hours, !hours.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let parsed = WakingHours(range: hours) else { throw CLIFailure(.badInput, "waking hours \"\(hours)\" are not like 08:00-21:00") }
            waking = parsed
        }
        let catalog = NewStore.catalog(displayZones: zones, hostName: host, wakingHours: waking)
        var lines = try Self.create(catalog, at: target, git: git)
        lines.append("Open it with: dais --store \(target)   (n makes a panel, z chooses zones, ? lists the keys)")
        output(lines.joined(separator: "\n") + "\n")
    }

    /// Writes the new store at `target` (never over a file) and, when its folder is in a git
    /// repository or `git` asks for one, sets up the merge and diff drivers; answers what was done,
    /// a line each. The console's offer to create a missing store makes it here too.
    static func create(_ catalog: Catalog, at target: String, git: Bool) throws -> [String] {
        do {
            try NewStore.create(catalog, at: target)
        } catch {
            throw CLIFailure(error)
        }
        var lines = ["Created \(target): an empty store" + (catalog.organizations.isEmpty ? "" : " with \(catalog.organizations.values.first!.name) as host of its first series")]
        // In a repository already (or asked to make one): the drivers too.
        let existing = try? GitSetup.find(storePath: target, command: gitCommandName(), create: false)
        if git || existing != nil {
            do {
                let setup: GitSetup
                if let existing { setup = existing } else { setup = try GitSetup.find(storePath: target, command: gitCommandName(), create: true) }
                lines += try setup.install()
            } catch {
                throw CLIFailure(.writeFailed, "the store was created, but git could not be set up: \(error.description)")
            }
        }
        return lines
    }

    /// One question on the terminal; nil for an empty answer or the end of input.
    func ask(_ question: String) -> String? {
        FileHandle.standardOutput.write(Data("\(question): ".utf8))
        guard let line = readLine()?.trimmingCharacters(in: .whitespaces), !line.isEmpty else { return nil }
        return line
    }
}
