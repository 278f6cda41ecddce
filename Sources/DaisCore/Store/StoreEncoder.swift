/// Writes a catalog as a version-1 store file in one canonical form: keys sorted, records sorted by id,
/// two-space indentation, UTF-8 unescaped, a final newline. The bytes equal Python's
/// `json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)` plus "\n", so the same catalog
/// always gives the same file and one edit changes few lines.
public enum StoreEncoder {
    public static func encode(_ catalog: Catalog) -> [UInt8] {
        var w = JSONWriter()
        w.object { w in
            w.field("format") { $0.string(StoreDecoder.formatName) }
            w.field("organizations") { w in
                w.array(byID(catalog.organizations)) { w, org in encode(org, &w) }
            }
            w.field("panels") { w in
                w.array(byID(catalog.panels)) { w, panel in encode(panel, &w) }
            }
            w.field("people") { w in
                w.array(byID(catalog.people)) { w, person in encode(person, &w) }
            }
            w.field("series") { w in
                w.array(byID(catalog.series)) { w, series in encode(series, &w) }
            }
            if !catalog.settings.isEmpty {
                w.field("settings") { w in encode(catalog.settings, &w) }
            }
            w.field("version") { $0.integer(StoreDecoder.currentVersion) }
        }
        w.newline()
        return w.bytes
    }

    /// Records in id order (each id's text read once, not at every comparison).
    static func byID<ID, Record>(_ records: [Identifier<ID>: Record]) -> [Record] {
        records.map { (key: $0.key.rawValue, record: $0.value) }.sorted { $0.key < $1.key }.map(\.record)
    }

    // Field order below is sorted by key (code point order), as the canonical form requires.

    private static func encode(_ settings: Settings, _ w: inout JSONWriter) {
        w.object { w in
            if let minutes = settings.changeoverMinutesValue { w.field("changeoverMinutes") { $0.integer(minutes) } }
            if let zones = settings.displayZonesValue { w.field("displayZones") { $0.array(zones) { w, z in w.string(z) } } }
            if let hours = settings.wakingHoursValue {
                w.field("wakingHours") { w in
                    w.object { w in
                        w.field("end") { $0.string(WakingHours.text(hours.end)) }
                        w.field("start") { $0.string(WakingHours.text(hours.start)) }
                    }
                }
            }
        }
    }

    private static func encode(_ org: Organization, _ w: inout JSONWriter) {
        w.object { w in
            w.field("id") { $0.string(org.id.rawValue) }
            w.field("name") { $0.string(org.name) }
            w.optional("shortName", org.shortName)
            w.optional("url", org.url)
        }
    }

    private static func encode(_ person: Person, _ w: inout JSONWriter) {
        w.object { w in
            w.optional("affiliation", person.affiliation)
            w.optional("email", person.email)
            w.optional("homeZone", person.homeZone)
            w.field("id") { $0.string(person.id.rawValue) }
            w.field("name") { $0.string(person.name) }
            w.optional("notes", person.notes)
            w.optional("title", person.title)
            if !person.unavailable.isEmpty {
                w.field("unavailable") { w in
                    w.array(person.unavailable) { w, window in
                        w.object { w in
                            w.field("end") { $0.string(window.end.description) }
                            w.field("start") { $0.string(window.start.description) }
                            w.field("zone") { $0.string(window.zone) }
                        }
                    }
                }
            }
        }
    }

    private static func encode(_ series: Series, _ w: inout JSONWriter) {
        w.object { w in
            w.optional("description", series.description)
            w.optional("host", series.host?.rawValue)
            w.field("id") { $0.string(series.id.rawValue) }
            w.field("name") { $0.string(series.name) }
        }
    }

    private static func encode(_ panel: Panel, _ w: inout JSONWriter) {
        w.object { w in
            if !panel.cosponsors.isEmpty {
                w.field("cosponsors") { $0.array(panel.cosponsors) { w, id in w.string(id.rawValue) } }
            }
            w.optional("description", panel.description)
            w.field("durationMinutes") { $0.integer(panel.durationMinutes) }
            w.field("format") { $0.string(panel.format.rawValue) }
            w.optional("host", panel.host?.rawValue)
            w.field("id") { $0.string(panel.id.rawValue) }
            if !panel.links.isEmpty {
                w.field("links") { w in
                    w.array(panel.links) { w, link in
                        w.object { w in
                            w.field("label") { $0.string(link.label) }
                            w.field("url") { $0.string(link.url) }
                        }
                    }
                }
            }
            w.optional("notes", panel.notes)
            w.field("roster") { w in
                w.array(panel.roster) { w, entry in
                    w.object { w in
                        w.field("person") { $0.string(entry.person.rawValue) }
                        w.field("role") { $0.string(entry.role.rawValue) }
                        w.optional("title", entry.title)
                    }
                }
            }
            w.optional("series", panel.series?.rawValue)
            w.field("start") { $0.string(panel.start.description) }
            w.field("status") { $0.string(panel.status.rawValue) }
            w.field("title") { $0.string(panel.title) }
            w.optional("uid", panel.uid)
            w.field("zone") { $0.string(panel.zone) }
        }
    }
}

/// Appends pretty-printed JSON to a byte buffer, in the layout of Python's `json.dumps(indent=2)`.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
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

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        let mark = bytes.count
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        first = true
        body(&self)
        depth -= 1
        if first {
            bytes.removeSubrange(mark...)
            bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
        } else {
            newline()
            bytes.append(UInt8(ascii: "}"))
        }
        first = false
    }

    public mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        depth += 1
        var empty = true
        for item in items {
            if !empty { bytes.append(UInt8(ascii: ",")) }
            empty = false
            newline()
            body(&self, item)
        }
        depth -= 1
        if !empty { newline() }
        bytes.append(UInt8(ascii: "]"))
    }

    public mutating func field(_ key: String, _ value: (inout JSONWriter) -> Void) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        newline()
        string(key)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        value(&self)
        first = false
    }

    public mutating func optional(_ key: String, _ value: String?) {
        if let value { field(key) { $0.string(value) } }
    }

    public mutating func newline() {
        bytes.append(0x0A)
        if depth * 2 <= JSONWriter.spaces.count {
            bytes.append(contentsOf: JSONWriter.spaces[..<(depth * 2)])
        } else {
            bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 32)

    public mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    public mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    public mutating func null() { bytes.append(contentsOf: "null".utf8) }

    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        if escapesTerminalControls {
            for scalar in value.unicodeScalars {
                if scalar.value >= 0x7F && DisplayText.needsReplacement(scalar) {
                    appendUnicodeEscape(scalar.value)
                } else {
                    UTF8.encode(scalar) { appendEscaped($0) }
                }
            }
        } else if let done = value.utf8.withContiguousStorageIfAvailable({ appendEscapedRuns($0) }) {
            _ = done
        } else {
            for byte in value.utf8 { appendEscaped(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends UTF-8 bytes, copying runs that need no escape in one step.
    private mutating func appendEscapedRuns(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            if i > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
            appendEscaped(byte)
            runStart = i + 1
        }
        if utf8.count > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
    }

    @inline(__always)
    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
        case 0..<0x20: appendUnicodeEscape(UInt32(byte))
        default: bytes.append(byte)
        }
    }

    /// "\u001b": four lowercase hex digits, as Python writes them (only BMP scalars reach here).
    private mutating func appendUnicodeEscape(_ value: UInt32) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(JSONWriter.hex[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
