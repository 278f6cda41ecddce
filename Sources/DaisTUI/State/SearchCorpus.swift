import CTextSearch
import DaisCore

/// Folded search texts packed into one buffer, in list order, so that a search character scans
/// bytes instead of folding names: built off the main thread after the first frame and after edits.
public struct SearchCorpus<ID: Hashable & Sendable>: Sendable {
    public let ids: [ID]
    /// `bytes[offsets[i]..<offsets[i + 1]]` is the folded text of `ids[i]`.
    private let offsets: [Int32]
    private let bytes: [UInt8]
    /// The state version the corpus was built for; stale ones are not used.
    public let version: Int

    public init(ids: [ID], texts: (ID) -> String, version: Int) {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(ids.count + 1)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 64)
        for id in ids {
            bytes += NameFolding.fold(texts(id)).utf8
            offsets.append(Int32(bytes.count))
        }
        self.ids = ids
        self.offsets = offsets
        self.bytes = bytes
        self.version = version
    }

    /// The records whose text contains a folded query, in list order, with where the query first
    /// occurs in each. `previous`, the result for a shorter query that the new one extends, narrows
    /// the search to its records and starts each at its first hit: typing one more character mostly
    /// costs one byte comparison per remaining record.
    ///
    /// Whole-buffer searches go through the C library's memmem (vectorized), not byte by byte.
    public func matches(_ foldedQuery: String, narrowing previous: SearchMatches? = nil) -> SearchMatches {
        let query = Array(foldedQuery.utf8)
        guard !query.isEmpty else { return SearchMatches(query: "", positions: (0..<Int32(ids.count)).map { $0 }, hits: offsets.dropLast()) }
        var positions: [Int32] = [], hits: [Int32] = []
        bytes.withUnsafeBufferPointer { buffer in
            query.withUnsafeBufferPointer { q in
                guard let base = buffer.baseAddress, let needle = q.baseAddress else { return }
                /// The first hit in bytes [from, end), or nil.
                func find(from: Int, end: Int) -> Int? {
                    guard end - from >= q.count, let hit = dais_memmem(base + from, end - from, needle, q.count) else { return nil }
                    return UnsafeRawPointer(base).distance(to: hit)
                }
                /// Whether the query is at `at` (which has room for it).
                @inline(__always) func isAt(_ at: Int) -> Bool {
                    var k = 0
                    while k < q.count && buffer[at + k] == q[k] { k += 1 }
                    return k == q.count
                }
                if let previous, !previous.query.isEmpty, foldedQuery.hasPrefix(previous.query) {
                    // Every hit of the new query is a hit of the old one, so none is before the old
                    // first hit; records are short, so the rest of one is scanned in place.
                    positions.reserveCapacity(previous.positions.count)
                    hits.reserveCapacity(previous.positions.count)
                    let first = q[0]
                    for (k, i) in previous.positions.enumerated() {
                        let from = Int(previous.hits[k]), end = Int(offsets[Int(i) + 1])
                        // Most records either go on with the query right at the old hit, or not at
                        // all: look there first, then scan the rest of the record (memchr, compare).
                        let at: Int?
                        if from + q.count <= end && buffer[from] == first && isAt(from) {
                            at = from
                        } else if end - from - 1 >= q.count, let hit = dais_find_short(base + from + 1, end - from - 1, needle, q.count) {
                            at = UnsafeRawPointer(base).distance(to: hit)
                        } else {
                            at = nil
                        }
                        if let at {
                            positions.append(i)
                            hits.append(Int32(at))
                        }
                    }
                    return
                }
                var position = 0, record = 0
                while let at = find(from: position, end: buffer.count) {
                    while Int(offsets[record + 1]) <= at { record += 1 }
                    let end = Int(offsets[record + 1])
                    if at + q.count <= end {
                        positions.append(Int32(record))
                        hits.append(Int32(at))
                        position = end
                    } else {
                        position = at + 1  // a hit across two records is none
                    }
                }
            }
        }
        return SearchMatches(query: foldedQuery, positions: positions, hits: hits)
    }
}

/// What a search found: record positions in list order, and where in the corpus the query first
/// occurs in each (for narrowing when one more character is typed).
public struct SearchMatches: Sendable {
    public let query: String
    public let positions: [Int32]
    let hits: [Int32]
}

/// The search corpora of the three lists, built together for one state version.
public struct SearchCorpora: Sendable {
    public let panels: SearchCorpus<PanelID>
    public let people: SearchCorpus<PersonID>
    public let organizations: SearchCorpus<OrganizationID>

    /// The state version they were built for.
    public var version: Int { panels.version }

    /// Builds them from a catalog and the lists' orders (off the main thread: this folds every name).
    public init(catalog: Catalog, panels: [PanelID], people: [PersonID], organizations: [OrganizationID], version: Int) {
        self.panels = SearchCorpus(ids: panels, texts: { catalog.panels[$0].map { AppState.searchText($0, catalog) } ?? "" }, version: version)
        self.people = SearchCorpus(ids: people, texts: { catalog.people[$0].map(AppState.searchText) ?? "" }, version: version)
        self.organizations = SearchCorpus(ids: organizations, texts: { catalog.organizations[$0].map(AppState.searchText) ?? "" }, version: version)
    }
}
