/// Maps the TZIDs that calendars write to IANA zones: IANA ids themselves, Windows names as Outlook
/// and Exchange write them ("Eastern Standard Time", every name in CLDR's table: `WindowsZones`),
/// Outlook's display names ("(UTC-05:00) Eastern Time (US & Canada)"), old and POSIX-style ids
/// ("US/Eastern", "US-Eastern", "EST5EDT"), and ids with a vendor prefix
/// ("/mozilla.org/20050126_1/America/New_York").
public enum CalendarZones {
    /// Outlook's display names, by a distinctive part.
    static let displayNames: [(String, String)] = [
        ("Eastern Time (US & Canada)", "America/New_York"), ("Central Time (US & Canada)", "America/Chicago"),
        ("Mountain Time (US & Canada)", "America/Denver"), ("Pacific Time (US & Canada)", "America/Los_Angeles"),
        ("Canberra, Melbourne, Sydney", "Australia/Sydney"), ("Dublin, Edinburgh, Lisbon, London", "Europe/London"),
        ("Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Berlin"), ("Brussels, Copenhagen, Madrid, Paris", "Europe/Paris"),
        ("Nairobi", "Africa/Nairobi"), ("Osaka, Sapporo, Tokyo", "Asia/Tokyo"), ("Coordinated Universal Time", "UTC"),
        ("Chennai, Kolkata, Mumbai, New Delhi", "Asia/Kolkata"), ("Auckland, Wellington", "Pacific/Auckland"),
    ]

    /// The zone a TZID names, or nil. Names longer than 256 characters name nothing (the longest
    /// names calendars write are Outlook's display names, under 100).
    public static func zone(forTZID raw: String) -> Zone? {
        guard raw.utf8.count <= 256 else { return nil }
        let tzid = raw.trimmingSpaces.trimmingQuotes
        // An old alias first, so that "US/Eastern" is stored as tzdata's current name.
        if let id = WindowsZones.aliases[tzid], let zone = Zone.named(id) { return zone }
        if let zone = Zone.named(tzid) { return zone }
        if let id = WindowsZones.iana[tzid], let zone = Zone.named(id) { return zone }
        for (part, id) in displayNames where tzid.contains(part) { return Zone.named(id) }
        // A vendor prefix: take the longest "Region/City" tail that names a zone. IANA ids have at
        // most three parts ("America/Argentina/Buenos_Aires"), so only the last three are tried.
        let parts = tzid.split(separator: "/").suffix(3)
        for start in parts.indices where start < parts.endIndex - 1 {
            let tail = parts[start...].joined(separator: "/")
            if let zone = Zone.named(WindowsZones.aliases[tail] ?? tail) { return zone }
        }
        return nil
    }

    /// Whether a TZID is itself an IANA id (its own rules are then IANA's, whatever the file says).
    static func isIANA(_ raw: String) -> Bool {
        let tzid = raw.trimmingSpaces.trimmingQuotes
        return Zone.named(tzid)?.identifier == tzid
    }
}

extension String {
    var trimmingQuotes: String {
        var s = Substring(self)
        while s.first == "\"" { s = s.dropFirst() }
        while s.last == "\"" { s = s.dropLast() }
        return String(s)
    }
}
