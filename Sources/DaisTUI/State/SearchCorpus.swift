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
    /// occurs in each. `previous`, the result for a shorter query that the new one extends, may
    /// narrow the search to its records, each from its first hit on (no earlier hit can exist).
    public func matches(_ foldedQuery: String, narrowing previous: SearchMatches? = nil) -> SearchMatches {
        let query = Array(foldedQuery.utf8)
        guard !query.isEmpty else { return SearchMatches(query: "", positions: (0..<Int32(ids.count)).map { $0 }, hits: offsets.dropLast()) }
        var positions: [Int32] = [], hits: [Int32] = []
        if let previous, !previous.query.isEmpty, foldedQuery.hasPrefix(previous.query) {
            positions.reserveCapacity(previous.positions.count)
            hits.reserveCapacity(previous.positions.count)
            for (k, record) in previous.positions.enumerated() {
                // Most records go on with the query right at the old hit; the rest are searched on.
                let old = Int(previous.hits[k]), end = Int(offsets[Int(record) + 1])
                if let hit = isAt(query, old, end: end) ? old : find(query, from: old + 1, end: end) {
                    positions.append(record)
                    hits.append(Int32(hit))
                }
            }
        } else {
            // One scan of the whole buffer; a hit across two records is none.
            let stop = Int(offsets[ids.count])
            var from = 0, record = 0
            while let hit = find(query, from: from, end: stop) {
                while Int(offsets[record + 1]) <= hit { record += 1 }
                let end = Int(offsets[record + 1])
                if hit + query.count <= end {
                    positions.append(Int32(record))
                    hits.append(Int32(hit))
                    from = end
                } else {
                    from = hit + 1
                }
            }
        }
        return SearchMatches(query: foldedQuery, positions: positions, hits: hits)
    }

    /// Whether `query` occurs at `at`, within `bytes[..<end]`.
    private func isAt(_ query: [UInt8], _ at: Int, end: Int) -> Bool {
        guard at + query.count <= end else { return false }
        for k in query.indices where bytes[at + k] != query[k] { return false }
        return true
    }

    /// Where `query` first occurs in `bytes[from..<end]`, or nil.
    private func find(_ query: [UInt8], from: Int, end: Int) -> Int? {
        guard end - from >= query.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            query.withUnsafeBufferPointer { needle in
                // memmem, a C function, takes the buffers by address.
                guard let base = haystack.baseAddress, let hit = dais_memmem(base + from, end - from, needle.baseAddress, needle.count) else { return nil }
                return UnsafeRawPointer(base).distance(to: hit)
            }
        }
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
