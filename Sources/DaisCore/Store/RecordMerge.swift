/// The merge driver's way through three versions of a store that differ in a few records, which is
/// what a git merge usually meets: the records are lined up by id across the three files
/// (`StoreIndex`); those ours and theirs hold byte for byte alike are copied from ours as they are,
/// and only the others are decoded and merged by `CatalogMerge`, under the same rules. The file it
/// writes is the one the whole merge writes, byte for byte (`RecordMergeTests` compare the two).
///
/// It gives nil, and the driver decodes the three stores whole, for what it cannot settle the same
/// way from the records it decoded: a file it cannot index, a record it copies that is not in the
/// layout Dais writes, or a person, organization or series one side deleted whose id a copied
/// record mentions (the whole merge may have to keep it).
enum RecordMerge {
    struct Result {
        /// The merge of the records the sides hold differently (its `merged` holds only those).
        let merge: CatalogMerge
        /// The merge as the store records it, and the format it needs with the copied records.
        fileprivate let recorded: Catalog
        fileprivate let version: Int
        /// Ours, and its records to copy.
        fileprivate let ours: [UInt8]
        fileprivate let organizations, panels, people, series: [StoreIndex.Entry]

        /// Records copied from ours without being decoded.
        var copied: Int { organizations.count + panels.count + people.count + series.count }

        /// Hands the merged store file's bytes to `deliver` in order, in pieces of about a megabyte.
        func write(_ deliver: ([UInt8]) -> Void) {
            var w = JSONWriter()
            func between(_ w: inout JSONWriter) { if w.count >= 1 << 20 { w.drain(deliver) } }
            StoreEncoder.writeLayout(
                clashes: recorded.mergeClashes, settings: recorded.settings, version: version, into: &w,
                organizations: { RecordMerge.write(&$0, copied: organizations, from: ours, merged: recorded.organizations, StoreEncoder.encode, between) },
                panels: { RecordMerge.write(&$0, copied: panels, from: ours, merged: recorded.panels, StoreEncoder.encode, between) },
                people: { RecordMerge.write(&$0, copied: people, from: ours, merged: recorded.people, StoreEncoder.encode, between) },
                series: { RecordMerge.write(&$0, copied: series, from: ours, merged: recorded.series, StoreEncoder.encode, between) })
            w.drain(deliver)
        }

        /// The merged store file, whole.
        var bytes: [UInt8] {
            var all: [UInt8] = []
            write { all += $0 }
            return all
        }
    }

    /// At most this many deleted ids are looked for in the copied records (each is one pass over them).
    static let deletedIdsSearched = 16

    static func merge(base: StoreIndex, ours: StoreIndex, theirs: StoreIndex) -> Result? {
        do {
            return try mergeOrThrow(base: base, ours: ours, theirs: theirs)
        } catch {
            return nil
        }
    }

    private struct NotHere: Error {}

    private static func mergeOrThrow(base: StoreIndex, ours: StoreIndex, theirs: StoreIndex) throws -> Result? {
        var sides = Sides(base: base, ours: ours, theirs: theirs)
        let organizations = try sides.split(\.organizations, \.organizations, StoreDecoder.organization(in:at:))
        let panels = try sides.split(\.panels, \.panels, StoreDecoder.panel(in:at:))
        let people = try sides.split(\.people, \.people, StoreDecoder.person(in:at:))
        let series = try sides.split(\.series, \.series, StoreDecoder.series(in:at:))
        for (index, k) in [(base, 0), (ours, 1), (theirs, 2)] {
            if let range = index.settings { sides.catalogs[k].settings = try StoreDecoder.settings(in: index.bytes, at: range.lowerBound) }
        }
        let merge = CatalogMerge(base: sides.catalogs[0], mine: sides.catalogs[1], theirs: sides.catalogs[2])

        // A record one side deleted is kept when the merge still refers to it; the records merged
        // here were looked at, the copied ones are searched for the deleted ids.
        var deleted: [String] = []
        func collect<Kind, Record>(_ table: KeyPath<Catalog, [Identifier<Kind>: Record]>) {
            for side in [sides.catalogs[1], sides.catalogs[2]] {
                for id in side[keyPath: table].keys where merge.merged[keyPath: table][id] == nil { deleted.append(id.rawValue) }
            }
        }
        collect(\.people)
        collect(\.organizations)
        collect(\.series)
        if !deleted.isEmpty {
            guard deleted.count <= deletedIdsSearched else { return nil }
            for id in Set(deleted) where mentions(id, in: panels + series, of: ours.bytes) { return nil }
        }

        let recorded = merge.recorded
        let version = try StoreEncoder.version(of: recorded) == 2 || needsFormat2(panels: panels, people: people, series: series, in: ours.bytes) ? 2 : 1
        return Result(merge: merge, recorded: recorded, version: version, ours: ours.bytes,
                      organizations: organizations, panels: panels, people: people, series: series)
    }

    /// The three files and the catalogs of the records they hold differently (base, ours, theirs).
    private struct Sides {
        let files: [StoreIndex]
        var catalogs = [Catalog(), Catalog(), Catalog()]

        init(base: StoreIndex, ours: StoreIndex, theirs: StoreIndex) { files = [base, ours, theirs] }

        /// One list lined up by id across the three files: the records ours and theirs hold byte for
        /// byte alike are returned (ours' entries, to be copied); every other record is decoded
        /// into its side's catalog.
        mutating func split<Kind, Record: Identifiable>(
            _ list: KeyPath<StoreIndex, [StoreIndex.Entry]>, _ table: WritableKeyPath<Catalog, [Identifier<Kind>: Record]>,
            _ decode: ([UInt8], Int) throws -> Record
        ) throws -> [StoreIndex.Entry] where Record.ID == Identifier<Kind> {
            let (base, mine, theirs) = (files[0][keyPath: list], files[1][keyPath: list], files[2][keyPath: list])
            var b = 0, m = 0, t = 0
            var copied: [StoreIndex.Entry] = []
            copied.reserveCapacity(mine.count)
            while b < base.count || m < mine.count || t < theirs.count {
                var id = m < mine.count ? mine[m].id : t < theirs.count ? theirs[t].id : base[b].id
                if t < theirs.count && theirs[t].id < id { id = theirs[t].id }
                if b < base.count && base[b].id < id { id = base[b].id }
                let inBase = b < base.count && base[b].id == id, inMine = m < mine.count && mine[m].id == id
                let inTheirs = t < theirs.count && theirs[t].id == id
                if inMine && inTheirs && files[1].bytes[mine[m].range] == files[2].bytes[theirs[t].range] {
                    guard RecordMerge.inLayout(files[1].bytes[mine[m].range]) else { throw NotHere() }
                    copied.append(mine[m])
                } else {
                    if inBase { try add(decode(files[0].bytes, base[b].range.lowerBound), to: 0, table) }
                    if inMine { try add(decode(files[1].bytes, mine[m].range.lowerBound), to: 1, table) }
                    if inTheirs { try add(decode(files[2].bytes, theirs[t].range.lowerBound), to: 2, table) }
                }
                if inBase { b += 1 }
                if inMine { m += 1 }
                if inTheirs { t += 1 }
            }
            return copied
        }

        private mutating func add<Kind, Record: Identifiable>(
            _ record: Record, to side: Int, _ table: WritableKeyPath<Catalog, [Identifier<Kind>: Record]>
        ) where Record.ID == Identifier<Kind> {
            catalogs[side][keyPath: table][record.id] = record
        }
    }

    /// Whether a record's bytes are laid out as Dais writes a record of a list: the first field on
    /// its own line at three levels, the closing brace at two (a hand-formatted record is decoded
    /// instead, so that what is written is in Dais's layout).
    static func inLayout(_ record: ArraySlice<UInt8>) -> Bool {
        let opening: [UInt8] = Array("{\n      \"".utf8), closing: [UInt8] = Array("\n    }".utf8)
        return record.starts(with: opening) && record.reversed().starts(with: closing.reversed())
    }

    /// Whether `id`, as a whole JSON string, is anywhere in the records.
    static func mentions(_ id: String, in entries: [StoreIndex.Entry], of bytes: [UInt8]) -> Bool {
        let quoted = [UInt8(ascii: "\"")] + Array(id.utf8) + [UInt8(ascii: "\"")]
        let first = quoted[1]
        for entry in entries {
            var i = entry.range.lowerBound
            let last = entry.range.upperBound - quoted.count
            while i <= last {
                if bytes[i &+ 1] == first && bytes[i] == quoted[0] && bytes[i..<i + quoted.count] == quoted[...] { return true }
                i &+= 1
            }
        }
        return false
    }

    /// Whether a copied record needs format 2: only flagged records can, and those are decoded.
    private static func needsFormat2(panels: [StoreIndex.Entry], people: [StoreIndex.Entry], series: [StoreIndex.Entry],
                                     in bytes: [UInt8]) throws -> Bool {
        for entry in panels where entry.mayNeedFormat2 {
            if StoreEncoder.needsFormat2(try StoreDecoder.panel(in: bytes, at: entry.range.lowerBound)) { return true }
        }
        for entry in people where entry.mayNeedFormat2 {
            if StoreEncoder.needsFormat2(try StoreDecoder.person(in: bytes, at: entry.range.lowerBound)) { return true }
        }
        for entry in series where entry.mayNeedFormat2 {
            if StoreEncoder.needsFormat2(try StoreDecoder.series(in: bytes, at: entry.range.lowerBound)) { return true }
        }
        return false
    }

    private enum Piece { case copied(Range<Int>), merged(Int) }

    /// One list: the copied records and the merged ones, in id order (no id is in both).
    private static func write<Kind, Record>(_ w: inout JSONWriter, copied: [StoreIndex.Entry], from bytes: [UInt8],
                                            merged: [Identifier<Kind>: Record], _ encode: (Record, inout JSONWriter) -> Void,
                                            _ between: (inout JSONWriter) -> Void) {
        let records = merged.map { (id: $0.key.rawValue, record: $0.value) }.sorted { $0.id < $1.id }
        var pieces: [Piece] = []
        pieces.reserveCapacity(copied.count + records.count)
        var c = 0, m = 0
        while c < copied.count || m < records.count {
            if m == records.count || (c < copied.count && copied[c].id < records[m].id) {
                pieces.append(.copied(copied[c].range))
                c += 1
            } else {
                pieces.append(.merged(m))
                m += 1
            }
        }
        w.array(pieces) { w, piece in
            switch piece {
            case .copied(let range): w.raw(bytes[range])
            case .merged(let k): encode(records[k].record, &w)
            }
            between(&w)
        }
    }
}
