import Foundation

/// Folding of names and text for search, sorting and duplicate detection: case, accents, hyphens,
/// punctuation and (for people) honorifics.
public enum NameFolding {
    /// Lowercase, accents removed, every run of punctuation, hyphens and spaces turned into one space,
    /// trimmed: "Évgenia  Kara-Murza!" → "evgenia kara murza".
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let v = scalar.value
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    if pendingSpace && !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.append(scalar)
                } else if v >= 0x41 && v <= 0x5A {
                    if pendingSpace && !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.append(Unicode.Scalar(v + 0x20)!)
                } else if v == 0x27 {
                    continue  // apostrophes join: "O'Brien" → "obrien"
                } else {
                    pendingSpace = true
                }
                continue
            }
            appendFolded(scalar, to: &out, pendingSpace: &pendingSpace)
        }
        return String(out)
    }

    /// The duplicate key of a person's name: folded, honorifics dropped, no spaces.
    /// "The Honorable Professor Irwin Cotler" and "Irwin Cotler" share "irwincotler".
    public static func personKey(_ name: String) -> String { personKeyWords(name).joined() }

    /// The folded words of a name without leading honorifics and trailing post-nominals ("Jr", "PhD").
    public static func personKeyWords(_ name: String) -> [String] {
        let words = fold(name).split(separator: " ")
        var kept = words.drop { honorifics.contains(String($0)) }
        if kept.isEmpty { kept = words[...] }  // a name made only of such words is still a name
        while let last = kept.last, kept.count > 1, postNominals.contains(String(last)) { kept = kept.dropLast() }
        return kept.map(String.init)
    }

    /// The duplicate key of an organization's name: folded, a leading "the" dropped, no spaces.
    public static func organizationKey(_ name: String) -> String {
        var words = fold(name).split(separator: " ")
        if words.first == "the" && words.count > 1 { words.removeFirst() }
        return words.joined()
    }

    /// A key to sort names by, folding case and accents.
    public static func sortKey(_ name: String) -> String { fold(name) }

    /// True when the folded text contains the folded query. An empty query matches everything.
    public static func matches(query foldedQuery: String, in foldedText: String) -> Bool {
        if foldedQuery.isEmpty { return true }
        return foldedText.contains(foldedQuery)
    }

    static let honorifics: Set<String> = [
        "the", "honorable", "honourable", "hon", "rt", "right", "professor", "prof", "dr", "doctor", "mr", "mrs",
        "ms", "miss", "mx", "sir", "dame", "lord", "lady", "rev", "reverend", "ambassador", "amb", "judge",
        "justice", "senator", "sen", "rep", "representative", "mp", "mep", "baroness", "baron",
    ]

    static let postNominals: Set<String> = ["jr", "sr", "phd", "md", "esq", "ii", "iii", "kc", "qc", "obe", "mbe", "cbe"]

    /// Letters that do not decompose into a base letter and a mark.
    static let special: [Unicode.Scalar: String] = [
        "ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
        "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i", "ŀ": "l", "Ŀ": "l",
        "\u{2019}": "", "\u{2018}": "", "\u{02BC}": "",
    ]

    private static func appendFolded(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView, pendingSpace: inout Bool) {
        if let replacement = special[scalar] {
            if replacement.isEmpty { return }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(contentsOf: replacement.unicodeScalars)
            return
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil {
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.lowercased()
            for part in decomposed.unicodeScalars where !isMark(part) {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(part)
            }
        } else if isMark(scalar) || properties.isDefaultIgnorableCodePoint {
            return  // combining marks and zero-width characters vanish
        } else {
            pendingSpace = true
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
