import ArgumentParser
import DaisCore
import DaisTerminal
import DaisTUI
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

        Exit status: 0 success; 1 `check` found errors or `suggest` no possible start; 2 bad input (unknown zone or id, a local time \
        that does not exist); 3 the store cannot be read; 4 the store cannot be written; 5 the console \
        cannot run here (not a terminal); 64 bad usage; 128+N the console was stopped by signal N.

        This is dais \(DaisVersion.text).
        """,
        version: "dais \(DaisVersion.text)",
        subcommands: [InitCommand.self, ListCommand.self, ShowCommand.self, CheckCommand.self, ChangesCommand.self, DiffCommand.self, GitCommand.self, MergeDriverCommand.self, SuggestCommand.self, ExportCommand.self, PublishCommand.self, ImportCommand.self, PeopleCommand.self, OrgsCommand.self, TimeCommand.self, KeysCommand.self, GenerateCommand.self]
    )

    @OptionGroup var storeOptions: StoreOptions

    /// Opens the console on the store.
    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        if let problem = TerminalCheck.problem(environment: environment) { throw CLIFailure(.noTerminal, problem) }
        let location = storeOptions.location
        // A store given by path that is not there: the console offers to make it, as `dais init` would.
        var madeNotice: String?
        if !location.createsDemoWhenMissing, !StoreFile(path: location.path).exists {
            madeNotice = try Self.offerToCreate(at: location.path)
        }
        let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        // One writer at a time: a second console opens read-only and says who holds the store.
        var lock: StoreLock?
        var lockNotice: String?
        let outcome = StoreLock.acquire(storePath: location.path, program: "dais console", now: now)
        switch outcome {
        case .acquired(let taken, let recovered):
            lock = taken
            if let recovered { lockNotice = "Took over the lock left by \(recovered), which is no longer running" }
        case .held(let holder, _):
            lockNotice = "Read-only: \(StoreLock.heldText(by: holder)). s saves (once it is free) or saves under another name."
        case .unavailable(let reason):
            lockNotice = "Read-only: \(reason). s saves your edits under another name."
        }
        let readOnlyReason = outcome.refusal
        // Loaded under the lock, so that no writer saves between the load and the lock.
        let loaded: StoreFile.Loaded, created: Bool
        do {
            (loaded, created) = try location.loadOrCreate()
        } catch {
            throw CLIFailure(error)
        }
        var state = AppState(catalog: loaded.catalog,
                             store: StoreInfo(path: location.path, fingerprint: loaded.fingerprint, readOnlyReason: readOnlyReason),
                             today: now.utc.date)
        if created { state.announce("Created the demo store at \(location.path) (the seed's panels of 2023 and 2024)") }
        if let madeNotice { state.announce(madeNotice) }
        if let lockNotice { state.announce(lockNotice) }
        // The recovery file belongs to whoever holds the store: a read-only console leaves it alone.
        do {
            if lock != nil, let (catalog, savedAt) = try RecoveryFile(storePath: location.path).load() {
                _ = reduce(&state, .recoveryFound(RecoveryOffer(catalog: catalog, savedAt: savedAt)))
            }
        } catch {
            state.announce("A recovery file beside the store cannot be read: \(error)")
        }
        switch Terminal.open(environment: environment) {
        case .failure(let error):
            throw CLIFailure(.noTerminal, error.message)
        case .success(let terminal):
            Foundation.exit(Console.run(state, terminal: terminal, lock: lock))
        }
    }

    /// Asks on the terminal whether to create the missing store at `path`; on "y" creates an empty
    /// store there as `dais init --no-input` would and answers what was done, on anything else fails
    /// with the message every command gives for a missing store.
    static func offerToCreate(at path: String) throws -> String {
        output("No store at \(DisplayText.inert(path)). Create an empty one here? [y/N] ")
        guard let line = readLine() else {
            output("\n")
            throw CLIFailure(StoreError.notFound(path: path))
        }
        guard ["y", "yes"].contains(line.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw CLIFailure(StoreError.notFound(path: path))
        }
        let catalog = NewStore.catalog(displayZones: [], hostName: nil, wakingHours: nil)
        return try InitCommand.create(catalog, at: path, git: false).joined(separator: "; ")
    }

    /// "unknown command "lsit"; did you mean `dais list`?" when the first word that is neither an
    /// option nor `--store`'s value is a subcommand's name mistyped, else nil.
    static func mistypedCommand(_ arguments: [String]) -> String? {
        var words = arguments[...]
        while let first = words.first, first.hasPrefix("-") { words = words.dropFirst(first == "--store" ? 2 : 1) }
        guard let word = words.first else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard !names.contains(word), let nearest = EditDistance.nearest(word, among: names).first else { return nil }
        return "unknown command \"\(word)\"; did you mean `dais \(nearest)`? (see `dais --help`)"
    }

    /// Parses, runs, and maps every failure to one line on standard error and a documented exit status.
    static func main() {
        // A file growing past `ulimit -f` then fails its write (EFBIG), which every writer reports and
        // cleans up after, instead of the process being killed with its temporary file left behind.
        signal(SIGXFSZ, SIG_IGN)
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
            if let command = mistypedCommand(Array(CommandLine.arguments.dropFirst())) { CLIFailure(.usage, command).report() }
            CLIFailure(.usage, message.replacingOccurrences(of: "Error: ", with: "") + " (see `dais --help`)").report()
        }
    }
}
