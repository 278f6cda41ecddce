#if canImport(Glibc)
import Glibc
#endif

/// A pull reader over the bytes of a JSON document, for decoding straight into model values.
///
/// It never builds a generic tree and never recurses on its own, so deep or huge documents cost no
/// stack; every error carries the byte offset where it was found (turned into line and column later).
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int = 0
    /// Symbols of the references read so far (see `SymbolCache`).
    let references = SymbolCache()

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// An error at a byte offset, with what was expected.
    struct Failure: Error {
        let offset: Int
        let message: String
    }

    enum Kind {
        case object, array, string, number, bool, null, end, invalid
    }

    // MARK: Peeking

    @inline(__always)
    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func peekKind() -> Kind {
        skipSpace()
        guard position < bytes.count else { return .end }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: return .invalid
        }
    }

    /// "a string", "an array", ... for "found ..." in messages.
    mutating func foundDescription() -> String {
        switch peekKind() {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "true or false"
        case .null: return "null"
        case .end: return "the end of the file"
        case .invalid:
            let byte = bytes[position]
            if byte >= 0x20 && byte < 0x7F { return "\"\(Character(Unicode.Scalar(byte)))\", which is not JSON" }
            return "a byte 0x\(String(byte, radix: 16)) that is not JSON"
        }
    }

    func fail(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(offset: offset ?? position, message: message)
    }

    mutating func mismatch(expected: String, for what: String) -> Failure {
        let found = foundDescription()
        return fail("expected \(expected) for \(what), found \(found)")
    }

    // MARK: Structure

    /// Reads an object, calling `body` for each key with the reader positioned at its value;
    /// `body` must consume the value. Duplicate keys are refused. Keys are matched as bytes (no string
    /// is made for them: a store has millions).
    mutating func readObject(for what: String, _ body: (inout JSONReader, JSONKey, Int) throws -> Void) throws {
        guard peekKind() == .object else { throw mismatch(expected: "an object", for: what) }
        position += 1
        skipSpace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
            position += 1
            return
        }
        var seen = SeenKeys()
        while true {
            skipSpace()
            guard peekKind() == .string else {
                throw fail(position < bytes.count ? "expected a field name in quotes in \(what), found \(foundDescription())"
                    : "the file ends inside \(what): expected a field name")
            }
            let keyOffset = position
            let scanned = try scanString()
            let key = scanned.hasEscape ? JSONKey(text: try makeString(scanned)) : JSONKey(raw: scanned.raw)
            if !seen.insert(key) { throw fail("field \"\(key.text)\" appears twice in \(what)", at: keyOffset) }
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw fail(position < bytes.count ? "expected \":\" after \"\(key.text)\", found \(foundDescription())"
                    : "the file ends after \"\(key.text)\": expected \":\"")
            }
            position += 1
            try body(&self, key, keyOffset)
            skipSpace()
            guard position < bytes.count else { throw fail("the file ends inside \(what): expected \",\" or \"}\"") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return
            default: throw fail("expected \",\" or \"}\" in \(what), found \(foundDescription())")
            }
        }
    }

    /// Reads an array, calling `body` with the reader positioned at each element; `body` must consume it.
    mutating func readArray(for what: String, _ body: (inout JSONReader) throws -> Void) throws {
        guard peekKind() == .array else { throw mismatch(expected: "an array", for: what) }
        position += 1
        skipSpace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
            position += 1
            return
        }
        while true {
            try body(&self)
            skipSpace()
            guard position < bytes.count else { throw fail("the file ends inside \(what): expected \",\" or \"]\"") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return
            default: throw fail("expected \",\" or \"]\" in \(what), found \(foundDescription())")
            }
        }
    }

    // MARK: Scalars

    /// Consumes `null` and answers true, or answers false without consuming anything.
    mutating func readNull() -> Bool {
        guard peekKind() == .null, position + 4 <= bytes.count,
              bytes[position + 1] == UInt8(ascii: "u"), bytes[position + 2] == UInt8(ascii: "l"), bytes[position + 3] == UInt8(ascii: "l")
        else { return false }
        position += 4
        return true
    }

    /// Strings read with `readSharedString`, each kept once.
    private var shared: [String] = []

    /// A string that many records repeat (a zone id): equal ones come back as one string sharing one
    /// storage (compared as bytes, before any string is made), so that 100,000 panels hold each zone
    /// once and the checks read it from the cache. `whenNew` is called with each text not met before.
    mutating func readSharedString(for what: String, whenNew: (String) -> Void = { _ in }) throws -> String {
        guard peekKind() == .string else { throw mismatch(expected: "a string", for: what) }
        let string = try scanString()
        if !string.hasEscape {
            for known in shared {
                var text = known
                if text.withUTF8({ $0.count == string.raw.count && JSONKey.equalBytes($0.baseAddress, string.raw.baseAddress, $0.count) }) { return known }
            }
        }
        let text = try makeString(string)
        if shared.count < 64 { shared.append(text) }
        whenNew(text)
        return text
    }

    /// A string as read: its bytes in the document when it is plain ASCII with no escapes (nearly
    /// always for ids, times and names of cases: no string is made), else the string.
    enum PlainOrText {
        case plain(UnsafeBufferPointer<UInt8>)
        case text(String)
    }

    mutating func readPlainOrText(for what: String) throws -> PlainOrText {
        guard peekKind() == .string else { throw mismatch(expected: "a string", for: what) }
        let string = try scanString()
        if !string.hasEscape && string.ascii { return .plain(string.raw) }
        return .text(try makeString(string))
    }

    mutating func readString(for what: String) throws -> String {
        guard peekKind() == .string else { throw mismatch(expected: "a string", for: what) }
        return try readRawString()
    }

    /// A string, or nil for `null`.
    mutating func readOptionalString(for what: String) throws -> String? {
        if readNull() { return nil }
        return try readString(for: what)
    }

    mutating func readInt(for what: String) throws -> Int {
        guard peekKind() == .number else { throw mismatch(expected: "a whole number", for: what) }
        let start = position
        var negative = false
        if bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        var value = 0
        var digits = 0
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(bytes[position] - UInt8(ascii: "0")))
            if o1 || o2 || digits > 15 { throw fail("the number for \(what) is too large", at: start) }
            value = a
            digits += 1
            position += 1
        }
        if digits == 0 { throw fail("expected a whole number for \(what)", at: start) }
        if position < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) {
            throw fail("expected a whole number for \(what), found a fraction or exponent", at: start)
        }
        return negative ? -value : value
    }

    mutating func readBool(for what: String) throws -> Bool {
        skipSpace()
        if matchLiteral("true") { return true }
        if matchLiteral("false") { return false }
        throw mismatch(expected: "true or false", for: what)
    }

    private mutating func matchLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let base = literal.utf8Start
        for i in 0..<count where bytes[position + i] != base[i] { return false }
        position += count
        return true
    }

    /// Reads a string at the current position (which holds the opening quote).
    mutating func readRawString() throws -> String {
        let string = try scanString()
        return try makeString(string)
    }

    /// Where the string at the position is (its quotes passed), and whether it needs unescaping or
    /// UTF-8 validation.
    private mutating func scanString() throws -> (open: Int, raw: UnsafeBufferPointer<UInt8>, hasEscape: Bool, ascii: Bool) {
        let open = position
        position += 1
        let start = position
        var hasEscape = false
        var ascii = true
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while true {
            // Eight bytes at a time up to the first that is a quote, a backslash, a control character or
            // non-ASCII (descriptions run to hundreds of plain bytes); that byte is then looked at alone.
            if let raw {
                while position + 8 <= bytes.count {
                    let special = JSONReader.specialBytes(raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                    if special != 0 {
                        position += special.trailingZeroBitCount >> 3
                        break
                    }
                    position += 8
                }
            }
            guard position < bytes.count else { throw fail("the file ends inside a string that starts here", at: open) }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                position += 2
                continue
            }
            if byte < 0x20 {
                throw fail(byte == 0x0A ? "a string runs past the end of its line (missing closing quote?)"
                    : "a control character (0x\(String(byte, radix: 16))) must be escaped inside a string")
            }
            if byte >= 0x80 { ascii = false }
            position += 1
        }
        let end = position
        position += 1
        return (open, UnsafeBufferPointer(rebasing: bytes[start..<end]), hasEscape, ascii)
    }

    /// The high bit of each byte of the word that is a quote, a backslash, below 0x20 or at least 0x80
    /// (the bytes a string's scan must stop at; see `WordBytes`: the lowest flag is always one).
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        WordBytes.equal(word, 0x22) | WordBytes.equal(word, 0x5C) | WordBytes.below(word, 0x20) | WordBytes.high(word)
    }

    private func makeString(_ string: (open: Int, raw: UnsafeBufferPointer<UInt8>, hasEscape: Bool, ascii: Bool)) throws -> String {
        if !string.hasEscape {
            if string.ascii { return String(decoding: string.raw, as: UTF8.self) }
            guard let text = String(validating: string.raw, as: UTF8.self) else {
                throw fail("a string holds bytes that are not valid UTF-8", at: string.open)
            }
            return text
        }
        return try unescape(string.raw, openedAt: string.open)
    }

    private func unescape(_ raw: UnsafeBufferPointer<UInt8>, openedAt open: Int) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        func hex4(_ at: Int) throws -> UInt32 {
            guard at + 4 <= raw.count else { throw fail("an escape \\u needs four hex digits", at: open + 1 + at) }
            var v: UInt32 = 0
            for k in 0..<4 {
                let c = raw[at + k]
                let d: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
                default: throw fail("an escape \\u needs four hex digits", at: open + 1 + at)
                }
                v = v << 4 | d
            }
            return v
        }
        while i < raw.count {
            let byte = raw[i]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                i += 1
                continue
            }
            guard i + 1 < raw.count else { throw fail("a string ends with a lone backslash", at: open + 1 + i) }
            let code = raw[i + 1]
            i += 2
            switch code {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(i)
                i += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u") else {
                        throw fail("a \\u escape holds half of a surrogate pair", at: open + 1 + i - 6)
                    }
                    let low = try hex4(i + 2)
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("a \\u escape holds half of a surrogate pair", at: open + 1 + i - 6) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("a \\u escape holds half of a surrogate pair", at: open + 1 + i - 6)
                }
                guard let u = Unicode.Scalar(scalar) else { throw fail("a \\u escape is not a character", at: open + 1 + i - 6) }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw fail("unknown escape \\\(Character(Unicode.Scalar(code))) in a string", at: open + 1 + i - 2)
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw fail("a string holds bytes that are not valid UTF-8", at: open)
        }
        return text
    }

    // MARK: Skipping

    /// Skips one value of any shape without recursion (brackets are counted, not matched).
    mutating func skipValue() throws {
        var depth = 0
        while true {
            skipSpace()
            guard position < bytes.count else { throw fail("the file ends inside a value") }
            let c = bytes[position]
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                position += 1
                continue
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard depth > 0 else { throw fail("unexpected closing bracket") }
                depth -= 1
                position += 1
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                guard depth > 0 else { throw fail("expected a JSON value, found \"\(Character(Unicode.Scalar(c)))\"") }
                position += 1
                continue
            case UInt8(ascii: "\""):
                _ = try readRawString()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                position += 1
                while position < bytes.count {
                    let d = bytes[position]
                    guard (d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9")) || d == UInt8(ascii: ".") || d == UInt8(ascii: "e")
                            || d == UInt8(ascii: "E") || d == UInt8(ascii: "+") || d == UInt8(ascii: "-") else { break }
                    position += 1
                }
            case UInt8(ascii: "t"), UInt8(ascii: "f"):
                _ = try readBool(for: "a value")
            case UInt8(ascii: "n"):
                guard readNull() else { throw fail("expected a JSON value, found \(foundDescription())") }
            default:
                throw fail("expected a JSON value, found \(foundDescription())")
            }
            if depth == 0 { return }
        }
    }

    /// Where a byte offset is: 1-based line and column (counting characters, not bytes).
    static func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }
}

/// A field name as the file spells it, matched against names as bytes: `case "id":` in a switch
/// compares the key's bytes with the literal's, with no string made. A name written with escapes
/// (rare) is kept unescaped as a string.
struct JSONKey: CustomStringConvertible {
    /// The name's bytes in the document, when it has no escapes.
    let raw: UnsafeBufferPointer<UInt8>?
    /// The unescaped name, when it had escapes.
    let unescaped: String?

    init(raw: UnsafeBufferPointer<UInt8>) {
        self.raw = raw
        unescaped = nil
    }

    init(text: String) {
        raw = nil
        unescaped = text
    }

    /// The name, for messages.
    var text: String { unescaped ?? String(decoding: raw!, as: UTF8.self) }

    /// The name as written (a key is interpolated into messages as its name).
    var description: String { text }

    /// Calls `body` with the name's UTF-8 bytes.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let raw { return body(raw) }
        var text = unescaped!
        return text.withUTF8(body)
    }

    @inline(__always)
    static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        if let raw = key.raw {
            return raw.count == pattern.utf8CodeUnitCount && equalBytes(raw.baseAddress, pattern.utf8Start, raw.count)
        }
        return key.withBytes { bytes in bytes.count == pattern.utf8CodeUnitCount && equalBytes(bytes.baseAddress, pattern.utf8Start, bytes.count) }
    }

    static func == (a: JSONKey, b: JSONKey) -> Bool {
        a.withBytes { x in b.withBytes { y in x.count == y.count && equalBytes(x.baseAddress, y.baseAddress, x.count) } }
    }

    /// Whether `count` bytes at two places are the same (field names are short: compared in line).
    @inline(__always)
    static func equalBytes(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
        guard count > 0, let a, let b else { return true }
        if a[0] != b[0] { return false }
        for i in 1..<count where a[i] != b[i] { return false }
        return true
    }
}

/// The keys of one object seen so far, to refuse a key given twice: a few keys, compared as bytes,
/// held in place (a store has hundreds of thousands of objects; an array for each would be an
/// allocation each).
struct SeenKeys {
    private var plain = InlineArray<16, UnsafeBufferPointer<UInt8>>(repeating: UnsafeBufferPointer(start: nil, count: 0))
    private var count = 0
    /// Keys past the sixteenth, and keys written with escapes (both rare).
    private var others: [JSONKey] = []

    /// False when the key was seen already.
    mutating func insert(_ key: JSONKey) -> Bool {
        if let raw = key.raw {
            for k in 0..<count where plain[k].count == raw.count && JSONKey.equalBytes(plain[k].baseAddress, raw.baseAddress, raw.count) { return false }
        } else {
            for k in 0..<count where JSONKey(raw: plain[k]) == key { return false }
        }
        for seen in others where seen == key { return false }
        if let raw = key.raw, count < 16 {
            plain[count] = raw
            count += 1
        } else {
            others.append(key)
        }
        return true
    }
}
