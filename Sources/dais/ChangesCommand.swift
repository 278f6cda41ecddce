import ArgumentParser
import DaisCore
import Foundation

/// `dais changes --since FILE|REVISION`: what changed since a store or a git revision, and whom to tell.
struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "List what changed since an earlier store or git revision, and the people to tell (see docs/changes.md).",
        discussion: """
        --since is a store file, or else a git revision (HEAD~1, a tag, a commit) of the store file itself, read \
        with `git show REV:PATH` in the repository that holds it. Each change names the people it concerns with \
        their e-mail and the panel's times in their home zone. --format csv gives one row per person to tell, \
        for a mail merge. Exit status: 0, 2 when --since cannot be read, 3 when the store cannot be read.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("The store to compare with: a file, or a git revision of the store.", valueName: "file|revision"))
    var since: String

    @Option(name: .long, help: "Output format: text, csv or json.")
    var format: Format = .text

    func run() throws {
        let catalog = try storeOptions.load().catalog
        let base: (catalog: Catalog, label: String)
        do {
            base = try ChangesBase.load(since, storePath: storeOptions.location.path)
        } catch {
            throw CLIFailure(.badInput, "--since: \(error.description)")
        }
        let report = ChangesReport(PanelChanges(from: base.catalog, to: catalog), since: base.label)
        switch format {
        case .text: output(report.text)
        case .csv: output(report.csv)
        case .json: output(report.json)
        }
    }
}
