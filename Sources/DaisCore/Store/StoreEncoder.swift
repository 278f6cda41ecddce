import Dispatch

/// Writes a catalog as a version-1 store file in one canonical form: keys sorted, records sorted by id,
/// two-space indentation, UTF-8 unescaped, a final newline. The bytes equal Python's
/// `json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)` plus "\n", so the same catalog
/// always gives the same file and one edit changes few lines.
public enum StoreEncoder {
    public static func encode(_ catalog: Catalog) -> [UInt8] {
        encoded(catalog) { chunks in
            var all = [UInt8]()
            all.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
            for chunk in chunks { all.append(contentsOf: chunk) }
            return all
        }
    }

    /// Calls `body` with the catalog's store file bytes, in pieces and in order (lent, not copied
    /// together: a store can be large).
    public static func encoded<R, E: Error>(_ catalog: Catalog, _ body: ([UnsafeBufferPointer<UInt8>]) throws(E) -> R) throws(E) -> R {
        try writer(catalog, streamingTo: nil).withChunks(body)
    }

    /// Hands the store file's bytes to `sink`, in order, in pieces of about a megabyte, without ever
    /// holding the whole file (a save writes it to disk as it is made).
    static func write(_ catalog: Catalog, to sink: ChunkSink) {
        var w = writer(catalog, streamingTo: sink)
        w.send()
    }

    /// How many panels, or people, one streamed piece holds: about a megabyte.
    static let partSize = 768

    /// The writer of the store file's bytes: holding them all (no sink), or with a sink, handing
    /// each piece to it as soon as it is final (the long arrays stream and are never held).
    private static func writer(_ catalog: Catalog, streamingTo sink: ChunkSink?) -> JSONWriter {
        var w = JSONWriter()
        w.sink = sink
        /// The long arrays in parallel parts (the bytes are the same either way).
        func long<Item: Sendable>(_ w: inout JSONWriter, _ items: [Item], _ body: @escaping @Sendable (inout JSONWriter, Item) -> Void) {
            if sink == nil { w.array(inParts: items, body) } else { w.array(streaming: items, partSize: partSize, body) }
        }
        w.object { w in
            w.field("format") { $0.string(StoreDecoder.formatName) }
            w.field("organizations") { w in
                w.array(byID(catalog.organizations)) { w, org in encode(org, &w) }
            }
            w.field("panels") { w in
                long(&w, byID(catalog.panels, ahead: { $0.prefetchStorage() })) { w, panel in encode(panel, &w) }
            }
            w.field("people") { w in
                long(&w, byID(catalog.people)) { w, person in encode(person, &w) }
            }
            w.field("series") { w in
                w.array(byID(catalog.series)) { w, series in encode(series, &w) }
            }
            if !catalog.settings.isEmpty {
                w.field("settings") { w in encode(catalog.settings, &w) }
            }
            w.field("version") { $0.integer(StoreDecoder.currentVersion) }
        }
        w.newline()
        return w
    }

    /// Records in id order, sorted by the ids' order keys (`SymbolTable.Order`: a small array, not
    /// the id strings far apart in memory, read at each of the 1.7 million comparisons of 100,000
    /// panels), each record taken from the dictionary once, in the end. The keys are first put in
    /// symbol order (a pass over an array indexed by symbol): a store's panel ids were interned as
    /// its file was read, in id order, so the sort meets runs already in order (one for a store
    /// read in one pass; two interleaved ones for a large store read in two parts at once).
    /// `ahead` is called with the record 8 places ahead of each one taken (to prefetch it).
    static func byID<ID, Record: Sendable>(_ records: [Identifier<ID>: Record], ahead: ((Record) -> Void)? = nil) -> [Record] {
        typealias Position = Dictionary<Identifier<ID>, Record>.Index
        let bound = Identifier<ID>.symbolBound
        var bySymbol = [Int32](repeating: -1, count: bound)
        var positions: [Position] = []
        positions.reserveCapacity(records.count)
        for index in records.indices {
            bySymbol[Int(records.keys[index].symbol)] = Int32(positions.count)
            positions.append(index)
        }
        let table = SymbolTable.shared
        var keys: [IDKey] = []
        keys.reserveCapacity(records.count)
        for symbol in 0..<bound where bySymbol[symbol] >= 0 {
            keys.append(IDKey(order: table.order(UInt32(symbol)), symbol: UInt32(symbol), position: bySymbol[symbol]))
        }
        keys.sort(by: IDKey.precedes)
        return [Record](gathering: keys.count, ahead: ahead.map { ahead in { ahead(records.values[positions[Int(keys[$0].position)]]) } }) {
            records.values[positions[Int(keys[$0].position)]]
        }
    }

    /// An id as `byID` sorts it.
    struct IDKey: Sendable {
        let order: SymbolTable.Order
        let symbol: UInt32
        let position: Int32

        static func precedes(_ a: IDKey, _ b: IDKey) -> Bool {
            SymbolTable.Order.precedes(a.order, b.order)
                ?? (a.symbol != b.symbol && SymbolTable.shared.string(a.symbol) < SymbolTable.shared.string(b.symbol))
        }
    }

    // Field order below is sorted by key (code point order), as the canonical form requires.

    private static func encode(_ settings: Settings, _ w: inout JSONWriter) {
        w.object { w in
            if let minutes = settings.changeoverMinutesValue { w.field("changeoverMinutes") { $0.integer(minutes) } }
            if let zones = settings.displayZonesValue { w.field("displayZones") { $0.array(zones) { w, z in w.string(z) } } }
            if let hours = settings.wakingHoursValue {
                w.field("wakingHours") { w in
                    w.object { w in
                        w.field("end") { $0.string(WakingHours.text(hours.end)) }
                        w.field("start") { $0.string(WakingHours.text(hours.start)) }
                    }
                }
            }
        }
    }

    private static func encode(_ org: Organization, _ w: inout JSONWriter) {
        w.object { w in
            w.field("id") { $0.string(org.id.rawValue) }
            w.field("name") { $0.string(org.name) }
            w.optional("shortName", org.shortName)
            w.optional("url", org.url)
        }
    }

    private static func encode(_ person: Person, _ w: inout JSONWriter) {
        w.object { w in
            w.optional("affiliation", person.affiliation)
            w.optional("email", person.email)
            w.optional("homeZone", person.homeZone)
            w.field("id") { $0.string(person.id.rawValue) }
            w.field("name") { $0.string(person.name) }
            w.optional("notes", person.notes)
            w.optional("title", person.title)
            if !person.unavailable.isEmpty {
                w.field("unavailable") { w in
                    w.array(person.unavailable) { w, window in
                        w.object { w in
                            w.field("end") { $0.localDateTime(window.end) }
                            w.field("start") { $0.localDateTime(window.start) }
                            w.field("zone") { $0.string(window.zone) }
                        }
                    }
                }
            }
        }
    }

    private static func encode(_ series: Series, _ w: inout JSONWriter) {
        w.object { w in
            w.optional("description", series.description)
            w.optional("host", series.host?.rawValue)
            w.field("id") { $0.string(series.id.rawValue) }
            w.field("name") { $0.string(series.name) }
        }
    }

    private static func encode(_ panel: Panel, _ w: inout JSONWriter) {
        w.object { w in
            if !panel.cosponsors.isEmpty {
                w.field("cosponsors") { $0.array(panel.cosponsors) { w, id in w.string(id.rawValue) } }
            }
            w.optional("description", panel.description)
            w.field("durationMinutes") { $0.integer(panel.durationMinutes) }
            w.field("format") { $0.string(panel.format.rawValue) }
            w.optional("host", panel.host?.rawValue)
            w.field("id") { $0.string(panel.id.rawValue) }
            if !panel.links.isEmpty {
                w.field("links") { w in
                    w.array(panel.links) { w, link in
                        w.object { w in
                            w.field("label") { $0.string(link.label) }
                            w.field("url") { $0.string(link.url) }
                        }
                    }
                }
            }
            w.optional("notes", panel.notes)
            w.field("roster") { w in
                w.array(panel.roster) { w, entry in
                    w.object { w in
                        w.field("person") { $0.string(entry.person.rawValue) }
                        w.field("role") { $0.string(entry.role.rawValue) }
                        w.optional("title", entry.title)
                    }
                }
            }
            w.optional("series", panel.series?.rawValue)
            w.field("start") { $0.localDateTime(panel.start) }
            w.field("status") { $0.string(panel.status.rawValue) }
            w.field("title") { $0.string(panel.title) }
            w.optional("uid", panel.uid)
            w.field("zone") { $0.string(panel.zone) }
        }
    }
}

extension JSONWriter: PartBuffer {
    init(capacity: Int) { self.init(elementsAt: 0, capacity: capacity) }

    /// Empty again, at depth 0, keeping the storage (a writer without parts or sink of its own).
    mutating func reset() {
        precondition(chunks.isEmpty && sink == nil, "only a plain writer is reused")
        unique.bytes.removeAll()
        depth = 0
        first = true
    }

    func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        precondition(chunks.isEmpty, "a writer with parts lends them with withChunks")
        return try body(storage.bytes.buffer)
    }
}

/// Where a JSON writer hands finished bytes, in order, one piece at a time (never two at once).
/// Once a delivery has failed it takes nothing more, and a streaming array stops making pieces.
final class ChunkSink: @unchecked Sendable {
    /// Hands a piece on; false when that failed.
    private let deliver: (UnsafeBufferPointer<UInt8>) -> Bool
    /// Whether a delivery has failed.
    private(set) var stopped = false

    private init(_ deliver: @escaping (UnsafeBufferPointer<UInt8>) -> Bool) { self.deliver = deliver }

    func take(_ piece: UnsafeBufferPointer<UInt8>) {
        guard !stopped else { return }
        if !deliver(piece) { stopped = true }
    }

    /// Calls `body` with a sink that hands each piece to `deliver` until it throws; that first
    /// error is thrown once `body` returns.
    static func delivering<E: Error>(to deliver: (UnsafeBufferPointer<UInt8>) throws(E) -> Void, _ body: (ChunkSink) -> Void) throws(E) {
        var failure: E?
        withoutActuallyEscaping(deliver) { deliver in
            body(ChunkSink { piece in
                do throws(E) { try deliver(piece) } catch {
                    failure = error
                    return false
                }
                return true
            })
        }
        if let failure { throw failure }
    }

    /// What a streaming array throws to stop once the sink has failed.
    struct Stopped: Error {}
}

/// Appends pretty-printed JSON to a byte buffer, in the layout of Python's `json.dumps(indent=2)`.
///
/// The bytes live in one growable buffer written through a pointer (copied only when a shared writer
/// is changed): a store is millions of small appends.
public struct JSONWriter {
    private final class Storage {
        // Unchecked as in `ICalendarText`: a storage is written only after `unique` made it one
        // writer's alone.
        @exclusivity(unchecked) var bytes: RawBytes

        init(capacity: Int) { bytes = RawBytes(capacity: capacity) }
        deinit { bytes.free() }

        func copy() -> Storage {
            let copy = Storage(capacity: bytes.count)
            copy.bytes.append(contentsOf: bytes.buffer)
            return copy
        }
    }

    private var storage: Storage
    /// Bytes finished before `storage`, in order: the parts of long arrays (`array(inParts:)`) are
    /// kept as they were written, not copied together.
    private var chunks: [Storage] = []
    /// Where finished bytes are handed as soon as they are final (a save or an export writes its
    /// file while the rest is still made); nil keeps them all until the end. The chunks sent are
    /// kept too, but the long arrays (`array(streaming:)`) are never kept.
    var sink: ChunkSink?
    /// How many of `chunks` the sink has had.
    private var sent = 0
    private var depth = 0
    private var first = true
    /// Also escape DEL, C1 controls and bidirectional controls as \uXXXX: the same JSON value, but
    /// nothing a terminal would act on when the output is shown raw. The store file does not use it.
    public var escapesTerminalControls = false

    public init(escapesTerminalControls: Bool = false) {
        self.escapesTerminalControls = escapesTerminalControls
        storage = Storage(capacity: 1 << 16)
    }

    /// A writer for the elements of an array at `depth`, the first at position `first` (a part of
    /// a long array written on its own: see `elements`).
    init(elementsAt depth: Int, capacity: Int) {
        storage = Storage(capacity: capacity)
        self.depth = depth
    }

    /// The document's bytes (a copy; `withChunks` lends them).
    public var bytes: [UInt8] {
        var all = [UInt8]()
        all.reserveCapacity((chunks + [storage]).reduce(0) { $0 + $1.bytes.count })
        for chunk in chunks + [storage] { all.append(contentsOf: chunk.bytes.buffer) }
        return all
    }

    /// Calls `body` with the document's bytes in pieces, in order.
    public func withChunks<R, E: Error>(_ body: ([UnsafeBufferPointer<UInt8>]) throws(E) -> R) throws(E) -> R {
        // The storages stay alive while `body` runs: this writer holds them.
        try withExtendedLifetime(chunks) { () throws(E) -> R in try body((chunks + [storage]).map { $0.bytes.buffer }) }
    }

    /// The document as text.
    public var text: String {
        chunks.isEmpty ? String(decoding: storage.bytes.buffer, as: UTF8.self) : String(decoding: bytes, as: UTF8.self)
    }

    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) { unique.bytes.append(byte) }

    @inline(__always)
    private mutating func put(_ text: StaticString) {
        unique.bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        // An object with no fields is taken back; having none, it made no chunks.
        let mark = storage.bytes.count
        put(UInt8(ascii: "{"))
        depth += 1
        first = true
        body(&self)
        depth -= 1
        if first {
            unique.bytes.truncate(to: mark)
            put("{}")
        } else {
            newline()
            put(UInt8(ascii: "}"))
        }
        first = false
    }

    public mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        put(UInt8(ascii: "["))
        depth += 1
        var empty = true
        for item in items {
            if !empty { put(UInt8(ascii: ",")) }
            empty = false
            newline()
            body(&self, item)
        }
        depth -= 1
        if !empty { newline() }
        put(UInt8(ascii: "]"))
    }

    /// The same as `array`, with the elements written in parallel parts (each into its own writer,
    /// kept as it is, in order): the same bytes as `array` gives. For a writer that holds its whole
    /// document (a writer with a sink streams: `array(streaming:)`).
    mutating func array<Item: Sendable>(inParts items: [Item], minimum: Int = 2_048, cores: Int = Parallel.cores,
                                        _ body: @escaping @Sendable (inout JSONWriter, Item) -> Void) {
        precondition(sink == nil, "a writer with a sink streams its long arrays")
        let ranges = Parallel.ranges(items.count, minimum: minimum, cores: cores)
        guard ranges.count > 1 else { return array(items, body) }
        put(UInt8(ascii: "["))
        _ = unique
        chunks.append(storage)
        storage = Storage(capacity: 1 << 16)
        let elementDepth = depth + 1
        let parts = Column<JSONWriter?>(count: ranges.count, repeating: nil)
        let escapes = escapesTerminalControls
        Parallel.run(ranges.count, cores: cores) { k in
            let range = ranges[k]
            var w = JSONWriter(elementsAt: elementDepth, capacity: 1 << 16)
            w.escapesTerminalControls = escapes
            for i in range {
                if i > 0 { w.put(UInt8(ascii: ",")) }
                w.newline()
                body(&w, items[i])
                // Room for the whole part, judged from its first elements (growing by doubling
                // would copy and touch twice the memory).
                if i == range.lowerBound + 63 { w.unique.bytes.reserve(w.storage.bytes.count / 64 * range.count * 9 / 8) }
            }
            parts[k] = w
        }
        for part in parts.array() { chunks += part!.chunks + [part!.storage] }
        newline()
        put(UInt8(ascii: "]"))
    }

    /// The same as `array`, for a writer with a sink: the elements are written in parts of
    /// `partSize` (`Parallel.stream`: made on `cores` threads, each part into a writer reused) and
    /// handed to the sink in order as they are done, after everything before the array. Nothing of
    /// the array is kept: a save or an export streams to its file in pieces of about a megabyte.
    /// Once the sink has failed no more parts are made (what follows is dropped by the sink).
    mutating func array<Item: Sendable>(streaming items: [Item], partSize: Int, cores: Int = Parallel.cores,
                                        _ body: @escaping @Sendable (inout JSONWriter, Item) -> Void) {
        guard let sink, !items.isEmpty else { return array(items, body) }
        put(UInt8(ascii: "["))
        send()
        let elementDepth = depth + 1
        let escapes = escapesTerminalControls
        if !sink.stopped {
            try? Parallel.stream(items.count, partSize: partSize, cores: cores, capacity: 1 << 20) { (range, w: inout JSONWriter) in
                w.depth = elementDepth
                w.escapesTerminalControls = escapes
                for i in range {
                    if i > 0 { w.put(UInt8(ascii: ",")) }
                    w.newline()
                    body(&w, items[i])
                }
            } deliver: { (piece) throws(ChunkSink.Stopped) in
                sink.take(piece)
                if sink.stopped { throw ChunkSink.Stopped() }
            }
        }
        newline()
        put(UInt8(ascii: "]"))
    }

    /// Hands the sink every finished chunk it has not had yet (the current storage too, which is
    /// then finished: writing goes on in a new one).
    mutating func send() {
        guard let sink else { return }
        if storage.bytes.count > 0 {
            _ = unique
            chunks.append(storage)
            storage = Storage(capacity: 1 << 16)
        }
        for chunk in chunks[sent...] { sink.take(chunk.bytes.buffer) }
        sent = chunks.count
    }

    public mutating func field(_ key: String, _ value: (inout JSONWriter) -> Void) {
        if !first { put(UInt8(ascii: ",")) }
        first = false
        newline()
        string(key)
        put(": ")
        value(&self)
        first = false
    }

    /// A field on its own, `"key": value`, with no comma or line break before it: text written once
    /// and copied into objects with `field(written:)` (a writer of such pieces holds no object).
    mutating func member(_ key: String, _ value: (inout JSONWriter) -> Void) {
        string(key)
        put(": ")
        value(&self)
    }

    /// A field written before by `member`, as `field` would write it here: the comma and the line
    /// break, then its bytes.
    mutating func field(written: UnsafeBufferPointer<UInt8>) {
        if !first { put(UInt8(ascii: ",")) }
        first = false
        newline()
        unique.bytes.append(contentsOf: written)
    }

    /// How many bytes the writer holds.
    var count: Int { chunks.reduce(storage.bytes.count) { $0 + $1.bytes.count } }

    public mutating func optional(_ key: String, _ value: String?) {
        if let value { field(key) { $0.string(value) } }
    }

    public mutating func newline() {
        let out = unique
        let n = depth * 2
        if n < JSONWriter.lineBreak.utf8CodeUnitCount {
            out.bytes.append(contentsOf: UnsafeBufferPointer(start: JSONWriter.lineBreak.utf8Start, count: n + 1))
        } else {
            out.bytes.append(0x0A)
            for _ in 0..<n { out.bytes.append(0x20) }
        }
    }

    /// A line break and the indentation of up to fifteen levels, as one static text.
    private static let lineBreak: StaticString = "\n                              "

    public mutating func integer(_ value: Int) {
        // The digits, written backwards into a small buffer (no string made).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var v = value.magnitude, at = 24
            repeat {
                at -= 1
                digits[at] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            } while v > 0
            if value < 0 {
                at -= 1
                digits[at] = UInt8(ascii: "-")
            }
            unique.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[at..<24]))
        }
    }

    /// A local date-time as a string, "2024-11-13T10:00" (what its `description` says, written
    /// straight in).
    mutating func localDateTime(_ t: LocalDateTime) {
        guard (1_000...9_999).contains(t.date.year) else { return string(t.description) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 18) { b in
            func put(_ value: Int, _ digits: Int, at: Int) {
                var v = value
                for k in stride(from: digits - 1, through: 0, by: -1) {
                    b[at + k] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                }
            }
            b[0] = UInt8(ascii: "\"")
            put(t.date.year, 4, at: 1)
            b[5] = UInt8(ascii: "-")
            put(t.date.month, 2, at: 6)
            b[8] = UInt8(ascii: "-")
            put(t.date.day, 2, at: 9)
            b[11] = UInt8(ascii: "T")
            put(t.hour, 2, at: 12)
            b[14] = UInt8(ascii: ":")
            put(t.minute, 2, at: 15)
            b[17] = UInt8(ascii: "\"")
            unique.bytes.append(contentsOf: UnsafeBufferPointer(b))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    public mutating func bool(_ value: Bool) { value ? put("true") : put("false") }

    public mutating func null() { put("null") }

    public mutating func string(_ value: String) {
        let out = unique
        out.bytes.append(UInt8(ascii: "\""))
        var text = value
        let terminal = escapesTerminalControls
        text.withUTF8 { JSONWriter.appendEscapedRuns($0, &out.bytes, terminal: terminal) }
        out.bytes.append(UInt8(ascii: "\""))
    }

    /// Appends UTF-8 bytes, copying runs that need no escape in one step; the runs are found eight
    /// bytes at a time (a quote, a backslash or a control character ends one; with `terminal`, also
    /// DEL and any byte of a letter past ASCII, whose scalar is then decoded and escaped as \uXXXX
    /// when a terminal would act on it).
    private static func appendEscapedRuns(_ utf8: UnsafeBufferPointer<UInt8>, _ bytes: inout RawBytes, terminal: Bool = false) {
        guard let base = utf8.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var runStart = 0, i = 0
        while i < utf8.count {
            // Past every word with nothing to escape (bytes of 0x80 and up are copied as they are:
            // only their high bit is set, which the tests below ignore).
            while i + 8 <= utf8.count {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let plain = w & ~WordBytes.high(w)  // the low seven bits of each byte, for the comparisons
                var stop = (WordBytes.equal(plain, 0x22) | WordBytes.equal(plain, 0x5C) | WordBytes.below(plain, 0x20)) & ~w
                if terminal { stop |= WordBytes.high(w) | WordBytes.equal(w, 0x7F) }
                if stop != 0 { break }
                i += 8
            }
            guard i < utf8.count else { break }
            let byte = utf8[i]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                if i > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                appendEscaped(byte, &bytes)
                runStart = i + 1
            } else if terminal && byte >= 0x7F {
                // One scalar of valid UTF-8 (a String's bytes are): its length from the lead byte.
                let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                var value = length == 1 ? UInt32(byte) : UInt32(byte) & (0xFF >> UInt32(length + 1))
                for k in 1..<length { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
                if let scalar = Unicode.Scalar(value), DisplayText.needsReplacement(scalar) {
                    if i > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                    appendUnicodeEscape(value, &bytes)
                    runStart = i + length
                }
                i += length
                continue
            }
            i += 1
        }
        if utf8.count > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
    }

    @inline(__always)
    private static func appendEscaped(_ byte: UInt8, _ bytes: inout RawBytes) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
        case 0..<0x20: appendUnicodeEscape(UInt32(byte), &bytes)
        default: bytes.append(byte)
        }
    }

    /// "\u001b": four lowercase hex digits, as Python writes them (only BMP scalars reach here).
    private static func appendUnicodeEscape(_ value: UInt32, _ bytes: inout RawBytes) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(JSONWriter.hex[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
