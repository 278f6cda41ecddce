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

    /// Positions (in `ids`) whose text contains the folded query, in list order. With `within`, only
    /// those positions are searched (the previous, shorter query's matches).
    public func matches(_ foldedQuery: String, within: [Int32]? = nil) -> [Int32] {
        let query = Array(foldedQuery.utf8)
        guard !query.isEmpty else { return within ?? (0..<Int32(ids.count)).map { $0 } }
        var result: [Int32] = []
        bytes.withUnsafeBufferPointer { buffer in
            query.withUnsafeBufferPointer { q in
                let first = q[0]
                func scan(_ i: Int) {
                    let start = Int(offsets[i]), end = Int(offsets[i + 1])
                    var j = start
                    let last = end - q.count
                    while j <= last {
                        if buffer[j] == first {
                            var k = 1
                            while k < q.count && buffer[j + k] == q[k] { k += 1 }
                            if k == q.count {
                                result.append(Int32(i))
                                return
                            }
                        }
                        j += 1
                    }
                }
                if let within { for i in within { scan(Int(i)) } } else { for i in 0..<ids.count { scan(i) } }
            }
        }
        return result
    }
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
