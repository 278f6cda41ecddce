/// A stable, readable id ("p-evgenia-kara-murza") naming one record of a kind; references are by id, never by name.
///
/// `Kind` only keeps ids of different records apart at compile time. The string is interned in the
/// process-wide `SymbolTable`: an id is four bytes, and equality, hashing and `symbol`-indexed arrays
/// cost an integer, not a string. Ordering is still by the string.
public struct Identifier<Kind>: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The interned number of the id's string, the same for equal strings (of any kind) in one process.
    public let symbol: UInt32

    public init(_ rawValue: String) { symbol = SymbolTable.shared.intern(rawValue) }
    public init(stringLiteral value: String) { symbol = SymbolTable.shared.intern(value) }
    /// The id of a symbol already given (for filling arrays before their ids are known).
    init(symbol: UInt32) { self.symbol = symbol }

    /// The id's text.
    public var rawValue: String { SymbolTable.shared.string(symbol) }

    public var description: String { rawValue }

    public static func == (lhs: Identifier, rhs: Identifier) -> Bool { lhs.symbol == rhs.symbol }
    public func hash(into hasher: inout Hasher) { hasher.combine(symbol) }
    public static func < (lhs: Identifier, rhs: Identifier) -> Bool {
        lhs.symbol != rhs.symbol && SymbolTable.shared.precedes(lhs.symbol, rhs.symbol)
    }

    /// Every symbol of every kind is below this: the size for arrays indexed by `symbol`.
    public static var symbolBound: Int { SymbolTable.shared.count }

    /// Why a string cannot be an id, or nil when it can. Ids are 1-128 characters of a-z, A-Z, 0-9,
    /// "-", "_" and ".", not starting with "." or "-": safe as file names, in URLs and in UIDs.
    public static func problem(with text: String) -> String? {
        let bytes = text.utf8
        if bytes.isEmpty { return "an id cannot be empty" }
        if bytes.count > 128 { return "an id has at most 128 characters" }
        if bytes.first == UInt8(ascii: ".") || bytes.first == UInt8(ascii: "-") { return "an id cannot start with \".\" or \"-\"" }
        for byte in bytes {
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
