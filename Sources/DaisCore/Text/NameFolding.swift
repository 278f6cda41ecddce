import Foundation

/// Folding of names and text for search, sorting and duplicate detection: case, accents, hyphens,
/// punctuation and (for people) honorifics.
public enum NameFolding {
    /// Lowercase, accents removed, every run of punctuation, hyphens and spaces turned into one space,
    /// trimmed: "Évgenia  Kara-Murza!" → "evgenia kara murza".
    public static func fold(_ text: String) -> String {
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// Calls `body` with the text folded, as UTF-8 bytes.
    static func withFolded<R>(_ text: String, _ body: (inout [UInt8]) -> R) -> R {
        var folded = foldedBytes(text)
        return body(&folded)
    }

    /// `fold` as UTF-8 bytes: ASCII byte by byte, other scalars decoded here (a String's bytes are
    /// valid UTF-8) and looked up in the table.
    private static func foldedBytes(_ text: String) -> [UInt8] {
        let bytes = text.utf8.span
        var out: [UInt8] = []
        // Folding rarely lengthens text; when a scalar's decomposition does, the array grows.
        out.reserveCapacity(bytes.count * 2 + 8)
        var pendingSpace = false
        var i = 0
        /// Writes letters, after a space when one is pending.
        func put<Letters: Sequence<UInt8>>(_ letters: Letters) {
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(contentsOf: letters)
        }
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                let letter: UInt8
                if (lead >= 0x61 && lead <= 0x7A) || (lead >= 0x30 && lead <= 0x39) {
                    letter = lead
                } else if lead >= 0x41 && lead <= 0x5A {
                    letter = lead + 0x20
                } else {
                    if lead != 0x27 { pendingSpace = true }  // apostrophes join: "O'Brien" → "obrien"
                    continue
                }
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(letter)
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            let stop = min(i + length, bytes.count)
            var v = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in (i + 1)..<max(i + 1, stop) { v = v << 6 | UInt32(bytes[k] & 0x3F) }
            let first = i
            i += length
            // Typographic apostrophes join, as "'" does ("O’Connor"), without the slow path's lookups.
            if v == 0x2018 || v == 0x2019 { continue }
            // Kana and CJK ideographs have no case and no marks: they stand for themselves.
            if v >= 0x3040 && v < 0xA000 {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                for k in first..<stop { out.append(bytes[k]) }
                continue
            }
            if let k = tablePosition(v) {
                // From the generated table (FoldTable.swift).
                switch latinKinds[k] {
                case FoldTable.letters: put(latinLetters[Int(latinOffsets[k])..<Int(latinOffsets[k + 1])])
                case FoldTable.separator: pendingSpace = true
                default: break
                }
                continue
            }
            switch Unicode.Scalar(v).map(foldSlowly) ?? .separator {
            case .letters(let letters): put(letters)
            case .separator: pendingSpace = true
            case .ignored: break
            }
        }
        return out
    }

    /// What one non-ASCII scalar folds to.
    enum Folded: Sendable {
        case letters([UInt8])
        case separator
        case ignored
    }

    /// Latin-1 Supplement, Latin Extended-A and -B, IPA, spacing modifiers, combining marks, Greek and
    /// Cyrillic, and Latin Extended Additional (Vietnamese) and Greek Extended, are folded from a
    /// table made from `foldSlowly` ahead of time (FoldTable.swift; a test keeps it equal, and writes
    /// it again with DAIS_UPDATE_FOLD_TABLE=1): building it at run time took every process that folds
    /// a name about 2 ms of Unicode decomposition, and a scalar folded slowly costs about 10 µs (a
    /// store's Vietnamese names cost its whole check 3% before the second range was added).
    static let latinStart: UInt32 = 0x80
    static let latinEnd: UInt32 = 0x530
    static let extendedStart: UInt32 = 0x1E00
    static let extendedEnd: UInt32 = 0x2000

    /// The scalars the table holds, in its order.
    static var tableScalars: [UInt32] { Array(latinStart..<latinEnd) + Array(extendedStart..<extendedEnd) }

    /// Where a scalar is in the table, or nil when it is not there.
    @inline(__always)
    private static func tablePosition(_ v: UInt32) -> Int? {
        if v < latinEnd { return v >= latinStart ? Int(v - latinStart) : nil }
        guard v >= extendedStart && v < extendedEnd else { return nil }
        return Int(v - extendedStart) + Int(latinEnd - latinStart)
    }

    /// The table's source text for `tableScalars`, as FoldTable.swift holds it.
    static func foldTableSource() -> String {
        var kinds: [UInt8] = [], offsets: [Int] = [0], letters: [UInt8] = []
        for v in tableScalars {
            switch foldSlowly(Unicode.Scalar(v)!) {
            case .letters(let l):
                kinds.append(FoldTable.letters)
                letters += l
            case .separator: kinds.append(FoldTable.separator)
            case .ignored: kinds.append(FoldTable.ignored)
            }
            offsets.append(letters.count)
        }
        func list<T: BinaryInteger>(_ values: [T]) -> String {
            stride(from: 0, to: values.count, by: 24).map { start in
                "        " + values[start..<min(start + 24, values.count)].map { String($0) }.joined(separator: ", ") + ","
            }.joined(separator: "\n")
        }
        return """
        // Generated from NameFolding.foldSlowly by TextTests (DAIS_UPDATE_FOLD_TABLE=1 swift test --filter foldTable).
        // Do not edit.

        /// How the scalars from U+0080 to U+052F and from U+1E00 to U+1FFF fold, in that order:
        /// `latinKinds` says letters, separator or ignored; the letters of the table's scalar k are
        /// `latinLetters[latinOffsets[k]..<latinOffsets[k + 1]]`.
        enum FoldTable {
            static let letters: UInt8 = 0
            static let separator: UInt8 = 1
            static let ignored: UInt8 = 2
        }

        extension NameFolding {
            static let latinKinds: [UInt8] = [
        \(list(kinds))
            ]
            static let latinOffsets: [UInt16] = [
        \(list(offsets))
            ]
            static let latinLetters: [UInt8] = [
        \(list(letters))
            ]
        }

        """
    }

    /// Folds one scalar through Unicode decomposition (for scripts outside the table).
    static func foldSlowly(_ scalar: Unicode.Scalar) -> Folded {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        appendFolded(scalar, to: &out, pendingSpace: &pendingSpace)
        if out.isEmpty { return pendingSpace ? .separator : .ignored }
        return .letters(Array(String(out).utf8))
    }

    /// The duplicate key of a person's name: folded, honorifics dropped, no spaces.
    /// "The Honorable Professor Irwin Cotler" and "Irwin Cotler" share "irwincotler".
    public static func personKey(_ name: String) -> String {
        withFolded(name) { folded in joined(&folded, keptBytes(folded)) }
    }

    /// The folded words of a name without leading honorifics and trailing post-nominals ("Jr", "PhD").
    public static func personKeyWords(_ name: String) -> [String] {
        withFolded(name) { folded in
            folded[keptBytes(folded)].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Where a name's words that count lie in its folded bytes (words there are split by one space,
    /// with none at either end): not the leading honorifics nor the trailing post-nominals. Found in
    /// place, without a list of words: this runs for every name when the whole store is checked.
    private static func keptBytes(_ folded: [UInt8]) -> Range<Int> {
        func wordEnd(from start: Int) -> Int {
            var i = start
            while i < folded.count && folded[i] != 0x20 { i += 1 }
            return i
        }
        var start = 0
        while true {
            let end = wordEnd(from: start)
            guard isListed(folded, start..<end, honorificBytes) else { break }
            if end == folded.count {  // a name made only of such words is still a name
                start = 0
                break
            }
            start = end + 1
        }
        var stop = folded.count
        while true {
            var last = stop
            while last > start && folded[last - 1] != 0x20 { last -= 1 }
            guard last > start, isListed(folded, last..<stop, postNominalBytes) else { break }  // one word is always kept
            stop = last - 1
        }
        return start..<stop
    }

    /// The bytes of a range run together without their spaces, as a string. The letters are moved
    /// to the front of the range in place.
    private static func joined(_ folded: inout [UInt8], _ range: Range<Int>) -> String {
        var at = range.lowerBound
        for i in range where folded[i] != 0x20 {
            folded[at] = folded[i]
            at += 1
        }
        return String(decoding: folded[range.lowerBound..<at], as: UTF8.self)
    }

    /// Whether the folded word at `range` is one of a list's words (`byLength`), compared as bytes
    /// with only the list's words of its length (no string is made).
    private static func isListed(_ folded: [UInt8], _ range: Range<Int>, _ list: [[[UInt8]]]) -> Bool {
        guard range.count < list.count else { return false }
        for word in list[range.count] {
            var same = true
            for k in 0..<word.count where word[k] != folded[range.lowerBound + k] {
                same = false
                break
            }
            if same { return true }
        }
        return false
    }

    /// A list's words as bytes, by length: `[n]` holds the words of n bytes.
    private static func byLength(_ words: Set<String>) -> [[[UInt8]]] {
        var list = [[[UInt8]]](repeating: [], count: (words.map(\.utf8.count).max() ?? 0) + 1)
        for word in words.sorted() { list[word.utf8.count].append(Array(word.utf8)) }
        return list
    }

    /// The duplicate key of an organization's name: folded, a leading "the" dropped, no spaces.
    public static func organizationKey(_ name: String) -> String {
        withFolded(name) { folded in
            // "the " before another word is dropped.
            let dropThe = folded.count > 4 && folded[0] == UInt8(ascii: "t") && folded[1] == UInt8(ascii: "h") && folded[2] == UInt8(ascii: "e") && folded[3] == 0x20
            return joined(&folded, (dropThe ? 4 : 0)..<folded.count)
        }
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

    private static let honorificBytes = byLength(honorifics)
    private static let postNominalBytes = byLength(postNominals)

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
