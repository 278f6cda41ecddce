/// Readable, stable ids made from names: "panel-2024-11-13-arbitrary-detention", "p-evgenia-kara-murza".
public enum Slug {
    /// Lowercase ASCII letters and digits joined by single hyphens, at most `limit` characters:
    /// "Évgenia Kara-Murza" → "evgenia-kara-murza". Empty when nothing is left.
    public static func make(_ text: String, limit: Int = 48) -> String {
        var out = ""
        for scalar in NameFolding.fold(text).unicodeScalars {
            if scalar.isASCII && (("a"..."z").contains(Character(scalar)) || ("0"..."9").contains(Character(scalar))) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty && out.last != "-" {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > limit {
            out = String(out.prefix(limit))
            if let cut = out.lastIndex(of: "-"), out.distance(from: out.startIndex, to: cut) > limit / 2 { out = String(out[..<cut]) }
        }
        return out
    }

    /// `base`, or `base-2`, `base-3`, ... whichever is not taken.
    public static func unique(_ base: String, taken: (String) -> Bool) -> String {
        if !taken(base) { return base }
        var n = 2
        while taken("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }

    public static func panelID(date: LocalDate, title: String, in catalog: Catalog) -> PanelID {
        let words = make(title, limit: 40)
        let base = "panel-\(date)" + (words.isEmpty ? "" : "-\(words)")
        return PanelID(unique(base) { catalog.panels[PanelID($0)] != nil })
    }

    public static func personID(name: String, in catalog: Catalog) -> PersonID {
        let words = make(NameFolding.personKeyWords(name).joined(separator: " "))
        return PersonID(unique("p-" + (words.isEmpty ? "person" : words)) { catalog.people[PersonID($0)] != nil })
    }

    public static func organizationID(name: String, shortName: String?, in catalog: Catalog) -> OrganizationID {
        let words = make(shortName?.nonEmpty ?? name, limit: 32)
        return OrganizationID(unique(words.isEmpty ? "org" : words) { catalog.organizations[OrganizationID($0)] != nil })
    }

    public static func seriesID(name: String, in catalog: Catalog) -> SeriesID {
        let words = make(name)
        return SeriesID(unique(words.isEmpty ? "series" : words) { catalog.series[SeriesID($0)] != nil })
    }
}
