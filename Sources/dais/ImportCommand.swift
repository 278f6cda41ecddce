import ArgumentParser
import DaisCore
import Foundation

/// `dais import FILE.ics`: events into panels.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the events of an iCalendar file as panels (re-importing updates them).",
        discussion: """
        Prints one line per change and per event not imported (with the reason). Nothing is written with \
        --dry-run, nor when the file cannot be read; the store is saved atomically otherwise. Refused (exit 4) \
        while a console or another writer holds the store's lock.
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("The .ics file.", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Show what would change without saving.")
    var dryRun = false

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try StoreFile(path: file).readBytes()
        } catch {
            throw CLIFailure(.badInput, error.description.replacingOccurrences(of: "cannot read the store", with: "cannot read the file"))
        }
        // A writer holds the lock from before loading until after saving; a dry run only reads.
        let lock = dryRun ? nil : try storeOptions.lockForWriting(program: "dais import")
        defer { lock?.release() }
        let loaded = try storeOptions.load()
        let plan: ICSImport.Plan
        do {
            plan = try ICSImport.plan(bytes, path: file, into: loaded.catalog)
        } catch {
            throw CLIFailure(.badInput, error.description)
        }
        output(plan.report)
        guard !dryRun else {
            FileHandle.standardError.write(Data("dais: dry run: nothing was saved\n".utf8))
            return
        }
        guard plan.changesSomething else { return }
        do {
            try StoreFile(path: storeOptions.location.path).save(plan.catalog, expecting: loaded.fingerprint)
        } catch {
            throw CLIFailure(error)
        }
    }
}
