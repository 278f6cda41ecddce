/// Small numbers given to ids as the schedule meets them, found by the id's interned symbol: an
/// integer key, which the standard library hashes in one step (an id as a key would go through a
/// full `Hasher` of its own).
struct Numbering<Kind>: Sendable {
    private var numbers: [UInt32: Int32] = [:]

    subscript(id: Identifier<Kind>) -> Int? {
        get { numbers[id.symbol].map { Int($0) } }
        set { numbers[id.symbol] = newValue.map { Int32($0) } }
    }

    mutating func reserveCapacity(_ count: Int) { numbers.reserveCapacity(count) }
}
