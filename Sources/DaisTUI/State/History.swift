import DaisCore

/// One change to one record: what it was and what it became (nil for absent).
public enum Change: Hashable, Sendable {
    case panel(old: Panel?, new: Panel?)
    case person(old: Person?, new: Person?)
    case organization(old: Organization?, new: Organization?)
    case series(old: Series?, new: Series?)
    case settings(old: Settings, new: Settings)

    /// The change that undoes this one.
    public var inverse: Change {
        switch self {
        case let .panel(old, new): return .panel(old: new, new: old)
        case let .person(old, new): return .person(old: new, new: old)
        case let .organization(old, new): return .organization(old: new, new: old)
        case let .series(old, new): return .series(old: new, new: old)
        case let .settings(old, new): return .settings(old: new, new: old)
        }
    }
}

/// One undoable step: a labelled group of changes ("Add Evgenia Kara-Murza to the roster").
public struct Edit: Hashable, Sendable {
    public let label: String
    public let changes: [Change]

    public init(_ label: String, _ changes: [Change]) {
        self.label = label
        self.changes = changes
    }

    public var inverse: Edit { Edit(label, changes.reversed().map(\.inverse)) }
}

/// Undo and redo stacks of edits; each step stores only the records it changed, so undo costs the
/// size of the edit, not of the store.
public struct History: Hashable, Sendable {
    public private(set) var done: [Edit] = []
    public private(set) var undone: [Edit] = []
    /// How many edits had been done when the store was last saved or loaded (nil: that state is gone).
    public private(set) var savedAt: Int? = 0
    public static let limit = 1000

    public init() {}

    public var isModified: Bool { savedAt != done.count }

    public mutating func record(_ edit: Edit) {
        done.append(edit)
        if let s = savedAt, s > done.count - 1 { savedAt = nil }  // the saved state was undone and is now unreachable
        undone.removeAll()
        if done.count > History.limit {
            done.removeFirst()
            savedAt = savedAt.map { $0 - 1 }.flatMap { $0 < 0 ? nil : $0 }
        }
    }

    public mutating func popUndo() -> Edit? {
        guard let edit = done.popLast() else { return nil }
        undone.append(edit)
        return edit
    }

    public mutating func popRedo() -> Edit? {
        guard let edit = undone.popLast() else { return nil }
        done.append(edit)
        return edit
    }

    public mutating func markSaved() { savedAt = done.count }

    /// Forget everything (after a reload).
    public mutating func reset(modified: Bool = false) {
        done = []
        undone = []
        savedAt = modified ? nil : 0
    }
}
