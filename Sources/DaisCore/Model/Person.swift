/// Someone who moderates, sits on a panel or gives remarks.
///
/// A value like any struct, kept in one shared, immutable box that a change replaces (as `Panel`
/// is): reading a person out of the catalog costs one reference count, not one per string.
public struct Person: Hashable, Sendable, Identifiable {
    // The box never changes once made: a change makes a new box (`update`), so a box shared by
    // copies of a person is safe to send and to read without exclusivity checks.
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// The stored fields, as one value.
    private struct Fields: Sendable {
        var id: PersonID
        var name: String
        var title: String?
        var affiliation: String?
        var email: String?
        var homeZone: String?
        var unavailable: [Unavailability]
        var notes: String?
        var wakingHours: WakingHours?
    }

    private var box: Box

    /// Changes fields through a new box (the old one may be shared).
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    public var id: PersonID {
        get { box.fields.id }
        set { update { $0.id = newValue } }
    }
    public var name: String {
        get { box.fields.name }
        set { update { $0.name = newValue } }
    }
    /// "International Advocacy Director"; a roster entry may carry its own line for one appearance.
    public var title: String? {
        get { box.fields.title }
        set { update { $0.title = newValue } }
    }
    public var affiliation: String? {
        get { box.fields.affiliation }
        set { update { $0.affiliation = newValue } }
    }
    public var email: String? {
        get { box.fields.email }
        set { update { $0.email = newValue } }
    }
    /// IANA id of where the person lives, for waking-hours checks and their own agenda.
    public var homeZone: String? {
        get { box.fields.homeZone }
        set { update { $0.homeZone = newValue } }
    }
    /// Windows in which the person cannot speak.
    public var unavailable: [Unavailability] {
        get { box.fields.unavailable }
        set { update { $0.unavailable = newValue } }
    }
    public var notes: String? {
        get { box.fields.notes }
        set { update { $0.notes = newValue } }
    }
    /// The person's own waking hours in their home zone (format 2); nil: the store's.
    public var wakingHours: WakingHours? {
        get { box.fields.wakingHours }
        set { update { $0.wakingHours = newValue } }
    }

    public init(id: PersonID, name: String, title: String? = nil, affiliation: String? = nil, email: String? = nil,
                homeZone: String? = nil, unavailable: [Unavailability] = [], notes: String? = nil, wakingHours: WakingHours? = nil) {
        box = Box(Fields(id: id, name: name, title: title, affiliation: affiliation, email: email, homeZone: homeZone, unavailable: unavailable, notes: notes, wakingHours: wakingHours))
    }

    public static func == (a: Person, b: Person) -> Bool {
        if a.box === b.box { return true }
        return a.id == b.id && a.name == b.name && a.title == b.title && a.affiliation == b.affiliation && a.email == b.email && a.homeZone == b.homeZone && a.unavailable == b.unavailable && a.notes == b.notes
            && a.wakingHours == b.wakingHours
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(name)
        hasher.combine(title)
        hasher.combine(affiliation)
        hasher.combine(email)
        hasher.combine(homeZone)
        hasher.combine(unavailable)
        hasher.combine(notes)
        hasher.combine(wakingHours)
    }

    /// "International Advocacy Director, Free Russia Foundation": title and affiliation as one line.
    public var titleLine: String? {
        switch (title?.nonEmpty, affiliation?.nonEmpty) {
        case let (t?, a?): return t.containsBytes(of: a) ? t : "\(t), \(a)"
        case let (t?, nil): return t
        case let (nil, a?): return a
        case (nil, nil): return nil
        }
    }
}

/// A window of local time, in a zone, in which a person is unavailable.
public struct Unavailability: Hashable, Sendable {
    public var start: LocalDateTime
    public var end: LocalDateTime
    /// IANA id.
    public var zone: String

    public init(start: LocalDateTime, end: LocalDateTime, zone: String) {
        self.start = start
        self.end = end
        self.zone = zone
    }
}

extension String {
    /// Nil for an empty or all-space string.
    public var nonEmpty: String? {
        // Any byte that is not ASCII white space means there is text (non-ASCII spaces are rare).
        for byte in utf8 where !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) {
            if byte < 0x80 { return self }
            return trimmingSpaces.isEmpty ? nil : self
        }
        return nil
    }
}

extension String {
    /// True when the other string's UTF-8 bytes appear in this one's as a run (no copies made).
    func containsBytes(of other: String) -> Bool {
        let h = utf8.span, n = other.utf8.span
        guard !n.isEmpty else { return true }
        guard h.count >= n.count else { return false }
        for i in 0...(h.count - n.count) where h[i] == n[0] {
            var k = 1
            while k < n.count && h[i + k] == n[k] { k += 1 }
            if k == n.count { return true }
        }
        return false
    }
}
