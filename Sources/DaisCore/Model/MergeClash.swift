/// A place where a git merge of the store found both sides changing one thing differently, kept in
/// the merged store (format 2, `mergeClashes`) until the organizer chooses a side: the record and
/// field, both values as text, and their side's record, so that "theirs" can still be taken after
/// the merge. The merged store holds "mine" (the side being merged into).
public struct MergeClash: Hashable, Sendable {
    /// Their side of a clash: the record as they have it (nil: they deleted it), or their settings.
    public enum Theirs: Hashable, Sendable {
        case panel(PanelID, Panel?)
        case person(PersonID, Person?)
        case organization(OrganizationID, Organization?)
        case series(SeriesID, Series?)
        case settings(Settings)
    }

    /// "panel", "person", "organization", "series" or "settings".
    public var kind: String {
        switch theirs {
        case .panel: return "panel"
        case .person: return "person"
        case .organization: return "organization"
        case .series: return "series"
        case .settings: return "settings"
        }
    }

    /// The record's id ("" for settings).
    public var id: String {
        switch theirs {
        case .panel(let id, _): return id.rawValue
        case .person(let id, _): return id.rawValue
        case .organization(let id, _): return id.rawValue
        case .series(let id, _): return id.rawValue
        case .settings: return ""
        }
    }

    /// The record's name as the organizer knows it (a panel's title).
    public var name: String
    /// The field ("start", "roster"), or "record" when one side deleted what the other changed.
    public var field: String
    public var mine: String
    public var theirsText: String
    public var theirs: Theirs

    public init(name: String, field: String, mine: String, theirsText: String, theirs: Theirs) {
        self.name = name
        self.field = field
        self.mine = mine
        self.theirsText = theirsText
        self.theirs = theirs
    }

    /// "panel 'Transnational repression…' start: mine 2024-11-26T10:00, theirs 2024-11-26T11:00".
    public var summary: String {
        "\(kind == "settings" ? "settings" : "\(kind) '\(name)'") \(field): mine \(mine), theirs \(theirsText)"
    }
}
