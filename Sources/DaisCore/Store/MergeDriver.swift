import Dispatch
import Synchronization

/// git's merge driver for a store (`dais merge-driver %O %A %B %P`): the common ancestor, ours and
/// theirs merged by record id and field (`CatalogMerge`), written in the canonical form over ours.
/// A field both sides changed differently keeps ours and is recorded in the store's `mergeClashes`,
/// so the file stays a store Dais loads (never conflict markers); the caller then tells git there
/// is a conflict.
public enum MergeDriver {
    /// Merges the three files and writes the result over `ours`; nothing is written when one of them
    /// cannot be read (the first that cannot, in the order base, ours, theirs, is reported).
    public static func merge(base: String, ours: String, theirs: String) throws(StoreError) -> CatalogMerge {
        var clock = PhaseClock("merge-driver")
        let catalogs = try loadAll([base, ours, theirs])
        clock.lap("three stores read")
        let merge = CatalogMerge(base: catalogs[0], mine: catalogs[1], theirs: catalogs[2])
        clock.lap("merged")
        let bytes = StoreEncoder.encode(merge.recorded)
        clock.lap("encoded")
        try FileIO.writeAtomically(bytes, to: ours, backup: nil)
        clock.lap("written")
        return merge
    }

    /// The three stores, read at once: the one place a command reads stores on several threads,
    /// since a merge's time is almost all reading three whole stores and they do not depend on one
    /// another.
    private static func loadAll(_ paths: [String]) throws(StoreError) -> [Catalog] {
        let results = Mutex([Result<Catalog, StoreError>?](repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: paths.count) { k in
            let result = Result { () throws(StoreError) -> Catalog in try StoreFile(path: paths[k]).load().catalog }
            results.withLock { $0[k] = result }
        }
        var catalogs: [Catalog] = []
        for result in results.withLock({ $0 }) {
            switch result! {
            case .success(let catalog): catalogs.append(catalog)
            case .failure(let error): throw error
            }
        }
        return catalogs
    }
}
