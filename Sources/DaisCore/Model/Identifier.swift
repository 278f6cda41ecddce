/// A stable, readable id ("p-evgenia-kara-murza") naming one record of a kind; references are by id, never by name.
///
/// `Kind` only keeps ids of different records apart at compile time.
public struct Identifier<Kind>: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Why a string cannot be an id, or nil when it can. Ids are 1-128 characters of a-z, A-Z, 0-9,
    /// "-", "_" and ".", not starting with "." or "-": safe as file names, in URLs and in UIDs.
    public static func problem(with text: String) -> String? {
        if text.isEmpty { return "an id cannot be empty" }
        if text.utf8.count > 128 { return "an id has at most 128 characters" }
        if text.hasPrefix(".") || text.hasPrefix("-") { return "an id cannot start with \".\" or \"-\"" }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                continue
            default:
                return "an id may hold only letters a-z, digits, \"-\", \"_\" and \".\""
            }
        }
        return nil
    }
}

public enum OrganizationKind {}
public enum PersonKind {}
public enum SeriesKind {}
public enum PanelKind {}

public typealias OrganizationID = Identifier<OrganizationKind>
public typealias PersonID = Identifier<PersonKind>
public typealias SeriesID = Identifier<SeriesKind>
public typealias PanelID = Identifier<PanelKind>
