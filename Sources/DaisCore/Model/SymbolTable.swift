import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The process-wide table of interned id strings: every distinct id is stored once and named by a
/// small number, so that ids compare, hash and index arrays as integers.
///
/// Append-only: a symbol, once given, names its string for the life of the process. Interning takes
/// a lock; reading a symbol's string does not (pages never move, and a symbol reaches another thread
/// only through a value passed with the usual synchronization, after its slot was written).
final class SymbolTable: @unchecked Sendable {
    static let shared = SymbolTable()

    private static let pageBits = 12
    private static let pageSize = 1 << pageBits
    private static let maxPages = 1 << 18  // a billion symbols

    /// Symbols by the hash of their bytes: open addressing, each slot a symbol plus one (0 is empty).
    /// Looked up by bytes, so that a reference read from a file finds its symbol without a string
    /// being made (written and read under the lock).
    private let lock = Mutex<Void>(())
    private var slots: UnsafeMutableBufferPointer<UInt32>
    /// Each slot's hash, so that a probe compares bytes only when the hashes agree, and growing
    /// places every symbol again without hashing it again.
    private var hashes: UnsafeMutableBufferPointer<UInt64>
    private let pages: UnsafeMutablePointer<UnsafeMutablePointer<String>?>
    /// Each symbol's `Order`, in pages beside its string's.
    private let orderPages: UnsafeMutablePointer<UnsafeMutablePointer<Order>?>
    /// Symbols given so far (written under the lock).
    private var issued: UInt32 = 0

    private init() {
        pages = .allocate(capacity: Self.maxPages)
        pages.initialize(repeating: nil, count: Self.maxPages)
        orderPages = .allocate(capacity: Self.maxPages)
        orderPages.initialize(repeating: nil, count: Self.maxPages)
        slots = .allocate(capacity: 1 << 12)
        slots.initialize(repeating: 0)
        hashes = .allocate(capacity: 1 << 12)
        hashes.initialize(repeating: 0)
    }

    /// The symbol of a string, made when the string is new.
    func intern(_ text: String) -> UInt32 {
        var copy = text
        return copy.withUTF8 { bytes in intern(bytes, string: text) }
    }

    /// The symbol of a string given as UTF-8 bytes (valid UTF-8), made when the string is new; the
    /// string itself is made only then.
    func intern(bytes: UnsafeBufferPointer<UInt8>) -> UInt32 { intern(bytes, string: nil) }

    private func intern(_ bytes: UnsafeBufferPointer<UInt8>, string: String?) -> UInt32 {
        let hash = Self.hash(bytes)
        return lock.withLock { _ in
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] != 0 {
                let symbol = slots[i] - 1
                if hashes[i] == hash && Self.equal(self.string(symbol), bytes) { return symbol }
                i = (i + 1) & mask
            }
            let symbol = issued
            let page = Int(symbol) >> Self.pageBits
            precondition(page < Self.maxPages, "too many distinct ids")
            if pages[page] == nil {
                pages[page] = .allocate(capacity: Self.pageSize)
                orderPages[page] = .allocate(capacity: Self.pageSize)
            }
            (pages[page]! + (Int(symbol) & (Self.pageSize - 1))).initialize(to: string ?? String(decoding: bytes, as: UTF8.self))
            (orderPages[page]! + (Int(symbol) & (Self.pageSize - 1))).initialize(to: Order(bytes))
            slots[i] = symbol + 1
            hashes[i] = hash
            issued = symbol + 1
            if Int(issued) * 2 > slots.count { grow() }
            return symbol
        }
    }

    /// Twice the slots, every symbol placed again (under the lock).
    private func grow() {
        let (old, oldHashes) = (slots, hashes)
        slots = .allocate(capacity: old.count * 2)
        slots.initialize(repeating: 0)
        hashes = .allocate(capacity: old.count * 2)
        hashes.initialize(repeating: 0)
        let mask = slots.count - 1
        for k in old.indices where old[k] != 0 {
            var i = Int(truncatingIfNeeded: oldHashes[k]) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = old[k]
            hashes[i] = oldHashes[k]
        }
        old.deallocate()
        oldHashes.deallocate()
    }

    /// A fast hash of bytes, eight at a time.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
        let raw = UnsafeRawBufferPointer(bytes)
        var i = 0
        while i + 8 <= raw.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        while i < raw.count {
            tail = tail << 8 | UInt64(raw[i])
            i += 1
        }
        h = (h ^ tail) &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 32)
    }

    @inline(__always)
    private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var string = string
        return string.withUTF8 { s in s.count == bytes.count && (s.count == 0 || memcmp(s.baseAddress!, bytes.baseAddress!, s.count) == 0) }
    }

    /// The string a symbol names.
    @inline(__always)
    func string(_ symbol: UInt32) -> String {
        pages[Int(symbol) >> Self.pageBits].unsafelyUnwrapped[Int(symbol) & (Self.pageSize - 1)]
    }

    /// A symbol's order key (see `Order`).
    @inline(__always)
    func order(_ symbol: UInt32) -> Order {
        orderPages[Int(symbol) >> Self.pageBits].unsafelyUnwrapped[Int(symbol) & (Self.pageSize - 1)]
    }

    /// How a symbol's string sorts, as plain numbers: its first 24 bytes as big-endian words. For
    /// strings of ASCII without zero bytes (every id a store can hold) the words order them as their
    /// text does (the zeros after a short string sort it before longer ones); when the words are
    /// equal and one string is longer than they hold, or a string is not such ASCII, only the texts
    /// can tell. Sorting by words reads a small array instead of two strings far apart in memory.
    struct Order: Sendable {
        let words: (UInt64, UInt64, UInt64)
        /// ASCII without zero bytes.
        let plain: Bool
        /// Plain, and at most 24 bytes: the words are the whole string.
        let whole: Bool

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var w: (UInt64, UInt64, UInt64) = (0, 0, 0)
            var plain = true
            for (i, byte) in bytes.enumerated() {
                if byte == 0 || byte >= 0x80 { plain = false }
                guard i < 24 else { continue }
                let shifted = UInt64(byte) << (56 - 8 * UInt64(i % 8))
                switch i / 8 {
                case 0: w.0 |= shifted
                case 1: w.1 |= shifted
                default: w.2 |= shifted
                }
            }
            words = w
            self.plain = plain
            whole = plain && bytes.count <= 24
        }

        /// True or false when the words decide `a < b`; nil when only the texts can tell.
        @inline(__always)
        static func precedes(_ a: Order, _ b: Order) -> Bool? {
            guard a.plain && b.plain else { return nil }
            if a.words.0 != b.words.0 { return a.words.0 < b.words.0 }
            if a.words.1 != b.words.1 { return a.words.1 < b.words.1 }
            if a.words.2 != b.words.2 { return a.words.2 < b.words.2 }
            return a.whole && b.whole ? false : nil
        }
    }

    /// How many symbols exist: every symbol is below this.
    var count: Int { lock.withLock { _ in Int(issued) } }
}

/// Symbols of ids read before, by their bytes, for one reader: direct-mapped, each entry holding the
/// id's bytes (up to 32) and its symbol. A store names each person on every roster they are on;
/// those references are found here, in memory the reader keeps warm, without the symbol table's
/// lock or its slots.
final class SymbolCache {
    /// Enough for the people of a large store (each distinct reference needs a place).
    private static let entries = 65_536
    private static let keyBytes = 32
    /// Per entry: the key's bytes, then its length and symbol.
    private let keys = UnsafeMutablePointer<UInt8>.allocate(capacity: entries * keyBytes)
    private let lengths = UnsafeMutablePointer<UInt8>.allocate(capacity: entries)
    private let symbols = UnsafeMutablePointer<UInt32>.allocate(capacity: entries)

    init() { lengths.initialize(repeating: 0, count: Self.entries) }

    deinit {
        keys.deallocate()
        lengths.deallocate()
        symbols.deallocate()
    }

    /// The symbol of the bytes: from the cache, else interned and kept here.
    func symbol(of bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard bytes.count > 0, bytes.count <= Self.keyBytes else { return SymbolTable.shared.intern(bytes: bytes) }
        let e = Int(truncatingIfNeeded: SymbolTable.hash(bytes)) & (Self.entries - 1)
        let key = keys + e * Self.keyBytes
        if Int(lengths[e]) == bytes.count && memcmp(key, bytes.baseAddress!, bytes.count) == 0 { return symbols[e] }
        let symbol = SymbolTable.shared.intern(bytes: bytes)
        key.update(from: bytes.baseAddress!, count: bytes.count)
        lengths[e] = UInt8(bytes.count)
        symbols[e] = symbol
        return symbol
    }
}

/// Small numbers given to ids, kept in an array indexed by the id's symbol: a lookup is one load,
/// with no hashing. For the scheduling core's interned panels, people, series and organizations.
struct SymbolIndex<Kind>: Sendable {
    private var slots: [Int32] = []
    /// How many ids have a number.
    private(set) var count = 0

    subscript(id: Identifier<Kind>) -> Int? {
        let s = Int(id.symbol)
        guard s < slots.count else { return nil }
        let n = slots[s]
        return n < 0 ? nil : Int(n)
    }

    /// Gives `id` the number `number` (a new id: `count` grows by one).
    mutating func insert(_ id: Identifier<Kind>, _ number: Int) {
        let s = Int(id.symbol)
        if s >= slots.count {
            slots.append(contentsOf: repeatElement(-1, count: max(s + 1, Identifier<Kind>.symbolBound) - slots.count))
        }
        if slots[s] < 0 { count += 1 }
        slots[s] = Int32(number)
    }

    /// Room for every symbol issued so far, so that interning a whole catalog never grows the array.
    mutating func reserveAll() {
        let bound = Identifier<Kind>.symbolBound
        if bound > slots.count { slots.append(contentsOf: repeatElement(-1, count: bound - slots.count)) }
    }
}

/// Records found by id through a `SymbolIndex`: the records in one dense array, in the order they
/// were added. For the exports' tables of what they write once per person, series or organization.
struct SymbolRecords<Kind, Record: Sendable>: Sendable {
    private var index = SymbolIndex<Kind>()
    private(set) var records: [Record] = []

    init() { index.reserveAll() }

    subscript(id: Identifier<Kind>) -> Record? {
        @inline(__always) get { index[id].map { records[$0] } }
    }

    /// Adds the record of an id not added before.
    mutating func add(_ id: Identifier<Kind>, _ record: Record) {
        index.insert(id, records.count)
        records.append(record)
    }
}
