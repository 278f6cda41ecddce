/// iCalendar (RFC 5545) text: content lines folded at 75 octets without splitting a UTF-8 sequence,
/// CRLF line ends, TEXT values escaped, parameter values quoted.
public struct ICalendarText: Sendable {
    /// The lines written so far.
    var bytes: [UInt8] = []
    /// Octets on the current physical line (the leading space of a continuation included).
    private var width = 0

    public init() {}

    /// "NAME:value" (the value as is).
    public mutating func line(_ name: String, _ value: String) { line(name, [], value) }

    /// "NAME;KEY=value:value" (the value as is).
    public mutating func line(_ name: String, _ parameters: [(String, String)], _ value: String) {
        begin(name, parameters)
        append(value.utf8)
        end()
    }

    /// A TEXT property: "NAME:value" with the value escaped.
    public mutating func text(_ name: String, _ value: String) { text(name, [], value) }

    /// A TEXT property with parameters.
    public mutating func text(_ name: String, _ parameters: [(String, String)], _ value: String) {
        begin(name, parameters)
        appendEscaped(value)
        end()
    }

    /// Starts a content line: its name, its parameters and the colon before its value.
    private mutating func begin(_ name: String, _ parameters: [(String, String)]) {
        width = 0
        append(name.utf8)
        for (key, value) in parameters {
            append(UInt8(ascii: ";"))
            append(key.utf8)
            append(UInt8(ascii: "="))
            appendParameter(value)
        }
        append(UInt8(ascii: ":"))
    }

    /// Ends the line: CRLF.
    private mutating func end() {
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// Appends one ASCII byte to the line, folded.
    private mutating func append(_ byte: UInt8) {
        if width >= 75 { fold() }
        bytes.append(byte)
        width += 1
    }

    /// A line break and the space that continues the line.
    private mutating func fold() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        bytes.append(0x20)
        width = 1
    }

    /// Appends a string to the line, folded as below.
    private mutating func append(_ text: String.UTF8View) {
        let count = text.count
        guard count > 75 - width else {
            bytes += text
            width += count
            return
        }
        append(Array(text)[...])
    }

    /// Appends bytes to the line, folded: a line break and a space before each character that
    /// would take the line past 75 octets (the space counts), never inside a UTF-8 sequence.
    private mutating func append(_ text: ArraySlice<UInt8>) {
        var rest = text
        while rest.count > 75 - width {
            var cut = rest.startIndex + 75 - width
            while cut > rest.startIndex && rest[cut] & 0xC0 == 0x80 { cut -= 1 }  // to the character's first byte
            bytes += rest[..<cut]
            fold()
            rest = rest[cut...]
        }
        bytes += rest
        width += rest.count
    }

    /// The bytes a value is copied up to as it is, as TEXT or as a parameter: control characters,
    /// the punctuation either escapes or quotes, and the first byte of a C1 control (0xC2) or of a
    /// directional formatting character (0xD8, 0xE2).
    private static let stops: [Bool] = (0...255).map { byte in
        byte < 0x20 || [0x7F, 0x5C, 0x3B, 0x2C, 0x3A, 0x22, 0xC2, 0xD8, 0xE2].contains(byte)
    }

    /// Whether a value has none of the `stops`, as most have: it is written as it is.
    static func isPlain(_ value: String) -> Bool {
        let (bytes, stops) = (value.utf8.span, stops)
        for i in bytes.indices where stops[Int(bytes[i])] { return false }
        return true
    }

    /// Appends a value escaped as TEXT: backslash, semicolon, comma and newline escaped; other
    /// control characters (which TEXT may not hold, C1 controls included) and directional
    /// formatting characters dropped, tabs kept.
    private mutating func appendEscaped(_ value: String) {
        if ICalendarText.isPlain(value) { return append(value.utf8) }
        let (text, stops) = (Array(value.utf8), ICalendarText.stops)
        var run = 0  // the first byte not copied yet
        var i = 0
        while i < text.count {
            let byte = text[i]
            guard stops[Int(byte)] else {
                i += 1
                continue
            }
            var length = 1  // of the character at i
            let replacement: String?  // nil: kept as it is
            switch byte {
            case UInt8(ascii: "\\"): replacement = "\\\\"
            case UInt8(ascii: ";"): replacement = "\\;"
            case UInt8(ascii: ","): replacement = "\\,"
            case 0x0A where i > 0 && text[i - 1] == 0x0D: replacement = ""  // CRLF is one line break
            case 0x0A, 0x0D: replacement = "\\n"
            case 0x09, UInt8(ascii: ":"), UInt8(ascii: "\""): replacement = nil
            case 0xC2, 0xD8, 0xE2:
                length = byte == 0xE2 ? 3 : 2
                let scalar = String(decoding: text[i..<i + length], as: UTF8.self).unicodeScalars.first!
                replacement = ICalendarText.isDropped(scalar) ? "" : nil
            default: replacement = ""  // the other control characters
            }
            if let replacement {
                append(text[run..<i])
                append(replacement.utf8)
                run = i + length
            }
            i += length
        }
        append(text[run...])
    }

    /// Control characters (C1 included) and directional formatting characters: iCalendar values
    /// may not hold the first, and the second would reorder what a calendar shows.
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || DisplayText.isDirectionalControl(scalar.value)
    }

    /// Appends a parameter value: quoted when it holds ":", ";" or ","; double quotes (which cannot
    /// be escaped there) become single quotes; control characters and directional formatting
    /// characters are dropped.
    private mutating func appendParameter(_ value: String) {
        if ICalendarText.isPlain(value) { return append(value.utf8) }
        var clean: [UInt8] = []
        for scalar in value.unicodeScalars where !ICalendarText.isDropped(scalar) {
            if scalar == "\"" { clean.append(UInt8(ascii: "'")) } else { clean += UTF8.encode(scalar)! }
        }
        let quoted = clean.contains { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }
        append((quoted ? [UInt8(ascii: "\"")] + clean + [UInt8(ascii: "\"")] : clean)[...])
    }

    /// "20241113T100000": a local date-time.
    public static func local(_ t: LocalDateTime) -> String {
        let date = String(t.date.year * 10_000 + t.date.month * 100 + t.date.day), time = String(t.hour * 100 + t.minute)
        return String(repeating: "0", count: max(0, 8 - date.count)) + date + "T" + String(repeating: "0", count: 4 - time.count) + time + "00"
    }

    /// "-0500": a UTC offset.
    public static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + Digits.two(minutes / 60) + Digits.two(minutes % 60)
    }
}
