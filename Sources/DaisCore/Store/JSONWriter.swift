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

    /// A writer for the elements of an array at `depth` (a part of a long array written on its own).
    init(elementsAt depth: Int, capacity: Int) {
        bytes.reserveCapacity(capacity)
        self.depth = depth
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
    private mutating func put(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

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

    public mutating func optional(_ key: String, _ value: String?) {
        if let value { field(key) { $0.string(value) } }
    }

    public mutating func newline() {
        let n = depth * 2
        if n < JSONWriter.lineBreak.utf8CodeUnitCount {
            bytes.append(contentsOf: UnsafeBufferPointer(start: JSONWriter.lineBreak.utf8Start, count: n + 1))
        } else {
            bytes.append(0x0A)
            for _ in 0..<n { bytes.append(0x20) }
        }
    }

    /// A line break and the indentation of up to fifteen levels, as one static text.
    private static let lineBreak: StaticString = "\n                              "

    public mutating func integer(_ value: Int) {
        // The digits, written backwards into a small buffer (no string made).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var v = value.magnitude, at = 24
            repeat {
                at -= 1
                digits[at] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            } while v > 0
            if value < 0 {
                at -= 1
                digits[at] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[at..<24]))
        }
    }

    /// A local date-time as a string, "2024-11-13T10:00" (what its `description` says, written
    /// straight in).
    mutating func localDateTime(_ t: LocalDateTime) {
        guard (1_000...9_999).contains(t.date.year) else { return string(t.description) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 18) { b in
            func put(_ value: Int, _ digits: Int, at: Int) {
                var v = value
                for k in stride(from: digits - 1, through: 0, by: -1) {
                    b[at + k] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                }
            }
            b[0] = UInt8(ascii: "\"")
            put(t.date.year, 4, at: 1)
            b[5] = UInt8(ascii: "-")
            put(t.date.month, 2, at: 6)
            b[8] = UInt8(ascii: "-")
            put(t.date.day, 2, at: 9)
            b[11] = UInt8(ascii: "T")
            put(t.hour, 2, at: 12)
            b[14] = UInt8(ascii: ":")
            put(t.minute, 2, at: 15)
            b[17] = UInt8(ascii: "\"")
            bytes.append(contentsOf: UnsafeBufferPointer(b))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    public mutating func bool(_ value: Bool) { value ? put("true") : put("false") }

    public mutating func null() { put("null") }

    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = value
        let terminal = escapesTerminalControls
        text.withUTF8 { JSONWriter.appendEscapedRuns($0, &bytes, terminal: terminal) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends UTF-8 bytes, copying runs that need no escape in one step; the runs are found eight
    /// bytes at a time (a quote, a backslash or a control character ends one; with `terminal`, also
    /// DEL and any byte of a letter past ASCII, whose scalar is then decoded and escaped as \uXXXX
    /// when a terminal would act on it).
    private static func appendEscapedRuns(_ utf8: UnsafeBufferPointer<UInt8>, _ bytes: inout [UInt8], terminal: Bool = false) {
        guard let base = utf8.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var runStart = 0, i = 0
        while i < utf8.count {
            // Past every word with nothing to escape (bytes of 0x80 and up are copied as they are:
            // only their high bit is set, which the tests below ignore).
            while i + 8 <= utf8.count {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let plain = w & ~WordBytes.high(w)  // the low seven bits of each byte, for the comparisons
                var stop = (WordBytes.equal(plain, 0x22) | WordBytes.equal(plain, 0x5C) | WordBytes.below(plain, 0x20)) & ~w
                if terminal { stop |= WordBytes.high(w) | WordBytes.equal(w, 0x7F) }
                if stop != 0 { break }
                i += 8
            }
            guard i < utf8.count else { break }
            let byte = utf8[i]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                if i > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                appendEscaped(byte, &bytes)
                runStart = i + 1
            } else if terminal && byte >= 0x7F {
                // One scalar of valid UTF-8 (a String's bytes are): its length from the lead byte.
                let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                var value = length == 1 ? UInt32(byte) : UInt32(byte) & (0xFF >> UInt32(length + 1))
                for k in 1..<length { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
                if let scalar = Unicode.Scalar(value), DisplayText.needsReplacement(scalar) {
                    if i > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                    appendUnicodeEscape(value, &bytes)
                    runStart = i + length
                }
                i += length
                continue
            }
            i += 1
        }
        if utf8.count > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
    }

    @inline(__always)
    private static func appendEscaped(_ byte: UInt8, _ bytes: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
        case 0..<0x20: appendUnicodeEscape(UInt32(byte), &bytes)
        default: bytes.append(byte)
        }
    }

    /// "\u001b": four lowercase hex digits, as Python writes them (only BMP scalars reach here).
    private static func appendUnicodeEscape(_ value: UInt32, _ bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(JSONWriter.hex[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}

// MARK: Pieces for the exports

extension JSONWriter {
    /// A field on its own, `"key": value`, with no comma or line break before it: text written once
    /// and copied into objects with `field(written:)` (a writer of such pieces holds no object).
    mutating func member(_ key: String, _ value: (inout JSONWriter) -> Void) {
        string(key)
        put(": ")
        value(&self)
    }

    /// A field written before by `member`, as `field` would write it here: the comma and the line
    /// break, then its bytes.
    mutating func field(written: UnsafeBufferPointer<UInt8>) {
        if !first { put(UInt8(ascii: ",")) }
        first = false
        newline()
        bytes.append(contentsOf: written)
    }

    /// The same as `array`, for a writer with a sink: the elements are written in parts of
    /// `partSize` (`Parallel.stream`: made on `cores` threads, each part into a writer reused) and
    /// handed to the sink in order as they are done, after everything before the array. Nothing of
    /// the array is kept: an export streams to its file in pieces of about a megabyte.
    /// Once the sink has failed no more parts are made (what follows is dropped by the sink).
    mutating func array<Item: Sendable>(streaming items: [Item], partSize: Int, cores: Int = Parallel.cores,
                                        _ body: @escaping @Sendable (inout JSONWriter, Item) -> Void) {
        guard let sink, !items.isEmpty else { return array(items, body) }
        put(UInt8(ascii: "["))
        send()
        let elementDepth = depth + 1
        let escapes = escapesTerminalControls
        if !sink.stopped {
            try? Parallel.stream(items.count, partSize: partSize, cores: cores, capacity: 1 << 20) { (range, w: inout JSONWriter) in
                w.depth = elementDepth
                w.escapesTerminalControls = escapes
                for i in range {
                    if i > 0 { w.put(UInt8(ascii: ",")) }
                    w.newline()
                    body(&w, items[i])
                }
            } deliver: { (piece) throws(ChunkSink.Stopped) in
                sink.take(piece)
                if sink.stopped { throw ChunkSink.Stopped() }
            }
        }
        newline()
        put(UInt8(ascii: "]"))
    }

    /// Hands the sink every byte written and not handed on yet; writing goes on after them.
    mutating func send() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { sink.take($0) }
        bytes.removeAll(keepingCapacity: true)
    }
}

extension JSONWriter: PartBuffer {
    init(capacity: Int) { self.init(elementsAt: 0, capacity: capacity) }

    /// Empty again, at depth 0, keeping the storage (a writer without a sink of its own).
    mutating func reset() {
        precondition(sink == nil, "only a plain writer is reused")
        bytes.removeAll(keepingCapacity: true)
        depth = 0
        first = true
    }

    func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try bytes.withUnsafeBufferPointer { (buffer) throws(E) -> R in try body(buffer) }
    }
}

/// Where a JSON writer hands finished bytes, in order, one piece at a time (never two at once).
/// Once a delivery has failed it takes nothing more, and a streaming array stops making pieces.
final class ChunkSink: @unchecked Sendable {
    /// Hands a piece on; false when that failed.
    private let deliver: (UnsafeBufferPointer<UInt8>) -> Bool
    /// Whether a delivery has failed.
    private(set) var stopped = false

    private init(_ deliver: @escaping (UnsafeBufferPointer<UInt8>) -> Bool) { self.deliver = deliver }

    func take(_ piece: UnsafeBufferPointer<UInt8>) {
        guard !stopped else { return }
        if !deliver(piece) { stopped = true }
    }

    /// Calls `body` with a sink that hands each piece to `deliver` until it throws; that first
    /// error is thrown once `body` returns.
    static func delivering<E: Error>(to deliver: (UnsafeBufferPointer<UInt8>) throws(E) -> Void, _ body: (ChunkSink) -> Void) throws(E) {
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

    /// What a streaming array throws to stop once the sink has failed.
    struct Stopped: Error {}
}
