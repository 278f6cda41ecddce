/// Small numbers given to ids as the schedule meets them, found by the id's interned symbol. Symbols
/// are small integers handed out in order (`SymbolTable`), so the numbers sit in an array indexed
/// by symbol: finding one is an index, not a hash and a probe, and the whole check finds one for
/// every roster entry, series, host and co-sponsor of every panel.
struct Numbering<Kind>: Sendable {
    /// By symbol: the number plus one; 0 for an id not numbered.
    private var numbers: [Int32] = []

    subscript(id: Identifier<Kind>) -> Int? {
        get {
            let s = Int(id.symbol)
            guard s < numbers.count, numbers[s] != 0 else { return nil }
            return Int(numbers[s]) - 1
        }
        set {
            let s = Int(id.symbol)
            if s >= numbers.count {
                guard newValue != nil else { return }
                // Room for this symbol and as many more: growing stays amortized.
                numbers.append(contentsOf: repeatElement(0, count: max(s + 1, 2 * numbers.count) - numbers.count))
            }
            numbers[s] = newValue.map { Int32($0 + 1) } ?? 0
        }
    }

    /// Room for the symbols given so far (the ids of a store just read have them all).
    mutating func reserveCapacity() {
        let count = SymbolTable.shared.count
        if numbers.count < count { numbers.append(contentsOf: repeatElement(0, count: count - numbers.count)) }
    }
}
