import Synchronization

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

    private let numbers = Mutex<[String: UInt32]>([:])
    private let pages: UnsafeMutablePointer<UnsafeMutablePointer<String>?>
    /// Symbols given so far (written under the lock).
    private var issued: UInt32 = 0

    private init() {
        pages = .allocate(capacity: Self.maxPages)
        pages.initialize(repeating: nil, count: Self.maxPages)
    }

    /// The symbol of a string, made when the string is new.
    func intern(_ text: String) -> UInt32 {
        numbers.withLock { numbers in
            if let known = numbers[text] { return known }
            let symbol = issued
            let page = Int(symbol) >> Self.pageBits
            precondition(page < Self.maxPages, "too many distinct ids")
            if pages[page] == nil { pages[page] = .allocate(capacity: Self.pageSize) }
            (pages[page]! + (Int(symbol) & (Self.pageSize - 1))).initialize(to: text)
            numbers[text] = symbol
            issued = symbol + 1
            return symbol
        }
    }

    /// The string a symbol names.
    @inline(__always)
    func string(_ symbol: UInt32) -> String {
        pages[Int(symbol) >> Self.pageBits].unsafelyUnwrapped[Int(symbol) & (Self.pageSize - 1)]
    }

    /// How many symbols exist: every symbol is below this.
    var count: Int { numbers.withLock { _ in Int(issued) } }
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
