import ArgumentParser
import DaisCore
import Foundation

/// The `dais` command: the console with no arguments, scriptable subcommands otherwise.
@main
struct Dais: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dais",
        abstract: "Plan virtual panel events: a terminal console and a scriptable command line over a JSON store.",
        discussion: """
        With no subcommand, `dais` opens the console on the store. The store is --store PATH, else \
        $DAIS_STORE, else $XDG_DATA_HOME/dais/store.json (created from the demo store on first run).

        Exit status: 0 success; 1 `check` found errors; 2 bad input (unknown zone or id, a local time \
        that does not exist); 3 the store cannot be read; 4 the store cannot be written; 64 bad usage.
        """,
        subcommands: [ListCommand.self, ShowCommand.self, CheckCommand.self, PeopleCommand.self, OrgsCommand.self, TimeCommand.self]
    )

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        throw CLIFailure(.usage, "the console is not built yet; use a subcommand such as `dais list` (see `dais --help`)")
    }

    /// Parses, runs, and maps every failure to one line on standard error and a documented exit status.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CLIFailure {
            failure.report()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help, --version: ArgumentParser's full text on standard output.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = Dais.message(for: error)
                .split(separator: "\n").first.map(String.init) ?? "invalid usage"
            CLIFailure(.usage, message.replacingOccurrences(of: "Error: ", with: "") + " (see `dais --help`)").report()
        }
    }
}
