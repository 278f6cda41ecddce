/// iCalendar (RFC 5545) text: content lines folded at 75 octets without splitting a UTF-8 sequence,
/// CRLF line ends, TEXT values escaped, parameter values quoted.
public struct ICalendarText: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// Appends "NAME:value" folded, with CRLF (the value as is).
    public mutating func line(_ name: String, _ value: String) { line(name, [], value) }

    /// Appends "NAME;PARAM=VALUE:value" folded, with CRLF.
    public mutating func line(_ name: String, _ parameters: [(String, String)], _ value: String) {
        var text = name
        for (key, parameter) in parameters { text += ";\(key)=\(ICalendarText.parameter(parameter))" }
        text += ":" + value
        fold(text)
    }

    /// A TEXT property: the value escaped.
    public mutating func text(_ name: String, _ value: String) { text(name, [], value) }

    /// A TEXT property with parameters.
    public mutating func text(_ name: String, _ parameters: [(String, String)], _ value: String) {
        line(name, parameters, ICalendarText.escape(value))
    }

    private mutating func fold(_ text: String) {
        var width = 0
        for scalar in text.unicodeScalars {
            let encoded = Array(String(scalar).utf8)
            if width + encoded.count > 75 {
                bytes += [0x0D, 0x0A, 0x20]
                width = 1
            }
            bytes += encoded
            width += encoded.count
        }
        bytes += [0x0D, 0x0A]
    }

    /// TEXT escaping: backslash, semicolon, comma and newline; other control characters (which TEXT
    /// may not hold) are dropped, tabs kept.
    public static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        var previousCR = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": if !previousCR { out += "\\n" }
            case "\r": out += "\\n"
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) { break }
                out.unicodeScalars.append(scalar)
            }
            previousCR = scalar == "\r"
        }
        return out
    }

    /// A parameter value: quoted when it holds ":", ";" or ","; double quotes (which cannot be
    /// escaped there) become single quotes; control characters are dropped.
    public static func parameter(_ value: String) -> String {
        var clean = ""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { clean += "'"; continue }
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) { continue }
            clean.unicodeScalars.append(scalar)
        }
        return clean.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(clean)\"" : clean
    }

    /// "20241113T100000": a local date-time.
    public static func local(_ t: LocalDateTime) -> String {
        let d = t.date
        let year = String(d.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + Digits.two(d.month) + Digits.two(d.day) + "T" + Digits.two(t.hour) + Digits.two(t.minute) + "00"
    }

    /// "-0500": a UTC offset.
    public static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + Digits.two(minutes / 60) + Digits.two(minutes % 60)
    }
}
