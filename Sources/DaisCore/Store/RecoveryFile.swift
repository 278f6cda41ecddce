#if canImport(Glibc)
import Glibc
#endif

/// Unsaved edits kept beside a store when the console is stopped (Ctrl-C, kill, a closed terminal),
/// offered at the next start: "store.json.recovery", in the store's format.
public struct RecoveryFile: Sendable {
    public let path: String

    public init(storePath: String) { path = storePath + ".recovery" }

    public var exists: Bool { access(path, F_OK) == 0 }

    /// Writes the catalog (atomically: a crash leaves the old recovery file or the new one).
    public func write(_ catalog: Catalog) throws(StoreError) {
        try FileIO.writeAtomically(StoreEncoder.encode(catalog), to: path, backup: nil)
    }

    /// The recovered catalog and when it was written ("2026-11-27 16:05 UTC"), or nil when there is none.
    public func load() throws(StoreError) -> (catalog: Catalog, savedAt: String)? {
        guard exists else { return nil }
        let catalog = try StoreFile(path: path).load().catalog
        var info = stat()
        var when = "time unknown"
        if stat(path, &info) == 0 {
            let instant = Instant(secondsSinceEpoch: Int64(info.st_mtim.tv_sec))
            when = "\(instant.utc.date) \(instant.utc.timeText) UTC"
        }
        return (catalog, when)
    }

    public func remove() { unlink(path) }
}
