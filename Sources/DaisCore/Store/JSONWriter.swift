/// Appends pretty-printed JSON to a byte array, in the layout of Python's `json.dumps(indent=2)`.
public struct JSONWriter {
    /// The document so far (with a sink: what has not been handed to it yet).
    public private(set) var bytes: [UInt8] = []
    /// Where finished bytes are handed as soon as they are final (an export writes its file while
    /// the rest is still made); nil keeps them all until the end.
    var sink: ChunkSink?
    private var depth = 0
    private var first = true
    /// Also escape DEL, C1 controls and bidirectional controls as \uXXXX: the same JSON value, but
    /// nothing a terminal would act on when the output is shown raw. The store file does not use it.
    public var escapesTerminalControls = false

    public init(escapesTerminalControls: Bool = false) {
        self.escapesTerminalControls = escapesTerminalControls
        bytes.reserveCapacity(1 << 16)
    }

    /// The document as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// How many bytes the writer holds.
    var count: Int { bytes.count }

    /// Hands the bytes written so far to `body` and goes on in the same memory, emptied. Called
    /// between the elements of an array (every object then open has a field: none is taken back).
    mutating func drain(_ body: ([UInt8]) -> Void) {
        body(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always)
    private mutating func put(_ text: String) { bytes.append(contentsOf: text.utf8) }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        // An object with no fields is taken back (having none, it handed nothing to a sink).
        let mark = bytes.count
        put(UInt8(ascii: "{"))
        depth += 1
        first = true
        body(&self)
        depth -= 1
        if first {
            bytes.removeSubrange(mark...)
            put("{}")
        } else {
            newline()
            put(UInt8(ascii: "}"))
        }
        first = false
    }

    public mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        put(UInt8(ascii: "["))
        depth += 1
        var empty = true
        for item in items {
            if !empty { put(UInt8(ascii: ",")) }
            empty = false
            newline()
            body(&self, item)
        }
        depth -= 1
        if !empty { newline() }
        put(UInt8(ascii: "]"))
    }

    public mutating func field(_ key: String, _ value: (inout JSONWriter) -> Void) {
        if !first { put(UInt8(ascii: ",")) }
        first = false
        newline()
        string(key)
        put(": ")
        value(&self)
        first = false
    }

    /// A value already written as JSON, in this writer's layout at this depth, appended as it is.
    mutating func raw(_ value: ArraySlice<UInt8>) {
        bytes.append(contentsOf: value)
        first = false
    }

    public mutating func optional(_ key: String, _ value: String?) {
        if let value { field(key) { $0.string(value) } }
    }

    public mutating func newline() {
        let length = 1 + depth * 2
        if length <= JSONWriter.lineBreak.count {
            bytes.append(contentsOf: JSONWriter.lineBreak[..<length])
        } else {
            bytes.append(contentsOf: JSONWriter.lineBreak)
            bytes.append(contentsOf: repeatElement(0x20, count: length - JSONWriter.lineBreak.count))
        }
    }

    /// A line break and the indentation of up to 31 levels.
    private static let lineBreak: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 62)

    public mutating func integer(_ value: Int) { put(String(value)) }

    /// A local date-time as a string, "2024-11-13T10:00" (what its `description` says, written
    /// straight in).
    mutating func localDateTime(_ t: LocalDateTime) {
        guard (1_000...9_999).contains(t.date.year) else { return string(t.description) }
        put(UInt8(ascii: "\""))
        digits(t.date.year, 4)
        put(UInt8(ascii: "-"))
        digits(t.date.month, 2)
        put(UInt8(ascii: "-"))
        digits(t.date.day, 2)
        put(UInt8(ascii: "T"))
        digits(t.hour, 2)
        put(UInt8(ascii: ":"))
        digits(t.minute, 2)
        put(UInt8(ascii: "\""))
    }

    /// The last `count` decimal digits of a number that is not negative, with leading zeros.
    private mutating func digits(_ value: Int, _ count: Int) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            put(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    public mutating func bool(_ value: Bool) { value ? put("true") : put("false") }

    public mutating func null() { put("null") }

    public mutating func string(_ value: String) {
        put(UInt8(ascii: "\""))
        // Copied as it is, then from the first byte that may need an escape on, written again with
        // its escapes (most strings have none).
        let start = bytes.count
        bytes.append(contentsOf: value.utf8)
        let terminal = escapesTerminalControls
        if let first = bytes[start...].firstIndex(where: { JSONWriter.mayNeedEscape($0, terminal: terminal) }) {
            let rest = Array(bytes[first...])
            bytes.removeSubrange(first...)
            appendEscaped(rest)
        }
        put(UInt8(ascii: "\""))
    }

    /// Whether a byte of UTF-8 may need an escape: a quote, a backslash or a control character; with
    /// terminal controls escaped, also DEL and the first byte of every letter past ASCII (whose
    /// scalar then decides).
    @inline(__always)
    private static func mayNeedEscape(_ byte: UInt8, terminal: Bool) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || (terminal && byte >= 0x7F)
    }

    /// The UTF-8 bytes of (the rest of) a string with their escapes; runs that need none are copied
    /// as they are.
    private mutating func appendEscaped(_ utf8: [UInt8]) {
        var run = 0, i = 0
        while i < utf8.count {
            let byte = utf8[i]
            guard JSONWriter.mayNeedEscape(byte, terminal: escapesTerminalControls) else {
                i += 1
                continue
            }
            if byte >= 0x7F {
                // One scalar of valid UTF-8 (a String's bytes are): its length from the lead byte.
                let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                var value = length == 1 ? UInt32(byte) : UInt32(byte) & (0xFF >> UInt32(length + 1))
                for k in 1..<length { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
                if let scalar = Unicode.Scalar(value), DisplayText.needsReplacement(scalar) {
                    bytes.append(contentsOf: utf8[run..<i])
                    unicodeEscape(value)
                    run = i + length
                }
                i += length
                continue
            }
            bytes.append(contentsOf: utf8[run..<i])
            switch byte {
            case UInt8(ascii: "\""): put("\\\"")
            case UInt8(ascii: "\\"): put("\\\\")
            case 0x0A: put("\\n")
            case 0x0D: put("\\r")
            case 0x09: put("\\t")
            case 0x08: put("\\b")
            case 0x0C: put("\\f")
            default: unicodeEscape(UInt32(byte))
            }
            i += 1
            run = i
        }
        bytes.append(contentsOf: utf8[run...])
    }

    /// "\u001b": four lowercase hex digits, as Python writes them (only BMP scalars reach here).
    private mutating func unicodeEscape(_ value: UInt32) {
        put("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            put(JSONWriter.hex[Int((value >> UInt32(shift)) & 0xF)])
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}

// MARK: Streaming for the exports

extension JSONWriter {
    /// The same as `array`, for a writer with a sink: after every `partSize` elements the bytes
    /// written so far are handed to the sink, so nothing of the array is kept: an export streams
    /// to its file in pieces of about a megabyte. Once the sink has failed no more elements are
    /// written (what follows is dropped by the sink).
    mutating func array<Item>(streaming items: [Item], partSize: Int, _ body: (inout JSONWriter, Item) -> Void) {
        guard let sink, !items.isEmpty else { return array(items, body) }
        put(UInt8(ascii: "["))
        depth += 1
        for (i, item) in items.enumerated() {
            if sink.stopped { break }
            if i > 0 { put(UInt8(ascii: ",")) }
            newline()
            body(&self, item)
            if (i + 1) % partSize == 0 { send() }
        }
        depth -= 1
        newline()
        put(UInt8(ascii: "]"))
    }

    /// Hands the sink every byte written and not handed on yet; writing goes on after them.
    mutating func send() {
        guard let sink, !bytes.isEmpty else { return }
        sink.take(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Where a JSON writer hands finished bytes, in order, one piece at a time.
/// Once a delivery has failed it takes nothing more, and a streaming array stops writing.
final class ChunkSink {
    /// Hands a piece on; false when that failed.
    private let deliver: ([UInt8]) -> Bool
    /// Whether a delivery has failed.
    private(set) var stopped = false

    private init(_ deliver: @escaping ([UInt8]) -> Bool) { self.deliver = deliver }

    func take(_ piece: [UInt8]) {
        guard !stopped else { return }
        if !deliver(piece) { stopped = true }
    }

    /// Calls `body` with a sink that hands each piece to `deliver` until it throws; that first
    /// error is thrown once `body` returns.
    static func delivering<E: Error>(to deliver: ([UInt8]) throws(E) -> Void, _ body: (ChunkSink) -> Void) throws(E) {
        var failure: E?
        withoutActuallyEscaping(deliver) { deliver in
            body(ChunkSink { piece in
                do throws(E) { try deliver(piece) } catch {
                    failure = error
                    return false
                }
                return true
            })
        }
        if let failure { throw failure }
    }
}
