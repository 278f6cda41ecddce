/// A small, namespace-aware XML reader for the answers of a WebDAV server (RFC 4918 multistatus):
/// elements with their namespace and local name, their children and their text. Comments,
/// processing instructions and the document type are skipped; CDATA and character references are
/// read. It takes whole documents of a few megabytes, which is what a calendar's listing is, and
/// says where a malformed one breaks.
struct XMLElement: Equatable {
    let namespace: String
    let name: String
    var children: [XMLElement] = []
    var text = ""

    /// The direct children named `name` in `namespace`.
    func children(_ namespace: String, _ name: String) -> [XMLElement] {
        children.filter { $0.namespace == namespace && $0.name == name }
    }

    func child(_ namespace: String, _ name: String) -> XMLElement? {
        children.first { $0.namespace == namespace && $0.name == name }
    }

    /// Parses a whole document into its root element.
    static func parse(_ bytes: [UInt8]) throws(XMLError) -> XMLElement {
        var reader = XMLReader(bytes: bytes)
        return try reader.document()
    }
}

public struct XMLError: Error, Equatable, CustomStringConvertible {
    let offset: Int
    let reason: String
    public var description: String { "malformed XML at byte \(offset + 1): \(reason)" }
}

private struct XMLReader {
    let bytes: [UInt8]
    var at = 0
    /// The namespace prefixes in scope, innermost last ("" is the default namespace).
    var scopes: [[String: String]] = [["xml": "http://www.w3.org/XML/1998/namespace"]]

    init(bytes: [UInt8]) {
        // A byte-order mark is not part of the document.
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { at = 3 }
    }

    func fail(_ reason: String) -> XMLError { XMLError(offset: at, reason: reason) }

    mutating func document() throws(XMLError) -> XMLElement {
        try skipMisc()
        guard at < bytes.count, bytes[at] == UInt8(ascii: "<") else { throw fail("no root element") }
        let root = try element()
        try skipMisc()
        guard at == bytes.count else { throw fail("text after the root element") }
        return root
    }

    /// Skips white space, comments, processing instructions and a document type declaration.
    mutating func skipMisc() throws(XMLError) {
        while true {
            while at < bytes.count, isSpace(bytes[at]) { at += 1 }
            if starts("<?") { try skip(past: "?>") } else if starts("<!--") { try skip(past: "-->") } else if starts("<!DOCTYPE") { try skip(past: ">") } else { return }
        }
    }

    func starts(_ text: String) -> Bool {
        let pattern = Array(text.utf8)
        return bytes.count - at >= pattern.count && bytes[at..<at + pattern.count].elementsEqual(pattern)
    }

    mutating func skip(past end: String) throws(XMLError) {
        let pattern = Array(end.utf8)
        var i = at
        while i + pattern.count <= bytes.count {
            if bytes[i..<i + pattern.count].elementsEqual(pattern) { at = i + pattern.count; return }
            i += 1
        }
        throw fail("no \"\(end)\" to close what starts here")
    }

    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    func isNameByte(_ b: UInt8) -> Bool {
        !isSpace(b) && b != UInt8(ascii: "/") && b != UInt8(ascii: ">") && b != UInt8(ascii: "=") && b != UInt8(ascii: "<")
    }

    mutating func name() throws(XMLError) -> String {
        let start = at
        while at < bytes.count, isNameByte(bytes[at]) { at += 1 }
        guard at > start else { throw fail("a name is missing") }
        return String(decoding: bytes[start..<at], as: UTF8.self)
    }

    /// How deep elements may nest: a multistatus nests six deep; a deeper answer is refused rather
    /// than read by ever deeper calls.
    static let maximumDepth = 64

    /// An element whose "<" is at the reading position, with everything inside it.
    mutating func element() throws(XMLError) -> XMLElement {
        guard scopes.count <= XMLReader.maximumDepth else { throw fail("elements nest more than \(XMLReader.maximumDepth) deep") }
        at += 1
        let qualified = try name()
        var attributes: [(String, String)] = []
        var declared: [String: String] = [:]
        var empty = false
        while true {
            while at < bytes.count, isSpace(bytes[at]) { at += 1 }
            guard at < bytes.count else { throw fail("<\(qualified) is not closed") }
            if bytes[at] == UInt8(ascii: ">") { at += 1; break }
            if starts("/>") { at += 2; empty = true; break }
            let attribute = try name()
            while at < bytes.count, isSpace(bytes[at]) { at += 1 }
            guard at < bytes.count, bytes[at] == UInt8(ascii: "=") else { throw fail("attribute \(attribute) has no value") }
            at += 1
            while at < bytes.count, isSpace(bytes[at]) { at += 1 }
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") else { throw fail("attribute \(attribute)'s value is not quoted") }
            let quote = bytes[at]
            at += 1
            let start = at
            while at < bytes.count, bytes[at] != quote { at += 1 }
            guard at < bytes.count else { throw fail("attribute \(attribute)'s value is not closed") }
            let value = try unescape(bytes[start..<at])
            at += 1
            if attribute == "xmlns" { declared[""] = value } else if attribute.hasPrefix("xmlns:") { declared[String(attribute.dropFirst(6))] = value } else { attributes.append((attribute, value)) }
        }
        scopes.append(declared)
        defer { scopes.removeLast() }
        let (namespace, local) = try resolve(qualified)
        var element = XMLElement(namespace: namespace, name: local)
        if empty { return element }
        var text: [UInt8] = []
        while true {
            guard at < bytes.count else { throw fail("<\(qualified)> is not closed") }
            if bytes[at] != UInt8(ascii: "<") {
                let start = at
                while at < bytes.count, bytes[at] != UInt8(ascii: "<") { at += 1 }
                text += Array(try unescape(bytes[start..<at]).utf8)
            } else if starts("</") {
                at += 2
                let closing = try name()
                guard closing == qualified else { throw fail("</\(closing)> closes <\(qualified)>") }
                while at < bytes.count, isSpace(bytes[at]) { at += 1 }
                guard at < bytes.count, bytes[at] == UInt8(ascii: ">") else { throw fail("</\(closing) is not closed") }
                at += 1
                element.text = String(decoding: text, as: UTF8.self)
                return element
            } else if starts("<![CDATA[") {
                at += 9
                let start = at
                try skip(past: "]]>")
                text += bytes[start..<at - 3]
            } else if starts("<!--") {
                try skip(past: "-->")
            } else if starts("<?") {
                try skip(past: "?>")
            } else {
                element.children.append(try self.element())
            }
        }
    }

    /// The namespace and local name of a qualified name, by the prefixes in scope.
    func resolve(_ qualified: String) throws(XMLError) -> (String, String) {
        let parts = qualified.split(separator: ":", maxSplits: 1).map(String.init)
        let prefix = parts.count == 2 ? parts[0] : ""
        let local = parts.count == 2 ? parts[1] : qualified
        for scope in scopes.reversed() {
            if let namespace = scope[prefix] { return (namespace, local) }
        }
        guard prefix.isEmpty else { throw fail("the prefix \(prefix) of <\(qualified)> is not declared") }
        return ("", local)
    }

    /// Text with its entity and character references replaced.
    func unescape(_ slice: ArraySlice<UInt8>) throws(XMLError) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        var i = slice.startIndex
        while i < slice.endIndex {
            guard slice[i] == UInt8(ascii: "&") else { out.append(slice[i]); i += 1; continue }
            guard let end = slice[i...].firstIndex(of: UInt8(ascii: ";")), end - i <= 12 else { throw XMLError(offset: i, reason: "an & that starts no reference") }
            let reference = String(decoding: slice[(i + 1)..<end], as: UTF8.self)
            switch reference {
            case "amp": out.append(UInt8(ascii: "&"))
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                let number = reference.hasPrefix("#x") ? UInt32(reference.dropFirst(2), radix: 16) : reference.hasPrefix("#") ? UInt32(reference.dropFirst(), radix: 10) : nil
                guard let number, let scalar = Unicode.Scalar(number) else { throw XMLError(offset: i, reason: "unknown reference &\(reference);") }
                out += Array(String(Character(scalar)).utf8)
            }
            i = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
