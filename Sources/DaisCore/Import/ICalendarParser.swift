/// Reads iCalendar files (RFC 5545): unfolds lines, splits content lines into name, parameters and
/// value, and nests components. Lenient where real files are (LF line ends, lowercase names, quoted
/// parameters), strict where guessing would import wrong data.
public enum ICalendarParser {
    /// One content line.
    public struct Property: Sendable {
        public let name: String
        /// Parameters in order, names uppercased.
        public let parameterList: [(name: String, value: String)]
        public let value: String
        /// 1-based line in the file where the property starts.
        public let line: Int

        /// A parameter's value by key, in any case. (Keys are nearly always given in capitals: they
        /// are uppercased only when they are not, since an import asks about forty a panel.)
        public func parameter(_ key: String) -> String? {
            var key = key
            let upper = key.withUTF8(ICalendarParser.isCapitals) ? key : key.uppercased()
            return parameterList.first { $0.name == upper }?.value
        }

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

    /// Whether text (as UTF-8 bytes) is its own uppercase: no lowercase ASCII letter, nothing
    /// outside ASCII. Names and keys nearly always are, and then no uppercased copy is made.
    static func isCapitals<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        !bytes.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") || $0 >= 0x80 }
    }

    /// Why a file is not iCalendar, with the line.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The top-level components (normally one VCALENDAR). Reads bytes: lines are unfolded and split
    /// without building a string for the whole file.
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> [Component] { try parse(bytes, events: nil) }

    /// The same, with each VEVENT of a VCALENDAR handed to `events` (with the calendar as read so
    /// far) as soon as it ends, instead of kept in the calendar: a large file is never held whole
    /// as components.
    static func parse(_ bytes: [UInt8], events: ((Component, Component) -> Void)?) throws(Failure) -> [Component] {
        var stack: [Component] = []
        var top: [Component] = []
        var sawAnything = false
        var failure: Failure?
        bytes.withUnsafeBufferPointer { buffer in
            var logical: [UInt8] = []
            var logicalLine = 0
            var number = 0
            var i = 0
            func finish() -> Bool {
                defer { logical.removeAll(keepingCapacity: true) }
                if logical.isEmpty { return true }
                if !sawAnything {
                    let prefix = Array("BEGIN:VCALENDAR".utf8)
                    guard logical.count >= prefix.count, zip(logical.prefix(prefix.count), prefix).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) }) else {
                        failure = Failure(line: logicalLine, message: "not an iCalendar file: it does not start with BEGIN:VCALENDAR")
                        return false
                    }
                }
                sawAnything = true
                do {
                    let property = try contentLine(logical, number: logicalLine)
                    switch property.name {
                    case "BEGIN":
                        let name = property.value.uppercased().trimmingSpaces
                        guard !name.isEmpty, name.count <= 64, !name.utf8.contains(0x20) else { throw Failure(line: logicalLine, message: "BEGIN without a component name") }
                        stack.append(Component(name: name, line: logicalLine))
                    case "END":
                        let name = property.value.uppercased().trimmingSpaces
                        guard let open = stack.popLast() else { throw Failure(line: logicalLine, message: "END:\(name.prefix(40)) without a BEGIN") }
                        guard open.name == name else {
                            throw Failure(line: logicalLine, message: "END:\(name.prefix(40)) closes BEGIN:\(open.name) of line \(open.line)")
                        }
                        if stack.isEmpty {
                            top.append(open)
                        } else if let events, stack.count == 1, open.name == "VEVENT", stack[0].name == "VCALENDAR" {
                            events(open, stack[0])
                        } else {
                            stack[stack.count - 1].components.append(open)
                        }
                    default:
                        guard !stack.isEmpty else { throw Failure(line: logicalLine, message: "\(property.name) outside any BEGIN:VCALENDAR") }
                        stack[stack.count - 1].properties.append(property)
                    }
                } catch {
                    failure = error as? Failure
                    return false
                }
                return true
            }
            while i < buffer.count {
                number += 1
                var end = i
                while end < buffer.count && buffer[end] != 0x0A { end += 1 }
                var lineEnd = end
                if lineEnd > i && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                if lineEnd > i && (buffer[i] == 0x20 || buffer[i] == 0x09) && !logical.isEmpty {
                    logical.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[(i + 1)..<lineEnd]))
                } else {
                    if !finish() { return }
                    logicalLine = number
                    logical.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i..<lineEnd]))
                }
                i = end + 1
            }
            _ = finish()
        }
        if let failure { throw failure }
        if let open = stack.last { throw Failure(line: open.line, message: "BEGIN:\(open.name) is never closed (the file is cut short?)") }
        guard sawAnything, top.contains(where: { $0.name == "VCALENDAR" }) else {
            throw Failure(line: 1, message: "not an iCalendar file: no BEGIN:VCALENDAR")
        }
        return top
    }

    /// "NAME;KEY=VALUE;KEY=\"quoted\":value", from the bytes of one unfolded line.
    static func contentLine(_ bytes: [UInt8], number: Int) throws(Failure) -> Property {
        try bytes.withUnsafeBufferPointer { (line: UnsafeBufferPointer<UInt8>) throws(Failure) -> Property in
            // The line is checked to be UTF-8 once; every cut below falls at an ASCII byte, so every
            // piece is UTF-8 too.
            guard UTF8Validation.isValid(line) else {
                throw Failure(line: number, message: "the line is not UTF-8 text")
            }
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self) }
            /// A name or parameter key in capitals (most already are: then no new string is made).
            func upper(_ range: Range<Int>) -> String {
                let s = text(range)
                return ICalendarParser.isCapitals(line[range]) ? s : s.uppercased()
            }
            var i = 0
            while i < line.count, line[i] != UInt8(ascii: ";"), line[i] != UInt8(ascii: ":") { i += 1 }
            guard i > 0, i < line.count else {
                throw Failure(line: number, message: "not a content line (no \":\"): \(String(decoding: line.prefix(60), as: UTF8.self))")
            }
            let name = upper(0..<i)
            var parameters: [(name: String, value: String)] = []
            while i < line.count, line[i] == UInt8(ascii: ";") {
                i += 1
                let keyStart = i
                while i < line.count, line[i] != UInt8(ascii: "="), line[i] != UInt8(ascii: ":"), line[i] != UInt8(ascii: ";") { i += 1 }
                let key = upper(keyStart..<i)
                var value = ""
                if i < line.count, line[i] == UInt8(ascii: "=") {
                    i += 1
                    // The value up to an unquoted ";" or ":", quotes taken out.
                    var inQuotes = false, run = i
                    while i < line.count {
                        let c = line[i]
                        if c == UInt8(ascii: "\"") {
                            value += text(run..<i)
                            inQuotes.toggle()
                            i += 1
                            run = i
                            continue
                        }
                        if !inQuotes && (c == UInt8(ascii: ";") || c == UInt8(ascii: ":")) { break }
                        i += 1
                    }
                    value += text(run..<i)
                }
                if !parameters.contains(where: { $0.name == key }) { parameters.append((key, value)) }
            }
            guard i < line.count, line[i] == UInt8(ascii: ":") else { throw Failure(line: number, message: "\(name): expected \":\" before the value") }
            return Property(name: name, parameterList: parameters, value: text((i + 1)..<line.count), line: number)
        }
    }

    /// TEXT unescaping: \\, \;, \, and \n (or \N); a backslash before anything else is dropped.
    /// Read as bytes (every escape is ASCII); text without a backslash comes back as it is.
    public static func unescape(_ value: String) -> String {
        var text = value
        return text.withUTF8 { b in
            guard let first = b.firstIndex(of: UInt8(ascii: "\\")) else { return value }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[..<first]))
            var escaping = false
            for byte in b[first...] {
                if escaping {
                    out.append(byte == UInt8(ascii: "n") || byte == UInt8(ascii: "N") ? 0x0A : byte)
                    escaping = false
                } else if byte == UInt8(ascii: "\\") {
                    escaping = true
                } else {
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
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
