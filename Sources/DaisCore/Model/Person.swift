/// Someone who moderates, sits on a panel or gives remarks.
///
/// A value like any struct, kept in one shared box that is copied only when a shared person is
/// changed (as `Panel` is): reading a person out of the catalog costs one reference count, not one
/// per string.
public struct Person: Hashable, Sendable, Identifiable {
    // As in `Panel`: the box is private, read through `get`, and written only after `unique` made it
    // this person's alone.
    // @unchecked: the compiler cannot see that copy-on-write invariant (the one Array relies on).
    private final class Box: @unchecked Sendable {
        var id: PersonID
        var name: String
        var title: String?
        var affiliation: String?
        var email: String?
        var homeZone: String?
        var unavailable: [Unavailability]
        var notes: String?
        var wakingHours: WakingHours?

        init(id: PersonID, name: String, title: String?, affiliation: String?, email: String?, homeZone: String?, unavailable: [Unavailability], notes: String?,
             wakingHours: WakingHours?) {
            self.id = id
            self.name = name
            self.title = title
            self.affiliation = affiliation
            self.email = email
            self.homeZone = homeZone
            self.unavailable = unavailable
            self.notes = notes
            self.wakingHours = wakingHours
        }

        func copy() -> Box {
            Box(id: id, name: name, title: title, affiliation: affiliation, email: email, homeZone: homeZone, unavailable: unavailable, notes: notes,
                wakingHours: wakingHours)
        }
    }

    private var box: Box

    /// The box, copied first when another person shares it.
    private var unique: Box {
        mutating get {
            if !isKnownUniquelyReferenced(&box) { box = box.copy() }
            return box
        }
    }

    public var id: PersonID {
        get { box.id }
        set { unique.id = newValue }
        _modify { yield &unique.id }
    }
    public var name: String {
        get { box.name }
        set { unique.name = newValue }
        _modify { yield &unique.name }
    }
    /// "International Advocacy Director"; a roster entry may carry its own line for one appearance.
    public var title: String? {
        get { box.title }
        set { unique.title = newValue }
        _modify { yield &unique.title }
    }
    public var affiliation: String? {
        get { box.affiliation }
        set { unique.affiliation = newValue }
        _modify { yield &unique.affiliation }
    }
    public var email: String? {
        get { box.email }
        set { unique.email = newValue }
        _modify { yield &unique.email }
    }
    /// IANA id of where the person lives, for waking-hours checks and their own agenda.
    public var homeZone: String? {
        get { box.homeZone }
        set { unique.homeZone = newValue }
        _modify { yield &unique.homeZone }
    }
    /// Windows in which the person cannot speak.
    public var unavailable: [Unavailability] {
        get { box.unavailable }
        set { unique.unavailable = newValue }
        _modify { yield &unique.unavailable }
    }
    public var notes: String? {
        get { box.notes }
        set { unique.notes = newValue }
        _modify { yield &unique.notes }
    }
    /// The person's own waking hours in their home zone (format 2); nil: the store's.
    public var wakingHours: WakingHours? {
        get { box.wakingHours }
        set { unique.wakingHours = newValue }
        _modify { yield &unique.wakingHours }
    }

    public init(id: PersonID, name: String, title: String? = nil, affiliation: String? = nil, email: String? = nil,
                homeZone: String? = nil, unavailable: [Unavailability] = [], notes: String? = nil, wakingHours: WakingHours? = nil) {
        box = Box(id: id, name: name, title: title, affiliation: affiliation, email: email, homeZone: homeZone, unavailable: unavailable, notes: notes,
                  wakingHours: wakingHours)
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
