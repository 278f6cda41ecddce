/// Maps the TZIDs that calendars write to IANA zones: IANA ids themselves, Windows names as Outlook
/// and Exchange write them ("Eastern Standard Time"), Outlook's display names ("(UTC-05:00) Eastern
/// Time (US & Canada)"), and ids with a vendor prefix ("/mozilla.org/20050126_1/America/New_York").
public enum CalendarZones {
    /// Windows zone names to IANA (CLDR windowsZones, territory 001), the common ones.
    static let windows: [String: String] = [
        "Dateline Standard Time": "Etc/GMT+12", "UTC-11": "Etc/GMT+11", "Hawaiian Standard Time": "Pacific/Honolulu",
        "Alaskan Standard Time": "America/Anchorage", "Pacific Standard Time": "America/Los_Angeles",
        "Pacific Standard Time (Mexico)": "America/Tijuana", "US Mountain Standard Time": "America/Phoenix",
        "Mountain Standard Time": "America/Denver", "Central America Standard Time": "America/Guatemala",
        "Central Standard Time": "America/Chicago", "Central Standard Time (Mexico)": "America/Mexico_City",
        "Canada Central Standard Time": "America/Regina", "SA Pacific Standard Time": "America/Bogota",
        "Eastern Standard Time": "America/New_York", "US Eastern Standard Time": "America/Indiana/Indianapolis",
        "Eastern Standard Time (Mexico)": "America/Cancun", "Atlantic Standard Time": "America/Halifax",
        "Newfoundland Standard Time": "America/St_Johns", "E. South America Standard Time": "America/Sao_Paulo",
        "Argentina Standard Time": "America/Argentina/Buenos_Aires", "SA Western Standard Time": "America/La_Paz",
        "Pacific SA Standard Time": "America/Santiago", "UTC": "UTC", "Coordinated Universal Time": "UTC",
        "GMT Standard Time": "Europe/London", "Greenwich Standard Time": "Atlantic/Reykjavik",
        "W. Europe Standard Time": "Europe/Berlin", "Central Europe Standard Time": "Europe/Budapest",
        "Romance Standard Time": "Europe/Paris", "Central European Standard Time": "Europe/Warsaw",
        "W. Central Africa Standard Time": "Africa/Lagos", "GTB Standard Time": "Europe/Bucharest",
        "E. Europe Standard Time": "Europe/Chisinau", "FLE Standard Time": "Europe/Kyiv", "Israel Standard Time": "Asia/Jerusalem",
        "South Africa Standard Time": "Africa/Johannesburg", "Egypt Standard Time": "Africa/Cairo",
        "Turkey Standard Time": "Europe/Istanbul", "Russian Standard Time": "Europe/Moscow",
        "E. Africa Standard Time": "Africa/Nairobi", "Arab Standard Time": "Asia/Riyadh", "Arabian Standard Time": "Asia/Dubai",
        "Iran Standard Time": "Asia/Tehran", "Pakistan Standard Time": "Asia/Karachi", "India Standard Time": "Asia/Kolkata",
        "Nepal Standard Time": "Asia/Kathmandu", "Bangladesh Standard Time": "Asia/Dhaka", "Myanmar Standard Time": "Asia/Yangon",
        "SE Asia Standard Time": "Asia/Bangkok", "China Standard Time": "Asia/Shanghai", "Singapore Standard Time": "Asia/Singapore",
        "W. Australia Standard Time": "Australia/Perth", "Taipei Standard Time": "Asia/Taipei", "Tokyo Standard Time": "Asia/Tokyo",
        "Korea Standard Time": "Asia/Seoul", "Cen. Australia Standard Time": "Australia/Adelaide",
        "AUS Central Standard Time": "Australia/Darwin", "E. Australia Standard Time": "Australia/Brisbane",
        "AUS Eastern Standard Time": "Australia/Sydney", "Tasmania Standard Time": "Australia/Hobart",
        "New Zealand Standard Time": "Pacific/Auckland", "Fiji Standard Time": "Pacific/Fiji",
    ]

    /// Outlook's display names, by a distinctive part.
    static let displayNames: [(String, String)] = [
        ("Eastern Time (US & Canada)", "America/New_York"), ("Central Time (US & Canada)", "America/Chicago"),
        ("Mountain Time (US & Canada)", "America/Denver"), ("Pacific Time (US & Canada)", "America/Los_Angeles"),
        ("Canberra, Melbourne, Sydney", "Australia/Sydney"), ("Dublin, Edinburgh, Lisbon, London", "Europe/London"),
        ("Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Berlin"), ("Brussels, Copenhagen, Madrid, Paris", "Europe/Paris"),
        ("Nairobi", "Africa/Nairobi"), ("Osaka, Sapporo, Tokyo", "Asia/Tokyo"), ("Coordinated Universal Time", "UTC"),
        ("Chennai, Kolkata, Mumbai, New Delhi", "Asia/Kolkata"), ("Auckland, Wellington", "Pacific/Auckland"),
    ]

    /// The zone a TZID names, or nil.
    public static func zone(forTZID raw: String) -> Zone? {
        let tzid = raw.trimmingSpaces.trimmingQuotes
        if let zone = Zone.named(tzid) { return zone }
        if let id = windows[tzid], let zone = Zone.named(id) { return zone }
        for (part, id) in displayNames where tzid.contains(part) { return Zone.named(id) }
        // A vendor prefix: take the longest "Region/City" tail that names a zone.
        let parts = tzid.split(separator: "/")
        for start in parts.indices where start < parts.count - 1 {
            if let zone = Zone.named(parts[start...].joined(separator: "/")), ZoneRegistry.shared.knownIdentifiers.contains(zone.identifier) { return zone }
        }
        return nil
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
