/// A pull reader over the bytes of a JSON document, for decoding straight into model values.
///
/// It never builds a generic tree and never recurses on its own, so deep or huge documents cost no
/// stack; every error carries the byte offset where it was found (turned into line and column later).
struct JSONReader {
    let bytes: [UInt8]
    var position: Int = 0
    /// The field names of the objects being read, the innermost object's last (one array for the
    /// whole document, not one per object: a store has hundreds of thousands of objects).
    private var names: [String] = []
    /// Strings read with `readSharedString`, each kept once.
    private var shared: [String] = []
    /// Symbols read with `readSymbol`, by their bytes.
    private var symbols: SymbolCache

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        symbols = SymbolCache(forDocumentOf: bytes.count)
    }

    /// A reader of the one value at `offset` of a document (its cache sized for one record).
    init(_ bytes: [UInt8], at offset: Int) {
        self.bytes = bytes
        position = offset
        symbols = SymbolCache(forDocumentOf: 0)
    }

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

    @inline(__always)
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

    /// Reads an object, calling `body` with each field's name and where the name starts, the reader
    /// positioned at its value; `body` must consume the value. A name given twice is refused.
    mutating func readObject(for what: String, _ body: (inout JSONReader, FieldName, Int) throws -> Void) throws {
        let outer = names.count
        defer { names.removeSubrange(outer...) }
        try walkObject(for: what) { r, scanned in
            // A name without escapes is taken as it is written (bytes that are not UTF-8 can only be
            // an unknown field, named as best it can be); names are compared byte for byte (`==`
            // alone would take two spellings of one accented letter for one name).
            let name = scanned.hasEscape ? try r.makeString(scanned) : String(decoding: r.bytes[scanned.range], as: UTF8.self)
            if r.names[outer...].contains(where: { $0.utf8.count == name.utf8.count && $0 == name && $0.utf8.elementsEqual(name.utf8) }) {
                throw r.fail("field \"\(name)\" appears twice in \(what)", at: scanned.open)
            }
            r.names.append(name)
            try body(&r, FieldName(text: name), scanned.open)
        }
    }

    /// Reads an object for skimming, calling `body` with where each field's name is written
    /// (escapes left as they are; see `isName`) and the reader at its value, which `body` must
    /// consume. Unlike `readObject`, a name given twice is not refused and no name is made a string.
    mutating func skimObject(for what: String, _ body: (inout JSONReader, Range<Int>) throws -> Void) throws {
        try walkObject(for: what) { r, scanned in try body(&r, scanned.range) }
    }

    /// An object's braces, names, colons and commas: `field` is called with each field's name as
    /// scanned and the reader at its value, which it must consume.
    private mutating func walkObject(for what: String, _ field: (inout JSONReader, Scanned) throws -> Void) throws {
        guard peekKind() == .object else { throw mismatch(expected: "an object", for: what) }
        position += 1
        skipSpace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            skipSpace()
            guard peekKind() == .string else {
                throw fail(position < bytes.count ? "expected a field name in quotes in \(what), found \(foundDescription())"
                    : "the file ends inside \(what): expected a field name")
            }
            let scanned = try scanString()
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                let name = (try? makeString(scanned)) ?? String(decoding: bytes[scanned.range], as: UTF8.self)
                throw fail(position < bytes.count ? "expected \":\" after \"\(name)\", found \(foundDescription())"
                    : "the file ends after \"\(name)\": expected \":\"")
            }
            position += 1
            try field(&self, scanned)
            skipSpace()
            guard position < bytes.count else { throw fail("the file ends inside \(what): expected \",\" or \"}\"") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return
            default: throw fail("expected \",\" or \"}\" in \(what), found \(foundDescription())")
            }
        }
    }

    /// Whether the bytes at `range` are one of `names`.
    func isName(_ range: Range<Int>, oneOf names: [[UInt8]]) -> Bool {
        names.contains { name in
            guard name.count == range.count else { return false }
            for k in name.indices where bytes[range.lowerBound + k] != name[k] { return false }
            return true
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
        guard peekKind() == .null, matchLiteral("null") else { return false }
        return true
    }

    /// A string that many records repeat (a zone id): equal ones come back as one string sharing one
    /// storage (compared as bytes, before any string is made), so that all the panels of a store
    /// hold each zone once. `whenNew` is called with each text not met before.
    mutating func readSharedString(for what: String, whenNew: (String) -> Void = { _ in }) throws -> String {
        guard peekKind() == .string else { throw mismatch(expected: "a string", for: what) }
        let string = try scanString()
        if !string.hasEscape {
            let written = bytes[string.range]
            for k in shared.indices where shared[k].utf8.count == written.count && shared[k].utf8.elementsEqual(written) { return shared[k] }
        }
        let text = try makeString(string)
        if shared.count < 64 { shared.append(text) }
        whenNew(text)
        return text
    }

    /// A string that many records repeat (a reference to a record), as a symbol: `symbol` checks
    /// and interns the text the first time its bytes are met; after that they are found by their
    /// bytes, and no string is made, checked or looked up again (a store names each person on every
    /// roster they are on). `symbol` gives the same symbol for the same text every time.
    mutating func readSymbol(for what: String, _ symbol: (String) throws -> UInt32) throws -> UInt32 {
        guard peekKind() == .string else { throw mismatch(expected: "a string", for: what) }
        let string = try scanString()
        guard !string.hasEscape && string.ascii else { return try symbol(try makeString(string)) }
        let written = bytes[string.range]
        if let known = symbols.symbol(of: written) { return known }
        let new = try symbol(String(decoding: written, as: UTF8.self))
        symbols.keep(new, for: written)
        return new
    }

    mutating func readString(for what: String) throws -> String {
        guard peekKind() == .string else { throw mismatch(expected: "a string", for: what) }
        return try makeString(try scanString())
    }

    /// A string given to `parse` as its UTF-8 bytes, with no String made (unless it has escapes):
    /// for dates and times. Bytes that are not UTF-8 are refused first.
    mutating func readString<T>(for what: String, parsing parse: (ArraySlice<UInt8>) -> T) throws -> T {
        guard peekKind() == .string else { throw mismatch(expected: "a string", for: what) }
        let string = try scanString()
        if string.hasEscape { return parse(ArraySlice(try unescape(string).utf8)) }
        let written = bytes[string.range]
        guard string.ascii || UTF8Validation.isValid(written) else {
            throw fail("a string holds bytes that are not valid UTF-8", at: string.open)
        }
        return parse(written)
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

    /// Consumes `literal` when the bytes at the position spell it.
    private mutating func matchLiteral(_ literal: String) -> Bool {
        let end = position + literal.utf8.count
        guard end <= bytes.count, bytes[position..<end].elementsEqual(literal.utf8) else { return false }
        position = end
        return true
    }

    /// A string as scanned: where it opens (its quote), where its contents are in `bytes`, and
    /// whether they need unescaping or UTF-8 validation.
    private struct Scanned {
        let open: Int
        let range: Range<Int>
        let hasEscape: Bool
        let ascii: Bool
    }

    /// Scans the string at the position (which holds the opening quote) and moves past it.
    private mutating func scanString() throws -> Scanned {
        let open = position
        position += 1
        let start = position
        var hasEscape = false
        var ascii = true
        while true {
            while position < bytes.count, JSONReader.isPlain(bytes[position]) { position += 1 }
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
            ascii = false
            position += 1
        }
        let end = position
        position += 1
        return Scanned(open: open, range: start..<end, hasEscape: hasEscape, ascii: ascii)
    }

    /// Whether a string may hold the byte as it is, with nothing to look at: printable ASCII (DEL
    /// too) but a quote or a backslash. Nearly every byte of a store is one.
    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte &- 0x20 < 0x60 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    private func makeString(_ string: Scanned) throws -> String {
        if string.hasEscape { return try unescape(string) }
        let written = bytes[string.range]
        guard string.ascii || UTF8Validation.isValid(written) else {
            throw fail("a string holds bytes that are not valid UTF-8", at: string.open)
        }
        return String(decoding: written, as: UTF8.self)
    }

    /// Refuses what `makeString` refuses, without making the string.
    private func checkString(_ string: Scanned) throws {
        if string.hasEscape {
            _ = try unescape(string)
        } else if !string.ascii && !UTF8Validation.isValid(bytes[string.range]) {
            throw fail("a string holds bytes that are not valid UTF-8", at: string.open)
        }
    }

    private func unescape(_ string: Scanned) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(string.range.count)
        let end = string.range.upperBound
        var i = string.range.lowerBound
        func hex4(_ at: Int) throws -> UInt32 {
            guard at + 4 <= end else { throw fail("an escape \\u needs four hex digits", at: at) }
            var v: UInt32 = 0
            for c in bytes[at..<at + 4] {
                let d: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
                default: throw fail("an escape \\u needs four hex digits", at: at)
                }
                v = v << 4 | d
            }
            return v
        }
        while i < end {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                i += 1
                continue
            }
            guard i + 1 < end else { throw fail("a string ends with a lone backslash", at: i) }
            let code = bytes[i + 1]
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
                    guard i + 6 <= end, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw fail("a \\u escape holds half of a surrogate pair", at: i - 6)
                    }
                    let low = try hex4(i + 2)
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("a \\u escape holds half of a surrogate pair", at: i - 6) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("a \\u escape holds half of a surrogate pair", at: i - 6)
                }
                guard let u = Unicode.Scalar(scalar) else { throw fail("a \\u escape is not a character", at: i - 6) }
                out.append(contentsOf: String(Character(u)).utf8)
            default:
                throw fail("unknown escape \\\(Character(Unicode.Scalar(code))) in a string", at: i - 2)
            }
        }
        guard UTF8Validation.isValid(out) else { throw fail("a string holds bytes that are not valid UTF-8", at: string.open) }
        return String(decoding: out, as: UTF8.self)
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
                try checkString(try scanString())
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
    static func location(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for b in bytes.prefix(offset) {
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}

/// A field name as read, matched in a `switch` against literals (`case "id":`): by length first,
/// then as text. (A `switch` over a plain `String` makes a string of each case in turn to compare;
/// a store has millions of field names.)
struct FieldName: CustomStringConvertible {
    let text: String

    /// The name, for messages.
    var description: String { text }

    @inline(__always)
    static func ~= (pattern: String, name: FieldName) -> Bool {
        pattern.utf8.count == name.text.utf8.count && pattern == name.text
    }
}

/// Symbols by the bytes of their text, for one reader: a direct-mapped table (each slot holds the
/// last text that hashed to it, as a range of one shared byte array), so that a text met again is
/// found with no string made.
struct SymbolCache {
    /// The texts kept, one after another (a slot taken over by another text leaves its old bytes
    /// here: at most the bytes of the references the document holds).
    private var pool: [UInt8] = []
    /// Each slot's text in `pool` (empty for none) and its symbol.
    private var texts: [Range<Int>]
    private var symbols: [UInt32]

    /// About one slot per 256 bytes of the document, at least 256 and at most 65,536.
    init(forDocumentOf size: Int) {
        var slots = 256
        while slots < size / 256 && slots < 1 << 16 { slots *= 2 }
        texts = Array(repeating: 0..<0, count: slots)
        symbols = Array(repeating: 0, count: slots)
    }

    /// FNV-1a of the bytes, cut to a slot.
    private func slot(_ text: ArraySlice<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in text { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash) & (symbols.count - 1)
    }

    func symbol(of text: ArraySlice<UInt8>) -> UInt32? {
        let s = slot(text)
        let kept = texts[s]
        guard !text.isEmpty, kept.count == text.count else { return nil }
        var k = kept.lowerBound
        for byte in text {
            if pool[k] != byte { return nil }
            k += 1
        }
        return symbols[s]
    }

    mutating func keep(_ symbol: UInt32, for text: ArraySlice<UInt8>) {
        let s = slot(text)
        texts[s] = pool.count..<pool.count + text.count
        pool.append(contentsOf: text)
        symbols[s] = symbol
    }
}
