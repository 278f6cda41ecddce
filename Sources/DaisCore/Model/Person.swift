/// Someone who moderates, sits on a panel or gives remarks.
public struct Person: Hashable, Sendable, Identifiable {
    public var id: PersonID
    public var name: String
    /// "International Advocacy Director"; a roster entry may carry its own line for one appearance.
    public var title: String?
    public var affiliation: String?
    public var email: String?
    /// IANA id of where the person lives, for waking-hours checks and their own agenda.
    public var homeZone: String?
    /// Windows in which the person cannot speak.
    public var unavailable: [Unavailability]
    public var notes: String?

    public init(id: PersonID, name: String, title: String? = nil, affiliation: String? = nil, email: String? = nil,
                homeZone: String? = nil, unavailable: [Unavailability] = [], notes: String? = nil) {
        self.id = id
        self.name = name
        self.title = title
        self.affiliation = affiliation
        self.email = email
        self.homeZone = homeZone
        self.unavailable = unavailable
        self.notes = notes
    }

    /// "International Advocacy Director, Free Russia Foundation": title and affiliation as one line.
    public var titleLine: String? {
        switch (title?.nonEmpty, affiliation?.nonEmpty) {
        case let (t?, a?): return t.utf8.contains(subsequence: a.utf8) ? t : "\(t), \(a)"
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

extension Sequence where Element == UInt8 {
    /// True when the bytes contain `needle` as a contiguous run.
    func contains<C: Collection>(subsequence needle: C) -> Bool where C.Element == UInt8 {
        let hay = Array(self), pattern = Array(needle)
        guard !pattern.isEmpty else { return true }
        guard hay.count >= pattern.count else { return false }
        for i in 0...(hay.count - pattern.count) where hay[i] == pattern[0] {
            if hay[i..<(i + pattern.count)].elementsEqual(pattern) { return true }
        }
        return false
    }
}
