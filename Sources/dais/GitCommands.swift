import ArgumentParser
import DaisCore
import Foundation

/// `dais git init` and `dais git status`: git set up to merge and show the store (docs/collaboration.md).
struct GitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git",
        abstract: "Set up git to merge the store by record and show its diffs as sentences (see docs/collaboration.md).",
        subcommands: [GitInitCommand.self, GitStatusCommand.self]
    )
}

/// How git should run this Dais: "dais" when that is this program on PATH, else its full path.
func gitCommandName() -> String {
    let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    let path = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map(String.init) ?? []
    let onPath = path.map { "\($0)/dais" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    return onPath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } == me ? "dais" : me
}

struct GitInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "In the store's folder, make or join a git repository and set up the merge and diff drivers (again at any time: only what is missing is written).")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let path = storeOptions.location.path
        guard FileManager.default.fileExists(atPath: path) else { throw CLIFailure(StoreError.notFound(path: path)) }
        let done: [String], setup: GitSetup
        do {
            setup = try GitSetup.find(storeOptions: storeOptions, create: true)
            done = try setup.install()
        } catch {
            throw CLIFailure(.writeFailed, error.description)
        }
        output((done.isEmpty ? ["git is already set up for \(setup.relativePath) in \(setup.root)"] : done).joined(separator: "\n") + "\n")
    }
}

struct GitStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Say whether git is set up for the store, and whether a merge left clashes.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let setup: GitSetup
        do {
            setup = try GitSetup.find(storeOptions: storeOptions, create: false)
        } catch {
            throw CLIFailure(.badInput, error.description)
        }
        var lines = ["repository: \(setup.root)", "store: \(setup.relativePath)",
                     ".gitattributes: " + (setup.hasAttributes ? "\"\(setup.attributesLine)\"" : "missing (dais git init writes it)")]
        for (key, value) in setup.settings {
            let current = setup.value(of: key)
            lines.append("\(key): " + (current == value ? value : current.map { "\($0) (dais git init would set \(value))" } ?? "not set (dais git init sets it)"))
        }
        let clashes = (try? StoreFile(path: storeOptions.location.path).load().catalog.mergeClashes.count) ?? 0
        lines.append("merge: " + (setup.mergeInProgress ? "in progress" : "none in progress") + (clashes > 0 ? "; \(clashes) clash\(clashes == 1 ? "" : "es") recorded in the store" : ""))
        output(lines.joined(separator: "\n") + "\n")
    }
}

extension GitSetup {
    static func find(storeOptions: StoreOptions, create: Bool) throws(GitSetup.Failure) -> GitSetup {
        try find(storePath: storeOptions.location.path, command: gitCommandName(), create: create)
    }
}

/// `dais diff`: a store as git shows it (`--textconv FILE`), or the changes between two store files.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show a store as lines for git (--textconv FILE), or what changed between two store files.",
        discussion: "git runs `dais diff --textconv` (set up by `dais git init`), so `git diff` and `git log -p` read as the organizer's facts, one per line."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @Flag(name: .long, help: "Print one store as lines, one fact per line (git's textconv).") var textconv = false
    @Option(name: .long, help: "Output format of the changes: text, csv or json.") var format: Format = .text
    @Argument(help: "With --textconv one store file; else the older and the newer store file.") var files: [String]

    func validate() throws {
        if textconv ? files.count != 1 : files.count != 2 {
            throw ValidationError(textconv ? "--textconv takes one store file" : "give the older and the newer store file")
        }
    }

    func run() throws {
        func load(_ path: String) throws -> Catalog {
            do { return try StoreFile(path: path).load().catalog } catch { throw CLIFailure(error) }
        }
        if textconv {
            output(StoreText.text(try load(files[0])))
            return
        }
        let report = ChangesReport(PanelChanges(from: try load(files[0]), to: try load(files[1])), since: files[0])
        switch format {
        case .text: output(report.text)
        case .csv: output(report.csv)
        case .json: output(report.json)
        }
    }
}
