/// Where the store lives: `--store PATH`, else `$DAIS_STORE`, else `$XDG_DATA_HOME/dais/store.json`
/// (`~/.local/share/dais/store.json` when XDG_DATA_HOME is unset).
public struct StoreLocation: Hashable, Sendable {
    /// How the path was chosen, for messages ("from --store", "from DAIS_STORE", "default").
    public enum Source: String, Sendable {
        case option = "--store"
        case environment = "DAIS_STORE"
        case standard = "default location"
    }

    public let path: String
    public let source: Source

    /// Resolves the location from the option and an environment (pass `ProcessInfo.processInfo.environment`).
    /// A store path that is a symbolic link is followed to the file it names (`FileIO.followingLinks`),
    /// so that the store, its backup, lock and recovery file all live beside the real file.
    public static func resolve(option: String?, environment: [String: String]) -> StoreLocation {
        if let option, !option.isEmpty { return StoreLocation(path: FileIO.followingLinks(option), source: .option) }
        if let env = environment["DAIS_STORE"], !env.isEmpty { return StoreLocation(path: FileIO.followingLinks(env), source: .environment) }
        let dataHome = baseFolder("XDG_DATA_HOME", else: ".local/share", environment: environment)
        return StoreLocation(path: FileIO.followingLinks(dataHome + "/dais/store.json"), source: .standard)
    }

    /// An XDG base folder: the variable when it holds an absolute path, else `fallback` under
    /// `$HOME` (the working folder when HOME is unset or empty), as the XDG base directory
    /// specification says.
    static func baseFolder(_ variable: String, else fallback: String, environment: [String: String]) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        return (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ".") + "/" + fallback
    }

    /// Only the default location is created on first run; a path given explicitly must exist
    /// (a typo in `--store` should not silently start an empty store).
    public var createsDemoWhenMissing: Bool { source == .standard }

    /// Loads the store; at the default location, a missing store is first created from the demo
    /// store (the seed's panels). Answers whether it was just created.
    public func loadOrCreate() throws(StoreError) -> (loaded: StoreFile.Loaded, created: Bool) {
        let file = StoreFile(path: path)
        if !file.exists && createsDemoWhenMissing {
            try FileIO.makeFolders(FileIO.parentFolder(of: path))
            let bytes = DemoStore.bytes
            _ = try StoreDecoder.decode(bytes, path: "demo store")
            try FileIO.writeAtomically(bytes, to: path, backup: nil, exclusive: true)
            return (try file.load(), true)
        }
        return (try file.load(), false)
    }
}
