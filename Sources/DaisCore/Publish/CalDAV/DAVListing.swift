/// What a PROPFIND of depth 1 on a calendar says (RFC 4918 9.1, RFC 4791 4.2): whether the
/// collection is a calendar, and each member's name (the last part of its path) with its ETag.
struct DAVListing: Equatable {
    static let dav = "DAV:"
    static let caldav = "urn:ietf:params:xml:ns:caldav"

    /// The request body: the properties the listing needs.
    static let request = """
        <?xml version="1.0" encoding="utf-8"?>
        <d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getetag/></d:prop></d:propfind>
        """

    /// Whether the collection itself answered with a calendar resource type (nil: it did not answer
    /// for itself).
    var isCalendar: Bool?
    /// Member name (decoded, as it appears after the collection's path) -> ETag (with its quotes).
    var members: [String: String] = [:]

    /// Reads a 207 answer for the collection at `path` ("/org/panels/").
    static func parse(_ body: [UInt8], collection path: String) throws(XMLError) -> DAVListing {
        let root = try XMLElement.parse(body)
        guard root.namespace == dav, root.name == "multistatus" else {
            throw XMLError(offset: 0, reason: "the answer is <\(root.name)>, not a WebDAV <multistatus>")
        }
        let own = PercentEncoding.decode(path.hasSuffix("/") ? path : path + "/")
        var listing = DAVListing()
        for response in root.children(dav, "response") {
            guard let href = response.child(dav, "href")?.text.trimmingSpaces, let memberPath = Self.path(of: href) else { continue }
            var etag: String?, isCollection = false, isCalendar = false
            for propstat in response.children(dav, "propstat") {
                // Properties reported with a status other than 2xx are absent (a 404 propstat).
                let status = propstat.child(dav, "status")?.text ?? ""
                guard status.split(separator: " ").dropFirst().first.map({ $0.hasPrefix("2") }) ?? true else { continue }
                guard let prop = propstat.child(dav, "prop") else { continue }
                if let value = prop.child(dav, "getetag")?.text.trimmingSpaces, !value.isEmpty { etag = value }
                if let type = prop.child(dav, "resourcetype") {
                    isCollection = type.child(dav, "collection") != nil
                    isCalendar = type.child(caldav, "calendar") != nil
                }
            }
            let normal = PercentEncoding.decode(memberPath)
            if normal == own || normal + "/" == own {
                listing.isCalendar = isCalendar
            } else if normal.hasPrefix(own), !isCollection {
                let name = String(normal.dropFirst(own.count))
                if !name.isEmpty, !name.contains("/"), let etag { listing.members[name] = etag }
            }
        }
        return listing
    }

    /// The path of an href, which servers give as a path or as a whole URL.
    static func path(of href: String) -> String? {
        if href.hasPrefix("/") { return href }
        guard let scheme = href.range(of: "://") else { return nil }
        let rest = href[scheme.upperBound...]
        return rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
    }
}

/// Percent-encoding of URL paths (RFC 3986 2.1).
enum PercentEncoding {
    /// Every byte but the unreserved characters encoded: a segment that can be put in any path.
    static func segment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
            }
        }
        return out
    }

    static func decode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(value)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
