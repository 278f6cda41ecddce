import DaisCore

/// A dialog over the screens. Esc closes the topmost one.
public enum Overlay: Sendable {
    case help(scroll: Int)
    case confirm(Confirmation)
    case filter(FilterDialog)
    case zones(ZoneDialog)
    case editor(PanelEditor)
    case roster(RosterEditor)
    case picker(Picker)
    case form(RecordForm)
    case prompt(Prompt)
    /// Saving found the store changed on disk: reload, save elsewhere, or stay.
    case storeChanged
    /// Unsaved edits from an earlier session were found beside the store.
    case recovery(RecoveryOffer)
    case export(ExportDialog)
    /// A merge with the store on disk that has clashes for the organizer to decide.
    case merge(MergeDialog)
    /// Finding a time for a panel's roster.
    case planner(Planner)
    /// What changed since the last save, or a file or git revision: what to announce.
    case changes(ChangesScreen)
    /// The clashes a git merge recorded in the store, for the organizer to choose a side.
    case recordedClashes(RecordedClashes)
}

/// The clashes a git merge recorded in the store (`mergeClashes`): each resolved to "mine" (what the
/// merged store holds) or "theirs" by the organizer.
public struct RecordedClashes: Sendable {
    public let clashes: [MergeClash]
    public var takingTheirs: Set<Int> = []
    public var selected = 0

    public init(_ clashes: [MergeClash]) { self.clashes = clashes }
}

/// The clashes of a merge with the store on disk: each resolved to "mine" or "theirs" by the organizer.
public struct MergeDialog: Sendable {
    public let merge: CatalogMerge
    /// The store as it is on disk now (the merge's "theirs").
    public let onDisk: StoreFile.Loaded
    public var takingTheirs: Set<Int> = []
    public var selected = 0

    public init(merge: CatalogMerge, onDisk: StoreFile.Loaded) {
        self.merge = merge
        self.onDisk = onDisk
    }
}

/// The export dialog: format, which panels and statuses, the page's title, and the file.
public struct ExportDialog: Sendable {
    public enum Row: Int, CaseIterable, Sendable { case format, selection, statuses, title, file }
    /// Which statuses go out. Drafts are not announced: the public formats leave them out unless
    /// asked; the organizers' CSV keeps them.
    public enum Statuses: String, CaseIterable, Sendable {
        case announced = "scheduled and cancelled (no drafts)"
        case all = "all, drafts too"
        case scheduled = "scheduled only"

        public func contains(_ status: PanelStatus) -> Bool {
            switch self {
            case .announced: return status != .draft
            case .all: return true
            case .scheduled: return status == .scheduled
            }
        }

        /// What a format takes unless the organizer chose otherwise.
        public static func standard(for format: ExportFormat) -> Statuses { format.isForAudience ? .announced : .all }
    }
    /// Which panels to export.
    public enum Selection: Hashable, Sendable {
        case all
        case shown
        case series(SeriesID)
        case person(PersonID)
    }

    public var row: Row = .format
    public var format: ExportFormat = .ics
    public var selection: Selection
    public var choices: [Selection]
    public var statuses: Statuses = .announced
    /// Set once the organizer chose the statuses (they then stay when the format changes).
    public var statusesChosen = false
    /// The page's title (empty: the series' name, else "Agenda").
    public var title = TextField()
    public var file: TextField
    public var message: String?
}

/// A yes/no question before something that loses work.
public struct Confirmation: Sendable {
    public enum Subject: Sendable {
        case deletePanel(PanelID)
        case deletePerson(PersonID)
        case deleteOrganization(OrganizationID)
        case quit
        case reload
        case replaceExport(ExportFormat, [PanelID], path: String, title: String?)
    }

    public let subject: Subject
    public let message: String
    /// The keys offered, as shown: "y Delete  n Keep".
    public let choices: String
}

/// The filter dialog: one row per criterion; changes apply at once, Esc restores `previous`.
public struct FilterDialog: Sendable {
    public enum Row: Int, CaseIterable, Sendable { case series, status, person, findings }
    public var row: Row = .series
    public let previous: PanelFilter
}

/// The display-zones dialog.
public struct ZoneDialog: Sendable {
    public var selected: Int
}

/// A one-line question: a file name, an appearance title, a zone to add.
public struct Prompt: Sendable {
    public enum Purpose: Sendable {
        case saveAs
        case appearanceTitle(PanelID, Int)
        case addZone
        case exportFile
        /// The date of a copy of this panel.
        case duplicate(PanelID)
        /// The date the Week screen goes to.
        case goToDate
        /// The store file or git revision the Changes screen compares with.
        case changesSince
    }

    public let purpose: Purpose
    public let title: String
    public var field: TextField
    public var message: String?

    public init(_ purpose: Purpose, title: String, text: String = "") {
        self.purpose = purpose
        self.title = title
        field = TextField(text)
    }
}

/// Type-ahead over the directory (people), organizations or series.
public struct Picker: Sendable {
    public enum Kind: Sendable { case person, organization, series }
    public enum Purpose: Sendable {
        case rosterAdd(PanelID)
        case rosterHost(PanelID)
        case rosterCosponsor(PanelID)
        case editorSeries
        case editorHost
        case editorCosponsor
        case filterSeries
        case filterPerson
        /// The host in the series form.
        case seriesHost
    }

    public let kind: Kind
    public let purpose: Purpose
    public var query = TextField()
    public var selected = 0

    public init(kind: Kind, purpose: Purpose) {
        self.kind = kind
        self.purpose = purpose
    }

    /// Whether the list ends with "+ New ..." (creating a record from the typed name).
    public var offersNew: Bool {
        switch purpose {
        case .rosterAdd, .rosterHost, .rosterCosponsor, .editorHost, .editorCosponsor, .seriesHost: return kind != .series
        default: return false
        }
    }

    /// Whether the list starts with "(none)" (clearing the choice).
    public var offersNone: Bool {
        switch purpose {
        case .editorSeries, .editorHost, .rosterHost, .filterSeries, .filterPerson, .seriesHost: return true
        default: return false
        }
    }
}

/// The roster and organizations of one panel, edited in place: every change is an undoable edit.
public struct RosterEditor: Sendable {
    public enum Section: Sendable { case roster, organizations }
    public let panelID: PanelID
    public var section: Section = .roster
    /// In the roster: an entry; in organizations: 0 is the host, 1... the co-sponsors.
    public var selected = 0
}

/// Unsaved edits found in a recovery file at start.
public struct RecoveryOffer: Sendable {
    public let catalog: Catalog
    public let savedAt: String

    public init(catalog: Catalog, savedAt: String) {
        self.catalog = catalog
        self.savedAt = savedAt
    }
}

/// A small form for a person, an organization or a series (new or existing).
public struct RecordForm: Sendable {
    public enum Kind: Sendable {
        case person(PersonID?)
        case organization(OrganizationID?)
        case series(SeriesID?)
    }

    /// What to do with a new record once it is saved.
    public enum FollowUp: Sendable {
        case addToRoster(PanelID)
        case setRosterHost(PanelID)
        case addRosterCosponsor(PanelID)
        case setEditorHost
        case addEditorCosponsor
        case setSeriesHost
    }

    public let kind: Kind
    public var labels: [String]
    public var fields: [TextField]
    public var focus = 0
    public var message: String?
    public var followUp: FollowUp?

    public var title: String {
        switch kind {
        case .person(let id): return id == nil ? "New person" : "Edit person"
        case .organization(let id): return id == nil ? "New organization" : "Edit organization"
        case .series(let id): return id == nil ? "New series" : "Edit series"
        }
    }

    /// The form for a person: name, title, affiliation, e-mail, home zone, waking hours (blank: the
    /// store's), notes.
    public static func person(_ person: Person?, name: String = "") -> RecordForm {
        RecordForm(kind: .person(person?.id), labels: ["Name", "Title", "Affiliation", "E-mail", "Home zone", "Waking hours", "Notes"],
                   fields: [TextField(person?.name ?? name), TextField(person?.title ?? ""), TextField(person?.affiliation ?? ""),
                            TextField(person?.email ?? ""), TextField(person?.homeZone ?? ""), TextField(person?.wakingHours?.rangeText ?? ""),
                            TextField(person?.notes ?? "", multiline: true)])
    }

    public static func organization(_ org: Organization?, name: String = "") -> RecordForm {
        RecordForm(kind: .organization(org?.id), labels: ["Name", "Short name", "URL"],
                   fields: [TextField(org?.name ?? name), TextField(org?.shortName ?? ""), TextField(org?.url ?? "")])
    }

    /// The form for a series: name, host, audience zones (comma-separated; blank: each panel's own),
    /// description.
    public static func series(_ series: Series?, hostName: String = "") -> RecordForm {
        RecordForm(kind: .series(series?.id), labels: ["Name", "Host", "Audience zones", "Description"],
                   fields: [TextField(series?.name ?? ""), TextField(hostName), TextField((series?.audienceZones ?? []).joined(separator: ", ")),
                            TextField(series?.description ?? "", multiline: true)])
    }
}
