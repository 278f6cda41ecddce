/// Ids by folded name (`NameFolding.personKey`, `organizationKey`), for the possible-duplicate
/// checks. Kept in shards by the key's hash: the whole-store check fills the shards in parallel
/// parts, and an edit reads and writes one shard.
struct NameIndex<Kind>: Sendable {
    typealias ID = Identifier<Kind>

    private static var shardCount: Int { 16 }
    private var shards: [[String: [ID]]] = Array(repeating: [:], count: NameIndex.shardCount)

    /// A key's shard: FNV-1a of its bytes. The shard needs no seeded hash (the shard's dictionary
    /// hashes the key again with one), and this costs a fifth of `hashValue`.
    private static func shard(_ key: String) -> Int {
        var key = key
        return key.withUTF8 { bytes in
            var hash: UInt32 = 2_166_136_261
            for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return Int(hash % UInt32(shardCount))
        }
    }

    /// The ids holding a key (in the order they were added).
    subscript(key: String) -> [ID] { shards[Self.shard(key)][key] ?? [] }

    /// Moves an id from under its old key (nil: none) to its new one (nil: none; a key goes when no id
    /// is left under it). Returns the keys whose ids changed, to be checked again.
    mutating func refile(_ id: ID, from old: String?, to new: String?) -> Set<String> {
        if let old {
            let s = Self.shard(old)
            shards[s][old]?.removeAll { $0 == id }
            if shards[s][old]?.isEmpty == true { shards[s][old] = nil }
        }
        if let new { shards[Self.shard(new)][new, default: []].append(id) }
        return Set([old, new].compactMap { $0 })
    }

    /// Every id under its key (`keys[i]` is the key of `ids[i]`; nil keys are left out), and what
    /// `shared` makes of each key that several ids hold. The shards are filled in parallel parts.
    static func build<Found: Sendable>(keys: [String?], ids: [ID], cores: Int,
                                       shared: @Sendable ([ID]) -> Found?) -> (index: NameIndex, shared: [(key: String, found: Found)]) {
        let shardOf = Parallel.map(keys, minimum: 2_048, cores: cores) { key in key.map { UInt8(shard($0)) } ?? UInt8.max }
        let ranges = Parallel.ranges(shardCount, minimum: 1, cores: cores)
        let shards = Column<[String: [ID]]>(count: shardCount, repeating: [:])
        let found = Column<[(key: String, found: Found)]>(count: ranges.count, repeating: [])
        Parallel.run(ranges.count, cores: cores) { k in
            let range = ranges[k]
            var local = [[String: [ID]]](repeating: [:], count: range.count)
            for s in local.indices { local[s].reserveCapacity(keys.count / shardCount + 16) }
            for i in keys.indices where range.contains(Int(shardOf[i])) {
                local[Int(shardOf[i]) - range.lowerBound][keys[i]!, default: []].append(ids[i])
            }
            var made: [(key: String, found: Found)] = []
            for (s, shard) in local.enumerated() {
                for (key, members) in shard where members.count > 1 {
                    if let f = shared(members) { made.append((key, f)) }
                }
                shards[range.lowerBound + s] = shard
            }
            found[k] = made
        }
        var index = NameIndex()
        index.shards = shards.array()
        return (index, found.array().flatMap { $0 })
    }
}
