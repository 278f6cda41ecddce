import ArgumentParser
import DaisCore
import Foundation

/// `dais import FILE.ics`: events into panels.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the events of an iCalendar file as panels (re-importing updates them).",
        discussion: """
        Prints one line per change and per event not imported (with its line and reason). Recurring events \
        become a panel per occurrence from --from to --to (default: today to a year ahead). Nothing is \
        written with --dry-run, nor when the file cannot be read; the store is saved atomically otherwise, \
        and the report is printed once it is. Refused (exit 4) while a console or another writer holds \
        the store's lock.
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("The .ics file.", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Show what would change without saving.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("Recurring events: occurrences from this date (UTC; default today).", valueName: "YYYY-MM-DD"),
            transform: { try LocalDate.argument($0, option: "--from") })
    var from: LocalDate?

    @Option(name: .long, help: ArgumentHelp("Recurring events: occurrences up to this date (UTC; default a year after --from).", valueName: "YYYY-MM-DD"),
            transform: { try LocalDate.argument($0, option: "--to") })
    var to: LocalDate?

    func run() throws {
        let window = try importWindow()
        let bytes = try readInput()
        // A writer holds the lock from before loading until after saving; a dry run only reads.
        let lock = dryRun ? nil : try storeOptions.lockForWriting(program: "dais import")
        defer { lock?.release() }
        let loaded = try storeOptions.load()
        let plan: ICSImport.Plan
        do {
            plan = try ICSImport.plan(bytes, path: file, into: loaded.catalog, window: window)
        } catch {
            throw CLIFailure(.badInput, error.description)
        }
        guard !dryRun else {
            output(plan.report)
            FileHandle.standardError.write(Data("dais: dry run: nothing was saved\n".utf8))
            return
        }
        if plan.changesSomething {
            do {
                let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
                let stamped = Revision.stamped(plan.catalog, since: loaded.catalog, at: now)
                try StoreFile(path: storeOptions.location.path).save(stamped, expecting: loaded.fingerprint)
                if let upgrade = StoreEncoder.upgradeNotice(from: loaded.catalog, to: stamped, name: storeOptions.location.path) {
                    FileHandle.standardError.write(Data("dais: \(upgrade)\n".utf8))
                }
            } catch {
                throw CLIFailure(.writeFailed, "\(error.description); nothing was imported")
            }
        }
        output(plan.report)
    }

    /// The file's bytes, or a failure that names the file (not the store).
    func readInput() throws -> [UInt8] {
        do {
            return try StoreFile(path: file).readBytes()
        } catch {
            switch error {
            case .notFound: throw CLIFailure(.badInput, "\(file): no such file to import")
            case .unreadable(_, let reason): throw CLIFailure(.badInput, "\(file): cannot read the file to import: \(reason)")
            default: throw CLIFailure(.badInput, "\(file): \(error)")
            }
        }
    }

    /// The dates recurring events are expanded between.
    func importWindow() throws -> ICSImport.Window {
        let today = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)).utc.date
        var window = ICSImport.Window.year(from: from ?? today)
        if let to { window.to = to }
        guard window.from <= window.to else {
            throw CLIFailure(.badInput, "--to (\(window.to)) is before --from (\(window.from))")
        }
        return window
    }
}
