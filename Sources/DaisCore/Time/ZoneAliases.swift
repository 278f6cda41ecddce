/// What people type for a zone ("EST", "Eastern", "AEDT", "Sydney", "UTC+3") mapped to IANA ids,
/// through the project's own table. Ambiguous abbreviations are refused with their choices.
public enum ZoneAliases {
    /// The answer to a zone typed by a person.
    public enum Lookup: Hashable, Sendable {
        /// A zone; `alias` names the table entry used when the input was not an IANA id itself.
        case found(Zone, alias: String?)
        /// The input names several zones; the person must pick one.
        case ambiguous(input: String, choices: [Choice])
        /// Nothing matches; `suggestions` are close IANA ids.
        case unknown(input: String, suggestions: [String])

        public var zone: Zone? { if case .found(let zone, _) = self { return zone } else { return nil } }

        /// One line for an error message or an inline hint.
        public var message: String {
            switch self {
            case .found(let zone, let alias):
                return alias.map { "\($0) = \(zone.identifier)" } ?? zone.identifier
            case .ambiguous(let input, let choices):
                let list = choices.map { "\($0.zone) (\($0.meaning))" }.joined(separator: ", ")
                return "\"\(input)\" is ambiguous: it can mean \(list); give the IANA zone"
            case .unknown(let input, let suggestions):
                if input.trimmingSpaces.isEmpty { return "no time zone given" }
                let hint = suggestions.isEmpty ? "use an IANA id such as America/New_York or an abbreviation such as EST"
                    : "did you mean \(suggestions.joined(separator: ", "))?"
                return "unknown time zone \"\(input)\": \(hint)"
            }
        }
    }

    /// One reading of an ambiguous abbreviation.
    public struct Choice: Hashable, Sendable {
        public let zone: String
        public let meaning: String
    }

    /// Unambiguous aliases, keyed by their folded form (lowercase, no spaces, dots or underscores).
    static let aliases: [String: String] = {
        let groups: [(String, [String])] = [
            ("America/New_York", ["EST", "EDT", "ET", "EST/EDT", "Eastern", "Eastern Time", "US Eastern", "New York", "NYC", "Washington", "Washington DC", "DC"]),
            ("America/Chicago", ["CDT", "CT", "Central", "Central Time", "US Central", "Chicago"]),
            ("America/Denver", ["MST", "MDT", "MT", "Mountain", "Mountain Time", "US Mountain", "Denver"]),
            ("America/Los_Angeles", ["PST", "PDT", "PT", "Pacific", "Pacific Time", "US Pacific", "San Francisco", "Los Angeles", "LA", "Seattle"]),
            ("America/Anchorage", ["AKST", "AKDT", "Alaska"]),
            ("Pacific/Honolulu", ["HST", "Hawaii"]),
            ("America/Halifax", ["ADT", "Atlantic"]),
            ("America/St_Johns", ["NST", "NDT", "Newfoundland"]),
            ("America/Toronto", ["Toronto", "Ottawa", "Montreal"]),
            ("America/Vancouver", ["Vancouver"]),
            ("UTC", ["UTC", "GMT", "Z", "Zulu", "UT", "Universal", "Coordinated Universal Time"]),
            ("Europe/London", ["BST", "London", "UK", "British", "Britain"]),
            ("Europe/Dublin", ["Dublin", "Ireland"]),
            ("Europe/Lisbon", ["WET", "WEST", "Lisbon"]),
            ("Europe/Paris", ["Paris"]),
            ("Europe/Brussels", ["CET", "CEST", "MET", "MEST", "Central European", "Central European Time", "Brussels"]),
            ("Europe/Berlin", ["Berlin"]),
            ("Europe/Zurich", ["Geneva", "Zurich"]),
            ("Europe/Athens", ["EET", "EEST", "Eastern European", "Athens"]),
            ("Europe/Kyiv", ["Kyiv", "Kiev"]),
            ("Europe/Moscow", ["MSK", "Moscow"]),
            ("Africa/Nairobi", ["EAT", "East Africa", "Nairobi"]),
            ("Africa/Lagos", ["WAT", "West Africa", "Lagos"]),
            ("Africa/Johannesburg", ["SAST", "South Africa", "Johannesburg"]),
            ("Africa/Maputo", ["CAT", "Central Africa"]),
            ("Asia/Karachi", ["PKT", "Pakistan"]),
            ("Asia/Kolkata", ["India", "Delhi", "New Delhi", "Mumbai"]),
            ("Asia/Dhaka", ["Bangladesh", "Dhaka"]),
            ("Asia/Shanghai", ["China", "Beijing"]),
            ("Asia/Hong_Kong", ["HKT", "Hong Kong"]),
            ("Asia/Tokyo", ["JST", "Japan", "Tokyo"]),
            ("Asia/Seoul", ["KST", "Korea", "Seoul"]),
            ("Asia/Singapore", ["SGT", "Singapore"]),
            ("Asia/Manila", ["PHT", "Philippines"]),
            ("Asia/Jakarta", ["WIB", "Jakarta"]),
            ("Asia/Dubai", ["Dubai", "UAE", "Gulf"]),
            ("Australia/Sydney", ["AEST", "AEDT", "AET", "Sydney", "Canberra", "Australian Eastern", "Melbourne"]),
            ("Australia/Brisbane", ["Brisbane", "Queensland"]),
            ("Australia/Adelaide", ["ACST", "ACDT", "Adelaide"]),
            ("Australia/Darwin", ["Darwin"]),
            ("Australia/Perth", ["AWST", "Perth"]),
            ("Pacific/Auckland", ["NZST", "NZDT", "NZT", "New Zealand", "Auckland", "Wellington"]),
            ("America/Sao_Paulo", ["BRT", "Brasilia", "Sao Paulo"]),
            ("America/Argentina/Buenos_Aires", ["ART", "Buenos Aires", "Argentina"]),
            ("America/Mexico_City", ["Mexico City"]),
        ]
        var table: [String: String] = [:]
        for (zone, names) in groups {
            for name in names { table[fold(name)] = zone }
        }
        return table
    }()

    /// Abbreviations that mean different zones in different places.
    static let ambiguous: [String: [Choice]] = [
        "cst": [Choice(zone: "America/Chicago", meaning: "US Central"), Choice(zone: "Asia/Shanghai", meaning: "China"),
                Choice(zone: "America/Havana", meaning: "Cuba")],
        "ist": [Choice(zone: "Asia/Kolkata", meaning: "India"), Choice(zone: "Europe/Dublin", meaning: "Irish summer"),
                Choice(zone: "Asia/Jerusalem", meaning: "Israel")],
        "ast": [Choice(zone: "America/Halifax", meaning: "Atlantic"), Choice(zone: "Asia/Riyadh", meaning: "Arabia")],
        "gst": [Choice(zone: "Asia/Dubai", meaning: "Gulf"), Choice(zone: "Atlantic/South_Georgia", meaning: "South Georgia")],
        "bt": [Choice(zone: "Asia/Baghdad", meaning: "Baghdad"), Choice(zone: "Asia/Thimphu", meaning: "Bhutan")],
        "amt": [Choice(zone: "America/Manaus", meaning: "Amazon"), Choice(zone: "Asia/Yerevan", meaning: "Armenia")],
        "sst": [Choice(zone: "Pacific/Pago_Pago", meaning: "Samoa"), Choice(zone: "Asia/Singapore", meaning: "Singapore")],
    ]

    /// Resolves what a person typed: an IANA id (any case), an alias, a city, or a whole-hour UTC offset.
    public static func lookup(_ input: String) -> Lookup {
        let text = input.trimmingSpaces
        if text.isEmpty { return .unknown(input: input, suggestions: []) }
        if let zone = Zone.named(text) { return .found(zone, alias: nil) }
        let key = fold(text)
        if let choices = ambiguous[key] { return .ambiguous(input: text, choices: choices) }
        if let id = aliases[key], let zone = Zone.named(id) { return .found(zone, alias: text) }
        if let offsetZone = fixedOffsetZone(text) { return offsetZone }
        let known = ZoneRegistry.shared.knownIdentifiers
        // Any IANA id, ignoring case; then a city, the last part of an id ("los angeles", "Kyiv").
        if let id = known.first(where: { fold($0) == key }), let zone = Zone.named(id) { return .found(zone, alias: text) }
        let cities = known.filter { fold(String($0.split(separator: "/").last ?? "")) == key }.sorted()
        if cities.count == 1, let zone = Zone.named(cities[0]) { return .found(zone, alias: text) }
        if cities.count > 1 {
            return .ambiguous(input: text, choices: cities.map { Choice(zone: $0, meaning: String($0.split(separator: "/").first ?? "")) })
        }
        return .unknown(input: text, suggestions: suggestions(for: text))
    }

    /// Ids and aliases that start with or contain the text, for completion and "did you mean".
    public static func suggestions(for text: String, limit: Int = 5) -> [String] {
        let key = fold(text)
        guard !key.isEmpty else { return [] }
        let ids = ZoneRegistry.shared.knownIdentifiers.union(aliases.values)
        let starts = ids.filter { fold(String($0.split(separator: "/").last ?? "")).hasPrefix(key) || fold($0).hasPrefix(key) }.sorted()
        let contains = ids.filter { fold($0).contains(key) }.sorted()
        var result: [String] = []
        for id in starts + contains where !result.contains(id) {
            result.append(id)
            if result.count == limit { break }
        }
        if result.isEmpty { result = Array(misspelt(key).prefix(limit)) }
        return result
    }

    /// Zones whose city or alias is a letter or two away from the folded text ("londn" → Europe/London).
    static func misspelt(_ key: String) -> [String] {
        guard key.count >= 3 else { return [] }
        var byName: [String: String] = [:]
        for id in ZoneRegistry.shared.knownIdentifiers.sorted() where id.contains("/") {
            let city = fold(String(id.split(separator: "/").last ?? ""))
            if byName[city] == nil { byName[city] = id }
        }
        for (alias, id) in aliases where byName[alias] == nil { byName[alias] = id }
        var seen = Set<String>()
        return EditDistance.nearest(key, among: byName.keys.sorted()).compactMap { byName[$0] }.filter { seen.insert($0).inserted }
    }

    /// Completion candidates for a partly typed zone: aliases first (shown with their zone), then IANA ids.
    public static func completions(for text: String, limit: Int = 8) -> [String] {
        let key = fold(text)
        guard !key.isEmpty else { return [] }
        var result: [String] = []
        let aliasHits = aliases.filter { $0.key.hasPrefix(key) }.map(\.value).sorted()
        for id in aliasHits + suggestions(for: text, limit: limit) where !result.contains(id) {
            result.append(id)
            if result.count == limit { break }
        }
        return result
    }

    /// "UTC+3", "GMT-5", "UTC+03:00" as an Etc/GMT zone (POSIX signs are inverted there).
    static func fixedOffsetZone(_ text: String) -> Lookup? {
        let upper = text.uppercased().replacingSpaces
        guard upper.hasPrefix("UTC") || upper.hasPrefix("GMT") else { return nil }
        let rest = upper.dropFirst(3)
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        let parts = rest.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
        guard let hours = Int(parts[0]), (0...14).contains(hours), parts.count <= 2 else { return nil }
        let minutes = parts.count == 2 ? Int(parts[1]) : 0
        guard let minutes else { return nil }
        if minutes != 0 {
            return .unknown(input: text, suggestions: [])
        }
        if hours == 0 { return .found(Zone.utc, alias: text) }
        let id = "Etc/GMT\(sign == "+" ? "-" : "+")\(hours)"
        return Zone.named(id).map { .found($0, alias: text) }
    }

    /// Lowercase, with spaces, underscores, dots and hyphens removed: "New_York" and "new york" meet.
    static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().unicodeScalars where !(scalar == " " || scalar == "_" || scalar == "." || scalar == "-") {
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        // ASCII is told without a Unicode property look-up, which costs about 300 instructions (an
        // import trims every title).
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
        }
        // Fast path: nothing to trim at either end.
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !isSpace(first), !isSpace(last) { return String(self) }
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    var replacingSpaces: String { String(String.UnicodeScalarView(String(self).unicodeScalars.filter { $0 != " " })) }
}
