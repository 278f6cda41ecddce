import Dispatch
import Synchronization

/// git's merge driver for a store (`dais merge-driver %O %A %B %P`): the common ancestor, ours and
/// theirs merged by record id and field (`CatalogMerge`), written in the canonical form over ours.
/// A field both sides changed differently keeps ours and is recorded in the store's `mergeClashes`,
/// so the file stays a store Dais loads (never conflict markers); the caller then tells git there
/// is a conflict.
public enum MergeDriver {
    /// What a merge did.
    public struct Outcome: Sendable {
        /// The clashes recorded in the merged store.
        public let clashes: [CatalogMerge.Clash]
        /// Records taken from theirs (added, changed or deleted there only).
        public let fromDisk: Int
        /// Records copied from ours without being decoded (0 when the three stores were decoded whole).
        public let copied: Int
        /// One line for the organizer: "3 records taken from theirs, no clashes".
        public let summary: String

        init(_ merge: CatalogMerge, copied: Int) {
            (clashes, fromDisk, self.copied, summary) = (merge.clashes, merge.fromDisk, copied, merge.summary(theirs: "theirs"))
        }
    }

    /// Merges the three files and writes the result over `ours`; nothing is written when one of them
    /// cannot be read (the first that cannot, in the order base, ours, theirs, is reported).
    ///
    /// The records ours and theirs hold byte for byte alike are copied as they are and only the
    /// others decoded (`RecordMerge`); when that cannot settle the merge, the three stores are
    /// decoded whole and merged, with the same result.
    public static func merge(base: String, ours: String, theirs: String) throws(StoreError) -> Outcome {
        var clock = PhaseClock("merge-driver")
        let paths = [base, ours, theirs]
        let files = try atOnce(paths) { path throws(StoreError) in
            let bytes = try FileIO.read(path)
            return (bytes, StoreIndex(bytes))
        }
        clock.lap("three stores read and indexed")
        if let base = files[0].1, let mine = files[1].1, let theirs = files[2].1,
           let result = RecordMerge.merge(base: base, ours: mine, theirs: theirs) {
            clock.lap("merged")
            try FileIO.writeAtomically(to: ours, backup: nil) { fd, _ throws(StoreError) in
                try FileIO.writePieces(fd, path: ours, result.write)
            }
            clock.lap("written")
            return Outcome(result.merge, copied: result.copied)
        }
        let catalogs = try atOnce([0, 1, 2]) { k throws(StoreError) in try StoreDecoder.decode(files[k].0, path: paths[k]) }
        clock.lap("three stores decoded")
        let merge = CatalogMerge(base: catalogs[0], mine: catalogs[1], theirs: catalogs[2])
        clock.lap("merged")
        let bytes = StoreEncoder.encode(merge.recorded)
        clock.lap("encoded")
        try FileIO.writeAtomically(bytes, to: ours, backup: nil)
        clock.lap("written")
        return Outcome(merge, copied: 0)
    }

    /// `work` done for each of the three stores at once: the one place a command works on stores on
    /// several threads, since a merge's time is almost all reading three whole stores and they do
    /// not depend on one another. The first error, in the order given, is thrown.
    private static func atOnce<Item: Sendable, Value: Sendable>(
        _ items: [Item], _ work: @Sendable (Item) throws(StoreError) -> Value
    ) throws(StoreError) -> [Value] {
        let results = Mutex([Result<Value, StoreError>?](repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { k in
            let result = Result { () throws(StoreError) -> Value in try work(items[k]) }
            results.withLock { $0[k] = result }
        }
        var values: [Value] = []
        for result in results.withLock({ $0 }) {
            switch result! {
            case .success(let value): values.append(value)
            case .failure(let error): throw error
            }
        }
        return values
    }
}
