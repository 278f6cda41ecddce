import Synchronization

/// The process-wide table of interned id strings: every distinct id is stored once and named by a
/// small number, so that ids compare, hash and index arrays as integers.
///
/// Append-only: a symbol, once given, names its string for the life of the process. One lock guards
/// the dictionary and the array. Texts are keyed as Swift strings: two spellings of one accented
/// letter are one id (ids a store holds are ASCII, where that never arises).
final class SymbolTable: Sendable {
    static let shared = SymbolTable()

    private struct Entries {
        var symbols: [String: UInt32] = [:]
        /// Each symbol's string, at the symbol's position.
        var strings: [String] = []
    }

    private let entries = Mutex(Entries())

    /// The symbol of a string, made when the string is new.
    func intern(_ text: String) -> UInt32 {
        entries.withLock { entries in
            if let symbol = entries.symbols[text] { return symbol }
            precondition(entries.strings.count < Int(UInt32.max), "too many distinct ids")
            let symbol = UInt32(entries.strings.count)
            entries.strings.append(text)
            entries.symbols[text] = symbol
            return symbol
        }
    }

    /// The string a symbol names.
    func string(_ symbol: UInt32) -> String {
        entries.withLock { $0.strings[Int(symbol)] }
    }

    /// Whether the string of `a` sorts before the string of `b` (compared under one lock, without
    /// copying them out).
    func precedes(_ a: UInt32, _ b: UInt32) -> Bool {
        entries.withLock { $0.strings[Int(a)] < $0.strings[Int(b)] }
    }

    /// How many symbols exist: every symbol is below this.
    var count: Int { entries.withLock { $0.strings.count } }
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
