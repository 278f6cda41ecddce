import DaisCore

/// The panel form: text fields for what is typed, choices for what is picked. Nothing reaches the
/// catalog until the form is saved, and it cannot be saved while a field is invalid.
public struct PanelEditor: Sendable {
    public enum Field: Int, CaseIterable, Sendable {
        case title, series, description, date, start, zone, duration, end, format, status, host, cosponsors, links, notes

        public var label: String {
            switch self {
            case .title: return "Title"
            case .series: return "Series"
            case .description: return "Description"
            case .date: return "Date"
            case .start: return "Start"
            case .zone: return "Zone"
            case .duration: return "Minutes"
            case .end: return "Ends"
            case .format: return "Format"
            case .status: return "Status"
            case .host: return "Host"
            case .cosponsors: return "Co-sponsors"
            case .links: return "Links"
            case .notes: return "Notes"
            }
        }

        /// Fields typed as text (the others are picked).
        public var isText: Bool {
            switch self {
            case .series, .format, .status, .host, .cosponsors: return false
            default: return true
            }
        }
    }

    /// The panel being edited (nil for a new one).
    public let original: Panel?
    public var focus: Field = .title
    public var texts: [Field: TextField]
    public var series: SeriesID?
    public var format: PanelFormat
    public var status: PanelStatus
    public var host: OrganizationID?
    public var cosponsors: [OrganizationID]
    /// Shown after a refused save.
    public var message: String?

    /// A form for an existing panel, or a new one starting on `date` in `zone`.
    public init(panel: Panel?, date: LocalDate, zone: String, series: SeriesID? = nil) {
        original = panel
        let start = panel?.start ?? LocalDateTime(date: date, hour: 10, minute: 0)!
        let minutes = panel?.durationMinutes ?? 60
        texts = [
            .title: TextField(panel?.title ?? ""),
            .description: TextField(panel?.description ?? "", multiline: true),
            .date: TextField(start.date.description),
            .start: TextField(start.timeText),
            .zone: TextField(panel?.zone ?? zone),
            .duration: TextField(String(minutes)),
            .end: TextField(start.adding(minutes: minutes).timeText),
            .links: TextField((panel?.links ?? []).map(PanelEditor.linkLine).joined(separator: "\n"), multiline: true),
            .notes: TextField(panel?.notes ?? "", multiline: true),
        ]
        self.series = panel?.series ?? series
        format = panel?.format ?? .virtualPanel
        status = panel?.status ?? .draft
        host = panel?.host
        cosponsors = panel?.cosponsors ?? []
    }

    public func text(_ field: Field) -> String { texts[field]?.text ?? "" }

    /// Keeps the end time and the minutes in step: editing one recomputes the other.
    mutating func syncDuration(from field: Field) {
        guard let date = LocalDate(parsing: text(.date).strippingSpaces),
              let start = PanelEditor.clock(text(.start), on: date) else { return }
        if field == .end, let end = PanelEditor.clock(text(.end), on: date) {
            var minutes = start.date == end.date ? (end.minuteOfDay - start.minuteOfDay) : 0
            if minutes <= 0 { minutes += 24 * 60 }  // an end at or before the start is the next day
            texts[.duration] = TextField(String(minutes))
        } else if field != .end, let minutes = validMinutes {
            texts[.end] = TextField(start.adding(minutes: minutes).timeText)
        }
    }

    /// "10:00", "9:30", "1000" on a date.
    static func clock(_ text: String, on date: LocalDate) -> LocalDateTime? {
        let t = text.strippingSpaces.replacingOccurrences(of: ".", with: ":")
        let parts = t.split(separator: ":")
        if parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2 {
            return LocalDateTime(date: date, hour: h, minute: m)
        }
        if parts.count == 1, t.count == 4, let hm = Int(t) { return LocalDateTime(date: date, hour: hm / 100, minute: hm % 100) }
        return nil
    }

    /// The minutes typed, when they are a duration a panel may have (`Limits.durationMinutes`).
    var validMinutes: Int? {
        guard let minutes = Limits.wholeNumber(text(.duration).strippingSpaces), Limits.durationProblem(minutes) == nil else { return nil }
        return minutes
    }

    /// What is wrong with each field, by field; empty when the form can be saved.
    public func problems(zone lookup: (String) -> ZoneAliases.Lookup = ZoneAliases.lookup) -> [Field: String] {
        var problems: [Field: String] = [:]
        if text(.title).strippingSpaces.isEmpty { problems[.title] = "a panel needs a title" }
        let date = LocalDate(parsing: text(.date).strippingSpaces)
        if date == nil { problems[.date] = "a date like 2024-11-13" }
        if let date, PanelEditor.clock(text(.start), on: date) == nil { problems[.start] = "a time like 10:00" }
        let zone = lookup(text(.zone))
        if zone.zone == nil { problems[.zone] = zone.message }
        if let minutes = Limits.wholeNumber(text(.duration).strippingSpaces) {
            if let problem = Limits.durationProblem(minutes) { problems[.duration] = problem }
        } else {
            problems[.duration] = "a number of minutes"
        }
        if problems[.start] == nil, problems[.zone] == nil, let date, let start = PanelEditor.clock(text(.start), on: date),
           let z = zone.zone, case .nonexistent(let gap) = z.resolve(start) {
            problems[.start] = "\(start.timeText) does not exist on \(date) in \(z.identifier): \(gap.explanation)"
        }
        if let badLink = links.problem { problems[.links] = badLink }
        return problems
    }

    /// A link as the form shows it: "Label | URL", then " | kind" and " public" or " private" when
    /// they are not the defaults (a join link is private, every other public).
    static func linkLine(_ link: Link) -> String {
        var line = "\(link.label) | \(link.url)"
        if link.kind != .other || !link.hasDefaultVisibility {
            line += " | \(link.kind.rawValue)" + (link.hasDefaultVisibility ? "" : link.isPublic ? " public" : " private")
        }
        return line
    }

    /// The links typed as "Label | URL" lines, each with an optional " | kind [public|private]".
    var links: (links: [Link], problem: String?) {
        var result: [Link] = []
        let hint = "write each link as: Label | https://... | join, stream, registration, recording or other, then public or private if not the usual"
        for line in text(.links).split(separator: "\n") where !String(line).strippingSpaces.isEmpty {
            let parts = line.split(separator: "|", maxSplits: 2).map { String($0).strippingSpaces }
            if parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty {
                var kind = LinkKind.other, visibility: Bool?
                if parts.count == 3 {
                    for word in parts[2].lowercased().split(separator: " ") {
                        if let k = LinkKind(rawValue: String(word)) { kind = k }
                        else if word == "public" { visibility = true }
                        else if word == "private" { visibility = false }
                        else { return (result, hint) }
                    }
                }
                result.append(Link(label: parts[0], url: parts[1], kind: kind, isPublic: visibility))
            } else if parts.count == 1, parts[0].contains("://") {
                result.append(Link(label: "Link", url: parts[0]))
            } else {
                return (result, hint)
            }
        }
        return (result, nil)
    }

    /// The panel the form describes, when every field is valid. `id` is used for a new panel.
    public func draft(id newID: PanelID) -> Panel? {
        guard problems().isEmpty,
              let date = LocalDate(parsing: text(.date).strippingSpaces),
              let start = PanelEditor.clock(text(.start), on: date),
              let zone = ZoneAliases.lookup(text(.zone)).zone,
              let minutes = validMinutes
        else { return nil }
        var panel = original ?? Panel(id: newID, title: "", start: start, zone: zone.identifier)
        panel.title = text(.title).strippingSpaces
        panel.series = series
        panel.description = text(.description).isEmpty ? nil : text(.description)
        panel.start = start
        panel.zone = zone.identifier
        panel.durationMinutes = minutes
        panel.format = format
        panel.status = status
        panel.host = host
        panel.cosponsors = cosponsors
        panel.links = links.links
        panel.notes = text(.notes).isEmpty ? nil : text(.notes)
        return panel
    }

    /// The slot the form describes, for the live display (even while other fields are invalid).
    public var slot: Result<Slot, SlotProblem>? {
        guard let date = LocalDate(parsing: text(.date).strippingSpaces),
              let start = PanelEditor.clock(text(.start), on: date),
              let zone = ZoneAliases.lookup(text(.zone)).zone,
              let minutes = validMinutes
        else { return nil }
        return resolveSlot(start: start, zone: zone, minutes: minutes)
    }

    /// Zone completions for what is typed in the zone field.
    public var zoneCompletions: [String] {
        let typed = text(.zone)
        if ZoneAliases.lookup(typed).zone != nil { return [] }
        return ZoneAliases.completions(for: typed, limit: 6)
    }
}

extension String {
    /// The string without leading and trailing spaces.
    var strippingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

extension Panel {
    /// A copy of this panel on another date ("2024-12-13"), at the same local time in the same zone,
    /// with its series, roster, host, co-sponsors, length, format and links: a new draft with an id
    /// of its own. Or why there can be none on that date.
    public func duplicated(on dateText: String, in catalog: Catalog) -> Result<Panel, DuplicateProblem> {
        guard let date = LocalDate(parsing: dateText),
              let start = LocalDateTime(date: date, hour: start.hour, minute: start.minute) else { return .failure(DuplicateProblem("a date like 2024-12-13")) }
        if let zone = Zone.named(zone), case .nonexistent(let gap) = zone.resolve(start) {
            return .failure(DuplicateProblem("\(start.timeText) does not exist on \(date) in \(zone.identifier): \(gap.explanation)"))
        }
        var copy = self
        copy.id = Slug.panelID(date: date, title: title, in: catalog)
        copy.start = start
        copy.status = .draft
        copy.uid = nil
        return .success(copy)
    }
}

/// Why a panel cannot be copied to a date.
public struct DuplicateProblem: Error, Sendable {
    public let message: String
    init(_ message: String) { self.message = message }
}
