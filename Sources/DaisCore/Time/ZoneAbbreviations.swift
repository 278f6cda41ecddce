/// The project's own table of display abbreviations, keyed by zone and UTC offset.
///
/// Foundation answers "GMT-5" or "GMT+11"; announcements say "EST" and "AEDT". Keying by offset (not by
/// a daylight-saving flag) keeps Dublin's and Namibia's inverted rules right. A zone or offset missing
/// here is shown as "UTC+3" / "UTC-9:30".
public enum ZoneAbbreviations {
    /// Hours east of UTC (as minutes) to abbreviation, for a group of zones that share them.
    private static let groups: [(zones: [String], names: [Int: String])] = [
        (["America/New_York", "America/Toronto", "America/Detroit", "America/Montreal", "America/Nassau",
          "America/Indiana/Indianapolis", "America/Kentucky/Louisville", "US/Eastern", "Canada/Eastern",
          "America/Iqaluit", "America/Cancun", "America/Panama", "America/Jamaica", "America/Port-au-Prince"],
         [-300: "EST", -240: "EDT"]),
        (["America/Chicago", "America/Winnipeg", "America/Mexico_City", "America/Matamoros", "US/Central",
          "America/Indiana/Knox", "America/Menominee", "America/Regina", "America/Guatemala",
          "America/Costa_Rica", "America/El_Salvador", "America/Tegucigalpa", "America/Managua", "America/Belize"],
         [-360: "CST", -300: "CDT"]),
        (["America/Denver", "America/Phoenix", "America/Edmonton", "America/Boise", "US/Mountain",
          "America/Ciudad_Juarez", "America/Yellowknife"],
         [-420: "MST", -360: "MDT"]),
        (["America/Los_Angeles", "America/Vancouver", "America/Tijuana", "US/Pacific"],
         [-480: "PST", -420: "PDT"]),
        (["America/Anchorage", "America/Juneau", "America/Sitka", "America/Nome"], [-540: "AKST", -480: "AKDT"]),
        (["Pacific/Honolulu", "US/Hawaii"], [-600: "HST"]),
        (["America/Halifax", "America/Moncton", "America/Glace_Bay", "Atlantic/Bermuda", "America/Puerto_Rico",
          "America/Santo_Domingo", "America/Barbados", "America/Martinique"],
         [-240: "AST", -180: "ADT"]),
        (["America/St_Johns"], [-210: "NST", -150: "NDT"]),
        (["America/Havana"], [-300: "CST", -240: "CDT"]),
        (["UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "Zulu", "Universal"], [0: "UTC"]),
        (["GMT", "Etc/GMT", "Etc/Greenwich", "Greenwich"], [0: "GMT"]),
        (["Europe/London", "Europe/Belfast", "Europe/Guernsey", "Europe/Isle_of_Man", "Europe/Jersey", "GB"],
         [0: "GMT", 60: "BST"]),
        (["Europe/Dublin", "Eire"], [0: "GMT", 60: "IST"]),
        (["Europe/Lisbon", "Atlantic/Canary", "Atlantic/Madeira", "Atlantic/Faroe"], [0: "WET", 60: "WEST"]),
        (["Atlantic/Reykjavik", "Africa/Abidjan", "Africa/Accra", "Africa/Dakar", "Africa/Bamako", "Africa/Monrovia",
          "Africa/Freetown", "Africa/Conakry", "Africa/Ouagadougou", "Africa/Lome", "Africa/Banjul"], [0: "GMT"]),
        (["Europe/Paris", "Europe/Berlin", "Europe/Brussels", "Europe/Amsterdam", "Europe/Madrid", "Europe/Rome",
          "Europe/Vienna", "Europe/Zurich", "Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Prague",
          "Europe/Warsaw", "Europe/Budapest", "Europe/Belgrade", "Europe/Zagreb", "Europe/Ljubljana",
          "Europe/Sarajevo", "Europe/Skopje", "Europe/Bratislava", "Europe/Luxembourg", "Europe/Monaco",
          "Europe/Malta", "Europe/Andorra", "Europe/Tirane", "Europe/Podgorica", "Europe/Vaduz", "Europe/San_Marino",
          "Europe/Vatican", "Europe/Gibraltar", "Africa/Ceuta", "Africa/Tunis", "Africa/Algiers", "CET"],
         [60: "CET", 120: "CEST"]),
        (["Europe/Athens", "Europe/Helsinki", "Europe/Kyiv", "Europe/Kiev", "Europe/Bucharest", "Europe/Sofia",
          "Europe/Riga", "Europe/Tallinn", "Europe/Vilnius", "Europe/Chisinau", "Asia/Nicosia", "Europe/Nicosia",
          "Asia/Beirut", "Africa/Cairo", "Africa/Tripoli", "EET"],
         [120: "EET", 180: "EEST"]),
        (["Europe/Moscow", "Europe/Simferopol", "Europe/Kirov", "Europe/Volgograd"], [180: "MSK"]),
        (["Europe/Minsk"], [180: "MSK"]),
        (["Asia/Jerusalem", "Asia/Tel_Aviv", "Israel"], [120: "IST", 180: "IDT"]),
        (["Africa/Johannesburg", "Africa/Maseru", "Africa/Mbabane"], [120: "SAST"]),
        (["Africa/Lagos", "Africa/Kinshasa", "Africa/Luanda", "Africa/Douala", "Africa/Libreville", "Africa/Niamey",
          "Africa/Ndjamena", "Africa/Bangui", "Africa/Brazzaville", "Africa/Malabo", "Africa/Porto-Novo"], [60: "WAT"]),
        (["Africa/Maputo", "Africa/Harare", "Africa/Lusaka", "Africa/Lubumbashi", "Africa/Blantyre", "Africa/Gaborone",
          "Africa/Kigali", "Africa/Bujumbura", "Africa/Khartoum", "Africa/Juba", "Africa/Windhoek"], [120: "CAT"]),
        (["Africa/Nairobi", "Africa/Addis_Ababa", "Africa/Dar_es_Salaam", "Africa/Kampala", "Africa/Mogadishu",
          "Africa/Djibouti", "Africa/Asmara", "Indian/Antananarivo", "Indian/Comoro", "Indian/Mayotte"], [180: "EAT"]),
        (["Asia/Kolkata", "Asia/Calcutta"], [330: "IST"]),
        (["Asia/Karachi"], [300: "PKT"]),
        (["Asia/Dhaka"], [360: "BST"]),
        (["Asia/Tokyo", "Japan"], [540: "JST"]),
        (["Asia/Seoul", "ROK"], [540: "KST"]),
        (["Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "Asia/Urumqi", "PRC", "Asia/Taipei", "Asia/Macau"], [480: "CST"]),
        (["Asia/Hong_Kong", "Hongkong"], [480: "HKT"]),
        (["Asia/Manila"], [480: "PHT"]),
        (["Asia/Jakarta", "Asia/Pontianak"], [420: "WIB"]),
        (["Asia/Makassar"], [480: "WITA"]),
        (["Asia/Jayapura"], [540: "WIT"]),
        (["Australia/Sydney", "Australia/Melbourne", "Australia/Canberra", "Australia/ACT", "Australia/NSW",
          "Australia/Victoria", "Australia/Hobart", "Australia/Tasmania", "Australia/Currie"],
         [600: "AEST", 660: "AEDT"]),
        (["Australia/Brisbane", "Australia/Lindeman", "Australia/Queensland"], [600: "AEST"]),
        (["Australia/Adelaide", "Australia/Broken_Hill", "Australia/South", "Australia/Yancowinna"], [570: "ACST", 630: "ACDT"]),
        (["Australia/Darwin", "Australia/North"], [570: "ACST"]),
        (["Australia/Perth", "Australia/West"], [480: "AWST"]),
        (["Pacific/Auckland", "Antarctica/McMurdo", "NZ"], [720: "NZST", 780: "NZDT"]),
        (["Pacific/Guam", "Pacific/Saipan"], [600: "ChST"]),
        (["America/Sao_Paulo"], [-180: "BRT", -120: "BRST"]),
        (["America/Argentina/Buenos_Aires", "America/Buenos_Aires"], [-180: "ART"]),
    ]

    private static let table: [String: [Int: String]] = {
        var table: [String: [Int: String]] = [:]
        for group in groups {
            for zone in group.zones { table[zone, default: [:]].merge(group.names) { first, _ in first } }
        }
        return table
    }()

    /// A zone's names by UTC offset in minutes, as the table gives them (none for a zone it lacks):
    /// kept with the zone's rules, so that reading a time needs no lookup by name.
    static func names(of zone: String) -> [(minutes: Int, name: String)] {
        (table[zone] ?? [:]).map { (minutes: $0.key, name: $0.value) }.sorted { $0.minutes < $1.minutes }
    }

    /// "UTC", "UTC+3", "UTC-9:30", "UTC+5:45".
    public static func offsetName(_ offsetSeconds: Int) -> String {
        if offsetSeconds == 0 { return "UTC" }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let minutes = abs(offsetSeconds) / 60
        let h = minutes / 60, m = minutes % 60
        return m == 0 ? "UTC\(sign)\(h)" : "UTC\(sign)\(h):\(Digits.two(m))"
    }

    /// Every zone the table names, for completion.
    public static var zonesWithNames: [String] { table.keys.sorted() }
}
