import DaisCore

/// Ids kept sorted by a key, updated one record at a time by binary search: the panel list by start,
/// the directories by name. An edit costs a search and one insertion, never a re-sort.
public struct SortedIndex<ID: Hashable & Sendable, Key: Comparable & Sendable>: Sendable {
    public private(set) var ids: [ID] = []
    private var keys: [Key] = []
    private var keyOf: [ID: Key] = [:]

    public init() {}

    public init(_ entries: [(ID, Key)]) {
        let sorted = entries.sorted { $0.1 < $1.1 }
        ids = sorted.map(\.0)
        keys = sorted.map(\.1)
        keyOf = Dictionary(sorted, uniquingKeysWith: { first, _ in first })
    }

    public var count: Int { ids.count }

    /// Where an id is, or nil.
    public func position(of id: ID) -> Int? {
        guard let key = keyOf[id] else { return nil }
        let i = lowerBound(key)
        return i < ids.count && ids[i] == id ? i : nil
    }

    /// The first position whose key is not less than `key`.
    public func lowerBound(_ key: Key) -> Int {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    public func key(of id: ID) -> Key? { keyOf[id] }

    public func key(at position: Int) -> Key { keys[position] }

    /// Removes an id (if present) and inserts it again with a new key (nil: only remove).
    public mutating func update(_ id: ID, key: Key?) {
        if let position = position(of: id) {
            ids.remove(at: position)
            keys.remove(at: position)
            keyOf[id] = nil
        }
        guard let key else { return }
        let i = lowerBound(key)
        ids.insert(id, at: i)
        keys.insert(key, at: i)
        keyOf[id] = key
    }
}

/// How panels are ordered: by start instant (panels whose time cannot be placed last), then local
/// start, then id. Zone-independent, so switching the display zone never re-sorts.
public struct PanelSortKey: Comparable, Hashable, Sendable {
    public let instant: Int64
    public let local: LocalDateTime
    public let id: PanelID

    public init(instant: Int64, local: LocalDateTime, id: PanelID) {
        self.instant = instant
        self.local = local
        self.id = id
    }

    public init(_ panel: Panel) {
        instant = (try? panel.slot().get().span.start.secondsSinceEpoch) ?? Int64.max
        local = panel.start
        id = panel.id
    }

    public static func < (a: PanelSortKey, b: PanelSortKey) -> Bool {
        if a.instant != b.instant { return a.instant < b.instant }
        if a.local != b.local { return a.local < b.local }
        return a.id < b.id
    }
}

/// How people and organizations are ordered: folded name, then id.
public struct NameSortKey<ID: Comparable & Hashable & Sendable>: Comparable, Hashable, Sendable {
    public let name: String
    public let id: ID

    public init(name: String, id: ID) {
        self.name = NameFolding.sortKey(name)
        self.id = id
    }

    public static func < (a: NameSortKey, b: NameSortKey) -> Bool { a.name != b.name ? a.name < b.name : a.id < b.id }
}
