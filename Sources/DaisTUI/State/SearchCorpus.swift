import CPrefetch
import CTextSearch
import DaisCore
import Dispatch

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
    /// Whole-buffer searches go through the C library's memmem (vectorized), not byte by byte. Large
    /// searches are cut in two parts run on two threads (the result is the same): a common word
    /// matches most of 100,000 panels, and each key must stay within a few milliseconds.
    public func matches(_ foldedQuery: String, narrowing previous: SearchMatches? = nil) -> SearchMatches {
        let query = Array(foldedQuery.utf8)
        guard !query.isEmpty else { return SearchMatches(query: "", positions: (0..<Int32(ids.count)).map { $0 }, hits: offsets.dropLast(), windows: []) }
        let narrowing = previous.flatMap { !$0.query.isEmpty && foldedQuery.hasPrefix($0.query) ? $0 : nil }
        // The work in parts: records of the previous result, or records of the corpus.
        let total = narrowing?.positions.count ?? ids.count
        let parts = total >= 16_384 ? 2 : 1
        let (positions, hits, windows) = SearchCorpus.lists(capacity: total, parts: parts) { range, writer in
            if let narrowing { search(query, narrowing: narrowing, range, &writer) } else { search(query, records: range, &writer) }
        }
        return SearchMatches(query: foldedQuery, positions: positions, hits: hits, windows: windows)
    }

    /// The lists of a search, made their full size once (each record of the corpus or of the
    /// previous result is added once at most) and written in place through writers, not grown append
    /// by append (four appends a record were most of a key on 100,000 panels). `fill` searches each
    /// part's range of `0..<capacity` (in parallel) with a writer that starts at the range's start,
    /// where no other part writes; the parts are then moved together, so that no second set of lists
    /// is made to join them (2.4 MB of fresh memory for a first key on 100,000).
    private static func lists(capacity: Int, parts: Int, _ fill: @Sendable (Range<Int>, inout Writer) -> Void)
        -> (positions: [Int32], hits: [Int32], windows: [UInt64]) {
        var count = 0
        var hits: [Int32] = [], windows: [UInt64] = []
        let positions = [Int32](unsafeUninitializedCapacity: capacity) { p, pCount in
            hits = [Int32](unsafeUninitializedCapacity: capacity) { h, hCount in
                windows = [UInt64](unsafeUninitializedCapacity: 2 * capacity) { w, wCount in
                    let base = UnsafeSendable((p.baseAddress, h.baseAddress, w.baseAddress))
                    let written = UnsafeSendable(UnsafeMutableBufferPointer<(from: Int, count: Int)>.allocate(capacity: parts))
                    defer { written.value.deallocate() }
                    DispatchQueue.concurrentPerform(iterations: parts) { k in
                        let range = (capacity * k / parts)..<(capacity * (k + 1) / parts)
                        var writer = Writer(positions: base.value.0, hits: base.value.1, windows: base.value.2, count: range.lowerBound)
                        fill(range, &writer)
                        written.value[k] = (range.lowerBound, writer.count - range.lowerBound)
                    }
                    for (from, n) in written.value {
                        if from != count, n > 0, let p = p.baseAddress, let h = h.baseAddress, let w = w.baseAddress {
                            (p + count).update(from: p + from, count: n)
                            (h + count).update(from: h + from, count: n)
                            (w + 2 * count).update(from: w + 2 * from, count: 2 * n)
                        }
                        count += n
                    }
                    wCount = 2 * count
                }
                hCount = count
            }
            pCount = count
        }
        return (positions, hits, windows)
    }

    /// Writes found records into a search's lists, which have room for them, from `count` on.
    private struct Writer {
        let positions: UnsafeMutablePointer<Int32>?, hits: UnsafeMutablePointer<Int32>?, windows: UnsafeMutablePointer<UInt64>?
        var count: Int

        /// Adds a record, its hit, and the window of bytes at the hit (read from the corpus).
        @inline(__always)
        mutating func add(_ record: Int32, at hit: Int, end: Int, in buffer: UnsafeBufferPointer<UInt8>) {
            var window: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &window) { w in
                let n = min(SearchMatches.windowBytes, end - hit)
                if n > 0 { w.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[hit..<hit + n])) }
            }
            keep(record, hit: Int32(hit), window: window)
        }

        /// Adds a record whose hit and window are those it had.
        @inline(__always)
        mutating func keep(_ record: Int32, hit: Int32, window: (UInt64, UInt64)) {
            positions.unsafelyUnwrapped[count] = record
            hits.unsafelyUnwrapped[count] = hit
            windows.unsafelyUnwrapped[2 * count] = window.0
            windows.unsafelyUnwrapped[2 * count + 1] = window.1
            count += 1
        }
    }

    /// How many records ahead a narrowing search asks for the corpus bytes at their hits.
    static var ahead: Int { 16 }

    /// The records among `previous`'s at `range` (positions in its lists) that still match.
    private func search(_ query: [UInt8], narrowing previous: SearchMatches, _ range: Range<Int>, _ found: inout Writer) {
        let known = previous.query.utf8.count
        bytes.withUnsafeBufferPointer { buffer in
            query.withUnsafeBufferPointer { q in
                guard let base = buffer.baseAddress, let needle = q.baseAddress else { return }
                /// Whether the query is at `at` (which has room for it).
                @inline(__always) func isAt(_ at: Int) -> Bool {
                    var k = 0
                    while k < q.count && buffer[at + k] == q[k] { k += 1 }
                    return k == q.count
                }
                /// Whether the new bytes of the query follow the old query in the window kept at the
                /// old hit (no read of the corpus: its bytes are far apart and cold).
                @inline(__always) func continues(_ window: (UInt64, UInt64)) -> Bool? {
                    guard q.count <= SearchMatches.windowBytes else { return nil }
                    return withUnsafeBytes(of: window) { w in
                        for k in known..<q.count where w[k] != q[k] { return false }
                        return true
                    }
                }
                // Every hit of the new query is a hit of the old one, so none is before the old
                // first hit; records are short, so the rest of one is scanned in place.
                let first = q[0]
                for k in range {
                    // The corpus at the hit a few records on: where this loop may read next, far
                    // apart in memory (a stride the hardware does not guess). Only when a window
                    // cannot decide a record is it read; asking for all costs less than choosing.
                    if k + SearchCorpus.ahead < range.upperBound { dais_prefetch(base + Int(previous.hits[k + SearchCorpus.ahead]), 2) }
                    let i = previous.positions[k]
                    let from = Int(previous.hits[k]), end = Int(offsets[Int(i) + 1])
                    let window = (previous.windows[2 * k], previous.windows[2 * k + 1])
                    // Most records either go on with the query right at the old hit, or not at
                    // all: look there first, then scan the rest of the record (memchr, compare).
                    if continues(window) ?? (from + q.count <= end && buffer[from] == first && isAt(from)) {
                        found.keep(i, hit: previous.hits[k], window: window)
                    } else if end - from - 1 >= q.count, let hit = dais_find_short(base + from + 1, end - from - 1, needle, q.count) {
                        found.add(i, at: UnsafeRawPointer(base).distance(to: hit), end: end, in: buffer)
                    }
                }
            }
        }
    }

    /// The records at `range` (positions in the corpus) whose text holds the query.
    private func search(_ query: [UInt8], records range: Range<Int>, _ found: inout Writer) {
        guard !range.isEmpty else { return }
        bytes.withUnsafeBufferPointer { buffer in
            query.withUnsafeBufferPointer { q in
                guard let base = buffer.baseAddress, let needle = q.baseAddress else { return }
                /// The first hit in bytes [from, end), or nil.
                func find(from: Int, end: Int) -> Int? {
                    guard end - from >= q.count, let hit = dais_memmem(base + from, end - from, needle, q.count) else { return nil }
                    return UnsafeRawPointer(base).distance(to: hit)
                }
                let stop = Int(offsets[range.upperBound])
                var position = Int(offsets[range.lowerBound]), record = range.lowerBound
                while let at = find(from: position, end: stop) {
                    while Int(offsets[record + 1]) <= at { record += 1 }
                    let end = Int(offsets[record + 1])
                    if at + q.count <= end {
                        found.add(Int32(record), at: at, end: end, in: buffer)
                        position = end
                    } else {
                        position = at + 1  // a hit across two records is none
                    }
                }
            }
        }
    }
}

/// A pointer handed to the parts of a search, each writing only its own element.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// What a search found: record positions in list order, and where in the corpus the query first
/// occurs in each (for narrowing when one more character is typed).
public struct SearchMatches: Sendable {
    public let query: String
    public let positions: [Int32]
    let hits: [Int32]
    /// For each record, the first bytes of its text from the hit on (zeros past its end), two words
    /// a record: the next key is decided from them while the query is short.
    let windows: [UInt64]

    static let windowBytes = 16
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
