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
            precondition(entries.strings.count < Int(UInt32.max), "too many distinct ids")
            let next = UInt32(entries.strings.count)
            // One lookup: reached through `inout`, the subscript with a default stores `next` when
            // the text is new (a store's load interns every id it holds).
            let symbol = Self.value(&entries.symbols[text, default: next])
            if symbol == next { entries.strings.append(text) }
            return symbol
        }
    }

    private static func value(_ slot: inout UInt32) -> UInt32 { slot }

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
