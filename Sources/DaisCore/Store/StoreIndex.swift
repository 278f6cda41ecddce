/// Where each record of a store file lies, by id, found without decoding the records: what the merge
/// driver needs to copy the records both sides hold alike as they are (`RecordMerge`).
///
/// The file is walked with the store's own reader (`JSONReader`), so anything that is not JSON is
/// refused the same way; the records themselves are only skipped. An index is made only of a file
/// the fast merge can take whole: no recorded clashes, every id plain and in strictly increasing
/// order (as Dais writes them). Anything else gives nil, and the merge decodes the three stores.
struct StoreIndex: Sendable {
    /// One record: its id, its bytes (from `{` to `}`), and whether it has a field only format 2
    /// writes (then it must be decoded to know the format it needs).
    struct Entry: Sendable {
        let id: String
        let range: Range<Int>
        let mayNeedFormat2: Bool
    }

    let bytes: [UInt8]
    /// The bytes of the "settings" object, when the file has one.
    private(set) var settings: Range<Int>?
    private(set) var organizations: [Entry] = []
    private(set) var panels: [Entry] = []
    private(set) var people: [Entry] = []
    private(set) var series: [Entry] = []

    init?(_ bytes: [UInt8]) {
        self.bytes = bytes
        var r = JSONReader(bytes)
        do {
            guard try read(&r) else { return nil }
        } catch {
            return nil
        }
    }

    /// Reads the top of the store; false for a file the fast merge does not take.
    private mutating func read(_ r: inout JSONReader) throws -> Bool {
        var format: String?, version: Int?, clashes = false
        var lists = 0
        try r.readObject(for: "the store") { r, key, _ in
            switch key {
            case "format": format = try r.readString(for: "\"format\"")
            case "version": version = try r.readInt(for: "\"version\"")
            case "settings":
                r.skipSpace()
                let start = r.position
                try r.skipValue()
                settings = start..<r.position
            case "organizations": organizations = try StoreIndex.entries(&r, lists: &lists, flagging: [])
            case "people": people = try StoreIndex.entries(&r, lists: &lists, flagging: StoreIndex.personFlags)
            case "series": series = try StoreIndex.entries(&r, lists: &lists, flagging: StoreIndex.seriesFlags)
            case "panels": panels = try StoreIndex.entries(&r, lists: &lists, flagging: StoreIndex.panelFlags)
            case "mergeClashes":  // written only when there are some
                clashes = true
                try r.skipValue()
            default: throw r.fail("unknown field")
            }
        }
        r.skipSpace()
        return r.position == r.bytes.count && format == StoreDecoder.formatName && version.map { (1...StoreDecoder.currentVersion).contains($0) } == true
            && lists == 4 && !clashes
    }

    // The fields only format 2 writes (`StoreEncoder.needsFormat2` says which of their values need it).

    private static let personFlags = names("wakingHours")
    private static let seriesFlags = names("audienceZones")
    private static let panelFlags = names("modified", "sequence")
    /// In a panel's roster entries and links.
    private static let entryFlags = names("status", "kind", "public")
    private static let id = names("id"), lists = names("roster", "links")

    private static func names(_ names: String...) -> [[UInt8]] { names.map { Array($0.utf8) } }

    /// The records of one list, each id read, every other field skipped; a field in `flagging` (or
    /// in a panel's roster entries and links, one of `entryFlags`) flags the record as one that may
    /// need format 2. Throws for a list out of order, a repeated id or an id the decoder would refuse.
    private static func entries(_ r: inout JSONReader, lists count: inout Int, flagging: [[UInt8]]) throws -> [Entry] {
        count += 1
        var entries: [Entry] = []
        try r.readArray(for: "a list of records") { r in
            r.skipSpace()
            let start = r.position
            var id: String?, flagged = false
            try r.skimObject(for: "a record") { r, key in
                if r.isName(key, oneOf: StoreIndex.id) {
                    id = try r.readString(for: "an id")
                } else if r.isName(key, oneOf: StoreIndex.lists) {
                    try r.readArray(for: "a list") { r in
                        try r.skimObject(for: "an entry") { r, key in
                            if r.isName(key, oneOf: entryFlags) { flagged = true }
                            try r.skipValue()
                        }
                    }
                } else {
                    if r.isName(key, oneOf: flagging) { flagged = true }
                    try r.skipValue()
                }
            }
            guard let id, Identifier<Never>.problem(with: id) == nil, entries.last.map({ $0.id < id }) ?? true else {
                throw r.fail("not indexed")
            }
            entries.append(Entry(id: id, range: start..<r.position, mayNeedFormat2: flagged))
        }
        return entries
    }
}
