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
            // Most properties have no parameters.
            guard !parameterList.isEmpty else { return nil }
            let upper = ICalendarParser.isCapitals(key.utf8.span) ? key : key.uppercased()
            return parameterList.first { ICalendarParser.same($0.name, upper) }?.value
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
        /// Lines inside this component (not inside its sub-components) that could not be read: a
        /// component with problems is refused alone, and the rest of the file is still read.
        public var problems: [Failure] = []

        public init(name: String, line: Int) {
            self.name = name
            self.line = line
        }

        public func first(_ name: String) -> Property? { properties.first { ICalendarParser.same($0.name, name) } }
        public func all(_ name: String) -> [Property] { properties.filter { ICalendarParser.same($0.name, name) } }
    }

    /// A file read: its calendars, and what was noticed on the way.
    public struct Document: Sendable {
        /// The VCALENDARs, in order. Events written without one (a bare VEVENT file) are in one
        /// made for them.
        public var calendars: [Component] = []
        /// What the reader noticed that the importer should report (a byte-order mark, bare events).
        public var notes: [String] = []
    }

    /// Whether two names are equal, their lengths compared first: an importer asks a component for
    /// about forty names, most of them missing, and names of other lengths differ at once.
    @inline(__always)
    static func same(_ a: String, _ b: String) -> Bool { a.utf8.count == b.utf8.count && a == b }

    /// Components that stand directly in a VCALENDAR (RFC 5545, 3.6).
    static let calendarParts: Set<String> = ["VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE", "VAVAILABILITY"]

    /// Components nest at most this deep (iCalendar nests three deep: VCALENDAR, VEVENT, VALARM).
    public static let maxDepth = 64

    /// Whether text (as UTF-8 bytes) is its own uppercase: no lowercase ASCII letter, nothing
    /// outside ASCII. Names and keys nearly always are, and then no uppercased copy is made. Read
    /// through a span: an import asks it about forty times a panel.
    static func isCapitals(_ bytes: Span<UInt8>) -> Bool {
        for i in bytes.indices where bytes[i] >= UInt8(ascii: "a") && bytes[i] <= UInt8(ascii: "z") || bytes[i] >= 0x80 { return false }
        return true
    }

    /// Why a file, or a line of it, is not iCalendar, with the line.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    /// The file's text as UTF-8 without a byte-order mark: a UTF-8 mark is dropped, UTF-16 with a
    /// mark (either byte order) is converted. Says which it found in `note`.
    static func utf8Text(_ bytes: [UInt8], note: inout String?) throws(Failure) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            note = "the file starts with a UTF-8 byte-order mark; it was read without it"
            return Array(bytes.dropFirst(3))
        }
        let little = bytes.starts(with: [0xFF, 0xFE]), big = bytes.starts(with: [0xFE, 0xFF])
        guard little || big else { return bytes }
        guard bytes.count % 2 == 0 else { throw Failure(line: 1, message: "the file says it is UTF-16 but has an odd number of bytes") }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i + 1 < bytes.count {
            units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        var decoder = UTF16()
        var iterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): out.append(contentsOf: Array(String(scalar).utf8))
            case .emptyInput: break loop
            case .error: throw Failure(line: 1, message: "the file says it is UTF-16 (\(little ? "little" : "big")-endian) but holds a broken character")
            }
        }
        note = "the file is UTF-16 (\(little ? "little" : "big")-endian, with a byte-order mark); it was read as such"
        return out
    }

    /// Reads a file: lines unfolded (CRLF, LF or a lone CR end a line), split into properties and
    /// nested into components. A line that cannot be read is kept as a problem of the component it
    /// stands in (the importer refuses that event and reads on); what makes the structure unknowable
    /// (an unclosed component at the end, nesting beyond `maxDepth`, text that is not iCalendar at
    /// all) refuses the file. Nothing here recurses on the input.
    public static func parse(_ input: [UInt8]) throws(Failure) -> Document {
        var note: String?
        let bytes = try utf8Text(input, note: &note)
        var document = Document()
        if let note { document.notes.append(note) }
        var stack: [Component] = []
        var sawAnything = false
        var madeCalendar = false
        var failure: Failure?
        let buffer = bytes.span
        var stopped = false  // a line refused the file: nothing after it is read
        var logical: [UInt8] = []
        var logicalLine = 0
        var number = 0
        var i = 0
        /// A problem of the innermost open component (or of the file, before any).
        func problem(_ p: Failure) {
            if stack.isEmpty { failure = p } else { stack[stack.count - 1].problems.append(p) }
        }
        /// Closes the components open above `depth`, each with a problem saying what closed it.
        func closeInner(above depth: Int, by what: String) {
            while stack.count > depth + 1 {
                var open = stack.removeLast()
                open.problems.append(Failure(line: open.line, message: "BEGIN:\(open.name.prefix(40)) is never closed (\(what) comes first)"))
                stack[stack.count - 1].components.append(open)
            }
        }
        func finish() -> Bool {
            defer { logical.removeAll(keepingCapacity: true) }
            if logical.isEmpty { return true }
            if !sawAnything {
                sawAnything = true
                if startsWith(logical, "BEGIN:VEVENT") {
                    // Single events saved without their calendar: read them as one calendar.
                    stack.append(Component(name: "VCALENDAR", line: logicalLine))
                    madeCalendar = true
                    document.notes.append("the file has events without a BEGIN:VCALENDAR around them; they were read as one calendar")
                } else if !startsWith(logical, "BEGIN:VCALENDAR") {
                    failure = Failure(line: logicalLine, message: "not an iCalendar file: it does not start with BEGIN:VCALENDAR")
                    return false
                }
            }
            let property: Property
            do {
                property = try contentLine(logical, number: logicalLine)
            } catch {
                problem(error)
                return failure == nil
            }
            switch property.name {
            case "BEGIN":
                let name = property.value.uppercased().trimmingSpaces
                guard !name.isEmpty, name.count <= 64, !name.utf8.contains(0x20) else {
                    problem(Failure(line: logicalLine, message: "BEGIN without a component name"))
                    return failure == nil
                }
                guard stack.count < maxDepth else {
                    failure = Failure(line: logicalLine, message: "BEGIN:\(name) nests components more than \(maxDepth) deep (iCalendar nests three)")
                    return false
                }
                if ICalendarParser.calendarParts.contains(name), let calendar = stack.lastIndex(where: { $0.name == "VCALENDAR" }) {
                    // An event (or to-do, zone...) begins only inside a calendar: what is still
                    // open inside the calendar was never closed.
                    closeInner(above: calendar, by: "BEGIN:\(name) of line \(logicalLine)")
                }
                stack.append(Component(name: name, line: logicalLine))
            case "END":
                let name = property.value.uppercased().trimmingSpaces
                guard let depth = stack.lastIndex(where: { $0.name == name }) else {
                    problem(Failure(line: logicalLine, message: "END:\(name.prefix(40)) without a BEGIN"))
                    return failure == nil
                }
                closeInner(above: depth, by: "END:\(name.prefix(40)) of line \(logicalLine)")
                let closed = stack.removeLast()
                if !stack.isEmpty {
                    stack[stack.count - 1].components.append(closed)
                } else if closed.name == "VCALENDAR" {
                    document.calendars.append(closed)
                } else if closed.name == "VEVENT" {
                    var calendar = Component(name: "VCALENDAR", line: closed.line)
                    calendar.components.append(closed)
                    document.calendars.append(calendar)
                    document.notes.append("line \(closed.line): an event outside any VCALENDAR was read as a calendar of its own")
                } else {
                    document.notes.append("line \(closed.line): \(closed.name.prefix(40)) outside any VCALENDAR was ignored")
                }
            default:
                guard !stack.isEmpty else {
                    document.notes.append("line \(logicalLine): \(property.name.prefix(40)) outside any component was ignored")
                    return true
                }
                stack[stack.count - 1].properties.append(property)
            }
            return true
        }
        while i < buffer.count {
            number += 1
            var end = i
            while end < buffer.count && buffer[end] != 0x0A && buffer[end] != 0x0D { end += 1 }
            var next = end + 1
            if end < buffer.count && buffer[end] == 0x0D && next < buffer.count && buffer[next] == 0x0A { next += 1 }
            if end > i && (buffer[i] == 0x20 || buffer[i] == 0x09) && !logical.isEmpty {
                logical.append(contentsOf: bytes[(i + 1)..<end])
            } else {
                if !finish() {
                    stopped = true
                    break
                }
                logicalLine = number
                logical.append(contentsOf: bytes[i..<end])
            }
            i = next
        }
        if !stopped { _ = finish() }
        if let failure { throw failure }
        if stack.count == 1, stack[0].name == "VCALENDAR" {
            // Only the calendar is left open (bare events, or a misspelt END:VCALENDAR): every
            // event in it was closed, so it ends with the file.
            if !madeCalendar { document.notes.append("line \(stack[0].line): the calendar is never closed (no END:VCALENDAR); its events were read") }
            document.calendars.append(stack.removeLast())
        }
        if let open = stack.last { throw Failure(line: open.line, message: "BEGIN:\(open.name) is never closed (the file is cut short?)") }
        guard sawAnything, !document.calendars.isEmpty else {
            throw Failure(line: 1, message: "not an iCalendar file: no BEGIN:VCALENDAR")
        }
        return document
    }

    /// Whether a line starts with `prefix`, ignoring ASCII case.
    private static func startsWith(_ line: [UInt8], _ prefix: String) -> Bool {
        line.count >= prefix.utf8.count && zip(line, prefix.utf8).allSatisfy { ($0 | 0x20) == ($1 | 0x20) }
    }

    /// "NAME;KEY=VALUE;KEY=\"quoted\":value", from the bytes of one unfolded line.
    static func contentLine(_ line: [UInt8], number: Int) throws(Failure) -> Property {
        // The line is checked to be UTF-8 once; every cut below falls at an ASCII byte, so every
        // piece is UTF-8 too.
        guard UTF8Validation.isValid(line) else {
            throw Failure(line: number, message: "the line is not UTF-8 text")
        }
        func text(_ range: Range<Int>) -> String { String(decoding: line[range], as: UTF8.self) }
        /// A name or parameter key in capitals (most already are: then no new string is made).
        func upper(_ range: Range<Int>) -> String {
            let s = text(range)
            return ICalendarParser.isCapitals(line.span.extracting(range)) ? s : s.uppercased()
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

    /// TEXT unescaping: \\, \;, \, and \n (or \N); a backslash before anything else is dropped.
    /// Read as bytes (every escape is ASCII); text without a backslash comes back as it is.
    public static func unescape(_ value: String) -> String {
        let b = value.utf8.span
        var first = 0
        while first < b.count && b[first] != UInt8(ascii: "\\") { first += 1 }
        guard first < b.count else { return value }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        for k in 0..<first { out.append(b[k]) }
        var escaping = false
        for k in first..<b.count {
            let byte = b[k]
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

    /// Whether a DATE-TIME value has seconds other than zero ("20190301T170035Z"), which a panel,
    /// starting on the minute, drops.
    public static func hasSeconds(_ value: String) -> Bool {
        let bytes = Array(value.trimmingSpaces.utf8)
        return bytes.count >= 15 && bytes[8] == UInt8(ascii: "T") && (bytes[13] != UInt8(ascii: "0") || bytes[14] != UInt8(ascii: "0"))
    }

    /// An RFC 5545 DURATION in minutes ("PT1H30M", "P1D", "PT75M"; seconds are dropped; "-PT5M"
    /// is refused). However large the numbers, nothing overflows: a duration beyond a million days
    /// comes back as that (more than any panel may last, which the importer then says).
    public static func durationMinutes(_ value: String) -> Int? {
        var text = Substring(value.trimmingSpaces)
        if text.hasPrefix("+") { text = text.dropFirst() }
        guard text.hasPrefix("P") else { return nil }
        text = text.dropFirst()
        let cap = 1_000_000 * 24 * 60
        var total = 0, number = 0, inTime = false, sawDigit = false
        for c in text.utf8 {
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                number = min(number * 10 + Int(c - UInt8(ascii: "0")), cap * 60)
                sawDigit = true
                continue
            }
            let unit: Int
            switch (c, inTime) {
            case (UInt8(ascii: "T"), false): inTime = true; continue
            case (UInt8(ascii: "W"), false): unit = 7 * 24 * 60
            case (UInt8(ascii: "D"), false): unit = 24 * 60
            case (UInt8(ascii: "H"), true): unit = 60
            case (UInt8(ascii: "M"), true): unit = 1
            case (UInt8(ascii: "S"), true):
                total = min(total + number / 60, cap)
                number = 0
                continue
            default: return nil
            }
            total = min(total + min(number, cap) * unit, cap)
            number = 0
        }
        return sawDigit ? total : nil
    }
}
