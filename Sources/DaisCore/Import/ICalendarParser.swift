/// Reads iCalendar files (RFC 5545): unfolds lines, splits content lines into name, parameters and
/// value, and nests components. Lenient where real files are (LF line ends, lowercase names, quoted
/// parameters), strict where guessing would import wrong data.
public enum ICalendarParser {
    /// One content line.
    public struct Property: Sendable {
        public let name: String
        public let parameters: [String: String]
        public let value: String
        /// 1-based line in the file where the property starts.
        public let line: Int

        public func parameter(_ key: String) -> String? { parameters[key.uppercased()] }

        /// The value as TEXT, unescaped.
        public var text: String { ICalendarParser.unescape(value) }
    }

    /// A component (VCALENDAR, VEVENT, VTIMEZONE, ...) with its properties and sub-components.
    public struct Component: Sendable {
        public let name: String
        public var properties: [Property] = []
        public var components: [Component] = []
        public let line: Int

        public func first(_ name: String) -> Property? { properties.first { $0.name == name } }
        public func all(_ name: String) -> [Property] { properties.filter { $0.name == name } }
    }

    /// Why a file is not iCalendar, with the line.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The top-level components (normally one VCALENDAR).
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> [Component] {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(line: 1, message: "the file is not UTF-8 text")
        }
        var stack: [Component] = []
        var top: [Component] = []
        var sawAnything = false
        for (number, line) in unfold(text) {
            if line.isEmpty { continue }
            if !sawAnything, !line.uppercased().hasPrefix("BEGIN:VCALENDAR") {
                throw Failure(line: number, message: "not an iCalendar file: it does not start with BEGIN:VCALENDAR")
            }
            let property = try contentLine(line, number: number)
            sawAnything = true
            switch property.name {
            case "BEGIN":
                let name = property.value.uppercased().trimmingSpaces
                guard !name.isEmpty, name.count <= 64, !name.contains(" ") else { throw Failure(line: number, message: "BEGIN without a component name") }
                stack.append(Component(name: name, line: number))
            case "END":
                guard let open = stack.popLast() else { throw Failure(line: number, message: "END:\(property.value) without a BEGIN") }
                guard open.name == property.value.uppercased() else {
                    throw Failure(line: number, message: "END:\(property.value) closes BEGIN:\(open.name) of line \(open.line)")
                }
                if stack.isEmpty { top.append(open) } else { stack[stack.count - 1].components.append(open) }
            default:
                guard !stack.isEmpty else { throw Failure(line: number, message: "\(property.name) outside any BEGIN:VCALENDAR") }
                stack[stack.count - 1].properties.append(property)
            }
        }
        if let open = stack.last { throw Failure(line: open.line, message: "BEGIN:\(open.name) is never closed (the file is cut short?)") }
        guard sawAnything, top.contains(where: { $0.name == "VCALENDAR" }) else {
            throw Failure(line: 1, message: "not an iCalendar file: no BEGIN:VCALENDAR")
        }
        return top
    }

    /// Physical lines (LF or CRLF) joined: a line starting with a space or tab continues the previous one.
    static func unfold(_ text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var number = 0
        // Split on scalars: as Characters, "\r\n" is one and would not match "\n".
        for raw in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = raw
            if line.last == "\r" { line = line.dropLast() }
            let text = String(String.UnicodeScalarView(line))
            if let first = line.first, first == " " || first == "\t", !result.isEmpty {
                result[result.count - 1].1 += text.unicodeScalars.dropFirst().map(String.init).joined()
            } else {
                result.append((number, text))
            }
        }
        return result
    }

    /// "NAME;KEY=VALUE;KEY=\"quoted\":value".
    static func contentLine(_ line: String, number: Int) throws(Failure) -> Property {
        let scalars = Array(line.unicodeScalars)
        var i = 0
        var name = ""
        while i < scalars.count, scalars[i] != ";", scalars[i] != ":" {
            name.unicodeScalars.append(scalars[i])
            i += 1
        }
        guard !name.isEmpty, i < scalars.count else { throw Failure(line: number, message: "not a content line (no \":\"): \(line.prefix(60))") }
        var parameters: [String: String] = [:]
        while i < scalars.count, scalars[i] == ";" {
            i += 1
            var key = ""
            while i < scalars.count, scalars[i] != "=", scalars[i] != ":", scalars[i] != ";" {
                key.unicodeScalars.append(scalars[i])
                i += 1
            }
            var value = ""
            if i < scalars.count, scalars[i] == "=" {
                i += 1
                var inQuotes = false
                while i < scalars.count {
                    let c = scalars[i]
                    if c == "\"" { inQuotes.toggle(); i += 1; continue }
                    if !inQuotes && (c == ";" || c == ":") { break }
                    value.unicodeScalars.append(c)
                    i += 1
                }
            }
            if parameters[key.uppercased()] == nil { parameters[key.uppercased()] = value }
        }
        guard i < scalars.count, scalars[i] == ":" else { throw Failure(line: number, message: "\(name): expected \":\" before the value") }
        let value = String(String.UnicodeScalarView(scalars[(i + 1)...]))
        return Property(name: name.uppercased(), parameters: parameters, value: value, line: number)
    }

    /// TEXT unescaping: \\, \;, \, and \n (or \N).
    public static func unescape(_ value: String) -> String {
        var out = ""
        var escaping = false
        for c in value {
            if escaping {
                switch c {
                case "n", "N": out.append("\n")
                default: out.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// A DATE-TIME or DATE value: local (no suffix), UTC (Z), or a date alone.
    public enum TimeValue: Hashable, Sendable {
        case local(LocalDateTime)
        case utc(Instant)
        case date(LocalDate)
    }

    public static func time(_ value: String) -> TimeValue? {
        let v = value.trimmingSpaces
        let bytes = Array(v.utf8)
        func number(_ range: Range<Int>) -> Int? { Digits.number(bytes[range]) }
        guard bytes.count >= 8, let y = number(0..<4), let m = number(4..<6), let d = number(6..<8), let date = LocalDate(year: y, month: m, day: d) else { return nil }
        if bytes.count == 8 { return .date(date) }
        guard bytes.count >= 15, bytes[8] == UInt8(ascii: "T"), let h = number(9..<11), let mi = number(11..<13), let s = number(13..<15),
              s < 60, let local = LocalDateTime(date: date, hour: h, minute: mi) else { return nil }
        if bytes.count == 16, bytes[15] == UInt8(ascii: "Z") {
            return .utc(Instant(secondsSinceEpoch: local.secondsSinceEpochAsUTC + Int64(s)))
        }
        return bytes.count == 15 ? .local(local) : nil
    }

    /// An RFC 5545 DURATION in minutes ("PT1H30M", "P1D", "PT75M", "-PT5M" is refused).
    public static func durationMinutes(_ value: String) -> Int? {
        var text = Substring(value.trimmingSpaces)
        if text.hasPrefix("+") { text = text.dropFirst() }
        guard text.hasPrefix("P") else { return nil }
        text = text.dropFirst()
        var total = 0, number = 0, inTime = false, sawDigit = false
        for c in text {
            if let d = c.wholeNumberValue {
                number = number * 10 + d
                sawDigit = true
                continue
            }
            switch (c, inTime) {
            case ("T", false): inTime = true; continue
            case ("W", false): total += number * 7 * 24 * 60
            case ("D", false): total += number * 24 * 60
            case ("H", true): total += number * 60
            case ("M", true): total += number
            case ("S", true): total += number / 60
            default: return nil
            }
            number = 0
        }
        return sawDigit ? total : nil
    }
}
