/// iCalendar (RFC 5545) text: content lines folded at 75 octets without splitting a UTF-8 sequence,
/// CRLF line ends, TEXT values escaped, parameter values quoted. Works on UTF-8 bytes.
///
/// The bytes live in one growable buffer written through a pointer (copied only when a shared text
/// is changed): an export makes hundreds of small appends per event, and an array's append costs
/// several times the bytes it copies.
public struct ICalendarText: Sendable, PartBuffer {
    private final class Storage: @unchecked Sendable {
        // Runtime exclusivity checks are off here, as in `Panel`'s box: a storage is private to its
        // text and written only after `unique` made it that text's alone (the checks cost more than
        // the small appends they guard).
        @exclusivity(unchecked) var bytes: RawBytes
        /// Where escaped values are made before they are folded into `bytes`.
        @exclusivity(unchecked) var scratch = RawBytes(capacity: 256)

        init(capacity: Int) { bytes = RawBytes(capacity: capacity) }

        deinit {
            bytes.free()
            scratch.free()
        }

        func copy() -> Storage {
            let copy = Storage(capacity: bytes.count)
            copy.bytes.append(contentsOf: bytes.buffer)
            return copy
        }
    }

    private var storage: Storage
    /// Octets on the current physical line (the leading space of a continuation included).
    private var width = 0
    /// Whether the TEXT value being written in pieces (`escapedPiece`) so far ends with a carriage
    /// return, so that a line feed starting the next piece joins it as one line break.
    private var pieceEndsWithCR = false

    public init(capacity: Int = 0) { storage = Storage(capacity: capacity) }

    /// The text's bytes (a copy; `withBytes` lends them without copying).
    public var bytes: [UInt8] { Array(storage.bytes.buffer) }

    /// Calls `body` with the text's bytes.
    public func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(storage.bytes.buffer)
    }

    /// The storage, made this text's alone first.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// Empties the text, keeping its storage (a buffer reused part after part).
    public mutating func reset() {
        unique.bytes.removeAll()
        width = 0
    }

    /// Appends whole content lines made beforehand (CRLF included), as they are.
    public mutating func appendLines(_ lines: [UInt8]) {
        lines.withUnsafeBufferPointer { appendLines($0) }
    }

    /// The same from a buffer.
    mutating func appendLines(_ lines: UnsafeBufferPointer<UInt8>) {
        unique.bytes.append(contentsOf: lines)
        width = 0
    }

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

    /// A TEXT property whose value is the pieces one after the other, escaped as one string.
    mutating func text(_ name: String, pieces: [String]) {
        begin(name)
        startPieces()
        for piece in pieces where !piece.isEmpty {
            escapedPiece(piece)
            pieceEndsWithCR = piece.utf8.last == 0x0D
        }
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
        pieceEndsWithCR = false
        append(name, into: unique)
    }

    /// Adds ";KEY=value" (the value cleaned and quoted as needed).
    public mutating func parameter(_ key: String, _ value: String) {
        let out = unique
        appendByte(UInt8(ascii: ";"), into: out)
        append(key, into: out)
        appendByte(UInt8(ascii: "="), into: out)
        var text = value
        let plain = text.withUTF8 { ICalendarText.hasNone($0, in: ICalendarText.parameterSpecials) }
        if plain {
            text.withUTF8 { appendFolded($0, into: out) }
        } else {
            out.scratch.removeAll()
            ICalendarText.appendParameter(value, to: &out.scratch)
            appendFolded(out.scratch.buffer, into: out)
        }
    }

    /// The bytes `parameter(key, value)` adds, unfolded, for text made once and copied in with
    /// `folded` (folding a run of bytes gives what folding its pieces one after the other gives).
    static func appendParameterField(_ key: String, _ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: ";"))
        out += key.utf8
        out.append(UInt8(ascii: "="))
        var text = value
        if text.withUTF8({ hasNone($0, in: parameterSpecials) }) { out += text.utf8 } else { appendParameter(value, to: &out) }
    }

    /// Adds bytes made ahead as they are, folded: parameters (`appendParameterField`), ":" and an
    /// escaped value, or a clean piece of a TEXT value (one `escapedPiece` would copy as it is, which
    /// leaves what it knows of a carriage return before it unchanged, as this does).
    mutating func folded(_ bytes: UnsafeBufferPointer<UInt8>) {
        appendFolded(bytes, into: unique)
    }

    /// Adds ":" and the value as is.
    public mutating func raw(_ value: String) {
        let out = unique
        appendByte(UInt8(ascii: ":"), into: out)
        append(value, into: out)
    }

    /// Adds ":" and the value escaped as TEXT.
    public mutating func escaped(_ value: String) {
        let out = unique
        appendByte(UInt8(ascii: ":"), into: out)
        appendEscapedValue(value, afterCR: false, into: out)
    }

    /// Adds ":" to start a value that `escapedPiece` writes in pieces.
    public mutating func startPieces() {
        appendByte(UInt8(ascii: ":"), into: unique)
        pieceEndsWithCR = false
    }

    /// Adds the next piece of a TEXT value, escaped as if the pieces were one string.
    public mutating func escapedPiece(_ value: String) {
        guard !value.isEmpty else { return }
        if !appendEscapedValue(value, afterCR: pieceEndsWithCR, into: unique) { pieceEndsWithCR = value.utf8.last == 0x0D }
    }

    /// Adds the next piece of a TEXT value as it is: the caller's own words, escaped already
    /// ("Moderator", ": ", "\\, ").
    mutating func plainPiece(_ value: StaticString) {
        appendFolded(UnsafeBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount), into: unique)
        pieceEndsWithCR = false
    }

    /// Returns true when the value was clean (copied as it is: it ends with no carriage return).
    @discardableResult
    private mutating func appendEscapedValue(_ value: String, afterCR: Bool, into out: Storage) -> Bool {
        if ICalendarText.isClean(value) {
            append(value, into: out)
            return true
        }
        out.scratch.removeAll()
        ICalendarText.appendEscaped(value, to: &out.scratch, afterCR: afterCR)
        appendFolded(out.scratch.buffer, into: out)
        return false
    }

    /// Adds ":" and a local date-time, "20241113T100000" (with `utc`, a UTC one: "20241113T150000Z").
    public mutating func local(_ t: LocalDateTime, utc: Bool = false) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            buffer[0] = UInt8(ascii: ":")
            var n = ICalendarText.writeLocal(t, into: buffer, at: 1)
            if utc {
                buffer[n] = UInt8(ascii: "Z")
                n += 1
            }
            appendFolded(UnsafeBufferPointer(rebasing: buffer[..<n]), into: unique)
        }
    }

    /// Writes "YYYYMMDDTHHMM00" at `at`; returns where it ends. Years below 1000 get their zeros.
    static func writeLocal(_ t: LocalDateTime, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var i = start
        func put(_ value: Int, digits: Int) {
            var v = value
            for k in stride(from: digits - 1, through: 0, by: -1) {
                buffer[i + k] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            }
            i += digits
        }
        let d = t.date
        put(d.year, digits: d.year >= 10_000 ? 5 : 4)
        put(d.month, digits: 2)
        put(d.day, digits: 2)
        buffer[i] = UInt8(ascii: "T")
        i += 1
        put(t.hour, digits: 2)
        put(t.minute, digits: 2)
        put(0, digits: 2)
        return i
    }

    /// Ends the line: CRLF.
    public mutating func end() {
        let out = unique
        out.bytes.append(0x0D)
        out.bytes.append(0x0A)
        width = 0
    }

    // The helpers below write into the storage they are given: the caller took it with `unique`
    // once (taking it again while holding it would find it shared and copy it).

    /// Appends a string's bytes to the current line, folded.
    private mutating func append(_ text: String, into out: Storage) {
        var text = text
        text.withUTF8 { appendFolded($0, into: out) }
    }

    /// Appends one ASCII byte to the current line, folding first when the line is full.
    private mutating func appendByte(_ byte: UInt8, into out: Storage) {
        if width >= 75 {
            out.bytes.append(0x0D)
            out.bytes.append(0x0A)
            out.bytes.append(0x20)
            width = 1
        }
        out.bytes.append(byte)
        width += 1
    }

    /// Appends bytes of the current line, folding before a character that would pass 75 octets
    /// (never inside a UTF-8 sequence).
    private mutating func appendFolded(_ c: UnsafeBufferPointer<UInt8>, into out: Storage) {
        var start = 0
        while c.count - start > 75 - width {
            var cut = start + (75 - width)
            while cut > start && (c[cut] & 0xC0) == 0x80 { cut -= 1 }  // back to the start of a character
            if cut > start { out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: c[start..<cut])) }
            out.bytes.append(0x0D)
            out.bytes.append(0x0A)
            out.bytes.append(0x20)
            width = 1
            start = cut
        }
        out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: c[start..<c.count]))
        width += c.count - start
    }

    /// True when a value has nothing to escape or drop.
    static func isClean(_ value: String) -> Bool {
        var text = value
        return text.withUTF8 { hasNone($0, in: textSpecials) }
    }

    /// Bytes that stop a value from being copied as it is: control characters (below 0x20, and
    /// 0x7F), the lead bytes 0xC2, 0xD8 and 0xE2 (C1 controls and directional formatting characters
    /// start with them), and for TEXT backslash, semicolon and comma; for a parameter, a double
    /// quote, colon, semicolon and comma. One table lookup a byte.
    static let textSpecials = specials("\\;,")
    static let parameterSpecials = specials("\":;,")

    private static func specials(_ ascii: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for b in 0..<0x20 { table[b] = true }
        for b in [0x7F, 0xC2, 0xD8, 0xE2] + ascii.utf8.map(Int.init) { table[b] = true }
        return table
    }

    /// True when none of the bytes is marked in `table`: eight at a time while they are plain ASCII
    /// with none of the table's ASCII bytes (found with bit tricks on the word), else one by one.
    @inline(__always)
    static func hasNone(_ bytes: UnsafeBufferPointer<UInt8>, in table: [Bool]) -> Bool {
        table.withUnsafeBufferPointer { special in
            var i = 0
            if let base = bytes.baseAddress, bytes.count >= 8 {
                let raw = UnsafeRawPointer(base)
                // The ASCII specials besides controls: at most four (backslash, semicolon, comma,
                // quote, colon), looked for in every word whatever the table.
                while i + 8 <= bytes.count {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let stop = WordBytes.high(w) | WordBytes.below(w, 0x20) | WordBytes.equal(w, 0x7F)
                        | WordBytes.equal(w, 0x5C) | WordBytes.equal(w, 0x3B) | WordBytes.equal(w, 0x2C)
                        | WordBytes.equal(w, 0x22) | WordBytes.equal(w, 0x3A)
                    if stop != 0 { break }
                    i += 8
                }
            }
            while i < bytes.count {
                if special[Int(bytes[i])] { return false }
                i += 1
            }
            return true
        }
    }

    /// TEXT escaping: backslash, semicolon, comma and newline; other control characters (which TEXT
    /// may not hold, C1 controls included) and directional formatting characters are dropped, tabs kept.
    public static func escape(_ value: String) -> String {
        var out: [UInt8] = []
        appendEscaped(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendEscaped<Sink: ByteSink>(_ value: String, to out: inout Sink, afterCR: Bool = false) {
        // Fast path: copy the text whole when nothing in it needs escaping or dropping.
        if isClean(value) {
            var text = value
            text.withUTF8 { out.append(contentsOf: $0) }
            return
        }
        var text = value
        text.withUTF8 { b in
            var run = 0  // start of the bytes not copied yet
            var i = 0
            let raw = UnsafeRawPointer(b.baseAddress!)
            while i < b.count {
                // Plain ASCII runs eight bytes at a time (nothing below 0x20, no 0x7F, backslash,
                // semicolon or comma).
                while i + 8 <= b.count {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let stop = WordBytes.high(w) | WordBytes.equal(w, 0x5C) | WordBytes.equal(w, 0x3B) | WordBytes.equal(w, 0x2C)
                        | WordBytes.equal(w, 0x7F) | WordBytes.below(w, 0x20)
                    if stop != 0 { break }
                    i += 8
                }
                guard i < b.count else { break }
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
                    if i == 0 ? !afterCR : b[i - 1] != 0x0D { out.append(0x5C); out.append(UInt8(ascii: "n")) }
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

    static func appendParameter<Sink: ByteSink>(_ value: String, to out: inout Sink) {
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

/// Somewhere escaped bytes go: an array (for the string helpers) or a text's scratch buffer.
protocol ByteSink {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteSink where Element == UInt8 {}

/// A growable run of bytes written through a pointer: appending checks the room and copies, nothing
/// more.
struct RawBytes: ByteSink {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    /// Frees the bytes (the owner calls this once, when it goes).
    func free() { base.deallocate() }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    mutating func removeAll() { count = 0 }

    /// Room for `total` bytes in all, without growing again before then.
    mutating func reserve(_ total: Int) {
        if total > capacity { grow(to: total, exactly: true) }
    }

    /// Drops the bytes from `length` on.
    mutating func truncate(to length: Int) { count = min(count, length) }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    private mutating func grow(to needed: Int, exactly: Bool = false) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        if exactly { size = needed }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = size
    }
}
