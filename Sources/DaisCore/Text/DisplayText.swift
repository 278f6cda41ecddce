/// Text as a terminal shows it: widths in cells, and control characters made inert.
///
/// Widths follow Unicode's East Asian Width (wide and fullwidth take two cells), emoji presentation
/// (two cells), and zero for combining marks and format characters, computed here so that layout and
/// tests do not depend on the C library's locale.
public enum DisplayText {
    /// Cells one scalar takes on its own (0, 1 or 2); control characters count as the one cell of
    /// the visible stand-in that `inert` gives them.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return 1 }  // printable ASCII; C0 controls are replaced by one visible cell
        if v < 0xA0 { return 1 }  // DEL and C1, also replaced
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return v == 0x00AD ? 1 : 0
        default: break
        }
        if v == 0x200B || (0xFE00...0xFE0F).contains(v) || (0x1160...0x11FF).contains(v) { return 0 }
        if isWide(v) || properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Cells a string takes: the sum over its grapheme clusters, where a cluster with an emoji
    /// presentation selector or a ZWJ sequence counts as two.
    public static func width<S: StringProtocol>(of text: S) -> Int {
        var total = 0
        for character in text {
            total += width(of: character)
        }
        return total
    }

    /// Cells one grapheme cluster takes.
    public static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count == 1 { return width(of: first) }
        var w = width(of: first)
        for scalar in scalars.dropFirst() {
            if scalar.value == 0xFE0F && first.properties.isEmoji { w = 2 }  // emoji presentation selector
            // Emoji joined by ZWJ render as one wide emoji; a ZWJ after a letter changes nothing.
            if scalar.value == 0x200D && first.properties.isEmoji && first.value > 0xFF { w = max(w, 2) }
        }
        return w == 0 && !isInvisible(first) ? 1 : w
    }

    /// What a terminal cell gets for a grapheme cluster: the cluster, without zero-width joiners and
    /// non-joiners outside emoji sequences (after a letter they change nothing a terminal can show,
    /// and terminals disagree about their width).
    public static func cellText(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        guard scalars.count > 1, let first = scalars.first, !(first.properties.isEmoji && first.value > 0xFF),
              scalars.contains(where: { $0.value == 0x200D || $0.value == 0x200C }) else { return String(character) }
        return String(String.UnicodeScalarView(scalars.filter { $0.value != 0x200D && $0.value != 0x200C }))
    }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, condensed.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
             0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
             0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The text with nothing a terminal would act on: C0 and C1 controls and DEL become visible
    /// stand-ins (ESC shows as "␛"), bidirectional overrides and isolates become "�", and line breaks
    /// and tabs become spaces when `singleLine` (else newlines are kept).
    public static func inert(_ text: String, singleLine: Bool = true) -> String {
        // Fast path: most text has nothing to replace.
        if isInert(text, singleLine: singleLine) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x0A where !singleLine: out.append(scalar)
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + v)!)  // control pictures: ␀ ... ␛ ...
            case 0x7F: out.append("\u{2421}")  // ␡
            case 0x80..<0xA0: out.append("\u{FFFD}")
            case _ where isDirectionalControl(v): out.append("\u{FFFD}")
            case 0x2028, 0x2029: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Text for a file that other programs show (CSV cells): control characters other than tab and
    /// line breaks, DEL, C1 controls and directional formatting characters become "\u{FFFD}".
    public static func forFile(_ text: String) -> String {
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return text }
        if !text.unicodeScalars.contains(where: { needsReplacement($0) && $0.value != 0x09 && $0.value != 0x0A && $0.value != 0x0D }) {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D, 0x2028, 0x2029: out.append(scalar)
            case _ where needsReplacement(scalar): out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `inert` leaves the text as it is: no scalar `needsReplacement` (but line breaks when
    /// they are kept), found from the UTF-8 bytes, which name those scalars with one lead byte of
    /// their own (C2: C1 controls; D8: U+061C; E2: U+200E, U+200F, U+2028-U+202E, U+2066-U+2069).
    static func isInert(_ text: String, singleLine: Bool) -> Bool {
        let bytes = text.utf8.span
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x20 {
                if b != 0x0A || singleLine { return false }
            } else if b >= 0x7F {
                switch b {
                case 0x7F: return false
                case 0xC2: if bytes[i + 1] < 0xA0 { return false }
                case 0xD8: if bytes[i + 1] == 0x9C { return false }
                case 0xE2:
                    let second = bytes[i + 1], third = bytes[i + 2]
                    if second == 0x80, third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third) { return false }
                    if second == 0x81, (0xA6...0xA9).contains(third) { return false }
                default: break
                }
            }
            i += 1
        }
        return true
    }

    @inline(__always)
    static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0) || isDirectionalControl(v) || v == 0x2028 || v == 0x2029
    }

    /// The directional formatting characters (embeddings, overrides, isolates and marks) that can
    /// make text show in another order than it is stored: U+061C, U+200E, U+200F, U+202A-U+202E,
    /// U+2066-U+2069.
    @inline(__always)
    static func isDirectionalControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// The text cut to at most `width` cells, ending in "…" when it was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if text.utf8.count <= width, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        if self.width(of: text) <= width { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = self.width(of: character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// The text padded with spaces (or cut with "…") to exactly `width` cells.
    public static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        let w = self.width(of: cut)
        return w < width ? cut + String(repeating: " ", count: width - w) : cut
    }

    /// Splits text into lines of at most `width` cells, breaking at spaces where possible; paragraphs
    /// (newlines) are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for piece in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                // Substrings throughout: cutting a very long word copies nothing, so it stays linear.
                var word = piece
                var w = self.width(of: word)
                if lineWidth > 0 && lineWidth + 1 + w > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while w > width {  // a word longer than a line is cut hard
                    var head = "", headWidth = 0
                    var rest = word
                    while let c = rest.first, headWidth + self.width(of: c) <= width - lineWidth - (lineWidth > 0 ? 1 : 0) {
                        head.append(c)
                        headWidth += self.width(of: c)
                        rest = rest.dropFirst()
                    }
                    if head.isEmpty && lineWidth == 0, let c = rest.first {  // a character wider than the line
                        head.append(c)
                        headWidth += self.width(of: c)
                        rest = rest.dropFirst()
                    }
                    if lineWidth > 0 { line += " " }
                    lines.append(line + head)
                    line = ""
                    lineWidth = 0
                    word = rest
                    w -= headWidth
                }
                if word.isEmpty { continue }
                if lineWidth > 0 {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += w
            }
            lines.append(line)
        }
        return lines
    }
}
