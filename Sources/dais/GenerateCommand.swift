import ArgumentParser
import DaisCore
import DaisSynthetic
import Foundation

/// `dais generate`: a synthetic store for trying Dais at scale and for benchmarks.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic store: panels over several years in many zones, with rosters, series and clashes.",
        discussion: """
        The same --panels, --people and --seed always give the same file. Refuses to replace an existing \
        file unless --force is given, and a store a console holds even then. Example: dais generate \
        --panels 100000 --output big.json
        """
    )

    @Option(name: .long, help: "How many panels.")
    var panels: Int

    @Option(name: .long, help: "How many people in the pool (default: a quarter of the panels, at least 40).")
    var people: Int?

    @Option(name: .long, help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("The store file to write.", valueName: "file"))
    var output: String

    @Flag(name: .long, help: "Replace the --output file if it exists.")
    var force = false

    func validate() throws {
        guard panels >= 0, panels <= 10_000_000 else { throw ValidationError("--panels must be between 0 and 10000000") }
        if let people, people < 1 || people > 10_000_000 { throw ValidationError("--people must be between 1 and 10000000") }
    }

    func run() throws {
        let catalog = SyntheticStore.generate(panels: panels, people: people, seed: seed)
        let bytes = StoreEncoder.encode(catalog)
        // Replacing a store that a console or another writer holds is refused, like any save.
        var lock: StoreLock?
        if force && FileManager.default.fileExists(atPath: output) {
            lock = try StoreOptions.lockForWriting(storePath: output, program: "dais generate")
        }
        defer { lock?.release() }
        do {
            try ExportFile.write(bytes, to: output, replacing: force)
        } catch {
            throw CLIFailure(error)
        }
        FileHandle.standardError.write(Data(("dais: wrote \(catalog.panels.count) panels, \(catalog.people.count) people, "
            + "\(catalog.series.count) series and \(catalog.organizations.count) organizations to \(output)\n").utf8))
    }
}
