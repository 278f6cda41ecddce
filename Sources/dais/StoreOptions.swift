import ArgumentParser
import DaisCore
import Foundation

/// `--store PATH`, shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file (default: $DAIS_STORE, else $XDG_DATA_HOME/dais/store.json).", valueName: "path"))
    var store: String?

    var location: StoreLocation {
        StoreLocation.resolve(option: store, environment: ProcessInfo.processInfo.environment)
    }

    /// Loads the store (creating the demo store at the default location on first run).
    func load() throws -> StoreFile.Loaded {
        do {
            let (loaded, created) = try location.loadOrCreate()
            if created {
                FileHandle.standardError.write(Data("dais: created the demo store at \(location.path)\n".utf8))
            }
            return loaded
        } catch {
            throw CLIFailure(error)
        }
    }
}

extension StoreOptions {
    /// Takes the store's writer lock for a command that saves, or fails saying who holds it (exit 4).
    /// A lock left by a dead process is taken over, with a notice on standard error.
    func lockForWriting(program: String) throws -> StoreLock {
        try Self.lockForWriting(storePath: location.path, program: program)
    }

    /// The same for a store path given otherwise (`dais generate --output`).
    static func lockForWriting(storePath: String, program: String) throws -> StoreLock {
        let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        switch StoreLock.acquire(storePath: storePath, program: program, now: now) {
        case .acquired(let lock, let recovered):
            if let recovered {
                FileHandle.standardError.write(Data("dais: took over the lock left by \(recovered), which is no longer running\n".utf8))
            }
            return lock
        case .held(let holder, let lockPath):
            throw CLIFailure(.writeFailed, "\(storePath): not saved: \(StoreLock.heldText(by: holder)); close it and try again (lock file \(lockPath))")
        case .unavailable(let reason):
            throw CLIFailure(.writeFailed, "\(storePath): not saved: \(reason)")
        }
    }
}

/// Resolves a zone typed on the command line, or fails with the lookup's message.
func zoneArgument(_ text: String) throws -> Zone {
    let lookup = ZoneAliases.lookup(text)
    guard let zone = lookup.zone else { throw CLIFailure(.badInput, lookup.message) }
    return zone
}

/// The panel an argument names, or bad input naming the nearest ids.
func panelArgument(_ id: String, in catalog: Catalog) throws -> Panel {
    if let panel = catalog.panels[PanelID(id)] { return panel }
    let close = catalog.panels.keys.map(\.rawValue).filter { $0.contains(id.lowercased()) }.sorted().prefix(3)
    throw CLIFailure(.badInput, "no panel with id \"\(id)\"" + (close.isEmpty ? " (see `dais list`)" : "; did you mean \(close.joined(separator: ", "))?"))
}

/// Writes text to standard output as is (it has been made inert where it holds user data).
func output(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
