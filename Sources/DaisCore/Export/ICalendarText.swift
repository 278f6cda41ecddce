/// iCalendar (RFC 5545) text: content lines folded at 75 octets without splitting a UTF-8 sequence,
/// CRLF line ends, TEXT values escaped, parameter values quoted. Works on UTF-8 bytes.
public struct ICalendarText: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Octets on the current physical line (the leading space of a continuation included).
    private var width = 0

    /// Appends "NAME:value" folded, with CRLF (the value as is).
    public mutating func line(_ name: String, _ value: String) {
        begin(name)
        raw(value)
        end()
    }

    /// Appends "NAME;PARAM=VALUE:value" folded, with CRLF.
    public mutating func line(_ name: String, _ parameters: [(String, String)], _ value: String) {
        begin(name)
        for (key, parameter) in parameters { self.parameter(key, parameter) }
        raw(value)
        end()
    }

    /// A TEXT property: the value escaped.
    public mutating func text(_ name: String, _ value: String) {
        begin(name)
        escaped(value)
        end()
    }

    /// A TEXT property with parameters.
    public mutating func text(_ name: String, _ parameters: [(String, String)], _ value: String) {
        begin(name)
        for (key, parameter) in parameters { self.parameter(key, parameter) }
        escaped(value)
        end()
    }

    // Streaming: begin a line, add parameters, then a raw or escaped value, which ends it.

    /// Starts a content line with its name.
    public mutating func begin(_ name: String) {
        width = 0
        append(name.utf8)
    }

    /// Adds ";KEY=value" (the value cleaned and quoted as needed).
    public mutating func parameter(_ key: String, _ value: String) {
        append(CollectionOfOne(UInt8(ascii: ";")))
        append(key.utf8)
        append(CollectionOfOne(UInt8(ascii: "=")))
        let utf8 = value.utf8
        let plain = utf8.withContiguousStorageIfAvailable { b in
            !b.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }
        } ?? false
        if plain {
            append(utf8)
        } else {
            var cleaned: [UInt8] = []
            ICalendarText.appendParameter(value, to: &cleaned)
            append(cleaned)
        }
    }

    /// Adds ":" and the value as is.
    public mutating func raw(_ value: String) {
        append(CollectionOfOne(UInt8(ascii: ":")))
        append(value.utf8)
    }

    /// Adds ":" and the value escaped as TEXT.
    public mutating func escaped(_ value: String) {
        append(CollectionOfOne(UInt8(ascii: ":")))
        if ICalendarText.isClean(value) {
            append(value.utf8)
        } else {
            var out: [UInt8] = []
            ICalendarText.appendEscaped(value, to: &out)
            append(out)
        }
    }

    /// Ends the line: CRLF.
    public mutating func end() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        width = 0
    }

    /// Appends bytes of the current line, folding before a character that would pass 75 octets
    /// (never inside a UTF-8 sequence).
    private mutating func append<C: Collection>(_ content: C) where C.Element == UInt8 {
        if content.withContiguousStorageIfAvailable({ appendBuffer($0) }) == nil {
            Array(content).withUnsafeBufferPointer { appendBuffer($0) }
        }
    }

    private mutating func appendBuffer(_ c: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while c.count - start > 75 - width {
            var cut = start + (75 - width)
            while cut > start && (c[cut] & 0xC0) == 0x80 { cut -= 1 }  // back to the start of a character
            if cut > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: c[start..<cut])) }
            bytes.append(0x0D)
            bytes.append(0x0A)
            bytes.append(0x20)
            width = 1
            start = cut
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: c[start..<c.count]))
        width += c.count - start
    }

    /// True when a value has nothing to escape or drop.
    static func isClean(_ value: String) -> Bool {
        value.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }
        } ?? false
    }

    /// TEXT escaping: backslash, semicolon, comma and newline; other control characters (which TEXT
    /// may not hold, C1 controls included) and directional formatting characters are dropped, tabs kept.
    public static func escape(_ value: String) -> String {
        var out: [UInt8] = []
        appendEscaped(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendEscaped(_ value: String, to out: inout [UInt8]) {
        // Fast path: copy the text whole when nothing in it needs escaping or dropping.
        if isClean(value) {
            out += value.utf8
            return
        }
        var text = value
        text.withUTF8 { b in
            out.reserveCapacity(out.count + b.count + 16)
            var run = 0  // start of the bytes not copied yet
            var i = 0
            while i < b.count {
                let byte = b[i]
                if byte == 0xE2 || byte == 0xD8 {
                    // Directional overrides and isolates would reorder what a calendar shows: dropped.
                    let n = DisplayText.directionalControlLength(b, at: i)
                    if n == 0 { i += 1; continue }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                    i += n
                    run = i
                    continue
                }
                let special = byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0x5C || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",")
                if !special { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                switch byte {
                case 0x5C, UInt8(ascii: ";"), UInt8(ascii: ","):
                    out.append(0x5C)
                    out.append(byte)
                case 0x0A:
                    if i == 0 || b[i - 1] != 0x0D { out.append(0x5C); out.append(UInt8(ascii: "n")) }
                case 0x0D:
                    out.append(0x5C)
                    out.append(UInt8(ascii: "n"))
                case 0x09:
                    out.append(byte)
                case 0xC2:  // U+0080...U+00BF: drop the C1 controls, keep the rest
                    if i + 1 < b.count, b[i + 1] >= 0xA0 { out.append(0xC2); out.append(b[i + 1]) }
                    i += 1
                default:
                    break  // other control characters are dropped
                }
                i += 1
                run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<b.count]))
        }
    }

    /// A parameter value: quoted when it holds ":", ";" or ","; double quotes (which cannot be
    /// escaped there) become single quotes; control characters are dropped.
    public static func parameter(_ value: String) -> String {
        var out: [UInt8] = []
        appendParameter(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendParameter(_ value: String, to out: inout [UInt8]) {
        var text = value
        if text.utf8.contains(where: { $0 == 0xE2 || $0 == 0xD8 }) {
            text = String(String.UnicodeScalarView(text.unicodeScalars.filter { !DisplayText.isDirectionalControl($0.value) }))
        }
        let utf8 = text.utf8
        let quoted = utf8.contains { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }
        if quoted { out.append(UInt8(ascii: "\"")) }
        var previous: UInt8 = 0
        for byte in utf8 {
            defer { previous = byte }
            if previous == 0xC2 {
                if byte >= 0xA0 { out.append(0xC2); out.append(byte) }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "'"))
            case 0xC2: break
            case 0..<0x20, 0x7F: break
            default: out.append(byte)
            }
        }
        if quoted { out.append(UInt8(ascii: "\"")) }
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
